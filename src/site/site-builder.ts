// site: items folder + config → every document of the site, rebuilt incrementally.
//
// A builder keeps what its last build made: per record file, its stat key, parsed record and article; per document,
// what it was rendered from. The next build re-reads only files whose size or times changed, validates only those
// records, and re-renders only documents whose inputs changed — compared by object identity, since an unchanged
// record yields the very same Article object. An unchanged document is the very same RenderedDocument object, so
// the layers after it (lint, encoding, the live snapshot, the static writer) can skip it by identity too.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { codeStamp } from '../_lib/code-stamp.ts';
import { GAZETTE_VERSION } from '../_lib/version.ts';
import { mapPool } from '../_lib/map-pool.ts';
import type { Article } from '../article/article.ts';
import type { PublicFileSizes } from '../article/read-image.ts';
import { toArticle, type ToArticleOptions } from '../article/to-article.ts';
import type { ResolvedConfig } from '../config/config-schema.ts';
import type { Diagnostic, DiagnosticSource, Result } from '../diagnostics.ts';
import { buildFeedSet } from '../feed-set/build-feed-set.ts';
import type { FeedDefinition, FeedSet } from '../feed-set/feed-set.ts';
import { findAuthorSpellings } from '../feed-set/group-authors.ts';
import type { RawRecord } from '../records/raw-record.ts';
import { parseRecordText } from '../records/parse-record-text.ts';
import {
  listRecordFiles,
  readRecordBytes,
  readRecordFile,
  READ_CONCURRENCY,
  recordDisplayPath,
  statRecordFile,
  type RecordFile,
} from '../records/read-items.ts';
import { planSite, renderPlanned, type PlanOptions, type PlannedDocument } from '../render/plan-site.ts';
import { newsWindow } from '../render/sitemap-news.ts';
import type { RenderedDocument } from '../render/rendered-document.ts';
import { applyLifecycle } from '../lifecycle/apply-lifecycle.ts';
import type { Redirect } from '../lifecycle/apply-ledger.ts';
import { LEDGER_FILE, readLedger, type Ledger } from '../lifecycle/ledger.ts';
import { saveLedger } from '../lifecycle/ledger-access.ts';
import { splitScheduled, type ScheduledArticle } from '../lifecycle/schedule.ts';
import { documentTimes } from '../lifecycle/document-times.ts';
import type { ArticleStore, StoredArticle } from './article-store.ts';
import { createLintGate, type GatedFeed, type LintGate } from './lint-gate.ts';
import { decidePublication, type RecordOutcome } from './publish-decision.ts';
import { findEditorWarnings, listPublicNames } from './editor-warnings.ts';
import { checkPublicRobots } from './public-robots.ts';

/** Options of {@link createSiteBuilder}. */
export interface SiteBuilderOptions {
  /** Folder of records; default `config.itemsDir`. */
  readonly itemsDir?: string;
  /** Folder name shown in messages; default: the path relative to the working directory. */
  readonly displayDir?: string;
  /** Run the feed linter over feeds that changed (default true). */
  readonly lint?: boolean;
  /**
   * Keep the last good version of a record that becomes invalid (the live site). Default false: `gazette build`
   * and `check` publish what the files say now.
   */
  readonly keepLastGood?: boolean;
  /** Render HTML pages (default `config.pages`, else true). False: feeds only. */
  readonly pages?: boolean;
  /**
   * The publication ledger (`items/.published.json`): `update` reads it and writes it back after each build (`gazette
   * build`, `gazette serve`); `read` applies it without writing (`gazette check`); `off` ignores it (default).
   */
  readonly ledger?: 'update' | 'read' | 'off';
  /** Publish articles dated in the future too (previews); they never enter the ledger. Default false. */
  readonly future?: boolean;
  /** The clock, for scheduling and corrections (tests). Default `Date.now`. */
  readonly now?: () => number;
  /** A persistent store of articles from earlier builds (`gazette build`); saved by the caller. */
  readonly store?: ArticleStore;
  /**
   * Keep rendered article pages in `documents` (default true). False: the build streams — articles are kept without
   * their bodies (the feeds' and the listings' ones excepted), and article pages come as `lazyPages`, each rendering
   * its article's body again from its file when asked, and not kept: what a build holds grows with the number of
   * records by their metadata only, never by their bodies or pages. The index and category pages stay in `documents`.
   */
  readonly retainPages?: boolean;
  /** Called as records are read and validated: `done` of `total` record files (a progress line on a terminal). */
  readonly onProgress?: (done: number, total: number) => void;
  /** Sizes of the static-assets files (publish/public-files.ts readPublicFileSizes): the length of image enclosures. */
  readonly publicFileSizes?: PublicFileSizes;
  /**
   * Read settled record files with synchronous calls (read-settled.ts): ≈ 4× less CPU a file. Only where nothing
   * else shares the thread (the CLI's build and check); never on a server's event loop. Default false.
   */
  readonly syncReads?: boolean;
  /**
   * Streaming with pages: most bytes of records kept from the build's read for their pages (default
   * {@link KEPT_BYTES_BUDGET}); a page whose record was not kept reads it again, and is refused (LazyPageError)
   * when the file changed since. 0: every page reads its record again.
   */
  readonly keptBytes?: number;
}

/** Everything one build produced. */
export interface SiteBuild {
  /** Every document by path, in render order. Unchanged documents are the previous build's objects. */
  readonly documents: ReadonlyMap<string, RenderedDocument>;
  /** Undefined only when nothing could be read at all (the items folder is missing). */
  readonly feedSet: FeedSet | undefined;
  /**
   * Record diagnostics first (in file order), then feed lint findings, each feed's followed by an error on the record
   * of each article left out of it (lint-gate.ts); each with its `source`.
   */
  readonly diagnostics: readonly Diagnostic[];
  /** Record files read (published, drafts and skipped). */
  readonly recordCount: number;
  /** Files whose last good version is published in place of an invalid edit. */
  readonly kept: readonly string[];
  /** Paths of feeds not published because they have a lint error no single article explains. */
  readonly withheld: readonly string[];
  /** Former page paths → current ones (from the ledger). */
  readonly redirects: readonly Redirect[];
  /** Articles held back until their date, soonest first. */
  readonly scheduled: readonly ScheduledArticle[];
  /** When the next scheduled article is due, or the next article leaves sitemap-news.xml (a live site rebuilds then). */
  readonly nextDue: Date | undefined;
  /** With `retainPages: false`, the article pages, each rendered on demand (in render order). */
  readonly lazyPages: readonly LazyDocument[];
}

/** A document rendered when asked. */
export interface LazyDocument {
  readonly path: string;
  /**
   * What an article page is made from: a key of the page's inputs (its article without the body, which the article's
   * source hash stands for; the page frame; the configuration; Gazette's code). The same key, the same bytes: a
   * writer that has them from an earlier build takes them without rendering (and without reading the record).
   */
  readonly source?: string;
  readonly lastModified?: Date;
  /** `false` for a document of the static output only (see PlannedDocument.live); absent otherwise. */
  readonly live?: false;
  /** Rejects with a {@link LazyPageError} when the record changed since the build read it (rebuild then). */
  render(): Promise<RenderedDocument>;
}

/** An article page whose record no longer reads as it did during the build (edited or removed meanwhile). */
export class LazyPageError extends Error {
  override readonly name = 'LazyPageError';
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

/** What the caller knows of what changed since the previous build (a watcher's events). */
export interface BuildHint {
  /** Absolute paths of the files that were added, changed or deleted. Without a hint, the folder is walked. */
  readonly changed: readonly string[];
}

/** A site kept in memory between builds. */
export interface SiteBuilder {
  /**
   * Runs the pipeline over the files as they are now; one build at a time. With a hint, only the named files are
   * looked at (when it cannot be sure — a link, a folder, a new id — it walks the folder all the same).
   */
  build(hint?: BuildHint): Promise<SiteBuild>;
}

/** Creates a builder; the first build is a cold one, later ones reuse what did not change. */
export function createSiteBuilder(config: ResolvedConfig, options: SiteBuilderOptions = {}): SiteBuilder {
  if (!config || typeof config.siteUrl !== 'string') throw new TypeError('createSiteBuilder: config must be a ResolvedConfig');
  const itemsDir = options.itemsDir ?? config.itemsDir;
  const pages = options.pages ?? config.pages;
  // Articles keep their rendered bodies only when pages are kept too (a live site); otherwise see `retainPages`.
  const bodies = pages && options.retainPages !== false;
  const vocabulary = Object.values(config.categories).flatMap((c) => (c.label ? [c.label] : []));
  const sizes: ToArticleOptions = options.publicFileSizes ? { publicFileSizes: options.publicFileSizes } : {};
  const sync = options.syncReads === true;
  /**
   * Streaming with pages: the bytes each record had when this build read it, up to {@link KEPT_BYTES_BUDGET}, so its
   * page is made from them instead of a second read (and from the very version the build published). Each is let go
   * once its full article is made; the map is new for every build.
   */
  let keptBytes = new Map<string, Uint8Array>();
  let keptTotal = 0;
  const keptBudget = options.keptBytes ?? KEPT_BYTES_BUDGET;
  let files = new Map<string, FileEntry>();
  let lastGood: ReadonlyMap<string, Article> = new Map();
  let renders = new Map<string, RenderEntry>();
  /** An article's record as it reads now (the gate names the line of the field at fault). */
  const readRecord = async (article: Article): Promise<RawRecord | undefined> => {
    const file = [...files.values()].find((entry) => entry.file === article.file)?.listed;
    return file && (await readRecordFile(file, { display: article.file, vocabulary, limits: config.limits })).value;
  };
  let gate: LintGate = createLintGate({ readRecord });
  let running = false;
  let listing: Listing | undefined;
  const displayDir = options.displayDir ?? path.relative(process.cwd(), itemsDir);
  const displayOf = (file: RecordFile): string => recordDisplayPath(displayDir, file.name);
  const ledgerMode = options.ledger ?? 'off';
  const future = options.future ?? false;
  const clock = options.now ?? Date.now;
  const store = options.store;
  const ledgerFile = `${options.displayDir ?? itemsDir}/${LEDGER_FILE}`;
  let ledger: Ledger | undefined;
  /** The ledger as the file said when first read (`read` mode never writes what a build adds to it). */
  let ledgerAsRead: Ledger | undefined;

  const list = async (hint: BuildHint | undefined): Promise<Result<RecordFile[]>> => {
    const display = options.displayDir === undefined ? {} : { displayDir: options.displayDir };
    const known = hint && listing ? await applyHint(listing, hint, itemsDir) : undefined;
    if (known) {
      listing = known;
      return { value: known.sorted ?? sortFiles([...known.files.values()]), diagnostics: known.diagnostics };
    }
    const walked = await listRecordFiles(itemsDir, display);
    listing = walked.diagnostics.some((d) => d.code === 'duplicate-id' || d.code === 'items-dir-missing')
      ? undefined // ids shared by several files: only a walk can tell which one owns it after a change
      : { files: new Map(walked.value.map((f) => [f.absolute, f])), diagnostics: walked.diagnostics };
    return walked;
  };

  /**
   * The feed set of these articles, those the documents rendered during the build show (the articles in the deps of
   * the plan's eager entries: the feeds, and with pages the index and category pages) with their bodies and
   * summaries: the light articles of a streaming build have none. The set is built once, from the light articles
   * (bodies change no date, so no order or list), and its lists then point at the full ones.
   */
  const withBodies = async (
    articles: readonly Article[],
    fileOf: (article: Article) => RecordFile | undefined,
    current: ReadonlyMap<string, FileEntry>,
    planOptions: PlanOptions,
  ): Promise<FeedSet> => {
    const light = buildFeedSet(articles, config);
    const published = new Set<unknown>(light.articles);
    const shown = new Set<Article>();
    for (const planned of planSite(light, config, planOptions)) {
      if (planned.lazy) continue;
      for (const dep of planned.deps) if (published.has(dep)) shown.add(dep as Article);
    }
    const upgraded = new Map<Article, Article>();
    await mapPool([...shown], READ_CONCURRENCY, async (article) => {
      const file = fileOf(article);
      const entry = file ? current.get(file.name) : undefined;
      if (!file || !entry) return;
      const body = await bodyOf(article, file, entry);
      if (!body) return;
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
  const fullArticles = new WeakMap<Article, Article>();
  const shareList = createListSharer();

  /**
   * The full article made from the same source as `article`: the file's current version (read once per version), or
   * the last good one a live site keeps publishing while the file has an error. Undefined when neither is.
   */
  const bodyOf = async (article: Article, file: RecordFile, entry: FileEntry): Promise<Article | undefined> => {
    const held = heldBody(entry, article);
    if (held || entry.withBody !== undefined) return held;
    entry.withBody = (await readFullArticle(file, article.file)) ?? null;
    return heldBody(entry, article);
  };
  /** The record read again and made an article with its body. */
  const readFullArticle = async (file: RecordFile, display: string): Promise<Article | undefined> => {
    const kept = keptBytes.get(file.name);
    if (kept !== undefined) keptBytes.delete(file.name);
    const record =
      kept === undefined
        ? await readRecordFile(file, { display, vocabulary, limits: config.limits, sync })
        : parseRecordText(kept, { file: display, relPath: file.relPath, format: file.format, vocabulary, limits: config.limits });
    return record.value ? toArticle(record.value, config, sizes).value : undefined;
  };
  const hasBody = new WeakSet<Article>();
  const sourceKeys = new WeakMap<Article, { readonly frameKey: string; readonly lastModified: number; readonly source: string }>();
  /** An article page's source key; kept per article object, so an incremental build hashes only what changed. */
  const sourceKeyOf = (article: Article, frameKey: string, lastModified: Date): string => {
    const known = sourceKeys.get(article);
    if (known?.frameKey === frameKey && known.lastModified === lastModified.getTime()) return known.source;
    // The page's Last-Modified is part of what is served under this key (a new one is a new page to the writer).
    const source = pageKey([frameKey, { ...article, html: undefined, summary: undefined }, lastModified]);
    sourceKeys.set(article, { frameKey, lastModified: lastModified.getTime(), source });
    return source;
  };
  let pageStampKey: string | undefined;
  /** What every page depends on besides its article and frame: the configuration and the code that renders it. */
  const pageStamp = (): string => (pageStampKey ??= pageKey([GAZETTE_VERSION, codeStamp(PAGE_CODE), config]));

  /** A light article with its body, read again from its file now (a streaming build's page); not kept. */
  const readBody = async (article: Article, file: RecordFile | undefined): Promise<Article> => {
    const changed = (why: string) => new LazyPageError(article.file, `${why} since the build read it: its page was not written; build again`);
    const entry = file ? files.get(file.name) : undefined;
    if (!file || !entry) throw changed('is no longer listed');
    const held = heldBody(entry, article);
    if (held) return withBodyOf(article, held);
    const full = await readFullArticle(file, article.file);
    // The file must still say what the build published (an edit meanwhile would mix two versions on the site).
    if (!full || full.sourceHash !== article.sourceHash) throw changed('changed');
    return withBodyOf(article, full);
  };

  /** The key of what a lazy entry's deps other than its article hash to, kept while they are the same objects. */
  let shared: { readonly deps: readonly unknown[]; readonly key: string } | undefined;
  /** The keys of the lazy entries without an article, by path: the last build's, and this build's. */
  let ownKeys = new Map<string, { readonly deps: readonly unknown[]; readonly key: string }>();
  let nextOwnKeys = new Map<string, { readonly deps: readonly unknown[]; readonly key: string }>();
  /** A lazy entry as a LazyDocument: named by its inputs, its article's body read again when it is rendered. */
  const lazyDocumentOf = (planned: PlannedDocument, fileOf: (article: Article) => RecordFile | undefined): LazyDocument => {
    const { article } = planned;
    let source: string;
    if (article === undefined) {
      // A page of its own deps (an archive month): its key is kept per path while they are the same objects, so an
      // edit hashes only the month it changed, not the whole archive.
      const known = ownKeys.get(planned.path);
      source = known !== undefined && sameDeps(known.deps, planned.deps) ? known.key : pageKey([pageStamp(), ...planned.deps]);
      nextOwnKeys.set(planned.path, { deps: planned.deps, key: source });
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
        : async () => renderPlanned(planned, await readBody(article, fileOf(article)));
    const lazy = { path: planned.path, source, lastModified: planned.lastModified, render };
    return planned.live ? lazy : { ...lazy, live: false };
  };

  const build = async (hint: BuildHint | undefined): Promise<SiteBuild> => {
    // public/ is listed while the records are read (a folder of 10,000 images takes 20–40 ms), for editor warnings.
    const publicNames = listPublicNames(config.publicDir);
    const listed = await list(hint);
    const diagnostics: Diagnostic[] = stamp(listed.diagnostics, 'record');
    if (listed.value.length === 0 && listed.diagnostics.some((d) => d.code === 'items-dir-missing')) {
      return {
        documents: new Map(),
        feedSet: undefined,
        diagnostics,
        recordCount: 0,
        kept: [],
        withheld: [],
        redirects: [],
        scheduled: [],
        nextDue: undefined,
        lazyPages: [],
      };
    }

    // 1. Records: re-read a file only when its stat key changed, or when it was read so soon after its last change
    //    that a second edit within the file system's time resolution could hide behind the same key (git's "racy"
    //    rule: such an entry is re-read once more, later, and trusted from then on).
    const next = new Map<string, FileEntry>();
    const entries: (FileEntry | undefined)[] = listed.value.map((file) => {
      const known = files.get(file.name);
      const trusted = known !== undefined && sameStat(known.listed, file) && known.readAt - file.mtimeMs > RACY_MS;
      return trusted ? known : undefined;
    });
    const misses = listed.value.flatMap((_, index) => (entries[index] === undefined ? [index] : []));
    keptBytes = new Map();
    keptTotal = 0;
    const keep = pages && !bodies && keptBudget > 0;
    let done = listed.value.length - misses.length;
    options.onProgress?.(done, listed.value.length);
    await mapPool(misses, READ_CONCURRENCY, async (index) => {
      try {
        await readEntry(index);
      } finally {
        options.onProgress?.(++done, listed.value.length);
      }
    });
    async function readEntry(index: number): Promise<void> {
      const file = listed.value[index] as RecordFile;
      const readAt = Date.now();
      const display = displayOf(file);
      const base = { listed: file, readAt, file: display };
      // As listed at its last read: a new inode under the name is an atomic save, read without waiting to settle.
      const previous = files.get(file.name)?.listed;
      // 2. Articles: validated once per record version (the entry is new whenever the file was re-read), or taken
      //    from the persistent store when these very bytes were validated by an earlier build.
      const read = await readRecordBytes(file, { display, limits: config.limits, previous, sync });
      if ('failed' in read) {
        entries[index] = { ...base, recordDiagnostics: stamp(read.failed.diagnostics, 'record'), article: undefined };
        return;
      }
      if (keep && keptTotal + read.bytes.length <= keptBudget) {
        keptBytes.set(file.name, read.bytes);
        keptTotal += read.bytes.length;
      }
      if (!store) {
        const record = parseRecordText(read.bytes, { file: display, relPath: file.relPath, format: file.format, vocabulary, limits: config.limits });
        entries[index] = { ...base, ...toStored(record, config, { ...sizes, body: bodies }, shareList) };
        return;
      }
      const storeKey = store.keyOf(read.bytes, file.relPath, display);
      let stored = store.get(storeKey);
      if (stored === undefined) {
        stored = toStored(
          parseRecordText(read.bytes, { file: display, relPath: file.relPath, format: file.format, vocabulary, limits: config.limits }),
          config,
          { ...sizes, body: bodies },
          shareList,
        );
        store.set(storeKey, stored);
      }
      // What the read found (a writer still holding the file) belongs to this read, not to the stored bytes.
      const readFindings = read.diagnostics.length === 0 ? {} : { recordDiagnostics: [...stamp(read.diagnostics, 'record'), ...stored.recordDiagnostics] };
      entries[index] = { ...base, ...stored, ...readFindings };
    }
    const outcomes: RecordOutcome[] = [];
    const candidates: { entry: FileEntry; article: Article | undefined }[] = [];
    for (const [index, entry] of entries.entries()) {
      if (entry === undefined) continue; // cannot happen: every miss was read above
      next.set((listed.value[index] as RecordFile).name, entry);
      if (entry.recordDiagnostics.length > 0) diagnostics.push(...entry.recordDiagnostics);
      if (!entry.article) {
        outcomes.push({ file: entry.file, article: undefined, failed: true });
        continue;
      }
      if (entry.article.diagnostics.length > 0) diagnostics.push(...entry.article.diagnostics);
      candidates.push({ entry, article: entry.article.value });
    }
    // A re-read file keeps the body of its previous version while that version may stay published (last good).
    if (options.keepLastGood) {
      for (const index of misses) {
        const name = (listed.value[index] as RecordFile).name;
        const before = files.get(name);
        const kept = before?.withBody ?? before?.keptWithBody;
        const entry = next.get(name);
        if (kept && entry && entry !== before) entry.keptWithBody = kept;
      }
    }
    files = next;
    const duplicates = findDuplicates(candidates.map((c) => c.article));
    diagnostics.push(...stamp(duplicates.diagnostics, 'record'));
    for (const { entry, article } of candidates) {
      const failed = article === undefined || duplicates.rejected.has(article);
      outcomes.push({ file: entry.file, article: failed ? undefined : article, failed });
    }
    // Listed order is file order; the decision keeps it, and the feed set sorts by date anyway.
    const decision = decidePublication(outcomes, options.keepLastGood ? lastGood : new Map());
    lastGood = decision.lastGood;
    for (const file of decision.kept) {
      diagnostics.push({
        severity: 'warning',
        file,
        code: 'kept-last-good',
        source: 'record',
        message: 'has an error: its last good version stays published until it is fixed',
      });
    }

    // 3. The life of an article: scheduled ones wait for their date; the ledger keeps ids, guids and page paths
    //    readers hold, and moves `updated` on a correction.
    const now = new Date(clock());
    let published: readonly Article[];
    let redirects: readonly Redirect[] = [];
    let schedule: { scheduled: readonly ScheduledArticle[]; nextDue: Date | undefined };
    if (ledgerMode === 'off') {
      const split = splitScheduled(decision.articles, now, { future });
      published = future ? decision.articles : split.published;
      schedule = split;
    } else {
      if (ledger === undefined) {
        const read = await readLedger(itemsDir, ledgerFile);
        ledger = read.value;
        ledgerAsRead = read.value;
        diagnostics.push(...stamp(read.diagnostics, 'record'));
      }
      const life = applyLifecycle({ articles: decision.articles, ledger, now, future, pages, file: ledgerFile, siteUrl: config.siteUrl });
      published = life.articles;
      redirects = life.redirects;
      schedule = life;
      diagnostics.push(...stamp(life.diagnostics, 'record'));
      ledger = life.ledger;
      // A folder that cannot take the ledger (read-only, full) costs its history, not the build: one warning.
      if (ledgerMode === 'update') diagnostics.push(...stamp(await saveLedger(itemsDir, life.ledger, options.displayDir ?? itemsDir), 'record'));
    }

    // Warnings that depend on the clock and on public/ (one listing per build), for every valid record.
    const valid = candidates.flatMap((c) => (c.article ? [c.article] : []));
    diagnostics.push(...stamp(await findEditorWarnings(valid, now, config, publicNames), 'record'));

    // 4. Feed set and documents: re-rendered only when what they show changed.
    // Streaming (and feeds only): the bodies were not rendered; those of the articles the feeds and listings show
    // are rendered now, those of the other pages as each page is asked for.
    // One map from an article's file (as messages show it) to its listed file, made only if a body must be read.
    let byDisplay: Map<string, RecordFile> | undefined;
    const fileOf = (article: Article) => (byDisplay ??= new Map(listed.value.map((f) => [displayOf(f), f]))).get(article.file);
    // public/robots.txt replaces Gazette's (with a warning when it names no sitemap).
    const robots = pages ? await checkPublicRobots(config.publicDir, publicNames) : { present: false, diagnostics: [] };
    diagnostics.push(...robots.diagnostics);
    // Last-Modified of each document: moved by the ledger's times too, so that it moves whenever the bytes do.
    // A ledger that is only read (check, a reserved siteUrl) dates documents by the file as it stands: the times this
    // build would have recorded (now, for every new article) are kept nowhere, and would differ from run to run.
    const times = documentTimes(ledgerMode === 'update' ? ledger : ledgerMode === 'read' ? ledgerAsRead : undefined);
    const planOptions: PlanOptions = { pages, now, times, ...(robots.present ? { publicRobots: true } : {}) };
    const feedSet = bodies ? buildFeedSet(published, config) : await withBodies(published, fileOf, next, planOptions);
    // Two spellings of one author are one author page and feed: the editor is told which records spell it otherwise.
    diagnostics.push(...stamp(findAuthorSpellings(feedSet.articles), 'record'));
    const nextRenders = new Map<string, RenderEntry>();
    const documents = new Map<string, RenderedDocument>();
    const feedPaths: string[] = [];
    const gated = new Map<string, GatedFeed>();
    const lazyPages: LazyDocument[] = [];
    for (const planned of planSite(feedSet, config, planOptions)) {
      if (planned.kind === 'feed') {
        feedPaths.push(planned.path);
        // How to render the feed again with fewer articles, should one article's text break it (lint-gate.ts).
        const { items } = planned;
        if (items) gated.set(planned.path, { articles: items.articles, render: (articles) => renderPlanned(planned, undefined, items.render(articles)) });
      }
      // Streaming: a lazy entry (an article page) is named by its inputs and rendered when the writer (or a reader)
      // asks; the others (feeds, the index and category pages: few, and showing many articles) are rendered here.
      if (planned.lazy && !bodies) {
        lazyPages.push(lazyDocumentOf(planned, fileOf));
        continue;
      }
      const known = renders.get(planned.path);
      // The same deps and the same date: a document whose Last-Modified moved is made again even if its text did not.
      const same = known !== undefined && sameDeps(known.deps, planned.deps) && known.doc.lastModified.getTime() === planned.lastModified.getTime();
      const doc = same ? known.doc : renderPlanned(planned);
      nextRenders.set(planned.path, same ? known : { deps: planned.deps, doc });
      documents.set(planned.path, doc);
    }
    renders = nextRenders;
    ownKeys = nextOwnKeys;
    nextOwnKeys = new Map();

    // 5. Lint what changed (lint-gate.ts): no feed is ever published with a lint error. An article whose text
    //    breaks a feed is left out of it and reported on its record; a feed with an error no article explains is
    //    withheld.
    const withheld: string[] = [];
    if (options.lint !== false) {
      const now = new Date();
      for (const path of feedPaths) {
        const doc = documents.get(path);
        if (doc === undefined) continue;
        const passed = await gate.check(doc, gated.get(path), now);
        // Notes made while rendering (a feed cut to fit maxFeedBytes) are said with its lint findings, every build.
        if (doc.notes) diagnostics.push(...stamp(doc.notes, 'feed'));
        diagnostics.push(...passed.diagnostics);
        if (passed.doc === undefined) withheld.push(path);
        else if (passed.doc !== doc) documents.set(path, passed.doc); // in place: the same key, the same order
      }
      for (const path of withheld) documents.delete(path);
    } else {
      gate = createLintGate({ readRecord });
    }
    return {
      documents,
      feedSet,
      diagnostics,
      recordCount: listed.value.length,
      kept: decision.kept,
      withheld,
      redirects,
      scheduled: schedule.scheduled,
      // The next scheduled article, or the next article to leave the news sitemap's window, whichever comes first.
      nextDue: soonest(schedule.nextDue, pages ? newsWindow(feedSet.articles, now).expires : undefined),
      lazyPages,
    };
  };

  return {
    async build(hint) {
      if (running) throw new Error('createSiteBuilder: one build at a time');
      running = true;
      try {
        return await build(hint);
      } finally {
        running = false;
      }
    },
  };
}

// --- internal ---

/** The record files of the last walk, kept up to date by hints. */
interface Listing {
  readonly files: Map<string, RecordFile>;
  /**
   * The files in the walk's order, when a hint only changed files already listed (the same ids, hence the same
   * order): a one-file edit then does not sort the whole folder again. Undefined: sort `files`.
   */
  readonly sorted?: RecordFile[];
  /** The walk's own findings (unreadable folders…), repeated while no walk runs. */
  readonly diagnostics: readonly Diagnostic[];
}

/** The listing with the hinted paths looked at again; undefined when only a walk can tell. */
async function applyHint(listing: Listing, hint: BuildHint, itemsDir: string): Promise<Listing | undefined> {
  const files = new Map(listing.files);
  // The ids taken, needed only when a file is added, removed or renamed (a listing's ids are unique, so an edit
  // that keeps its file's id needs no check).
  let relPaths: Set<string> | undefined;
  // The walk's order with each edited file in its place, while no file was added, removed or renamed.
  let sorted: RecordFile[] | undefined = [...(listing.sorted ?? sortFiles([...listing.files.values()]))];
  for (const changed of hint.changed) {
    const found = await statRecordFile(itemsDir, changed);
    if (found === 'unsure') return undefined;
    const old = files.get(changed);
    if (!old && found === 'none') continue; // not a record before or now (a dotfile, the ledger…)
    if (old && found !== 'none' && old.relPath === found.relPath && old.name === found.name) {
      files.set(changed, found);
      const at = sorted ? sorted.indexOf(old) : -1;
      if (sorted && at >= 0) sorted[at] = found;
      else sorted = undefined;
      continue;
    }
    sorted = undefined;
    relPaths ??= new Set([...files.values()].map((f) => f.relPath));
    if (old) relPaths.delete(old.relPath);
    if (found === 'none') {
      files.delete(changed);
      continue;
    }
    // A new file whose id another file already has: which one wins is the walk's sorted order.
    if (relPaths.has(found.relPath)) return undefined;
    relPaths.add(found.relPath);
    files.set(changed, found);
  }
  return { files, diagnostics: listing.diagnostics, ...(sorted ? { sorted } : {}) };
}

/** The walk's order: by relPath, then name (code-unit order, the same on every machine). */
function sortFiles(files: RecordFile[]): RecordFile[] {
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return files.sort((a, b) => compare(a.relPath, b.relPath) || compare(a.name, b.name));
}

/**
 * Most bytes of records a streaming build keeps for their pages (see `keptBytes`): 10,000 records of 5.5 KB, held
 * outside the V8 heap; a larger archive reads the rest again when their pages are written.
 */
const KEPT_BYTES_BUDGET = 64 * 1024 * 1024;

/** A file read less than this long after its last change is re-read next time even with an unchanged stat key. */
const RACY_MS = 1_000;

interface FileEntry {
  /** The file as listed when it was read (where its bytes live, size, modification time). */
  readonly listed: RecordFile;
  /** Date.now() just before it was read. */
  readonly readAt: number;
  readonly file: string;
  /** What reading and parsing the file reported. */
  readonly recordDiagnostics: readonly Diagnostic[];
  /** The article stage's result; undefined when the file could not be read or parsed. */
  readonly article: Result<Article | undefined> | undefined;
  /** Feeds only: the article with its body rendered, once a feed shows it (null when that failed). */
  withBody?: Article | null;
  /** With keepLastGood, the previous version's full article (its body), for while that version stays published. */
  keptWithBody?: Article;
}

/**
 * Whether a file is as it was when read: where its bytes live (a link may be retargeted), its size and modification
 * time. Compared field by field: a key string per file and build would print 10,000 times to compare them.
 */
function sameStat(read: RecordFile, now: RecordFile): boolean {
  return read === now || (read.absolute === now.absolute && read.size === now.size && read.mtimeMs === now.mtimeMs);
}

interface RenderEntry {
  readonly deps: readonly unknown[];
  readonly doc: RenderedDocument;
}

/** A read record through the article stage, with every diagnostic stamped. */
function toStored(record: Result<RawRecord | undefined>, config: ResolvedConfig, options: ToArticleOptions, share: ListSharer): StoredArticle {
  const recordDiagnostics = stamp(record.diagnostics, 'record');
  if (!record.value) return { recordDiagnostics, article: undefined };
  const result = toArticle(record.value, config, options);
  // A copy: the strings the parsers cut out of the record's text (title, id, categories…) are slices that keep the
  // whole text alive (V8 sliced strings), ~10 KB per record kept for a 60-byte title; the copy holds only the values.
  const stored = structuredClone({ recordDiagnostics, article: { value: result.value, diagnostics: stamp(result.diagnostics, 'record') } });
  const article = stored.article.value;
  if (article === undefined) return stored;
  return { ...stored, article: { ...stored.article, value: { ...article, categories: share(article.categories), authors: share(article.authors) } } };
}

/** Returns one shared list for equal lists of categories or authors (an archive repeats a few dozen of them). */
type ListSharer = <T>(list: readonly T[]) => readonly T[];

/** A sharer that remembers at most `limit` distinct lists (an archive where every list differs gains nothing). */
function createListSharer(limit = 10_000): ListSharer {
  const lists = new Map<string, readonly unknown[]>();
  return <T>(list: readonly T[]): readonly T[] => {
    const key = JSON.stringify(list);
    const known = lists.get(key);
    if (known !== undefined) return known as readonly T[];
    if (lists.size < limit) lists.set(key, list);
    return list;
  };
}

function stamp(diagnostics: readonly Diagnostic[], source: DiagnosticSource): Diagnostic[] {
  return diagnostics.map((d) => (d.source === undefined ? { ...d, source } : d));
}

function soonest(a: Date | undefined, b: Date | undefined): Date | undefined {
  return a === undefined || (b !== undefined && b.getTime() < a.getTime()) ? b : a;
}

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** The source folders whose code shapes a page. */
const PAGE_CODE = ['records', 'article', 'article/_lib', 'feed-set', 'lifecycle', 'render', 'site', '_lib'];

/** A key of JSON-able inputs (Dates as ISO strings), base64url sha256. */
function pageKey(parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}

/** The full article of `article`'s very source that an entry holds: the file's current version or its last good one. */
function heldBody(entry: FileEntry, article: Article): Article | undefined {
  return [entry.keptWithBody, entry.withBody].find((full) => full?.sourceHash === article.sourceHash) ?? undefined;
}

/** A light article (as the life cycle made it: id, guid, updated) with the body and summary of the full one. */
function withBodyOf(light: Article, full: Article): Article {
  return { ...light, html: full.html, summary: full.summary };
}

/** Two articles may not share an id (hence a guid) or a slug (hence a page): the later file is rejected. */
function findDuplicates(articles: readonly (Article | undefined)[]): { rejected: Set<Article>; diagnostics: Diagnostic[] } {
  const byId = new Map<string, Article>();
  const bySlug = new Map<string, Article>();
  const rejected = new Set<Article>();
  const diagnostics: Diagnostic[] = [];
  const reject = (article: Article, field: string, message: string) => {
    rejected.add(article);
    diagnostics.push({ severity: 'error', file: article.file, line: 1, field, code: `duplicate-${field}`, message });
  };
  for (const article of articles) {
    if (article === undefined) continue;
    const sameId = byId.get(article.id);
    const sameSlug = article.draft ? undefined : bySlug.get(article.slug);
    if (sameId) {
      reject(article, 'id', `"${article.id}" is already the id of ${sameId.file}`);
      continue;
    }
    if (sameSlug) {
      reject(article, 'slug', `"${article.slug}" is already the slug of ${sameSlug.file}; set a distinct "slug"`);
      continue;
    }
    byId.set(article.id, article);
    if (!article.draft) bySlug.set(article.slug, article);
  }
  return { rejected, diagnostics };
}
