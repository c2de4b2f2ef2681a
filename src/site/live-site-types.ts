// site: what a live site is given and what it offers (the public types of live-site.ts, which re-exports them).
import type { ResolvedConfig } from '../config/config-schema.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { SourceHealth } from '../http/snapshot-source.ts';
import type { FeedSnapshot } from '../publish/feed-snapshot.ts';
import type { BuildSettings, BuildSettingsInput } from './build-settings.ts';
import type { ItemsChange, WatcherState } from './watch.ts';

/**
 * Options of {@link createLiveSite}: the build settings (build-settings.ts; `ledger` defaults to `update`, `lazyPages`
 * to true: the site holds articles without their bodies and only the pages readers ask for, the last `pageCacheSize`
 * of them; `future` publishes scheduled articles now, else each at its date, by a timer; no `cacheDir` by default),
 * and the live site's own.
 */
export interface LiveSiteOptions extends BuildSettingsInput {
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
  /** A rebuild still running after this long is abandoned and reported; the last snapshot stays (ms, default 120 000). */
  readonly buildTimeoutMs?: number;
  /**
   * Heap budget of the build worker (MB; default 256 MB + 16 KB per file of the items folder, worker-engine.ts); a
   * build that exceeds it is abandoned and reported, and the next one gets a worker with twice the budget.
   */
  readonly buildMemoryMb?: number;
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
  /** What every build of the site is made with (build-settings.ts; a mount path other than the root reads the ledger). */
  readonly settings: BuildSettings;
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
