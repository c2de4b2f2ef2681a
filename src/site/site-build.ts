// site: what a site build is given and what it hands back (the public types of site-builder.ts, which re-exports
// them): one file the record cache, the render cache and the builder all import, so none imports the builder.
import type { Article } from '../article/article.ts';
import type { PublicFileSizes } from '../article/read-image.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { FeedSet } from '../feed-set/feed-set.ts';
import type { Redirect } from '../lifecycle/apply-ledger.ts';
import type { ScheduledArticle } from '../lifecycle/schedule.ts';
import type { RenderedDocument } from '../render/rendered-document.ts';
import type { RecordFile } from '../records/read-items.ts';
import type { ArticleStore } from './article-store.ts';
import type { BuildSettingsInput } from './build-settings.ts';
import type { DocumentStore } from './document-store.ts';

/**
 * Options of {@link createSiteBuilder}: the build settings (build-settings.ts: items folder, pages, ledger, future,
 * lazy pages), handed down whole by every entry point, and what only the caller's run has (its clock, its store, its
 * progress line). The settings' `cacheDir` is the caller's: it opens the store there (article-store.ts), passes it as
 * `store` and saves it after the build.
 */
export interface SiteBuilderOptions extends Omit<BuildSettingsInput, 'cacheDir'> {
  /** Run the feed linter over feeds that changed (default true). */
  readonly lint?: boolean | undefined;
  /**
   * Keep the last good version of a record that becomes invalid (the live site). Default false: `gazette build`
   * and `check` publish what the files say now.
   */
  readonly keepLastGood?: boolean | undefined;
  /** The clock, for scheduling and corrections (tests). Default `Date.now`. */
  readonly now?: (() => number) | undefined;
  /** A persistent store of articles from earlier builds (`gazette build`); saved by the caller. */
  readonly store?: ArticleStore | undefined;
  /** A persistent store of eager documents from earlier streaming builds (`gazette build`); saved by the caller. */
  readonly documentStore?: DocumentStore | undefined;
  /**
   * `false` is `lazyPages: true` (its former name): the build streams — articles are kept without their bodies (the
   * feeds' and the listings' ones excepted), and article pages come as `lazyPages`, each rendering its article's body
   * again from its file when asked, and not kept: what a build holds grows with the number of records by their
   * metadata only, never by their bodies or pages. The index and category pages stay in `documents`.
   * @deprecated Use `lazyPages`, which wins when both are given.
   */
  readonly retainPages?: boolean | undefined;
  /** Called as records are read and validated: `done` of `total` record files (a progress line on a terminal). */
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
  /** Sizes of the static-assets files (publish/public-files.ts readPublicFileSizes): the length of image enclosures. */
  readonly publicFileSizes?: PublicFileSizes | undefined;
  /**
   * Read settled record files with synchronous calls (read-settled.ts): ≈ 4× less CPU a file. Only where nothing
   * else shares the thread (the CLI's build and check); never on a server's event loop. Default false.
   */
  readonly syncReads?: boolean | undefined;
  /**
   * Streaming with pages: most bytes of records kept from the build's read for their pages (default
   * KEPT_BYTES_BUDGET (record-cache.ts)); a page whose record was not kept reads it again, and is refused (LazyPageError)
   * when the file changed since. 0: every page reads its record again.
   */
  readonly keptBytes?: number | undefined;
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
  /** With `lazyPages`, the article pages, each rendered on demand (in render order). */
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
  /**
   * An article page whose body is read from its record (not held): what a page worker needs to make it on another
   * thread (site/page-pool.ts) — the light article and its record file, as messages name it.
   */
  readonly job?: { readonly article: Article; readonly file: RecordFile };
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
