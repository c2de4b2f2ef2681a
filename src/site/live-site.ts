// site: items folder + config → the current FeedSnapshot per mount path, rebuilt off the serving thread on every
// change and swapped whole.
import path from 'node:path';
import { isMountPath } from '../_lib/mount-path.ts';
import { plural } from '../_lib/plural.ts';
import type { ResolvedConfig } from '../config/config-schema.ts';
import { displayPath, formatDiagnostic, type Diagnostic } from '../diagnostics.ts';
import type { SourceHealth } from '../http/snapshot-source.ts';
import type { FeedSnapshot, PendingPage } from '../publish/feed-snapshot.ts';
import { delayUntil } from '../lifecycle/schedule.ts';
import { createPageCache, createPendingPage } from './page-cache.ts';
import { createRebuildEngine, type BuildReply, type RebuildEngine } from './rebuild-engine.ts';
import { applySnapshotDelta, changedFeedPaths } from './snapshot-delta.ts';
import { createWorkerEngine } from './worker-engine.ts';
import { watchItems, type ItemsChange, type ItemsWatcher, type WatcherState } from './watch.ts';
import { siteUrlOf } from '../_lib/site-paths.ts';

/** Options of {@link createLiveSite}. */
export interface LiveSiteOptions {
  /** Folder of records; default `config.itemsDir`. */
  readonly itemsDir?: string;
  /** Rebuild when files below `itemsDir` change. Default false. */
  readonly watch?: boolean;
  /** Receives diagnostics and rebuild summaries, one line each. */
  readonly log?: (line: string) => void;
  /**
   * Called once a rebuild of a mount path (`''` for the site root) is being served, with the paths of the feeds whose
   * bytes it changed (not after its first build: nothing was served before it). The WebSub notifier listens here; it
   * must return at once.
   */
  readonly onFeedsChanged?: (paths: readonly string[], mountPath: string) => void;
  /** Debounce of the watcher (ms). */
  readonly debounceMs?: number;
  /** Build in a worker thread, so that a rebuild never holds a request (default true). */
  readonly worker?: boolean;
  /** Render HTML pages (default `config.pages`). */
  readonly pages?: boolean;
  /** A rebuild still running after this long is abandoned and reported; the last snapshot stays (ms, default 120 000). */
  readonly buildTimeoutMs?: number;
  /** Heap budget of the build worker (MB, default 2048); a build that exceeds it is abandoned and reported. */
  readonly buildMemoryMb?: number;
  /** The publication ledger (`items/.published.json`): `update` (default) keeps it current, `read`, or `off`. */
  readonly ledger?: 'update' | 'read' | 'off';
  /** Publish scheduled articles now (previews). Default false: each is published at its date, by a timer. */
  readonly future?: boolean;
  /**
   * Folder of the persistent article cache shared with `gazette build` (e.g. `node_modules/.cache/gazette`): a start
   * takes the articles of unchanged records from it. Default: none.
   */
  readonly cacheDir?: string;
  /**
   * Render each article page on its first request instead of in every build (default true): the site then holds
   * articles without their bodies and only the pages readers ask for (the last `pageCacheSize` of them).
   */
  readonly lazyPages?: boolean;
  /** How many rendered article pages are kept (least recently asked for go first; default 2,000). */
  readonly pageCacheSize?: number;
  /** The clock (ms since the epoch): each build's "now" and what the schedule timer counts from. Default `Date.now`. */
  readonly now?: () => number;
}

/** What the last build found, for /healthz: the shape the HTTP layer reads (http/snapshot-source.ts). */
export type BuildStatus = NonNullable<SourceHealth['build']>;

/** Facts about a live site for /healthz. */
export interface LiveSiteHealth {
  readonly build: BuildStatus | undefined;
  /** When a build was last published. */
  readonly lastSuccess: Date | undefined;
  /** Undefined when the site does not watch its folder. */
  readonly watcher: WatcherState | undefined;
}

/** A site kept up to date with its items folder. */
export interface LiveSite {
  /** Resolves when the first build is done (and the watcher, if any, is listening). */
  readonly ready: Promise<void>;
  /** The snapshot to serve under `mountPath` (`''` or `/feeds`), built on first use for a new mount path. */
  snapshotFor(mountPath: string): Promise<FeedSnapshot | undefined>;
  /** The snapshot served at the site root right now, without waiting (undefined before the first build). */
  current(): FeedSnapshot | undefined;
  /** The last build's findings, or undefined before the first build ends. */
  status(): BuildStatus | undefined;
  /** Build status, last success and watcher state. */
  health(): LiveSiteHealth;
  /**
   * Calls `listener` after each build of the site root is applied (or has failed), and after a configuration is
   * refused, with the status; returns a function that stops it. What waits for an edit to be served waits on this,
   * not on the clock.
   */
  onBuilt(listener: (status: BuildStatus) => void): () => void;
  /**
   * Rebuilds every mount path with a new configuration (already validated); `diagnostics` are what the caller has to
   * say about it (a field that needs a restart), shown with every build's until the next call. The items folder
   * stays the one the site started with.
   */
  reconfigure(config: ResolvedConfig, diagnostics?: readonly Diagnostic[]): Promise<void>;
  /**
   * Reports what a configuration change gave without applying one (a file that does not validate: the site keeps
   * its configuration); status() shows these until the next report or reconfigure, and onBuilt listeners are called.
   */
  reportConfig(diagnostics: readonly Diagnostic[]): void;
  /**
   * Rebuilds every mount path now; calls made during a rebuild coalesce into one more. `change` names the files
   * that changed (a watcher's events); without it, the folder is walked.
   */
  rebuild(change?: ItemsChange): Promise<void>;
  /** Stops the watcher and the build worker; the last snapshot stays readable. */
  close(): Promise<void>;
}

/** Default {@link LiveSiteOptions.pageCacheSize}: about 30 MB of pages with their compressed forms. */
export const DEFAULT_PAGE_CACHE_SIZE = 2_000;

/** At most this many mount paths get their own build (a mount pattern with parameters would be unbounded). */
export const MAX_MOUNT_PATHS = 8;

/**
 * Builds the site, then keeps it current. Each rebuild re-reads only changed files and re-renders only what they
 * touch, in a worker thread; the serving thread applies the difference to a copy of the snapshot and swaps it in
 * with one assignment. A record that becomes invalid keeps its last good version (site-builder.ts); every other
 * change goes live.
 */
export function createLiveSite(config: ResolvedConfig, options: LiveSiteOptions = {}): LiveSite {
  if (!config || typeof config.siteUrl !== 'string') throw new TypeError('config must be a ResolvedConfig');
  const itemsDir = path.resolve(options.itemsDir ?? config.itemsDir);
  // Messages name files as a person would type them from here (`items/x.md:3 date: …`).
  const displayDir = displayPath(itemsDir);
  const log = options.log ?? (() => {});
  const engine: RebuildEngine & { close?: () => Promise<void> } =
    options.worker === false
      ? createRebuildEngine()
      : createWorkerEngine({
          timeoutMs: options.buildTimeoutMs ?? 120_000,
          memoryMb: options.buildMemoryMb ?? 2048,
        });
  const variants = new Map<string, Variant>();
  const lazyPages = options.lazyPages ?? true;
  const pageCache = createPageCache(options.pageCacheSize ?? DEFAULT_PAGE_CACHE_SIZE);
  const clock = options.now ?? Date.now;
  let siteConfig = config;
  /** What the last configuration change reported; part of every status until the next one. */
  let configDiagnostics: readonly Diagnostic[] = [];
  const withConfig = (status: BuildStatus | undefined): BuildStatus | undefined => {
    if (status === undefined || configDiagnostics.length === 0) return status;
    const errors = configDiagnostics.filter((d) => d.severity === 'error').length;
    return {
      ...status,
      ok: status.ok && errors === 0,
      errors: status.errors + errors,
      warnings: status.warnings + configDiagnostics.length - errors,
      diagnostics: [...configDiagnostics, ...status.diagnostics],
    };
  };
  const listeners = new Set<(status: BuildStatus) => void>();
  const announce = (): void => {
    const status = withConfig(lastStatus);
    if (status === undefined) return;
    for (const listener of [...listeners]) {
      // A listener's bug must not fail the rebuild that called it (nor the ones queued after it).
      try {
        listener(status);
      } catch (error) {
        log(`a build listener failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };

  /** A lazy article page of `variant`: rendered by the engine on its first request, then kept in the page cache. */
  const pendingPage = (variant: Variant, path: string): PendingPage =>
    createPendingPage(path, {
      cache: pageCache,
      render: () => engine.renderPage({ mountPath: variant.mountPath, path }),
      onUnbuilt: () => void rebuild(),
      log,
    });

  let lastStatus: BuildStatus | undefined;
  let lastSuccess: Date | undefined;
  let chain: Promise<unknown> = Promise.resolve();
  let pendingRebuild: Promise<void> | undefined;
  let watcher: ItemsWatcher | undefined;
  let closed = false;
  let closing: Promise<void> | undefined;
  const sayOnce = createOnceFilter();

  /** Runs builds one at a time, in call order. */
  const exclusive = <T>(task: () => Promise<T>): Promise<T> => {
    const run = chain.then(task);
    chain = run.catch(() => {});
    return run;
  };

  const buildVariant = async (variant: Variant, report: boolean, change: ItemsChange = 'all'): Promise<void> => {
    if (closed) return;
    let reply: BuildReply | undefined;
    let failure: string | undefined;
    try {
      reply = await engine.build({
        mountPath: variant.mountPath,
        config: variant.config,
        itemsDir,
        displayDir,
        ...(options.pages === undefined ? {} : { pages: options.pages }),
        ...(change === 'all' ? {} : { changed: [...change.files] }),
        // One history per site: the root build keeps the ledger; other mount paths read it.
        ledger: variant.mountPath === '' || options.ledger === 'off' ? (options.ledger ?? 'update') : 'read',
        ...(options.future === undefined ? {} : { future: options.future }),
        ...(options.cacheDir === undefined ? {} : { cacheDir: path.resolve(options.cacheDir) }),
        lazyPages,
        now: clock(),
      });
    } catch (error) {
      // The worker died, ran out of its budget or hit a bug: keep serving the last snapshot, and say so.
      failure = error instanceof Error ? error.message : String(error);
    }
    const at = new Date();
    if (reply?.ok) {
      const previous = variant.snapshot;
      const applied = applySnapshotDelta(previous, reply, (path) => pendingPage(variant, path));
      for (const page of applied.dropped) pageCache.forget(page);
      variant.snapshot = applied.snapshot; // one reference assignment: readers see old or new, whole
      if (previous !== undefined && options.onFeedsChanged) {
        const feeds = changedFeedPaths(previous, reply);
        if (feeds.length > 0) options.onFeedsChanged(feeds, variant.mountPath);
      }
      if (report) {
        lastSuccess = at;
        armSchedule(reply.nextDue);
      }
    }
    if (!report) return;
    if (reply === undefined) {
      lastStatus = { ok: false, at, errors: 1, warnings: 0, published: false, diagnostics: [], kept: [], durationMs: 0 };
      log(`rebuild failed, keeping the last good feeds: ${failure ?? 'unknown error'}`);
      return;
    }
    const errors = reply.diagnostics.filter((d) => d.severity === 'error').length;
    lastStatus = {
      ok: reply.ok && errors === 0,
      at,
      errors,
      warnings: reply.diagnostics.length - errors,
      published: reply.ok,
      diagnostics: reply.diagnostics,
      kept: reply.kept,
      durationMs: reply.durationMs,
    };
    for (const d of sayOnce(reply.diagnostics)) log(formatDiagnostic(d));
    if (!reply.ok) log(`build failed: nothing to serve from ${displayDir}; keeping the last good feeds`);
    else {
      log(buildLine(reply, errors));
    }
  };

  const addVariant = (mountPath: string): Variant => {
    const variant: Variant = {
      mountPath,
      config: { ...siteConfig, siteUrl: siteUrlOf(siteConfig.siteUrl, mountPath) },
      snapshot: undefined,
      firstBuild: Promise.resolve(),
    };
    variants.set(mountPath, variant);
    const report = variants.size === 1;
    variant.firstBuild = exclusive(async () => {
      await buildVariant(variant, report);
      if (report) announce();
    });
    return variant;
  };

  // A scheduled article goes live at its date without any file change: one timer for the soonest, re-armed by
  // every build (an edit may move or remove it).
  let scheduleTimer: NodeJS.Timeout | undefined;
  const armSchedule = (due: Date | undefined): void => {
    clearTimeout(scheduleTimer);
    const delay = delayUntil(due, new Date(clock()));
    if (delay === undefined || closed) return;
    scheduleTimer = setTimeout(() => void rebuild({ files: new Set() }), delay);
    scheduleTimer.unref();
  };

  let pendingChange: ItemsChange | undefined;
  const rebuild = (change: ItemsChange = 'all'): Promise<void> => {
    pendingChange = mergeChanges(pendingChange, change);
    // One build in flight, at most one queued: a burst of edits costs two builds, not one per file.
    pendingRebuild ??= exclusive(async () => {
      pendingRebuild = undefined;
      const taken = pendingChange ?? 'all';
      pendingChange = undefined;
      let first = true;
      for (const variant of variants.values()) {
        await buildVariant(variant, first, taken);
        if (first) announce();
        first = false;
      }
    });
    return pendingRebuild;
  };

  const initial = addVariant('');
  const ready = (async () => {
    if (options.watch) {
      watcher = watchItems(itemsDir, (change) => void rebuild(change), {
        ...(options.debounceMs === undefined ? {} : { debounceMs: options.debounceMs }),
        log,
      });
      await watcher.ready;
    }
    await initial.firstBuild;
  })();

  return {
    ready,
    async snapshotFor(mountPath) {
      if (!isMountPath(mountPath)) throw new TypeError(`not a mount path: ${JSON.stringify(mountPath)}`);
      let variant = variants.get(mountPath);
      if (!variant) {
        if (variants.size >= MAX_MOUNT_PATHS) return undefined;
        variant = addVariant(mountPath);
      }
      await variant.firstBuild;
      return variant.snapshot;
    },
    current: () => initial.snapshot,
    status: () => withConfig(lastStatus),
    health: () => ({ build: withConfig(lastStatus), lastSuccess, watcher: watcher?.state() }),
    reconfigure(next, diagnostics = []) {
      if (!next || typeof next.siteUrl !== 'string') throw new TypeError('reconfigure: config must be a ResolvedConfig');
      siteConfig = next;
      configDiagnostics = diagnostics;
      // The engine sees a new configuration and builds each mount path afresh.
      for (const variant of variants.values()) variant.config = { ...next, siteUrl: siteUrlOf(next.siteUrl, variant.mountPath) };
      return rebuild('all');
    },
    reportConfig(diagnostics) {
      configDiagnostics = diagnostics;
      announce();
    },
    onBuilt(listener) {
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      const own = (status: BuildStatus) => listener(status);
      listeners.add(own);
      return () => void listeners.delete(own);
    },
    rebuild,
    close() {
      // Idempotent: the server's 'close' and its owner may both call it.
      closing ??= shutDown();
      return closing;
    },
  };

  async function shutDown(): Promise<void> {
    closed = true;
    clearTimeout(scheduleTimer);
    await watcher?.close();
    await chain;
    await engine.close?.();
  }
}

// --- internal ---

interface Variant {
  readonly mountPath: string;
  config: ResolvedConfig;
  snapshot: FeedSnapshot | undefined;
  firstBuild: Promise<void>;
}

/** Findings about the folder, not a record: logged when they appear, not again by every rebuild while they last. */
const SAID_ONCE: ReadonlySet<string> = new Set(['ledger-unwritable', 'link-loop']);

/** Filters out the {@link SAID_ONCE} findings the previous build already had; one that goes away is said again if it returns. */
function createOnceFilter(): (diagnostics: readonly Diagnostic[]) => Diagnostic[] {
  let said = new Set<string>();
  return (diagnostics) => {
    const now = new Set<string>();
    const shown = diagnostics.filter((d) => {
      if (!SAID_ONCE.has(d.code)) return true;
      const line = formatDiagnostic(d);
      now.add(line);
      return !said.has(line);
    });
    said = now;
    return shown;
  };
}

/**
 * `built 5 articles (1 error, 0 warnings; 3 documents changed, 0 removed; 40 ms)`: what the rebuild did, in words
 * that say what is counted (a full build re-renders every document of the site).
 */
function buildLine(reply: BuildReply, errors: number): string {
  const documents = reply.full
    ? 'every document rendered'
    : `${plural(reply.changed.length + reply.pages.length, 'document')} changed, ${reply.removed.length} removed`;
  const counts = `${plural(errors, 'error')}, ${plural(reply.diagnostics.length - errors, 'warning')}`;
  return `built ${plural(reply.articleCount, 'article')} (${counts}; ${documents}; ${Math.round(reply.durationMs)} ms)`;
}

/** Both sets of changed files, or `'all'` when either needs a walk. */
function mergeChanges(a: ItemsChange | undefined, b: ItemsChange): ItemsChange {
  if (a === undefined) return b;
  if (a === 'all' || b === 'all') return 'all';
  return { files: new Set([...a.files, ...b.files]) };
}
