// http: the /healthz document — status, counts and times for everyone; file names and messages only for the operator.
import type { IncomingMessage } from 'node:http';
import { formatDiagnostic } from '../diagnostics.ts';
import { LEDGER_UNWRITABLE } from '../lifecycle/ledger-access.ts';
import type { FeedSnapshot } from '../publish/feed-snapshot.ts';
import type { SourceHealth } from './snapshot-source.ts';

/** The /healthz document. `details` is present only for a local request or one with the configured token. */
export interface HealthReport {
  readonly status: 'ok' | 'degraded' | 'starting' | 'failed';
  readonly articles: number;
  readonly updated: string | null;
  readonly lastBuild: {
    readonly ok: boolean;
    readonly at: string;
    readonly errors: number;
    readonly warnings: number;
    readonly published: boolean;
    readonly durationMs: number;
  } | null;
  readonly lastSuccess: string | null;
  readonly watcher: { readonly state: string; readonly since: string } | null;
  /**
   * `unwritable`: the last build could not write the publication ledger (a read-only or full items folder); the
   * site is served all the same, without redirect memory or first-publication times. Otherwise `ok`.
   */
  readonly ledger: 'ok' | 'unwritable';
  /** The last WebSub publish per hub (empty until a change was published); absent when no hub is configured. */
  readonly websub?: readonly {
    readonly hub: string;
    readonly ok: boolean;
    readonly status: number | null;
    readonly at: string;
    /** Why it failed: operator only. */
    readonly error?: string;
  }[];
  /** Formatted diagnostics (`items/x.md:3 date: …`), at most {@link MAX_HEALTH_DIAGNOSTICS}. */
  readonly diagnostics?: readonly string[];
  /** Record files whose last good version is served, and the watcher's last error. */
  readonly details?: { readonly kept: readonly string[]; readonly watcherError: string | null };
}

/** Longest diagnostics list /healthz shows; the count fields stay exact. */
export const MAX_HEALTH_DIAGNOSTICS = 100;

/** Builds the report; `detailed` adds what only the operator should see (paths and messages of the records). */
export function healthReport(health: SourceHealth, snapshot: FeedSnapshot | undefined, detailed: boolean): HealthReport {
  const { build } = health;
  const report: HealthReport = {
    status: statusOf(health, snapshot !== undefined),
    articles: snapshot?.articleCount ?? 0,
    updated: snapshot?.updated.toISOString() ?? null,
    lastBuild: build
      ? {
          ok: build.ok,
          at: build.at.toISOString(),
          errors: build.errors,
          warnings: build.warnings,
          published: build.published,
          durationMs: Math.round(build.durationMs),
        }
      : null,
    lastSuccess: health.lastSuccess?.toISOString() ?? null,
    watcher: health.watcher ? { state: health.watcher.state, since: health.watcher.since.toISOString() } : null,
    ledger: isLedgerUnwritable(health) ? 'unwritable' : 'ok',
    ...(health.websub === undefined
      ? {}
      : {
          websub: health.websub.map((r) => ({
            hub: r.hub,
            ok: r.ok,
            status: r.status ?? null,
            at: r.at.toISOString(),
            ...(detailed && r.error !== undefined ? { error: r.error } : {}),
          })),
        }),
  };
  if (!detailed) return report;
  return {
    ...report,
    diagnostics: (build?.diagnostics ?? []).slice(0, MAX_HEALTH_DIAGNOSTICS).map(formatDiagnostic),
    details: { kept: build?.kept ?? [], watcherError: health.watcher?.error ?? null },
  };
}

/**
 * True for a request from this machine that no proxy forwarded (a proxy on the same host would otherwise make
 * every visitor local), or one that presents `token` as `Authorization: Bearer <token>`.
 */
export function isOperatorRequest(req: IncomingMessage, token: string | undefined): boolean {
  if (token !== undefined && token !== '' && req.headers.authorization === `Bearer ${token}`) return true;
  const forwarded = req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined || req.headers['x-real-ip'] !== undefined;
  const address = req.socket.remoteAddress ?? '';
  return !forwarded && (address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1');
}

// --- internal ---

function statusOf(health: SourceHealth, serving: boolean): HealthReport['status'] {
  if (!health.build) return 'starting';
  if (!serving) return 'failed';
  // A watcher that stopped means edits no longer go live: not "ok", even when the last build was clean.
  if (health.watcher && health.watcher.state !== 'watching') return 'degraded';
  // Served, but moved pages lose their redirects while the ledger cannot be written: the operator must know.
  if (isLedgerUnwritable(health)) return 'degraded';
  return health.build.ok ? 'ok' : 'degraded';
}

function isLedgerUnwritable(health: SourceHealth): boolean {
  return health.build?.diagnostics.some((d) => d.code === LEDGER_UNWRITABLE) ?? false;
}
