// site: the lint gate — a rendered feed → what is published: the feed itself when it lints clean; the feed without
// the articles whose text breaks it, each reported on its record; nothing when an error no single article explains.
//
// No feed is ever published with a lint error, and one article's text never withholds a feed from everyone else:
// the per-record containment records have (a bad record is skipped, the others publish), one stage later.
import type { Article } from '../article/article.ts';
import { hasErrors, type Diagnostic } from '../diagnostics.ts';
import { formatOf, lintDocuments } from '../lint/lint-documents.ts';
import type { RawRecord } from '../records/raw-record.ts';
import type { RenderedDocument } from '../render/render-site.ts';
import { findItemSpans, spanAt } from './item-spans.ts';

/** A feed document's articles, in the order its items show them, and how to render it with fewer of them. */
export interface GatedFeed {
  readonly articles: readonly Article[];
  /** The same document (path, type, date) with only `articles`, in their order. */
  render(articles: readonly Article[]): RenderedDocument;
}

/** What the gate lets through of one document. */
export interface GateResult {
  /** The document to publish: the one given, the same without some articles, or undefined (withheld). */
  readonly doc: RenderedDocument | undefined;
  /** The published document's lint findings (the withheld one's), then one error per article left out. */
  readonly diagnostics: readonly Diagnostic[];
  /** The articles left out of the document. */
  readonly leftOut: readonly Article[];
}

/** Options of {@link createLintGate}. */
export interface LintGateOptions {
  /** An article's record as read now, for the line of the field at fault; undefined (or absent): line 1. */
  readonly readRecord?: (article: Article) => Promise<RawRecord | undefined>;
}

/** Lints documents, each once while it is the same object (a rebuild hands unchanged documents back as they were). */
export interface LintGate {
  /** Lints `doc` (a feed; other types pass as they are); `feed` lets it leave out the articles at fault. */
  check(doc: RenderedDocument, feed: GatedFeed | undefined, now: Date): Promise<GateResult>;
}

/** How many times a feed is rendered again without the articles found at fault before it is withheld. */
export const MAX_GATE_ROUNDS = 3;

/** Creates a gate that remembers its results by document identity (findings that depend on the clock excepted). */
export function createLintGate(options: LintGateOptions = {}): LintGate {
  const known = new WeakMap<RenderedDocument, GateResult>();
  /** The last document checked at each path, with its result: the same text under a new date lints the same. */
  const lastAt = new Map<string, { readonly doc: RenderedDocument; readonly result: GateResult }>();
  return {
    async check(doc, feed, now) {
      const cached = known.get(doc);
      if (cached) return cached;
      const last = lastAt.get(doc.path);
      // A document whose Last-Modified alone moved (render-cache.ts) has the same body string: compared in O(1).
      let value: GateResult;
      if (last !== undefined && last.doc.body === doc.body && last.doc.contentType === doc.contentType) value = retimed(last.result, last.doc, doc);
      else {
        const result = await gate(doc, feed, now, options);
        // Findings that depend on the clock (a date ahead of now) may expire: they are never kept.
        if (result.clock) return result.value;
        value = result.value;
      }
      known.set(doc, value);
      lastAt.set(doc.path, { doc, result: value });
      return value;
    },
  };
}

/** What {@link gateFeeds} let through. */
export interface GatedSite {
  /** Each feed's notes (made while rendering), lint findings and left-out articles, in feed order. */
  readonly diagnostics: readonly Diagnostic[];
  /** Paths of feeds withheld (removed from `documents`). */
  readonly withheld: readonly string[];
}

/**
 * Step 5 of a build: no feed is ever published with a lint error. An article whose text breaks a feed is left out of
 * it and reported on its record; a feed with an error no article explains is withheld. `documents` is changed in
 * place (the same keys, the same order).
 */
export async function gateFeeds(
  gate: LintGate,
  documents: Map<string, RenderedDocument>,
  feedPaths: readonly string[],
  gated: ReadonlyMap<string, GatedFeed>,
): Promise<GatedSite> {
  const diagnostics: Diagnostic[] = [];
  const withheld: string[] = [];
  const now = new Date();
  for (const path of feedPaths) {
    const doc = documents.get(path);
    if (doc === undefined) continue;
    const passed = await gate.check(doc, gated.get(path), now);
    // Notes made while rendering (a feed cut to fit maxFeedBytes) are said with its lint findings, every build.
    if (doc.notes) diagnostics.push(...doc.notes.map((d) => (d.source === undefined ? { ...d, source: 'feed' as const } : d)));
    diagnostics.push(...passed.diagnostics);
    if (passed.doc === undefined) withheld.push(path);
    else if (passed.doc !== doc) documents.set(path, passed.doc);
  }
  for (const path of withheld) documents.delete(path);
  return { diagnostics, withheld };
}

// --- internal ---

/** `result` of `before` for `after`, the same text under another date: what it publishes takes the new date. */
function retimed(result: GateResult, before: RenderedDocument, after: RenderedDocument): GateResult {
  const doc = result.doc === undefined ? undefined : result.doc === before ? after : { ...result.doc, lastModified: after.lastModified };
  return { ...result, doc };
}

async function gate(doc: RenderedDocument, feed: GatedFeed | undefined, now: Date, options: LintGateOptions): Promise<{ value: GateResult; clock: boolean }> {
  let clock = false;
  const lint = (d: RenderedDocument): Diagnostic[] => {
    const findings = lintDocuments([d], { now }).map((f) => (f.source === undefined ? { ...f, source: 'feed' as const } : f));
    clock ||= findings.some((f) => f.clock === true);
    return findings;
  };
  const findings = lint(doc);
  if (!hasErrors(findings)) return { value: { doc, diagnostics: findings, leftOut: [] }, clock };
  // Left out: each article at fault with the first error it caused (in the document where it was found).
  const leftOut = new Map<Article, Fault>();
  let shown = feed?.articles ?? [];
  let current = doc;
  let currentFindings = findings;
  for (let round = 0; feed && round < MAX_GATE_ROUNDS; round++) {
    const faults = findFaults(current, currentFindings, shown);
    if (faults === undefined) break; // errors no single article explains
    for (const [article, fault] of faults) if (!leftOut.has(article)) leftOut.set(article, fault);
    shown = shown.filter((a) => !faults.has(a));
    current = feed.render(shown);
    currentFindings = lint(current);
    if (!hasErrors(currentFindings)) {
      const reported = await Promise.all([...leftOut].map(([article, fault]) => leftOutError(article, fault, doc.path, options)));
      return { value: { doc: current, diagnostics: [...currentFindings, ...reported], leftOut: [...leftOut.keys()] }, clock };
    }
  }
  // Withheld as a whole: its findings are those of the document as rendered with every article.
  return { value: { doc: undefined, diagnostics: findings, leftOut: [] }, clock };
}

/** A lint error an article's item holds, with the feed field (element or member) it is in. */
interface Fault {
  readonly finding: Diagnostic;
  readonly field: string | undefined;
}

/**
 * The articles whose items hold some of the document's errors, each with its first one; undefined when none does.
 * An error with no line, or outside every item (the channel, the whole document), is no article's: it stays, and the
 * next lint tells. Items are matched to the articles by their order, so a document whose items are not as many as
 * its articles explains nothing (a malformed one may show fewer: the items after its error are not known).
 */
function findFaults(doc: RenderedDocument, findings: readonly Diagnostic[], articles: readonly Article[]): Map<Article, Fault> | undefined {
  // Only an error with a line can be an item's: without one (a feed over the size limit) the items are not looked
  // for, which on a feed of megabytes is a second parse of the whole document.
  if (!findings.some((f) => f.severity === 'error' && f.line !== undefined)) return undefined;
  const format = formatOf(doc.contentType, doc.body);
  if (format === undefined) return undefined;
  const spans = findItemSpans(doc.body, format);
  if (spans.complete ? spans.items.length !== articles.length : spans.items.length > articles.length) return undefined;
  const faults = new Map<Article, Fault>();
  for (const finding of findings) {
    if (finding.severity !== 'error' || finding.line === undefined) continue;
    const span = spanAt(spans.items, finding.line);
    if (span === undefined) continue;
    const article = articles[spans.items.indexOf(span)]!;
    // The item's field (element or member) holding the line; an Atom `author` rather than the `name` inside it.
    if (!faults.has(article)) faults.set(article, { finding, field: spanAt(span.fields, finding.line)?.name ?? finding.field });
  }
  return faults.size > 0 ? faults : undefined;
}

/** `items/a.md:2 title: left out of /feed.xml, whose line 14 it breaks: …`, a record error like any other. */
async function leftOutError(article: Article, fault: Fault, path: string, options: LintGateOptions): Promise<Diagnostic> {
  const field = fault.field === undefined ? undefined : RECORD_FIELDS.get(fault.field);
  const record = field === undefined ? undefined : await options.readRecord?.(article);
  const { finding } = fault;
  return {
    severity: 'error',
    file: article.file,
    line: (record && field !== undefined ? lineOfField(record, field) : undefined) ?? 1,
    ...(field === undefined ? {} : { field }),
    code: 'left-out-of-feed',
    message: `left out of ${path}, whose line ${finding.line} it breaks: ${finding.message}`,
    source: 'record',
  };
}

/** The line where a record writes `field`; a summary the record does not write comes from its body. */
function lineOfField(record: RawRecord, field: string): number | undefined {
  const body = record.body.kind === 'none' ? undefined : record.body.line;
  if (field === 'body') return body;
  return record.fields[field]?.line ?? (field === 'summary' ? body : undefined);
}

/** The record field each item field of RSS 2.0, Atom 1.0 and JSON Feed 1.1 is written from (render/to-feed-item.ts). */
const RECORD_FIELDS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    title: 'title',
    description: 'summary',
    summary: 'summary',
    'content:encoded': 'body',
    content: 'body',
    content_html: 'body',
    category: 'categories',
    tags: 'categories',
    pubDate: 'date',
    published: 'date',
    date_published: 'date',
    updated: 'updated',
    date_modified: 'updated',
    link: 'link',
    url: 'link',
    guid: 'id',
    id: 'id',
    author: 'author',
    authors: 'author',
    'dc:creator': 'author',
    enclosure: 'image',
    image: 'image',
  }),
);
