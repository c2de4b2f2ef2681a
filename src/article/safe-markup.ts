// article: HTML that Gazette's own renderers made (marked without raw HTML, dispatch blocks) → what cleanHtml makes of
// it, byte for byte, without the sanitiser.
//
// Such HTML holds only tags the renderer writes, with attribute values and text it escaped itself: nothing in it
// can be a script, a handler or a form, so sanitize-html (≈ 200 µs an article) has nothing to remove. What it
// still changes is done here the same way: URLs made absolute (and unsafe ones dropped), `h1` → `h2`, void tags
// as `<br />`, text re-escaped as sanitize-html escapes it. Anything outside that narrow vocabulary (an entity the
// renderer did not write, an unknown tag or attribute, an empty value) returns undefined: the caller sanitises.
// tests/article/safe-markup.test.ts checks with fast-check that both ways give the same bytes.
import { HTTP_SCHEMES, readUrl, type UrlScheme } from '../_lib/read-url.ts';
import { cleanXmlText } from './xml-text.ts';

/**
 * cleanHtml's result for `html`, which must come from a renderer that escapes every text and attribute value and
 * writes no HTML of the author's (see the module header); undefined when `html` is not in the vocabulary handled
 * here, and cleanHtml must run.
 */
export function cleanRenderedHtml(html: string, baseUrl: string): string | undefined {
  const source = cleanXmlText(html);
  // Every `&` a renderer writes starts one of its five escapes; any other reference came from the author.
  if (OTHER_REFERENCE.test(source)) return undefined;
  let out = '';
  let last = 0;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(source); match !== null; match = TAG.exec(source)) {
    const text = source.slice(last, match.index);
    // A `<` that opens no tag of the vocabulary (a comment, a tag written another way): the parser's business.
    if (text.includes('<')) return undefined;
    out += reescapeText(text);
    last = TAG.lastIndex;
    const [, slash, name = '', attributes = ''] = match;
    const tag = slash ? closingTag(name) : openingTag(name, attributes, baseUrl);
    if (tag === undefined) return undefined;
    out += tag;
  }
  const rest = source.slice(last);
  if (rest.includes('<')) return undefined;
  return (out + reescapeText(rest)).trim();
}

// --- internal ---

const OTHER_REFERENCE = /&(?!(?:amp|lt|gt|quot|#39);)/;
// Renderers write lower-case tags, attributes as ` name="value"` with `"` escaped inside.
const TAG = /<(\/?)([a-z][a-z0-9]*)((?: [a-z]+="[^"<>]*")*)>/g;
const ATTRIBUTE = / ([a-z]+)="([^"]*)"/g;

/** Tags kept as they are, without attributes. */
const PLAIN = new Set([
  'p',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'em',
  'strong',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]);
/** sanitize-html writes these as `<br />` (its `selfClosing` list), and drops their closing tags. */
const VOID = new Set(['br', 'hr', 'img']);

const LINK_SCHEMES: readonly UrlScheme[] = ['http:', 'https:', 'mailto:'];

function closingTag(name: string): string | undefined {
  if (name === 'h1') return '</h2>';
  return PLAIN.has(name) || name === 'a' ? `</${name}>` : undefined;
}

/** The tag as cleanHtml writes it ('' when it drops it), or undefined outside the vocabulary. */
function openingTag(name: string, attributes: string, baseUrl: string): string | undefined {
  const attribs: [string, string][] = [];
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(attributes); match !== null; match = ATTRIBUTE.exec(attributes)) {
    attribs.push([match[1] ?? '', decode(match[2] ?? '')]);
  }
  if (attribs.length === 0) {
    if (name === 'h1') return '<h2>';
    if (PLAIN.has(name) || name === 'a') return `<${name}>`;
    return name === 'br' || name === 'hr' ? `<${name} />` : undefined;
  }
  const kept: string[] = [];
  for (const [attribute, value] of attribs) {
    const written = keptAttribute(name, attribute, value, baseUrl);
    if (written === undefined) return undefined;
    if (written === null) {
      // An image without a safe source is dropped whole (cleanHtml's exclusiveFilter); a link keeps its text.
      if (name === 'img' && attribute === 'src') return '';
      continue;
    }
    kept.push(` ${attribute}="${escapeAttribute(written)}"`);
  }
  return `<${name}${kept.join('')}${VOID.has(name) ? ' />' : '>'}`;
}

/** The attribute's value as kept, null when dropped, undefined when this tag and attribute are not handled here. */
function keptAttribute(tag: string, attribute: string, value: string, baseUrl: string): string | null | undefined {
  if (value === '' && attribute !== 'alt') return undefined;
  if (tag === 'a' && attribute === 'href') return absolute(value, baseUrl, LINK_SCHEMES);
  if (tag === 'img' && attribute === 'src') return absolute(value, baseUrl, HTTP_SCHEMES);
  if ((tag === 'a' || tag === 'img') && attribute === 'title') return value;
  if (tag === 'img' && attribute === 'alt') return value;
  if (tag === 'ol' && attribute === 'start' && /^\d{1,9}$/.test(value)) return value;
  if ((tag === 'th' || tag === 'td') && attribute === 'align') return null;
  if (tag === 'code' && attribute === 'class' && /^language-[\w+#.-]+$/.test(value)) return value;
  if (tag === 'h2' && attribute === 'class' && value === 'kicker') return value;
  return undefined;
}

function absolute(url: string, base: string, schemes: readonly UrlScheme[]): string | null {
  const reading = readUrl(url, base, { schemes });
  return reading.ok ? reading.url : null;
}

const DECODED: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

function decode(text: string): string {
  return text.includes('&') ? text.replace(/&(?:amp|lt|gt|quot|#39);/g, (ref) => DECODED[ref] ?? ref) : text;
}

/** Text as sanitize-html writes it: decoded, then `&`, `<` and `>` escaped (quotes left as they are). */
function reescapeText(text: string): string {
  if (!text.includes('&') && !text.includes('>')) return text;
  return decode(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value as sanitize-html writes it: `&`, `<`, `>` and `"` escaped. */
function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
