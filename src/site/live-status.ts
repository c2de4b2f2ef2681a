// site: what a live site says about its builds (live-site.ts) — the last status with the configuration's findings
// first, when a build last went live, and the listeners told after each build of the site root.
import type { Diagnostic } from '../diagnostics.ts';
import { withConfigDiagnostics } from './build-report.ts';
import type { BuildStatus } from './live-site-types.ts';

/** The build state of a live site, as /healthz and the onBuilt listeners see it. */
export interface LiveStatus {
  /** The last build's status with the configuration's findings first; undefined before the first build ends. */
  status(): BuildStatus | undefined;
  /** When a build last went live. */
  lastSuccess(): Date | undefined;
  /** Records a build of the site root: its status, and `at` as the last success when it went live. */
  record(status: BuildStatus, live: boolean): void;
  /** What the last configuration change reported: part of every status until the next call. */
  setConfigDiagnostics(diagnostics: readonly Diagnostic[]): void;
  /** Calls every listener with the status (none before the first build); a listener that throws is logged, not thrown. */
  announce(): void;
  /** Adds a listener; returns the function that removes it. */
  onBuilt(listener: (status: BuildStatus) => void): () => void;
}

export function createLiveStatus(log: (line: string) => void): LiveStatus {
  let lastStatus: BuildStatus | undefined;
  let lastSuccess: Date | undefined;
  let configDiagnostics: readonly Diagnostic[] = [];
  const listeners = new Set<(status: BuildStatus) => void>();
  const status = () => withConfigDiagnostics(lastStatus, configDiagnostics);
  return {
    status,
    lastSuccess: () => lastSuccess,
    record(next, live) {
      lastStatus = next;
      if (live) lastSuccess = next.at;
    },
    setConfigDiagnostics(diagnostics) {
      configDiagnostics = diagnostics;
    },
    announce() {
      const current = status();
      if (current === undefined) return;
      for (const listener of [...listeners]) {
        // A listener's bug must not fail the rebuild that called it (nor the ones queued after it).
        try {
          listener(current);
        } catch (error) {
          log(`a build listener failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    },
    onBuilt(listener) {
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      // Wrapped: the same function added twice is two listeners, each removed by its own call.
      const own = (current: BuildStatus) => listener(current);
      listeners.add(own);
      return () => void listeners.delete(own);
    },
  };
}
