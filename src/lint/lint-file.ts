// lint: one feed (or sitemap) file as bytes → its format and findings (what `gazette lint` and the conformance script run).
import type { Diagnostic } from '../diagnostics.ts';
import { lintFeed } from './lint-feed.ts';
import { lintSitemap } from './lint-sitemap.ts';
import { createLintReport } from './lint-report.ts';
import { decodeFeed, detectFormat, type DocumentFormat } from './read-feed.ts';

/** The findings about one file and the format they were checked against. */
export interface FileLint {
  readonly format: DocumentFormat;
  readonly diagnostics: Diagnostic[];
}

/**
 * Lints a feed file's bytes: decoded by its BOM or XML declaration, checked as the format its root element names
 * (`detectFormat`). Never throws on bad content.
 */
export function lintFeedFile(path: string, bytes: Uint8Array, options: { now?: Date } = {}): FileLint {
  const decoded = decodeFeed(bytes);
  const format = detectFormat(decoded.text);
  const report = createLintReport(path);
  for (const p of decoded.problems) report.error(p.code, 1, 'encoding', p.message);
  // A sitemap (Gazette writes them beside the feeds) gets the sitemap checks; its URLs must share the first one's host.
  const findings =
    format === 'sitemap' ? lintSitemap(path, decoded.text) : lintFeed({ path, body: decoded.text, format, ...(options.now ? { now: options.now } : {}) });
  const diagnostics = [...report.diagnostics, ...findings];
  return { format, diagnostics: diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
}
