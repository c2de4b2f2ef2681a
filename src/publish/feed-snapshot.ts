// publish: the finished, immutable output of one build, ready to serve or write to disk.

/** One served path, encoded once per build. */
export interface SnapshotEntry {
  /** URL path below the site root: `/feed.xml`, `/categories/societe/atom.xml`, `/`, `/articles/<slug>/`. */
  readonly path: string;
  /** Full header value, e.g. `application/rss+xml; charset=utf-8`. */
  readonly contentType: string;
  readonly identity: Buffer;
  readonly gzip: Buffer;
  readonly br: Buffer;
  /** Strong ETag of each encoding (RFC 9110 §8.8.3): quoted, distinct per encoding. */
  readonly etags: { readonly identity: string; readonly gzip: string; readonly br: string };
  /** Newest article's `updated`, rounded down to whole seconds. */
  readonly lastModified: Date;
  /**
   * False while the gzip and brotli bodies of exactly these bytes are still being made off the serving thread (a live
   * rebuild publishes its identity bytes first): the server sends identity until then. Absent: ready or made on use.
   */
  readonly encodingsReady?: boolean;
  /** Resolves once `encodingsReady` is true (what a test or a benchmark waits on; never rejects). */
  readonly encodingsSettled?: Promise<void>;
}

/**
 * A page rendered on its first request and then kept (a live site holds the pages readers ask for, not the whole
 * archive's): its entry, or undefined when it cannot be rendered right now (its record is changing; ask again).
 */
export interface PendingPage {
  readonly path: string;
  load(): Promise<SnapshotEntry | undefined>;
}

/** Everything one build produced. Swapped whole; never mutated. */
export interface FeedSnapshot {
  readonly entries: ReadonlyMap<string, SnapshotEntry>;
  /** Number of published articles. */
  readonly articleCount: number;
  /** Newest article's `updated` (deterministic, not the clock). */
  readonly updated: Date;
  /** Former page paths → current ones (the publication ledger), answered with 301. */
  readonly redirects?: ReadonlyMap<string, string>;
  /** Pages not in `entries`, rendered when first asked for (a live site's article pages). */
  readonly pages?: ReadonlyMap<string, PendingPage>;
}
