// http: what the HTTP layer reads — snapshots per mount path and facts for /healthz — whoever builds them.
import type { Diagnostic } from '../diagnostics.ts';
import type { FeedSnapshot } from '../publish/feed-snapshot.ts';
import type { HubResult } from '../publish/websub.ts';

/** Where the router gets what it serves. `src/site/live-site.ts` is one; a test may pass a fixed snapshot. */
export interface SnapshotSource {
  /** The snapshot to serve under `mountPath` (`''` or `/feeds`); undefined when none could be built. */
  snapshotFor(mountPath: string): Promise<FeedSnapshot | undefined>;
  /** The site-root snapshot right now, without waiting: the fast path of `gazette serve`. */
  current(): FeedSnapshot | undefined;
  /** Facts for /healthz. */
  health(): SourceHealth;
}

/** What a source tells /healthz. */
export interface SourceHealth {
  /** The last build, or undefined before the first one ends. */
  readonly build:
    | {
        /** True when the build produced a snapshot without any error diagnostic. */
        readonly ok: boolean;
        /** When it finished (the clock: this is not part of any feed). */
        readonly at: Date;
        readonly errors: number;
        readonly warnings: number;
        /** True when its result is being served; false when nothing could be built and the last snapshot stays. */
        readonly published: boolean;
        /** How long the build took (ms). */
        readonly durationMs: number;
        readonly diagnostics: readonly Diagnostic[];
        /** Record files whose last good version is served in place of an invalid edit. */
        readonly kept: readonly string[];
      }
    | undefined;
  /** When a build was last published. */
  readonly lastSuccess: Date | undefined;
  /** Undefined when the source does not watch its folder. */
  readonly watcher: { readonly state: string; readonly since: Date; readonly error?: string } | undefined;
  /** The last WebSub publish per hub; undefined when no hub is configured. */
  readonly websub?: readonly HubResult[];
}
