// site: items folder + config → the current FeedSnapshot per mount path, rebuilt off the serving thread on every
// change and swapped whole.
import { isMountPath } from '../_lib/mount-path.ts';
import type { ResolvedConfig } from '../config/config-schema.ts';
import { formatDiagnostic } from '../diagnostics.ts';
import type { FeedSnapshot, PendingPage } from '../publish/feed-snapshot.ts';
import { delayUntil } from '../lifecycle/schedule.ts';
import { foldLedger } from '../lifecycle/ledger-access.ts';
import { createPageCache, createPendingPage } from './page-cache.ts';
import { createRebuildEngine, type BuildReply, type RebuildEngine } from './rebuild-engine.ts';
import { resolveBuildSettings, type BuildSettings } from './build-settings.ts';
import { buildLine, createOnceFilter, failedStatus, statusOfReply } from './build-report.ts';
import type { LiveSite, LiveSiteOptions } from './live-site-types.ts';
import { createLiveStatus } from './live-status.ts';
import { applySnapshotDelta, changedFeedPaths } from './snapshot-delta.ts';
import { createRebuildQueue } from './rebuild-queue.ts';
import { createWorkerEngine, workerHeapMb } from './worker-engine.ts';
import { watchItems, type ItemsChange, type ItemsWatcher } from './watch.ts';
import { siteUrlOf } from '../_lib/site-paths.ts';

export type { BuildStatus, LiveSite, LiveSiteHealth, LiveSiteOptions } from './live-site-types.ts';

/** Default {@link LiveSiteOptions.pageCacheSize}: about 30 MB of pages with their compressed forms. */
export const DEFAULT_PAGE_CACHE_SIZE = 2_000;

/** At most this many mount paths get their own build (a mount pattern with parameters would be unbounded). */
export const MAX_MOUNT_PATHS = 8;

/** The settings a live site builds with: `options`' own, else a live site's defaults (see LiveSiteOptions). */
export function liveSiteSettings(config: ResolvedConfig, options: LiveSiteOptions = {}): BuildSettings {
  return resolveBuildSettings(options, config, { ledger: 'update', lazyPages: true });
}

/**
 * Builds the site, then keeps it current. Each rebuild re-reads only changed files and re-renders only what they
 * touch, in a worker thread; the serving thread applies the difference to a copy of the snapshot and swaps it in
 * with one assignment. A record that becomes invalid keeps its last good version (site-builder.ts); every other
 * change goes live.
 */
export function createLiveSite(config: ResolvedConfig, options: LiveSiteOptions = {}): LiveSite {
  if (!config || typeof config.siteUrl !== 'string') throw new TypeError('config must be a ResolvedConfig');
  // Resolved once: every build of every mount path is asked with these (the ledger aside, per mount path).
  const settings = liveSiteSettings(config, options);
  const { itemsDir, displayDir } = settings;
  const log = options.log ?? (() => {});
  const engine: RebuildEngine & { close?: () => Promise<void> } =
    options.worker === false
      ? createRebuildEngine()
      : createWorkerEngine({
          timeoutMs: options.buildTimeoutMs ?? 120_000,
          memoryMb: options.buildMemoryMb ?? (() => workerHeapMb(itemsDir)),
        });
  const variants = new Map<string, Variant>();
  const pageCache = createPageCache(options.pageCacheSize ?? DEFAULT_PAGE_CACHE_SIZE);
  const clock = options.now ?? Date.now;
  let siteConfig = config;
  const live = createLiveStatus(log);

  /** A lazy article page of `variant`: rendered by the engine on its first request, then kept in the page cache. */
  const pendingPage = (variant: Variant, path: string): PendingPage =>
    createPendingPage(path, {
      cache: pageCache,
      render: () => engine.renderPage({ mountPath: variant.mountPath, path }),
      onUnbuilt: () => void rebuild(),
      log,
    });

  let watcher: ItemsWatcher | undefined;
  let closed = false;
  let closing: Promise<void> | undefined;
  const sayOnce = createOnceFilter();

  const buildVariant = async (variant: Variant, report: boolean, change: ItemsChange = 'all'): Promise<void> => {
    if (closed) return;
    let reply: BuildReply | undefined;
    let failure: string | undefined;
    try {
      reply = await engine.build({
        ...settings,
        mountPath: variant.mountPath,
        config: variant.config,
        ...(change === 'all' ? {} : { changed: [...change.files] }),
        // One history per site: the root build keeps the ledger; other mount paths read it.
        ...(variant.mountPath === '' || settings.ledger === 'off' ? {} : { ledger: 'read' as const }),
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
      if (report) armSchedule(reply.nextDue);
    }
    if (!report) return;
    if (reply === undefined) {
      live.record(failedStatus(at), false);
      log(`rebuild failed, keeping the last good feeds: ${failure ?? 'unknown error'}`);
      return;
    }
    const status = statusOfReply(reply, at);
    live.record(status, reply.ok);
    for (const d of sayOnce(reply.diagnostics)) log(formatDiagnostic(d));
    if (!reply.ok) log(`build failed: nothing to serve from ${displayDir}; keeping the last good feeds`);
    else {
      log(buildLine(reply, status.errors));
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
    variant.firstBuild = queue.exclusive(async () => {
      await buildVariant(variant, report);
      if (report) live.announce();
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

  // Every mount path, the site root first: its build is the one reported.
  const queue = createRebuildQueue(async (change) => {
    let first = true;
    for (const variant of variants.values()) {
      await buildVariant(variant, first, change);
      if (first) live.announce();
      first = false;
    }
  });
  const rebuild = (change: ItemsChange = 'all'): Promise<void> => queue.request(change);

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
    settings,
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
    status: live.status,
    health: () => ({ build: live.status(), lastSuccess: live.lastSuccess(), watcher: watcher?.state() }),
    reconfigure(next, diagnostics = []) {
      if (!next || typeof next.siteUrl !== 'string') throw new TypeError('reconfigure: config must be a ResolvedConfig');
      siteConfig = next;
      live.setConfigDiagnostics(diagnostics);
      // The engine sees a new configuration and builds each mount path afresh.
      for (const variant of variants.values()) variant.config = { ...next, siteUrl: siteUrlOf(next.siteUrl, variant.mountPath) };
      return rebuild('all');
    },
    reportConfig(diagnostics) {
      live.setConfigDiagnostics(diagnostics);
      live.announce();
    },
    onBuilt: live.onBuilt,
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
    await queue.settled();
    await engine.close?.();
    // The builds appended to the ledger's journal; a stopped site leaves one file, as a static build does.
    if (settings.ledger === 'update') for (const d of await foldLedger(itemsDir, displayDir)) log(formatDiagnostic(d));
  }
}

// --- internal ---

interface Variant {
  readonly mountPath: string;
  config: ResolvedConfig;
  snapshot: FeedSnapshot | undefined;
  firstBuild: Promise<void>;
}
