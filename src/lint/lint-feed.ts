// lint: feed documents (text) → diagnostics, offline, with the rules of the W3C Feed Validation Service.
import { createLineLocator } from '../_lib/line-locator.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { checkCharacterReferences, checkCharacters, checkSize } from './check-characters.ts';
import { checkNamespaces } from './feed-vocabulary.ts';
import { lintAtom } from './lint-atom.ts';
import { lintJsonFeed } from './lint-json-feed.ts';
import { createLintReport, type LintReport } from './lint-report.ts';
import { lintRss } from './lint-rss.ts';
import { lintRss1 } from './lint-rss1.ts';
import { FORMAT_NAMES, type DocumentFormat } from './read-feed.ts';
import { parseXmlTree, type XmlElement } from './xml-tree.ts';

/** The three formats Gazette publishes. */
export type FeedFormat = 'rss' | 'atom' | 'json';
const FORMATS: ReadonlySet<string> = new Set(Object.keys(FORMAT_NAMES));

/** One feed document to lint. */
export interface LintInput {
  /** Shown in every finding, e.g. `dist/feed.xml` or `/feed.xml`. */
  path: string;
  /** The whole document as text. */
  body: string;
  /** A format Gazette writes, or another document kind `detectFormat` names (RSS 0.9x/1.0, Atom entry…). */
  format: FeedFormat | DocumentFormat;
  /** "Now" for the future-date rule; default the clock (lint, unlike output, may read it). */
  now?: Date;
}

/** Lints one feed document; findings are sorted by line. Never throws on bad content. */
export function lintFeed(input: LintInput): Diagnostic[] {
  if (typeof input?.path !== 'string') throw new TypeError('lintFeed: input.path must be a string');
  if (typeof input.body !== 'string') throw new TypeError('lintFeed: input.body must be a string');
  if (!FORMATS.has(input.format)) {
    throw new TypeError(`lintFeed: input.format must be "rss", "atom", "json" or another DocumentFormat, got ${JSON.stringify(input.format)}`);
  }
  const now = input.now ?? new Date();
  const report = createLintReport(input.path, { w3c: input.format !== 'json' });
  // A BOM is allowed before the XML declaration or JSON text; drop it so offsets and parsers agree.
  const body = input.body.startsWith('\uFEFF') ? input.body.slice(1) : input.body;
  checkSize(report, body);

  if (input.format === 'json') {
    lintJsonFeed(report, body, now);
  } else {
    const { lineOf } = createLineLocator(body);
    checkCharacters(report, body, lineOf);
    checkCharacterReferences(report, body, lineOf);
    const parsed = parseXmlTree(body);
    if (parsed.error) {
      const { line, column, message } = parsed.error;
      report.error('xml-malformed', line, undefined, `not well-formed XML at line ${line}, column ${column}: ${message}`, malformedClass(body, line, message));
    } else {
      checkNamespaces(report, parsed.root);
      lintXml(report, input.format, parsed.root, now, body.split('\n'));
    }
  }
  return report.diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

// --- internal ---

/**
 * The validator's class for a malformed document: an unknown named entity in a document with an external DTD is
 * UndefinedNamedEntity (expat skips it, as the DTD is never read; base.py), any other fault SAXError.
 */
function malformedClass(body: string, line: number, message: string): string | undefined {
  if (message !== 'Invalid character entity' || !/<!DOCTYPE[^>[]*\b(?:PUBLIC|SYSTEM)\b/.test(body)) return undefined;
  const text = body.split('\n')[line - 1] ?? '';
  return /&[A-Za-z_][\w.-]*;/.test(text) ? 'UndefinedNamedEntity' : undefined;
}

function lintXml(report: LintReport, format: FeedFormat | DocumentFormat, root: XmlElement, now: Date, lines: readonly string[]): void {
  switch (format) {
    case 'rss':
    case 'rss-0.9x':
      lintRss(report, root, now, lines);
      return;
    case 'rss-1.0':
      lintRss1(report, root, now, lines);
      return;
    case 'atom':
    case 'atom-entry':
      lintAtom(report, root, now);
      return;
    case 'rss-1.1':
      report.warning(
        'feed-format',
        root.line,
        root.name,
        'RSS 1.1 is a feed format Gazette recognises but does not lint; only well-formedness was checked',
        null,
      );
      return;
    case 'atom-0.3':
      report.error(
        'feed-format',
        root.line,
        root.name,
        'Atom 0.3 (http://purl.org/atom/ns#) is obsolete and unsupported by current readers; publish Atom 1.0',
        'ObsoleteNamespace',
      );
      return;
    default:
      if (root.local === 'feed') {
        lintAtom(report, root, now); // an Atom feed in no or the wrong namespace: say so
        return;
      }
      if (root.local === 'rss') {
        lintRss(report, root, now, lines); // an <rss> in a namespace: say so
        return;
      }
      report.error(
        'feed-format',
        root.line,
        root.name,
        `<${root.name}${root.uri ? ` xmlns="${root.uri}"` : ''}> is not the root of a feed format (RSS 0.9x/1.0/2.0, Atom 1.0 feed or entry)`,
        'UndefinedElement',
      );
  }
}
