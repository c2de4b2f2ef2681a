// lint: the RSS 2.0 channel's structured parts — image, textInput, cloud, ttl, skipHours, skipDays — and the
// Dublin Core and Syndication module values, as the W3C validator checks them (channel.py, image.py, textInput.py).
import { checkW3cdtfDate } from './check-dates.ts';
import { checkPlainText } from './content-html.ts';
import type { LintReport } from './lint-report.ts';
import { checkSingles, checkUrl, DC_NS } from './rss-element-checks.ts';
import { checkRssModules } from './rss-modules.ts';
import { isLanguageTag } from './value-checks.ts';
import { attributeOf, findChild, findChildren, type XmlElement } from './xml-tree.ts';

const SY_NS = 'http://purl.org/rss/1.0/modules/syndication/';
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Applies the rules of the channel's parts and module values to `channel`. */
export function checkChannelParts(report: LintReport, channel: XmlElement): void {
  for (const image of findChildren(channel, 'image')) checkImage(report, image);
  // A lower-case <textinput> is no RSS 2.0 element (element-undefined, as the validator says), so its parts go unchecked.
  for (const input of findChildren(channel, 'textInput')) checkTextInput(report, input);
  for (const cloud of findChildren(channel, 'cloud')) checkCloud(report, cloud);
  for (const ttl of findChildren(channel, 'ttl')) {
    // feedvalidator: InvalidPositiveInteger (an InvalidInteger)
    if (!/^\d+$/.test(ttl.text.trim()) || Number(ttl.text.trim()) === 0) {
      report.error('integer-value', ttl.line, 'ttl', `<ttl> is a number of minutes above zero, got "${ttl.text.trim()}"`, 'InvalidPositiveInteger');
    }
  }
  for (const skip of findChildren(channel, 'skipHours')) checkSkipList(report, skip, 'hour');
  for (const skip of findChildren(channel, 'skipDays')) checkSkipList(report, skip, 'day');
  // The validator allows several dc:publisher, and several dc:date in an item, but one channel dc:date and dc:rights.
  checkModules(report, channel, ['date', 'rights']);
  checkRssModules(report, channel);
  for (const item of findChildren(channel, 'item')) {
    checkModules(report, item, []);
    checkRssModules(report, item);
  }
}

// --- internal ---

/** RSS 2.0 §image: url, title and link required, once each; width ≤ 144 and height ≤ 400 pixels, above zero. */
function checkImage(report: LintReport, image: XmlElement): void {
  const classes: Record<string, string> = { url: 'MissingElement', title: 'MissingTitle', link: 'MissingLink' };
  for (const name of ['url', 'title', 'link']) {
    if (!findChild(image, name)) report.error('missing-required', image.line, `image/${name}`, `<image> must have a <${name}>`, classes[name]);
  }
  checkSingles(report, image, ['url', 'title', 'link', 'width', 'height', 'description']);
  for (const name of ['title', 'description']) {
    for (const el of findChildren(image, name)) {
      checkPlainText(report, el.text, el.line, `image/${name}`);
      if (name === 'title' && el.text.trim() === '')
        report.warning('text-blank', el.line, 'image/title', '<image> has an empty <title> (readers use it as the alt text)');
    }
  }
  for (const [name, max, cls] of [
    ['width', 144, 'InvalidWidth'],
    ['height', 400, 'InvalidHeight'],
  ] as const) {
    for (const el of findChildren(image, name)) {
      const value = el.text.trim();
      if (!/^\d+$/.test(value) || Number(value) === 0 || Number(value) > max) {
        report.error('image-size', el.line, `image/${name}`, `<${name}> must be a whole number of pixels from 1 to ${max}, got "${value}"`, cls);
      }
    }
  }
}

/** RSS 2.0 §textInput: title, description, name and link required, once each; name a form control name. */
function checkTextInput(report: LintReport, input: XmlElement): void {
  const classes: Record<string, string> = { title: 'MissingTitle', description: 'MissingDescription', name: 'MissingElement', link: 'MissingLink' };
  for (const name of ['title', 'description', 'name', 'link']) {
    if (!findChild(input, name)) report.error('missing-required', input.line, `textInput/${name}`, `<textInput> must have a <${name}>`, classes[name]);
  }
  checkSingles(report, input, ['title', 'description', 'name', 'link']);
  for (const name of findChildren(input, 'name')) {
    if (!/^[a-zA-Z][a-zA-Z0-9:._]*/.test(name.text.trim()))
      report.error('form-name', name.line, 'textInput/name', `"${name.text.trim()}" is not a form control name (a letter first)`);
  }
  for (const link of findChildren(input, 'link')) checkUrl(report, link.text, link.line, 'textInput/link');
}

/** RSS 2.0 §cloud: domain, port, path, registerProcedure and protocol attributes; port a number. */
function checkCloud(report: LintReport, cloud: XmlElement): void {
  for (const name of ['domain', 'port', 'path', 'registerProcedure', 'protocol']) {
    if (attributeOf(cloud, name) === undefined) report.error('missing-attribute', cloud.line, 'cloud', `<cloud> needs a ${name} attribute`);
  }
  const port = attributeOf(cloud, 'port');
  if (port !== undefined && !/^\d+$/.test(port.trim()))
    report.error('integer-value', cloud.line, 'cloud', `port="${port}" must be a number`, 'InvalidIntegerAttribute');
}

/** skipHours holds `hour` 0–23 (24 is an old spelling of 0), skipDays holds English day names; no value twice. */
function checkSkipList(report: LintReport, skip: XmlElement, child: 'hour' | 'day'): void {
  const values = findChildren(skip, child);
  if (values.length === 0) report.error('missing-required', skip.line, child, `<${skip.local}> must hold at least one <${child}>`);
  // feedvalidator: EightDaysAWeek, NotEnoughHoursInTheDay — more entries than a week has days or a day hours.
  const most = child === 'hour' ? 24 : 7;
  if (skip.children.length > most)
    report.error(
      'skip-count',
      skip.line,
      skip.local,
      `<${skip.local}> lists ${skip.children.length} ${child}s; there are only ${most}`,
      child === 'hour' ? 'NotEnoughHoursInTheDay' : 'EightDaysAWeek',
    );
  for (const other of skip.children) {
    if (other.uri === '' && other.local !== child) report.error('element-undefined', other.line, other.name, `<${skip.local}> holds only <${child}> elements`);
  }
  const seen = new Map<string, number>();
  for (const el of values) {
    let value = el.text.trim();
    if (child === 'hour') {
      if (value === '24') {
        report.warning('midnight-24', el.line, 'hour', '<hour>24</hour> is an old spelling of midnight; write 0');
        value = '0';
      } else if (!/^\d{1,2}$/.test(value) || Number(value) > 23) {
        report.error('hour-value', el.line, 'hour', `<hour> must be a whole hour from 0 to 23 (GMT), got "${value}"`);
        continue;
      }
      value = String(Number(value));
    } else if (!DAYS.includes(value)) {
      report.error('day-value', el.line, 'day', `<day> must be one of ${DAYS.join(', ')}, got "${value}"`);
      continue;
    }
    const first = seen.get(value);
    if (first !== undefined) report.error('duplicate-value', el.line, child, `${child} ${value} is already listed at line ${first}`);
    else seen.set(value, el.line);
  }
}

/** Dublin Core and Syndication values: W3C-DTF dates, a language tag, sy:updatePeriod/Frequency; each once. */
function checkModules(report: LintReport, parent: XmlElement, dcSingles: readonly string[]): void {
  checkSingles(report, parent, dcSingles, DC_NS);
  checkSingles(report, parent, ['updatePeriod', 'updateFrequency', 'updateBase'], SY_NS);
  for (const date of findChildren(parent, 'date', DC_NS)) checkW3cdtfDate(report, date.text.trim(), date.line, 'dc:date');
  // Names and subjects are plain text (feedvalidator: ContainsHTML), e.g. an author written `Jos&eacute;`.
  for (const name of ['creator', 'contributor', 'publisher', 'subject', 'title']) {
    for (const el of findChildren(parent, name, DC_NS)) checkPlainText(report, el.text, el.line, `dc:${name}`);
  }
  for (const language of findChildren(parent, 'language', DC_NS)) {
    if (!isLanguageTag(language.text.trim()))
      report.error('language-tag', language.line, 'dc:language', `"${language.text.trim()}" is not a language tag such as "fr-FR"`);
  }
  for (const period of findChildren(parent, 'updatePeriod', SY_NS)) {
    if (!['hourly', 'daily', 'weekly', 'monthly', 'yearly'].includes(period.text.trim())) {
      report.error('update-period', period.line, 'sy:updatePeriod', `sy:updatePeriod is hourly, daily, weekly, monthly or yearly, got "${period.text.trim()}"`);
    }
  }
  for (const frequency of findChildren(parent, 'updateFrequency', SY_NS)) {
    if (!/^\d+$/.test(frequency.text.trim()) || Number(frequency.text.trim()) === 0) {
      report.error(
        'integer-value',
        frequency.line,
        'sy:updateFrequency',
        `sy:updateFrequency is a whole number above zero, got "${frequency.text.trim()}"`,
        'InvalidPositiveInteger',
      );
    }
  }
  for (const base of findChildren(parent, 'updateBase', SY_NS)) checkW3cdtfDate(report, base.text.trim(), base.line, 'sy:updateBase');
}
