// lint: Media RSS (https://www.rssboard.org/media-rss) in an RSS item or channel, or an Atom entry or feed: the rules
// of the W3C validator's feedvalidator/media.py, with its message classes (testcases/ext/media).
import { checkPlainText } from './content-html.ts';
import type { LintReport } from './lint-report.ts';
import { checkUrl } from './rss-element-checks.ts';
import { isLanguageTag, isMediaType } from './value-checks.ts';
import { attributeOf, type XmlElement } from './xml-tree.ts';

/** The Media RSS namespace. */
export const MEDIA_NS = 'http://search.yahoo.com/mrss/';

/** Checks the Media RSS children of `parent` (an item, entry, channel or feed), and those of its groups and contents. */
export function lintMedia(report: LintReport, parent: XmlElement): void {
  const media = parent.children.filter((c) => c.uri === MEDIA_NS);
  if (media.length === 0) return;
  checkOptionalElements(report, media);
  for (const element of media) {
    if (element.local === 'group') {
      const contents = element.children.filter((c) => c.uri === MEDIA_NS && c.local === 'content');
      if (contents.length < 2) {
        report.error('media-group', element.line, 'media:group', '<media:group> must hold two or more <media:content> alternatives');
      }
      lintMedia(report, element);
    } else if (element.local === 'content') {
      checkContent(report, element);
      lintMedia(report, element);
    }
  }
}

// --- internal ---

/** Elements the validator checks wherever they appear; title, description and copyright at most once per parent. */
function checkOptionalElements(report: LintReport, media: readonly XmlElement[]): void {
  const seen = new Map<string, number>();
  for (const element of media) {
    const name = `media:${element.local}`;
    if (['title', 'description', 'copyright'].includes(element.local)) {
      const first = seen.get(element.local);
      if (first !== undefined) report.error('duplicate-element', element.line, name, `a second <${name}> (first at line ${first})`);
      else seen.set(element.local, element.line);
    }
    switch (element.local) {
      case 'title':
      case 'description':
      case 'text':
        checkTextElement(report, element, name);
        break;
      case 'copyright':
      case 'category':
        checkPlainText(report, element.text, element.line, name);
        checkUrlAttribute(report, element, element.local === 'category' ? 'scheme' : 'url');
        break;
      case 'credit':
        checkCredit(report, element);
        break;
      case 'thumbnail':
      case 'player':
        checkUrlAttribute(report, element, 'url', true);
        checkIntegers(report, element, ['height', 'width'], 1);
        if (element.local === 'thumbnail') checkNptTime(report, element, 'time');
        break;
      case 'hash':
        checkHash(report, element);
        break;
      case 'rating':
        checkRating(report, element);
        break;
      case 'restriction':
        checkRestriction(report, element);
        break;
      case 'adult':
        report.warning('media-adult', element.line, name, '<media:adult> is deprecated: use <media:rating>');
        break;
    }
  }
}

/** `<media:content>`: every attribute has a form (feedvalidator media.py media_content.validate). */
function checkContent(report: LintReport, content: XmlElement): void {
  const field = 'media:content';
  checkUrlAttribute(report, content, 'url');
  checkIntegers(report, content, ['fileSize', 'height', 'width'], 1);
  checkIntegers(report, content, ['channels'], 0);
  for (const name of ['bitrate', 'duration', 'framerate', 'samplingrate']) {
    const value = attributeOf(content, name);
    // The validator's test is re.match(r'\d+\.?\d*'): the value must start with a number.
    if (value !== undefined && value !== '' && !/^\d+\.?\d*/.test(value)) {
      report.error('media-number', content.line, field, `${name}="${value}" must be a number`);
    }
  }
  const medium = attributeOf(content, 'medium');
  if (medium && !['image', 'audio', 'video', 'document', 'executable'].includes(medium)) {
    report.error('media-medium', content.line, field, `medium="${medium}" must be image, audio, video, document or executable`);
  }
  const expression = attributeOf(content, 'expression');
  if (expression && !['sample', 'full', 'nonstop'].includes(expression)) {
    report.error('media-expression', content.line, field, `expression="${expression}" must be sample, full or nonstop`);
  }
  const type = attributeOf(content, 'type');
  if (type && !isMediaType(type.trim())) report.error('media-type', content.line, field, `type="${type}" is not a media type such as "image/jpeg"`);
  const isDefault = attributeOf(content, 'isDefault');
  if (isDefault && !['true', 'false'].includes(isDefault)) {
    report.error('media-boolean', content.line, field, `isDefault="${isDefault}" must be true or false`);
  }
  checkLang(report, content);
}

/** `media:title`, `media:description`, `media:text`: type plain (the default) or html, and plain text without markup. */
function checkTextElement(report: LintReport, element: XmlElement, name: string): void {
  const type = attributeOf(element, 'type');
  if (type && type !== 'plain' && type !== 'html') report.error('media-text-type', element.line, name, `type="${type}" must be "plain" or "html"`);
  if (type !== 'html') checkPlainText(report, element.text, element.line, name, 'ContainsUndeclaredHTML');
  if (element.local === 'text') {
    checkNptTime(report, element, 'start');
    checkNptTime(report, element, 'end');
    checkLang(report, element);
  }
}

/** `media:credit`: a role of the EBU list when the scheme is `urn:ebu` (the default), always lower case. */
function checkCredit(report: LintReport, credit: XmlElement): void {
  const scheme = attributeOf(credit, 'scheme') || 'urn:ebu';
  const role = attributeOf(credit, 'role');
  if (role && ((scheme === 'urn:ebu' && !EBU_ROLES.has(role)) || role !== role.toLowerCase())) {
    report.error(
      'media-credit-role',
      credit.line,
      'media:credit',
      `role="${role}" is not ${scheme === 'urn:ebu' ? 'an EBU role in lower case' : 'in lower case'}`,
    );
  }
  if (scheme !== 'urn:ebu') checkUrl(report, scheme, credit.line, 'scheme', 'rfc2396_full', { exact: true });
}

function checkHash(report: LintReport, hash: XmlElement): void {
  const algo = attributeOf(hash, 'algo');
  const value = hash.text.trim();
  const length = algo === 'sha-1' ? 40 : 32;
  if ((algo && algo !== 'md5' && algo !== 'sha-1') || !/^[0-9A-Za-z]+$/.test(value) || value.length !== length) {
    report.error('media-hash', hash.line, 'media:hash', `"${value}" is not a hex ${algo ?? 'md5'} digest of ${length} characters`);
  }
}

function checkRating(report: LintReport, rating: XmlElement): void {
  const scheme = attributeOf(rating, 'scheme') || 'urn:simple';
  const value = rating.text;
  const allowed = RATINGS[scheme];
  const icra =
    /^r \(([nsvlocx]z [01]|(n[a-c]|s[a-f]|v[a-j]|l[a-c]|o[a-h]|c[a-b]|x[a-e]) 1)( ([nsvlocx]z [01]|(n[a-c]|s[a-f]|v[a-j]|l[a-c]|o[a-h]|c[a-b]|x[a-e]) 1))*\)$/;
  if (allowed ? !allowed.includes(value) : scheme === 'urn:icra' ? !icra.test(value) : false) {
    report.error('media-rating', rating.line, 'media:rating', `"${value}" is not a rating of the ${scheme} scheme`);
  } else if (!allowed && scheme !== 'urn:icra') {
    checkUrl(report, scheme, rating.line, 'scheme', 'rfc2396_full', { exact: true });
  }
}

function checkRestriction(report: LintReport, restriction: XmlElement): void {
  const field = 'media:restriction';
  const relationship = attributeOf(restriction, 'relationship');
  if (!relationship) report.error('missing-attribute', restriction.line, field, '<media:restriction> needs a relationship attribute (allow or deny)');
  else if (relationship !== 'allow' && relationship !== 'deny') {
    report.error('media-restriction', restriction.line, field, `relationship="${relationship}" must be allow or deny`, 'InvalidMediaRestrictionRel');
  }
  const type = attributeOf(restriction, 'type');
  const value = restriction.text;
  if (!type) {
    if (value && value !== 'all' && value !== 'none')
      report.error('media-restriction', restriction.line, field, `"${value}" must be all or none without a type`);
  } else if (type === 'country') {
    for (const code of value.toUpperCase().split(' ')) {
      if (!/^[A-Z]{2}$/.test(code) || code === 'XX') {
        report.error('media-restriction', restriction.line, field, `"${code}" is not an ISO 3166 country code`, 'InvalidCountryCode');
      }
    }
  } else if (type === 'uri') checkUrl(report, value, restriction.line, field, 'rfc2396_full', { exact: true });
  else report.error('media-restriction', restriction.line, field, `type="${type}" must be country or uri`, 'InvalidMediaRestrictionType');
}

function checkUrlAttribute(report: LintReport, element: XmlElement, name: string, required = false): void {
  const value = attributeOf(element, name);
  if (value === undefined || value === '') {
    if (required) report.error('missing-attribute', element.line, `media:${element.local}`, `<media:${element.local}> needs a ${name} attribute`);
    return;
  }
  checkUrl(report, value, element.line, name, 'rfc2396_full', { exact: true });
}

/** Whole numbers of at least `min` (feedvalidator: InvalidPositiveInteger, InvalidNonNegativeInteger). */
function checkIntegers(report: LintReport, element: XmlElement, names: readonly string[], min: 0 | 1): void {
  for (const name of names) {
    const value = attributeOf(element, name);
    if (value === undefined || value === '') continue;
    if (!/^\d+$/.test(value.trim()) || Number(value) < min) {
      report.error(
        'media-integer',
        element.line,
        name,
        `${name}="${value}" must be a whole number${min === 1 ? ' above 0' : ''}`,
        min === 1 ? 'InvalidPositiveInteger' : 'InvalidNonNegativeInteger',
      );
    }
  }
}

/** Normal Play Time (RFC 2326 §3.6) as the validator reads it: `now`, seconds, or h:mm:ss, with fractions. */
function checkNptTime(report: LintReport, element: XmlElement, name: string): void {
  const value = attributeOf(element, name);
  if (value && !/^(now|\d+(\.\d+)?|\d+:\d\d:\d\d(\.\d+)?)$/.test(value)) {
    report.error('media-time', element.line, `media:${element.local}`, `${name}="${value}" is not a Normal Play Time such as 12.5 or 0:01:30`);
  }
}

function checkLang(report: LintReport, element: XmlElement): void {
  const lang = attributeOf(element, 'lang');
  if (lang && !isLanguageTag(lang)) report.error('language-tag', element.line, 'lang', `lang="${lang}" is not a language tag such as "fr"`);
}

const RATINGS: Readonly<Record<string, readonly string[]>> = {
  'urn:simple': ['adult', 'nonadult'],
  'urn:mpaa': ['g', 'm', 'nc-17', 'pg', 'pg-13', 'r', 'x'],
  'urn:v-chip': ['14+', '18+', 'c', 'c8', 'g', 'pg', 'tv-14', 'tv-g', 'tv-ma', 'tv-pg', 'tv-y', 'tv-y7', 'tv-y7-fv'],
};

/** The EBU role codes the validator accepts for `urn:ebu` (feedvalidator media.py media_credit.EBU). */
const EBU_ROLES: ReadonlySet<string> = new Set(
  // biome-ignore format: one long list, kept as the validator writes it
  ('actor|adaptor|anchor person|animal trainer|animator|announcer|armourer|art director|artist/performer|assistant camera|' +
  'assistant chief lighting technician|assistant director|assistant producer|assistant visual editor|author|broadcast assistant|' +
  'broadcast journalist|camera operator|carpenter|casting|causeur|chief lighting technician|choir|choreographer|clapper loader|' +
  'commentary or commentator|commissioning broadcaster|composer|computer programmer|conductor|consultant|continuity checker|' +
  'correspondent|costume designer|dancer|dialogue coach|director|director of photography|distribution company|draughtsman|' +
  'dresser|dubber|editor/producer|editor|ensemble|executive producer|expert|fight director|floor manager|focus puller|' +
  'foley artist|foley editor|foley mixer|graphic assistant|graphic designer|greensman|grip|hairdresser|illustrator|' +
  'interviewed guest|interviewer|key character|key grip|key talents|leadman|librettist|lighting director|lighting technician|' +
  'location manager|lyricist|make up artist|manufacturer|matte artist|music arranger|music group|musician|news reader|orchestra|' +
  'participant|photographer|post|producer|production assistant|production company|production department|production manager|' +
  'production secretary|programme production researcher|property manager|publishing company|puppeteer|pyrotechnician|reporter|' +
  'rigger|runner|scenario|scenic operative|script supervisor|second assistant camera|second assistant director|' +
  'second unit director|set designer|set dresser|sign language|singer|sound designer|sound mixer|sound recordist|' +
  'special effects|stunts|subtitles|technical director|term|translation|transportation manager|treatment/programme proposal|' +
  'vision mixer|visual editor|visual effects|wardrobe|witness|artist|performer|treatment|treatment proposal|programme proposal').split('|'),
);
