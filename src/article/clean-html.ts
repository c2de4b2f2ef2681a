// article: untrusted body HTML → safe HTML with absolute URLs, fit for content:encoded and Atom content.
import sanitizeHtml from 'sanitize-html';
import { HTTP_SCHEMES, readUrl, type UrlScheme } from '../_lib/read-url.ts';
import { cleanXmlText } from './xml-text.ts';

// Dropped with everything inside them: their content is code, widgets or forms, never article text.
const DROPPED_WITH_CONTENT = [
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'applet',
  'form',
  'noscript',
  'template',
  'textarea',
  'select',
  'option',
  'button',
  'input',
  'svg',
  'math',
  'frame',
  'frameset',
  'head',
  'title',
];

const ALLOWED_TAGS = [
  'p',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'a',
  'img',
  'figure',
  'figcaption',
  'blockquote',
  'q',
  'cite',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'em',
  'strong',
  'b',
  'i',
  'u',
  's',
  'del',
  'ins',
  'mark',
  'small',
  'sub',
  'sup',
  'abbr',
  'code',
  'pre',
  'kbd',
  'br',
  'hr',
  'span',
  'time',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'colgroup',
  'col',
];

/**
 * Sanitises body HTML (no script, style, embeds, forms, event handlers or non-http(s)/mailto URLs),
 * makes every `href`/`src`/`srcset` absolute against `baseUrl` (the article's link) and strips the
 * characters XML 1.0 forbids.
 */
export function cleanHtml(html: string, baseUrl: string): string {
  if (typeof html !== 'string') throw new TypeError('cleanHtml: html must be a string');
  try {
    new URL(baseUrl);
  } catch {
    throw new TypeError(`cleanHtml: baseUrl must be an absolute URL, got ${JSON.stringify(baseUrl)}`);
  }
  const link = (url: string | undefined): string | undefined => toAbsolute(url, baseUrl, LINK_SCHEMES);
  const image = (url: string | undefined): string | undefined => toAbsolute(url, baseUrl, HTTP_SCHEMES);
  const clean = sanitizeHtml(cleanXmlText(html), {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ['href', 'title', 'hreflang'],
      img: ['src', 'srcset', 'alt', 'title', 'width', 'height'],
      abbr: ['title'],
      time: ['datetime'],
      ol: ['start', 'reversed'],
      th: ['colspan', 'rowspan', 'scope'],
      td: ['colspan', 'rowspan'],
      col: ['span'],
      '*': ['lang', 'dir'],
    },
    allowedClasses: { h2: ['kicker'], code: ['language-*'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'srcset'],
    allowProtocolRelative: false,
    nonTextTags: DROPPED_WITH_CONTENT,
    // An image whose only source was unsafe or unreadable is nothing but an empty box.
    exclusiveFilter: (frame) => DROPPED_WITH_CONTENT.includes(frame.tag) || (frame.tag === 'img' && !frame.attribs.src),
    transformTags: {
      // The article title is the page's h1: a body h1 becomes a section heading.
      h1: 'h2',
      a: (tagName, attribs) => ({ tagName, attribs: withUrl(attribs, 'href', link(attribs.href)) }),
      img: (tagName, attribs) => {
        const src = withUrl(attribs, 'src', image(attribs.src));
        return { tagName, attribs: withUrl(src, 'srcset', absoluteSrcset(attribs.srcset, baseUrl)) };
      },
    },
  });
  return cleanXmlText(clean).trim();
}

// --- internal ---

/** Links in a body may also write to the newsroom; images only load over http(s). */
const LINK_SCHEMES: readonly UrlScheme[] = ['http:', 'https:', 'mailto:'];

function withUrl(attribs: sanitizeHtml.Attributes, name: string, value: string | undefined): sanitizeHtml.Attributes {
  const next = { ...attribs };
  if (value === undefined) delete next[name];
  else next[name] = value;
  return next;
}

/** Absolute URL of `url` against `base` through the one URL reader; undefined when unsafe (the attribute is dropped). */
function toAbsolute(url: string | undefined, base: string, schemes: readonly UrlScheme[]): string | undefined {
  if (url === undefined) return undefined;
  const reading = readUrl(url, base, { schemes });
  return reading.ok ? reading.url : undefined;
}

// HTML §4.8.4.3: srcset is a comma-separated list of "URL [descriptor]" candidates.
function absoluteSrcset(srcset: string | undefined, base: string): string | undefined {
  if (srcset === undefined) return undefined;
  const candidates = srcset
    .split(/,\s+|,(?=\S+\s+\d)/)
    .map((candidate) => candidate.trim())
    .filter(Boolean)
    .map((candidate) => {
      const [url = '', ...descriptor] = candidate.split(/\s+/);
      const abs = toAbsolute(url, base, HTTP_SCHEMES);
      return abs === undefined ? undefined : [abs, ...descriptor].join(' ');
    });
  return candidates.every((c) => c !== undefined) && candidates.length > 0 ? candidates.join(', ') : undefined;
}
