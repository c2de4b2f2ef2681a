// lint: feed documents (text) → diagnostics, offline, with the rules of the W3C Feed Validation Service.
import type { Diagnostic } from '../diagnostics.ts';
import { checkCharacterReferences, checkCharacters, checkSize } from './check-characters.ts';
import { checkNamespaces } from './feed-vocabulary.ts';
import { lintAtom } from './lint-atom.ts';
import { lintJsonFeed } from './lint-json-feed.ts';
import { createLintReport, indexLines } from './lint-report.ts';
import { lintRss } from './lint-rss.ts';
import { parseXmlTree } from './xml-tree.ts';

/** The three formats Gazette publishes. */
export type FeedFormat = 'rss' | 'atom' | 'json';

/** One feed document to lint. */
export interface LintInput {
  /** Shown in every finding, e.g. `dist/feed.xml` or `/feed.xml`. */
  path: string;
  /** The whole document as text. */
  body: string;
  format: FeedFormat;
  /** "Now" for the future-date rule; default the clock (lint, unlike output, may read it). */
  now?: Date;
}

/** Lints one feed document; findings are sorted by line. Never throws on bad content. */
export function lintFeed(input: LintInput): Diagnostic[] {
  if (typeof input?.path !== 'string') throw new TypeError('lintFeed: input.path must be a string');
  if (typeof input.body !== 'string') throw new TypeError('lintFeed: input.body must be a string');
  if (input.format !== 'rss' && input.format !== 'atom' && input.format !== 'json') {
    throw new TypeError(`lintFeed: input.format must be "rss", "atom" or "json", got ${JSON.stringify(input.format)}`);
  }
  const now = input.now ?? new Date();
  const report = createLintReport(input.path, { w3c: input.format !== 'json' });
  // A BOM is allowed before the XML declaration or JSON text; drop it so offsets and parsers agree.
  const body = input.body.startsWith('\uFEFF') ? input.body.slice(1) : input.body;
  checkSize(report, body);

  if (input.format === 'json') {
    lintJsonFeed(report, body, now);
  } else {
    const lineOf = indexLines(body);
    checkCharacters(report, body, lineOf);
    checkCharacterReferences(report, body, lineOf);
    const parsed = parseXmlTree(body);
    if (parsed.error) {
      const { line, column, message } = parsed.error;
      report.error('xml-malformed', line, undefined, `not well-formed XML at line ${line}, column ${column}: ${message}`);
    } else {
      checkNamespaces(report, parsed.root);
      if (input.format === 'rss') lintRss(report, parsed.root, now, body.split('\n'));
      else lintAtom(report, parsed.root, now);
    }
  }
  return report.diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
