// publish: items folder + config → the current FeedSnapshot, rebuilt on change, swapped whole, last good kept.
import path from 'node:path';
import { buildSite } from './build-site.ts';
import type { ResolvedConfig } from '../config/config-schema.ts';
import { displayPath, formatDiagnostic, type Diagnostic } from '../diagnostics.ts';
import { createBuildCache, type BuildCache } from './build-cache.ts';
import type { FeedSnapshot } from '../publish/feed-snapshot.ts';
import { watchItems, type ItemsWatcher } from './watch.ts';

/** Options of {@link createLiveSite}. */
export interface LiveSiteOptions {
  /** Folder of records; default `config.itemsDir`. */
  readonly itemsDir?: string;
  /** Rebuild when files below `itemsDir` change. Default false. */
  readonly watch?: boolean;
  /** Receives diagnostics and rebuild summaries, one line each. */
  readonly log?: (line: string) => void;
  /** Debounce of the watcher (ms). */
  readonly debounceMs?: number;
}

/** What the last build found, for /healthz. */
export interface BuildStatus {
  /** True when the build produced a snapshot without any error diagnostic. */
  readonly ok: boolean;
  /** When it finished (the clock: this is not part of any feed). */
  readonly at: Date;
  readonly errors: number;
  readonly warnings: number;
  /** True when its snapshot is the one being served; false when the last good one was kept. */
  readonly published: boolean;
  readonly diagnostics: readonly Diagnostic[];
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
  /** Rebuilds every mount path now; calls made during a rebuild coalesce into one more. */
  rebuild(): Promise<void>;
  /** Stops the watcher; the last snapshot stays readable. */
  close(): Promise<void>;
}

/** At most this many mount paths get their own build (a mount pattern with parameters would be unbounded). */
export const MAX_MOUNT_PATHS = 8;

/**
 * Builds the site, then keeps it current: after a change, the new snapshot replaces the served one
 * only if it adds no error in a file that was clean before — so a broken edit never removes a
 * published article; the last good feeds stay, and /healthz reports the error.
 */
export function createLiveSite(config: ResolvedConfig, options: LiveSiteOptions = {}): LiveSite {
  if (!config || typeof config.siteUrl !== 'string') throw new TypeError('config must be a ResolvedConfig');
  const itemsDir = options.itemsDir ?? config.itemsDir;
  // Messages name files as a person would type them from here (`items/x.md:3 date: …`).
  const displayDir = displayPath(path.resolve(itemsDir));
  const log = options.log ?? (() => {});
  const variants = new Map<string, Variant>();
  let lastStatus: BuildStatus | undefined;
  let chain: Promise<unknown> = Promise.resolve();
  let pendingRebuild: Promise<void> | undefined;
  let watcher: ItemsWatcher | undefined;

  /** Runs builds one at a time, in call order. */
  const exclusive = <T>(task: () => Promise<T>): Promise<T> => {
    const run = chain.then(task);
    chain = run.catch(() => {});
    return run;
  };

  const buildVariant = async (variant: Variant, report: boolean): Promise<void> => {
    const at = new Date();
    let diagnostics: readonly Diagnostic[] = [];
    let snapshot: FeedSnapshot | undefined;
    try {
      const result = await buildSite(variant.config, { itemsDir, displayDir, cache: variant.cache });
      diagnostics = result.diagnostics;
      snapshot = result.snapshot;
    } catch (error) {
      // A bug in a stage must not take the server down: keep serving, and say what happened.
      diagnostics = [{ severity: 'error', file: itemsDir, code: 'build-crashed', message: String(error) }];
    }
    const errorFiles = recordFilesWithErrors(diagnostics, displayDir);
    const published =
      snapshot !== undefined &&
      (variant.snapshot === undefined || [...errorFiles].every((file) => variant.errorFiles.has(file)));
    if (published) {
      variant.snapshot = snapshot; // one reference assignment: readers see the old snapshot or the new one, whole
      variant.errorFiles = errorFiles;
    }
    if (!report) return;
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    lastStatus = { ok: snapshot !== undefined && errors === 0, at, errors, warnings: diagnostics.length - errors, published, diagnostics };
    for (const d of diagnostics) log(formatDiagnostic(d));
    if (published) log(`built ${snapshot?.articleCount ?? 0} articles (${errors} errors, ${diagnostics.length - errors} warnings)`);
    else if (snapshot === undefined) log(`build failed: nothing to serve from ${itemsDir}; keeping the last good feeds`);
    else log(`kept the last good feeds: new errors in ${[...errorFiles].filter((f) => !variant.errorFiles.has(f)).join(', ')}`);
  };

  const addVariant = (mountPath: string): Variant => {
    const variant: Variant = {
      config: { ...config, siteUrl: config.siteUrl + mountPath },
      snapshot: undefined,
      errorFiles: new Set(),
      firstBuild: Promise.resolve(),
      cache: createBuildCache(),
    };
    variants.set(mountPath, variant);
    variant.firstBuild = exclusive(() => buildVariant(variant, variants.size === 1));
    return variant;
  };

  const rebuild = (): Promise<void> => {
    // One build in flight, at most one queued: a burst of edits costs two builds, not one per file.
    pendingRebuild ??= exclusive(async () => {
      pendingRebuild = undefined;
      let first = true;
      for (const variant of variants.values()) {
        await buildVariant(variant, first);
        first = false;
      }
    });
    return pendingRebuild;
  };

  const initial = addVariant('');
  const ready = (async () => {
    if (options.watch) {
      watcher = watchItems(itemsDir, () => void rebuild(), options.debounceMs === undefined ? {} : { debounceMs: options.debounceMs });
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
    status: () => lastStatus,
    rebuild,
    async close() {
      await watcher?.close();
    },
  };
}

/** True for `''` or a path like `/feeds` or `/a/b` (no trailing slash, no dot segments). */
export function isMountPath(value: string): boolean {
  return value === '' || (/^(\/[A-Za-z0-9._~!$&'()*+,;=:@%-]+)+$/.test(value) && !/\/\.\.?(\/|$)/.test(value));
}

// --- internal ---

interface Variant {
  readonly config: ResolvedConfig;
  snapshot: FeedSnapshot | undefined;
  /** Record files with errors in the build being served: the baseline a rebuild is compared with. */
  errorFiles: Set<string>;
  firstBuild: Promise<void>;
  /**
   * This mount path's own cache: a build drops what it did not use, so variants sharing one would evict each
   * other's entries (their siteUrl differs, hence every article and document).
   */
  readonly cache: BuildCache;
}

/**
 * Record files with errors. Feed lint findings (files like `/feed.json`) are left out: they come from
 * rendering, not from an edit, and would otherwise block every new category feed forever.
 */
function recordFilesWithErrors(diagnostics: readonly Diagnostic[], displayDir: string): Set<string> {
  const prefix = displayDir.endsWith(path.sep) ? displayDir : `${displayDir}${path.sep}`;
  // Lint findings name URL paths (`/feed.json`); record files are below the items folder.
  const isRecord = (file: string) =>
    displayDir === '.' ? !file.startsWith('/') : file === displayDir || file.startsWith(prefix);
  return new Set(diagnostics.filter((d) => d.severity === 'error' && isRecord(d.file)).map((d) => d.file));
}
