// site: the config file on disk → the live site reconfigured after each edit that validates; an edit that does not is
// reported (log and /healthz) and the previous configuration stays.
import path from 'node:path';
import { watch, type FSWatcher } from 'node:fs';
import type { ResolvedConfig } from '../config/config-schema.ts';
import { type Diagnostic, displayPath, isGazetteError } from '../diagnostics.ts';
import type { LiveSite } from './live-site.ts';

/** Options of {@link reloadConfigOnChange}. */
export interface ConfigReloadOptions {
  /** Absolute path of the config file to watch. */
  readonly file: string;
  /** Loads and validates the config file (`loadConfig`, with the command's overrides); throws ConfigError when invalid. */
  readonly load: () => Promise<ResolvedConfig>;
  /** Receives one line per reload or refusal. */
  readonly log?: (line: string) => void;
  /** Quiet period after the last event before the file is read (ms, default 100): an editor's save is a burst. */
  readonly debounceMs?: number;
}

/** A running config watcher. */
export interface ConfigReloader {
  /** Resolves once the file is watched. */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Fields a running server took at start and cannot change: the watched items folder, the static-assets folder and
 * the Cache-Control its router sends. A change is reported until it is undone or the server restarts.
 */
export const RESTART_FIELDS = ['itemsDir', 'publicDir', 'cacheControl'] as const;

/**
 * Watches `options.file` (the file only: a module it imports is not watched) and applies each version that loads and
 * validates to `site`. `started` is the configuration the site was created with.
 */
export function reloadConfigOnChange(site: LiveSite, started: ResolvedConfig, options: ConfigReloadOptions): ConfigReloader {
  if (typeof options?.file !== 'string' || !path.isAbsolute(options.file)) throw new TypeError('file must be an absolute path');
  if (typeof options.load !== 'function') throw new TypeError('load must be a function');
  const file = options.file;
  const shown = displayPath(file);
  const log = options.log ?? (() => {});
  const debounceMs = options.debounceMs ?? 100;
  let applied = JSON.stringify(started);
  let chain: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const reload = async (): Promise<void> => {
    let next: ResolvedConfig;
    try {
      next = await options.load();
    } catch (error) {
      if (!isGazetteError(error)) throw error;
      const problems = 'problems' in error ? (error as { problems: readonly string[] }).problems : [error.message];
      const diagnostics = problems.map((problem): Diagnostic => ({ severity: 'error', file: shown, code: 'config-invalid', message: problem }));
      for (const d of diagnostics) log(`${d.file}: ${d.message}`);
      log(`${shown} is not valid: the previous configuration stays in use until it is fixed`);
      site.reportConfig(diagnostics);
      return;
    }
    const key = JSON.stringify(next);
    const restart = RESTART_FIELDS.filter((field) => next[field] !== started[field]).map(
      (field): Diagnostic => ({
        severity: 'warning',
        file: shown,
        field,
        code: 'config-needs-restart',
        message: `changed to ${JSON.stringify(next[field])}: restart gazette serve to apply it (${JSON.stringify(started[field])} is still used)`,
      }),
    );
    for (const d of restart) log(`${d.file} ${d.field}: ${d.message}`);
    if (key === applied) {
      site.reportConfig(restart); // nothing to rebuild; clears a refusal the file no longer deserves
      return;
    }
    applied = key;
    // What cannot change while serving keeps its starting value, so the site goes on reading the same folder.
    const kept = { ...next, itemsDir: started.itemsDir, publicDir: started.publicDir, cacheControl: started.cacheControl };
    log(`${shown} changed: rebuilding with the new configuration`);
    await site.reconfigure(kept, restart);
  };

  const schedule = (): void => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      chain = chain.then(reload).catch((error: unknown) => log(`${shown} could not be reloaded: ${error instanceof Error ? error.message : String(error)}`));
    }, debounceMs);
  };

  // The folder is watched, not the file: editors save by writing a new file and renaming it over the old one. Node's
  // own watcher reports every write (chokidar drops a change that follows another within its 50 ms throttle, and
  // one file needs none of its scanning); a burst is merged by the debounce above.
  const base = path.basename(file);
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(path.dirname(file), { persistent: false }, (_event, name) => {
      if (name === null || name.toString() === base) schedule();
    });
    watcher.on('error', (error) => log(`${shown} is no longer watched: ${error.message}`));
  } catch (error) {
    // Out of inotify watches, say: the site serves on with its configuration; an edit then needs a restart.
    log(`${shown} cannot be watched (${error instanceof Error ? error.message : String(error)}): restart gazette serve after editing it`);
  }
  const ready = Promise.resolve();

  return {
    ready,
    async close() {
      closed = true;
      clearTimeout(timer);
      watcher?.close();
      await chain;
    },
  };
}
