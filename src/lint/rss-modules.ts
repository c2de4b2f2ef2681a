// lint: the values of the older RSS 2.0 modules the W3C validator checks — Creative Commons (in Atom too), blogChannel, admin,
// W3C Basic Geo and Trackback (feedvalidator/extension.py, channel.py, item.py) — beside Dublin Core and Syndication
// (rss-channel-parts.ts).
import type { LintReport } from './lint-report.ts';
import { checkSingles, checkUrl } from './rss-element-checks.ts';
import { findChildren, type XmlElement } from './xml-tree.ts';

const CC_NS = 'http://backend.userland.com/creativeCommonsRssModule';
const BLOG_CHANNEL_NS = 'http://backend.userland.com/blogChannelModule';
const ADMIN_NS = 'http://webns.net/mvcb/';
const GEO_NS = 'http://www.w3.org/2003/01/geo/wgs84_pos#';
const TRACKBACK_NS = 'http://madskills.com/public/xml/rss/module/trackback/';
const RDF_NS = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

/** blogChannel (https://cyber.harvard.edu/rss/blogChannelModule.html): each names one URL, once per channel. */
const BLOG_CHANNEL = ['blogRoll', 'mySubscriptions', 'blink', 'changes'];
/** admin (http://webns.net/mvcb/): each points, by `rdf:resource`, at one URI, once per channel. */
const ADMIN = ['errorReportsTo', 'generatorAgent'];

/** Applies the module rules to an RSS 2.0 `<channel>` or `<item>`. */
export function checkRssModules(report: LintReport, parent: XmlElement): void {
  const channel = parent.local === 'channel';
  checkLicense(report, parent);
  checkCoordinate(report, parent, 'lat', 90, 'InvalidLatitude');
  checkCoordinate(report, parent, 'long', 180, 'InvalidLongitude');
  if (channel) {
    checkSingles(report, parent, BLOG_CHANNEL, BLOG_CHANNEL_NS);
    for (const name of BLOG_CHANNEL) {
      for (const el of findChildren(parent, name, BLOG_CHANNEL_NS)) checkUrl(report, el.text, el.line, el.name, 'rfc2396_full');
    }
    checkSingles(report, parent, ADMIN, ADMIN_NS);
    for (const name of ADMIN) {
      for (const el of findChildren(parent, name, ADMIN_NS)) {
        // RSS 2.0 does not require the attribute (the validator asks for it in RSS 1.0 only).
        const resource = [...el.attributes.values()].find((a) => a.uri === RDF_NS && a.local === 'resource');
        if (resource) checkUrl(report, resource.value, el.line, el.name, 'rfc2396', { exact: true });
      }
    }
  } else {
    // In RSS 2.0 the Trackback URLs are element text; RSS 1.0's rdf:resource form leaves the text empty, which the
    // validator reports as an invalid full URI (InvalidFullLink).
    checkSingles(report, parent, ['ping'], TRACKBACK_NS);
    for (const name of ['ping', 'about']) {
      for (const el of findChildren(parent, name, TRACKBACK_NS)) checkUrl(report, el.text, el.line, el.name, 'rfc2396_full');
    }
  }
}

/**
 * creativeCommons:license names the licence by its full URL, in an RSS channel or item and an Atom feed or entry
 * alike (feedvalidator: rfc2396_full, InvalidFullLink).
 */
export function checkLicense(report: LintReport, parent: XmlElement): void {
  for (const el of findChildren(parent, 'license', CC_NS)) checkUrl(report, el.text, el.line, el.name, 'rfc2396_full');
}

// --- internal ---

/** geo:lat and geo:long are decimal degrees within ±`max` (W3C Basic Geo vocabulary; feedvalidator: latitude, longitude). */
function checkCoordinate(report: LintReport, parent: XmlElement, name: string, max: number, w3c: string): void {
  for (const el of findChildren(parent, name, GEO_NS)) {
    const value = el.text.trim();
    const degrees = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(value) ? Number(value) : Number.NaN;
    if (!(Math.abs(degrees) <= max))
      report.error('coordinate', el.line, el.name, `<${el.name}> is decimal degrees from -${max} to ${max}, got "${value}"`, w3c);
  }
}
