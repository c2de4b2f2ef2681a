// lint: a build's rendered documents → feed lint findings, the format picked from each content type.
import { FEED_FORMATS } from '../_lib/feed-formats.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { lintFeed, type FeedFormat } from './lint-feed.ts';
import { detectFormat } from './read-feed.ts';

/** One served or written document, as the build and `gazette check` see it. */
export interface LintDocument {
  path: string;
  body: string | Uint8Array;
  /** `Content-Type` value; picks the format (`application/rss+xml`, `application/atom+xml`, `application/feed+json`). */
  contentType: string;
}

/** Lints every feed among `docs` (HTML and other types are skipped); the format comes from the content type. */
export function lintDocuments(docs: readonly LintDocument[], options: { now?: Date } = {}): Diagnostic[] {
  if (!Array.isArray(docs)) throw new TypeError('lintDocuments: docs must be an array');
  const diagnostics: Diagnostic[] = [];
  for (const doc of docs) {
    const body = typeof doc.body === 'string' ? doc.body : new TextDecoder('utf-8').decode(doc.body);
    const format = formatOf(doc.contentType, body);
    if (format) diagnostics.push(...lintFeed({ path: doc.path, body, format, ...(options.now ? { now: options.now } : {}) }));
  }
  return diagnostics;
}

/** The feed format of a content type; generic XML is told apart by its root element (after the prolog). */
export function formatOf(contentType: string, body = ''): FeedFormat | undefined {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === FEED_FORMATS.rss.mediaType) return 'rss';
  if (type === FEED_FORMATS.atom.mediaType) return 'atom';
  if (type === FEED_FORMATS.json.mediaType || type === 'application/json') return 'json';
  if (type === 'application/xml' || type === 'text/xml') {
    const format = detectFormat(body);
    if (format === 'rss' || format === 'atom') return format;
  }
  return undefined;
}
