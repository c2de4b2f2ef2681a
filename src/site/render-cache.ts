// site: step 4 of a build — the feed set and the plan's documents, each rendered again only when what it shows
// changed (its deps, compared by identity, and its date); a streaming build names article pages by their inputs
// (a source key) and renders them when asked.
import { createHash } from 'node:crypto';
import { codeStamp } from '../_lib/code-stamp.ts';
import { mapPool } from '../_lib/map-pool.ts';
import { GAZETTE_VERSION } from '../_lib/version.ts';
import type { Article } from '../article/article.ts';
import type { ResolvedConfig } from '../config/config-schema.ts';
import { buildFeedSet } from '../feed-set/build-feed-set.ts';
import type { FeedDefinition, FeedSet } from '../feed-set/feed-set.ts';
import { createArticlePagePlans } from '../render/article-page-plans.ts';
import { planSite, renderPlanned, type PlanOptions, type PlannedDocument } from '../render/plan-site.ts';
import type { RenderedDocument } from '../render/rendered-document.ts';
import { READ_CONCURRENCY, type RecordFile } from '../records/read-items.ts';
import type { GatedFeed } from './lint-gate.ts';
import { withBodyOf, type RecordCache } from './record-cache.ts';
import type { DocumentStore } from './document-store.ts';
import type { LazyDocument } from './site-build.ts';

/** What one build's documents are. */
export interface RenderedSite {
  readonly feedSet: FeedSet;
  /** Every eager document by path, in render order; unchanged ones are the previous build's objects. */
  readonly documents: Map<string, RenderedDocument>;
  /** The feeds' paths, and how to render each again with fewer articles (the lint gate). */
  readonly feedPaths: readonly string[];
  readonly gated: ReadonlyMap<string, GatedFeed>;
  /** Streaming: the lazy entries (article pages), in render order. */
  readonly lazyPages: readonly LazyDocument[];
}

/** Options of {@link createRenderCache}. */
export interface RenderCacheOptions {
  readonly config: ResolvedConfig;
  /** Articles have their bodies (false: a streaming build, whose bodies are read again for what shows them). */
  readonly bodies: boolean;
  readonly records: RecordCache;
  /** Eager documents kept by earlier builds (`gazette build`, document-store.ts): taken unrendered when their inputs match. */
  readonly documents?: DocumentStore | undefined;
}

export interface RenderCache {
  /** `published` (with `listed`, the build's record files) → the feed set and its documents. */
  render(published: readonly Article[], listed: readonly RecordFile[], planOptions: PlanOptions): Promise<RenderedSite>;
}

export function createRenderCache({ config, bodies, records, documents: store }: RenderCacheOptions): RenderCache {
  let renders = new Map<string, { readonly deps: readonly unknown[]; readonly doc: RenderedDocument }>();
  const fullArticles = new WeakMap<Article, Article>();
  const hasBody = new WeakSet<Article>();
  const sourceKeys = new WeakMap<Article, { readonly frameKey: string; readonly lastModified: number; readonly source: string }>();
  let pageStampKey: string | undefined;
  /** What every page depends on besides its article and frame: the configuration and the code that renders it. */
  const pageStamp = (): string => (pageStampKey ??= pageKey([GAZETTE_VERSION, codeStamp(PAGE_CODE), config]));
  /** The key of what a lazy entry's deps other than its article hash to, kept while they are the same objects. */
  let shared: { readonly deps: readonly unknown[]; readonly key: string } | undefined;
  /** The keys of the lazy entries without an article, by path: the last build's. */
  let ownKeys = new Map<string, { readonly deps: readonly unknown[]; readonly key: string }>();
  /** This build's keys of the eager documents in the document store, and what it kept under them. */
  let storeKeys = new Map<string, { readonly key: string; readonly kept: RenderedDocument | undefined }>();
  /** The article pages' plan entries, kept from build to build while their inputs are the same objects. */
  const articlePages = createArticlePagePlans();
  /** The lazy document of each kept article page entry, and the shared key it was made under. */
  const lazyOfEntry = new WeakMap<PlannedDocument, { readonly shared: object; readonly lazy: LazyDocument }>();
  /**
   * An article's listed file (by the path messages show), from the latest build's listing: one function for every
   * build, so a lazy document kept from an older build holds no older listing alive.
   */
  let listedNow: readonly RecordFile[] = [];
  let byDisplay: Map<string, RecordFile> | undefined;
  const fileOf = (article: Article) => (byDisplay ??= new Map(listedNow.map((f) => [records.displayOf(f), f]))).get(article.file);

  /**
   * The feed set of these articles, those the documents rendered during the build show (the articles in the deps of
   * the plan's eager entries: the feeds, and with pages the index and category pages) with their bodies and
   * summaries: the light articles of a streaming build have none. The set is built once, from the light articles
   * (bodies change no date, so no order or list), and its lists then point at the full ones.
   */
  const withBodies = async (articles: readonly Article[], fileOf: (article: Article) => RecordFile | undefined, planOptions: PlanOptions): Promise<FeedSet> => {
    const light = buildFeedSet(articles, config);
    const published = new Set<unknown>(light.articles);
    const shown = new Set<Article>();
    for (const planned of planSite(light, config, { ...planOptions, eagerOnly: true })) {
      if (planned.lazy) continue;
      // A document the store kept from the same inputs needs none of its articles' bodies.
      const key = store?.keyOf(planned, (dep) => published.has(dep));
      const kept = key === undefined ? undefined : store?.take(planned.path, key);
      if (key !== undefined) storeKeys.set(planned.path, { key, kept });
      if (kept) continue;
      for (const dep of planned.deps) if (published.has(dep)) shown.add(dep as Article);
    }
    const upgraded = new Map<Article, Article>();
    await mapPool([...shown], READ_CONCURRENCY, async (article) => {
      const file = fileOf(article);
      const entry = file ? records.entryOf(file) : undefined;
      if (!file || !entry) return;
      // Kept by an earlier build from the same light article (document-store.ts), else read and rendered now.
      const body = store?.bodyOf(article) ?? (await records.bodyOf(article, file, entry));
      if (!body) return;
      store?.keepBody(article, body);
      // The light article as the life cycle made it (id, guid, updated), with the body and summary of the full one;
      // the same object while the light one is the same, so unchanged feeds are not rendered again.
      let full = fullArticles.get(article);
      if (full === undefined || full.html !== body.html) {
        full = withBodyOf(article, body);
        fullArticles.set(article, full);
        hasBody.add(full);
      }
      upgraded.set(article, full);
    });
    const upgrade = (list: readonly Article[]) => list.map((a) => upgraded.get(a) ?? a);
    const feed = (f: FeedDefinition): FeedDefinition => ({ ...f, articles: upgrade(f.articles) });
    return { main: feed(light.main), categories: light.categories.map(feed), authors: light.authors.map(feed), articles: upgrade(light.articles) };
  };

  /** An article page's source key; kept per article object, so an incremental build hashes only what changed. */
  const sourceKeyOf = (article: Article, frameKey: string, lastModified: Date): string => {
    const known = sourceKeys.get(article);
    if (known?.frameKey === frameKey && known.lastModified === lastModified.getTime()) return known.source;
    // The page's Last-Modified is part of what is served under this key (a new one is a new page to the writer).
    const source = pageKey([frameKey, { ...article, html: undefined, summary: undefined }, lastModified]);
    sourceKeys.set(article, { frameKey, lastModified: lastModified.getTime(), source });
    return source;
  };

  /** A lazy entry as a LazyDocument: named by its inputs, its article's body read again when it is rendered. */
  const lazyDocumentOf = (planned: PlannedDocument, nextOwnKeys: typeof ownKeys): LazyDocument => {
    const { article } = planned;
    // A kept article page entry (article-page-plans.ts) under the same shared key is the same lazy document: the
    // entry's deps are those its key was made of, and `shared` is a new object whenever the shared deps change.
    const kept = article === undefined ? undefined : lazyOfEntry.get(planned);
    if (kept !== undefined && kept.shared === shared) return kept.lazy;
    let source: string;
    if (article === undefined) {
      // A page of its own deps (an archive month): its key is kept per path while they are the same objects, so an
      // edit hashes only the month it changed, not the whole archive.
      // Its Last-Modified is part of what is served under the key (not a dep: see PlannedDocument.deps).
      const known = ownKeys.get(planned.path);
      const deps = [...planned.deps, planned.lastModified.getTime()];
      // Its articles by their light content: whether another document had them upgraded with a body must not change it.
      source =
        known !== undefined && sameDeps(known.deps, deps)
          ? known.key
          : pageKey([pageStamp(), ...planned.deps.map(withoutBody), planned.lastModified.getTime()]);
      nextOwnKeys.set(planned.path, { deps, key: source });
    } else {
      // The article and the page's time are keyed per article (sourceKeyOf): the rest (the frame…) is one key for all.
      const time = planned.lastModified.getTime();
      const others = planned.deps.filter((dep) => dep !== article && dep !== time);
      if (shared === undefined || !sameDeps(shared.deps, others)) shared = { deps: others, key: pageKey([pageStamp(), ...others]) };
      source = sourceKeyOf(article, shared.key, planned.lastModified);
    }
    const render =
      article === undefined || hasBody.has(article)
        ? async () => renderPlanned(planned)
        : async () => renderPlanned(planned, await records.readBody(article, fileOf(article)));
    const file = article === undefined || hasBody.has(article) ? undefined : fileOf(article);
    const lazy = { path: planned.path, source, lastModified: planned.lastModified, render, ...(article && file ? { job: { article, file } } : {}) };
    const document = planned.live ? lazy : { ...lazy, live: false as const };
    if (article !== undefined && shared !== undefined) lazyOfEntry.set(planned, { shared, lazy: document });
    return document;
  };

  return {
    async render(published, listed, planOptions) {
      // Streaming (and feeds only): the bodies were not rendered; those of the articles the feeds and listings show
      // are rendered now, those of the other pages as each page is asked for.
      // One map from an article's file (as messages show it) to its listed file, made only if a body must be read.
      if (listed !== listedNow) {
        listedNow = listed;
        byDisplay = undefined;
      }
      storeKeys = new Map();
      const feedSet = bodies ? buildFeedSet(published, config) : await withBodies(published, fileOf, planOptions);
      const nextRenders: typeof renders = new Map();
      const nextOwnKeys: typeof ownKeys = new Map();
      const documents = new Map<string, RenderedDocument>();
      const feedPaths: string[] = [];
      const gated = new Map<string, GatedFeed>();
      const lazyPages: LazyDocument[] = [];
      for (const planned of planSite(feedSet, config, { ...planOptions, articlePages })) {
        if (planned.kind === 'feed') {
          feedPaths.push(planned.path);
          // How to render the feed again with fewer articles, should one article's text break it (lint-gate.ts).
          const { items } = planned;
          if (items) gated.set(planned.path, { articles: items.articles, render: (articles) => renderPlanned(planned, undefined, items.render(articles)) });
        }
        // Streaming: a lazy entry (an article page) is named by its inputs and rendered when the writer (or a reader)
        // asks; the others (feeds, the index and category pages: few, and showing many articles) are rendered here.
        if (planned.lazy && !bodies) {
          lazyPages.push(lazyDocumentOf(planned, nextOwnKeys));
          continue;
        }
        const known = renders.get(planned.path);
        const stored = storeKeys.get(planned.path);
        // The same deps, the same text: the very same document, or — when only its Last-Modified moved — its text
        // under the new date (a new object, the same body string: the gate and the engine see it is the same text);
        // else what the document store kept from the same inputs (a warm gazette build), else a new rendering.
        const sameText = known !== undefined && sameDeps(known.deps, planned.deps);
        const sameTime = sameText && known.doc.lastModified.getTime() === planned.lastModified.getTime();
        const doc = sameTime ? known.doc : sameText ? { ...known.doc, lastModified: planned.lastModified } : (stored?.kept ?? renderPlanned(planned));
        if (stored && !stored.kept) store?.put(planned, stored.key, doc);
        nextRenders.set(planned.path, sameTime ? known : { deps: planned.deps, doc });
        documents.set(planned.path, doc);
      }
      renders = nextRenders;
      ownKeys = nextOwnKeys;
      return { feedSet, documents, feedPaths, gated, lazyPages };
    },
  };
}

/** The source folders whose code shapes a page. */
const PAGE_CODE = ['records', 'article', 'article/_lib', 'feed-set', 'lifecycle', 'render', 'site', '_lib'];

/** A key of JSON-able inputs (Dates as ISO strings), base64url sha256. */
export function pageKey(parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}

/** An article dep without its body and summary (an article's `sourceHash` names the bytes they are made from). */
function withoutBody(dep: unknown): unknown {
  return typeof dep === 'object' && dep !== null && 'sourceHash' in dep ? { ...dep, html: undefined, summary: undefined } : dep;
}

/** Whether two deps lists hold the very same objects (Object.is), in the same order. */
export function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
