// site: a persistent cache of a static build's eager documents (the feeds, the listing pages, robots.txt, OPML)
// between `gazette build` runs, keyed by their inputs, with what the lint gate made of each feed.
//
// A warm build after one edit would otherwise render, lint and compress every feed again (≈ 40 feeds, seconds at
// 10,000 articles) although few show the edited article. A document is its planned inputs (plan-site.ts `deps`: every
// value its render reads) under one configuration and one code: the key hashes those, each article by its light
// content (without body: its `sourceHash` names the bytes the body is made from, as an article page's source key
// does in render-cache.ts). A key found here gives the document as last published — the gate's published text, or
// its withholding, and its findings — without rendering or linting it; its bytes equal the previous output's, so
// the static writer links them and their `.gz`/`.br` instead of compressing again.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { readCacheMaps, writeCacheFile } from './cache-file.ts';
import { codeStamp } from '../_lib/code-stamp.ts';
import type { Article } from '../article/article.ts';
import type { ResolvedConfig } from '../config/config-schema.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { PlannedDocument } from '../render/plan-site.ts';
import type { RenderedDocument } from '../render/rendered-document.ts';
import type { GateResult, LintGate } from './lint-gate.ts';

/** What is kept of one document: enough to hand it back as published. */
interface StoredDocument {
  readonly key: string;
  readonly contentType: string;
  readonly lastModified: number;
  readonly live: boolean;
  /** The published text; undefined: the lint gate withheld the feed. */
  readonly body: string | undefined;
  /** What rendering said (a feed cut to fit maxFeedBytes). */
  readonly notes: readonly Diagnostic[] | undefined;
  /** The lint gate's findings (feeds); none for other documents. */
  readonly findings: readonly Diagnostic[];
}

/** An open store: look-ups while a build renders, then one write of what this build published. */
export interface DocumentStore {
  /** The key of a planned document, `isArticle` telling which deps are (light) articles. */
  keyOf(planned: PlannedDocument, isArticle: (dep: unknown) => boolean): string | undefined;
  /** The document at `path` as published from inputs with `key`, if kept; the lint gate then reuses its result. */
  take(path: string, key: string): RenderedDocument | undefined;
  /** A document rendered now from inputs with `key`: kept once published (a feed: once the gate has passed it). */
  put(planned: PlannedDocument, key: string, doc: RenderedDocument): void;
  /** `inner`, answering for documents taken from the store and telling the store what it made of the others. */
  gate(inner: LintGate): LintGate;
  /** The light `article` with the body and summary an earlier build rendered from the same article, if kept. */
  bodyOf(article: Article): Article | undefined;
  /** Keeps the body and summary of `full`, the light `article` with its body (one a document rendered now shows). */
  keepBody(article: Article, full: Article): void;
  /** Writes the documents and bodies of this build (so the file follows the site), if anything changed; then lets go of them. */
  save(): Promise<void>;
}

/** Bumped whenever what is stored changes shape. */
const FORMAT = 2;

/** The body of an article a kept document shows, by the article's light key. */
interface StoredBody {
  readonly html: string;
  readonly summary: string;
}

/** The code a document's text and its lint findings come from. */
const DOCUMENT_CODE = ['records', 'article', 'article/_lib', 'feed-set', 'lifecycle', 'render', 'lint', 'site', '_lib'];

/** Opens the store of `config` in `dir` (`version`: Gazette's own); a store of other code or options starts empty. */
export async function openDocumentStore(dir: string, config: ResolvedConfig, version: string): Promise<DocumentStore> {
  const stamp = hash([FORMAT, version, codeStamp(DOCUMENT_CODE), config]);
  const file = path.join(dir, `documents-${stamp.slice(0, 24).replace(/[-_]/g, 'x')}.bin`);
  const { documents: known, bodies: knownBodies } = await load(file);
  const used = new Map<string, StoredDocument>();
  const usedBodies = new Map<string, StoredBody>();
  const pending = new WeakMap<RenderedDocument, { readonly path: string; readonly key: string }>();
  const results = new WeakMap<RenderedDocument, GateResult>();
  const articleKeys = new WeakMap<object, string>();
  let changed = false;

  const keep = (docPath: string, value: StoredDocument) => {
    if (known.get(docPath)?.key !== value.key) changed = true;
    used.set(docPath, value);
  };
  const articleKey = (article: Article): string => {
    let key = articleKeys.get(article);
    if (key === undefined) articleKeys.set(article, (key = hash([{ ...article, html: undefined, summary: undefined }])));
    return key;
  };

  return {
    keyOf(planned, isArticle) {
      const deps: unknown[] = [];
      for (const dep of planned.deps) {
        if (isArticle(dep)) deps.push(articleKey(dep as Article));
        else if (isPlain(dep)) deps.push(dep);
        else return undefined; // a Map, a class instance…: JSON would not tell two of them apart
      }
      const { path: docPath, kind, contentType, lastModified, live } = planned;
      return hash([stamp, docPath, kind, contentType, lastModified.getTime(), live, deps]);
    },
    take(docPath, key) {
      const stored = known.get(docPath);
      if (stored?.key !== key) return undefined;
      used.set(docPath, stored);
      const { contentType, body, notes } = stored;
      const doc: RenderedDocument = {
        path: docPath,
        contentType,
        body: body ?? '',
        lastModified: new Date(stored.lastModified),
        ...(stored.live ? {} : { live: false as const }),
        ...(notes === undefined ? {} : { notes }),
      };
      results.set(doc, { doc: body === undefined ? undefined : doc, diagnostics: stored.findings, leftOut: [] });
      return doc;
    },
    put(planned, key, doc) {
      if (planned.kind === 'feed') pending.set(doc, { path: planned.path, key });
      else keep(planned.path, storedOf(key, doc, doc.body, []));
    },
    gate(inner) {
      return {
        async check(doc, feed, now) {
          const known = results.get(doc);
          if (known !== undefined) return known;
          const result = await inner.check(doc, feed, now);
          const planned = pending.get(doc);
          // Findings that depend on the clock (a date ahead of now) may change with no input changing: not kept.
          if (planned && !result.diagnostics.some((d) => d.clock === true))
            keep(planned.path, storedOf(planned.key, doc, result.doc?.body, result.diagnostics));
          return result;
        },
      };
    },
    bodyOf(article) {
      const key = articleKey(article);
      const body = usedBodies.get(key) ?? knownBodies.get(key);
      if (body === undefined) return undefined;
      usedBodies.set(key, body);
      return { ...article, html: body.html, summary: body.summary };
    },
    keepBody(article, full) {
      const key = articleKey(article);
      if (!knownBodies.has(key)) changed = true;
      usedBodies.set(key, { html: full.html, summary: full.summary });
    },
    async save() {
      // What a build kept is let go of once written: the pages written after the save need none of it.
      const release = () => {
        for (const map of [known, used, knownBodies, usedBodies]) map.clear();
      };
      if (!changed && used.size === known.size && usedBodies.size === knownBodies.size) return release();
      try {
        await writeCacheFile(file, { documents: used, bodies: usedBodies });
      } finally {
        release();
      }
    },
  };
}

// --- internal ---

function storedOf(key: string, doc: RenderedDocument, body: string | undefined, findings: readonly Diagnostic[]): StoredDocument {
  return { key, contentType: doc.contentType, lastModified: doc.lastModified.getTime(), live: doc.live !== false, body, notes: doc.notes, findings };
}

/** A value JSON keys faithfully: a primitive, or an array or plain object (of anything JSON writes). */
function isPlain(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return typeof value !== 'function' && typeof value !== 'symbol';
  const proto = Object.getPrototypeOf(value);
  return Array.isArray(value) || proto === Object.prototype || proto === null;
}

function hash(parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}

interface Loaded {
  readonly documents: Map<string, StoredDocument>;
  readonly bodies: Map<string, StoredBody>;
}

async function load(file: string): Promise<Loaded> {
  const [documents, bodies] = await readCacheMaps(file, ['documents', 'bodies']);
  return { documents, bodies } as Loaded;
}
