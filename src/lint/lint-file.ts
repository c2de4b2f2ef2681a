// lint: one feed file as bytes → its format and findings (what `gazette lint` and the conformance script run).
import type { Diagnostic } from '../diagnostics.ts';
import { lintFeed } from './lint-feed.ts';
import type { DocumentFormat } from './read-feed.ts';

/** The findings about one file and the format they were checked against. */
export interface FileLint {
  readonly format: DocumentFormat;
  readonly diagnostics: Diagnostic[];
}

/** Lints a feed file's bytes. Never throws on bad content. */
export function lintFeedFile(path: string, bytes: Uint8Array, options: { now?: Date } = {}): FileLint {
  const body = new TextDecoder('utf-8').decode(bytes);
  const start = body.replace(/^\uFEFF/, '').trimStart();
  const root = /<(?!\?|!)([\w:.-]+)/.exec(start)?.[1] ?? '';
  const format = start.startsWith('{') ? 'json' : root.replace(/^.*:/, '') === 'feed' ? 'atom' : 'rss';
  return { format, diagnostics: lintFeed({ path, body, format, ...(options.now ? { now: options.now } : {}) }) };
}
