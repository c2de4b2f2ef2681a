// article: body HTML or a written summary → the plain-text summary feeds show under the title.
import sanitizeHtml from 'sanitize-html';
import { cleanXmlText } from './xml-text.ts';

/** Summaries longer than this are cut on a word boundary and end with `…`. */
export const SUMMARY_LENGTH = 280;

/**
 * Derives a summary from sanitised body HTML: the text of its first paragraphs (kickers and headings
 * skipped), whitespace collapsed, cut on a word boundary at {@link SUMMARY_LENGTH} characters.
 */
export function deriveSummary(html: string, maxLength = SUMMARY_LENGTH): string {
  const paragraphs = [...html.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/gi)].map((m) => toPlainText(m[1] ?? ''));
  const texts = paragraphs.filter(Boolean);
  const source = texts.length > 0 ? texts : [toPlainText(html.replace(/<(h[1-6])\b[\s\S]*?<\/\1>/gi, ' '))];
  let text = '';
  for (const paragraph of source) {
    text = text === '' ? paragraph : `${text} ${paragraph}`;
    if (text.length >= maxLength) break;
  }
  return cutText(text, maxLength);
}

/** HTML (or text that may hold tags and entities) → plain text: tags removed, entities decoded, spaces collapsed. */
export function toPlainText(html: string): string {
  // Block boundaries become spaces so `<p>a</p><p>b</p>` reads "a b", not "ab".
  const spaced = html.replace(/<\/?(?:p|div|br|hr|h[1-6]|li|ul|ol|blockquote|figure|figcaption|tr|td|th|pre|table)\b[^>]*>/gi, ' ');
  const text = sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {}, nonTextTags: ['script', 'style', 'textarea', 'noscript', 'iframe', 'object'] });
  return collapseSpaces(cleanXmlText(decodeBasicEntities(text)));
}

/** Cuts `text` to at most `maxLength` characters on a word boundary, ending with `…` when cut. */
export function cutText(text: string, maxLength = SUMMARY_LENGTH): string {
  const chars = [...text];
  if (chars.length <= maxLength) return text;
  const head = chars.slice(0, maxLength).join('');
  // Cut at an ordinary space only: a no-break space binds `«` and `:` to their word in French typography.
  const boundary = head.lastIndexOf(' ');
  const cut = boundary > maxLength / 2 ? head.slice(0, boundary) : head;
  return `${cut.replace(/[\s\u00a0\u202f,;:–—-]+$/u, '')}…`;
}

// --- internal ---

// sanitize-html re-escapes text it outputs; these are the only entities it writes.
function decodeBasicEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|#x27|apos);/g, (_, name: string) => BASIC[name] ?? '');
}

const BASIC: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", apos: "'" };

function collapseSpaces(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, ' ').trim();
}
