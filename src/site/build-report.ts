// site: how a live site reports its builds — the status /healthz shows, one log line per rebuild, and folder
// findings said once rather than by every rebuild.
import { plural } from '../_lib/plural.ts';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.ts';
import type { BuildStatus } from './live-site-types.ts';
import type { BuildReply } from './rebuild-engine.ts';

/** The status of a reply (`configDiagnostics` aside: see {@link withConfigDiagnostics}). */
export function statusOfReply(reply: BuildReply, at: Date): BuildStatus {
  const errors = reply.diagnostics.filter((d) => d.severity === 'error').length;
  return {
    ok: reply.ok && errors === 0,
    at,
    errors,
    warnings: reply.diagnostics.length - errors,
    published: reply.ok,
    diagnostics: reply.diagnostics,
    kept: reply.kept,
    durationMs: reply.durationMs,
  };
}

/** The status of a build that gave no reply (the worker died, timed out, hit a bug). */
export function failedStatus(at: Date): BuildStatus {
  return { ok: false, at, errors: 1, warnings: 0, published: false, diagnostics: [], kept: [], durationMs: 0 };
}

/** A status with what the last configuration change reported first: part of every status until the next one. */
export function withConfigDiagnostics(status: BuildStatus | undefined, configDiagnostics: readonly Diagnostic[]): BuildStatus | undefined {
  if (status === undefined || configDiagnostics.length === 0) return status;
  const errors = configDiagnostics.filter((d) => d.severity === 'error').length;
  return {
    ...status,
    ok: status.ok && errors === 0,
    errors: status.errors + errors,
    warnings: status.warnings + configDiagnostics.length - errors,
    diagnostics: [...configDiagnostics, ...status.diagnostics],
  };
}

/** Findings about the folder, not a record: logged when they appear, not again by every rebuild while they last. */
const SAID_ONCE: ReadonlySet<string> = new Set(['ledger-unwritable', 'link-loop']);

/** Filters out the {@link SAID_ONCE} findings the previous build already had; one that goes away is said again if it returns. */
export function createOnceFilter(): (diagnostics: readonly Diagnostic[]) => Diagnostic[] {
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
export function buildLine(reply: BuildReply, errors: number): string {
  const documents = reply.full
    ? 'every document rendered'
    : `${plural(reply.changed.length + reply.pages.length, 'document')} changed, ${reply.removed.length} removed`;
  const counts = `${plural(errors, 'error')}, ${plural(reply.diagnostics.length - errors, 'warning')}`;
  return `built ${plural(reply.articleCount, 'article')} (${counts}; ${documents}; ${Math.round(reply.durationMs)} ms)`;
}
