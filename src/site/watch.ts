// site: an items folder on disk → debounced "something changed" calls, for live rebuilds, that survive the folder
// being deleted, recreated, swapped by a rename or switched by a symlink.
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { watchFolderTree, type FolderTreeWatch } from './folder-watch.ts';

/** Options of {@link watchItems}. */
export interface WatchItemsOptions {
  /** Quiet period after the last change before `onChange` runs (ms). Default 30: editors write in bursts. */
  readonly debounceMs?: number;
  /**
   * How often the folder's identity is checked (ms, default 1000): a folder replaced under the same name (deleted
   * and recreated, `mv items.new items`, a symlink switched to a new release) is watched anew and rebuilt.
   */
  readonly checkMs?: number;
  /** A rebuild this often whatever the events say, in case some were lost (ms, default 60 000). */
  readonly rescanMs?: number;
  /** Receives one line per watcher problem or restart. */
  readonly log?: (line: string) => void;
}

/** What /healthz says of the watcher. */
export interface WatcherState {
  /** `watching`: events arrive; `missing`: the folder is gone, checked every `checkMs`; `failed`: see `error`. */
  readonly state: 'watching' | 'missing' | 'failed';
  /** The last watcher error, if any. */
  readonly error?: string;
  /** When the watched folder was last (re)attached. */
  readonly since: Date;
}

/** A running watcher. */
export interface ItemsWatcher {
  /** Resolves once the initial scan is done: changes after this are seen. */
  readonly ready: Promise<void>;
  /** The watcher's state now. */
  state(): WatcherState;
  /** Stops watching; pending debounced calls are dropped. */
  close(): Promise<void>;
}

/** Default quiet period: long enough to merge an editor's save burst, short against the 100 ms edit budget. */
export const DEFAULT_DEBOUNCE_MS = 30;

/** What changed in a burst: the files named by the events, or `'all'` when only a walk of the folder can tell. */
export type ItemsChange = { readonly files: ReadonlySet<string> } | 'all';

/** Calls `onChange` once per burst of file additions, edits, renames or deletions below `dir`. */
export function watchItems(dir: string, onChange: (change: ItemsChange) => void, options: WatchItemsOptions = {}): ItemsWatcher {
  if (typeof dir !== 'string' || dir === '') throw new TypeError('dir must be a non-empty path');
  if (typeof onChange !== 'function') throw new TypeError('onChange must be a function');
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  if (!Number.isFinite(debounceMs) || debounceMs < 0) throw new RangeError('debounceMs must be a non-negative number');
  const checkMs = options.checkMs ?? 1_000;
  const rescanMs = options.rescanMs ?? 60_000;
  const log = options.log ?? (() => {});
  const root = path.resolve(dir);

  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let watcher: FolderTreeWatch | undefined;
  let identity: string | undefined;
  let current: WatcherState = { state: 'watching', since: new Date() };
  /** The last error logged (said once while it lasts), and when a failed watch is next attached again. */
  let lastError: string | undefined;
  let retryMs = checkMs;
  let retryAt = 0;

  let burst: Set<string> | 'all' = new Set();
  /** Notes one event (a file path, or `'all'`) and (re)starts the quiet period. */
  const changed = (what: string | 'all' = 'all'): void => {
    if (closed) return;
    if (what === 'all') burst = 'all';
    else if (burst !== 'all') burst.add(what);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const change: ItemsChange = burst === 'all' ? 'all' : { files: burst };
      burst = new Set();
      if (!closed) onChange(change);
    }, debounceMs);
  };

  const attach = async (): Promise<void> => {
    const previous = watcher;
    watcher = undefined;
    previous?.close();
    if (closed) return;
    identity = await identityOf(root);
    if (identity === undefined) {
      current = { state: 'missing', since: new Date() };
      return;
    }
    // The folder's real path is watched (links are not followed, and `items` may itself be a link to a release);
    // events are named below `root` again, as the builder lists files.
    const real = await realpath(root).catch(() => root);
    const toRoot = (file: string): string => path.join(root, path.relative(real, file));
    let failure: string | undefined;
    const started = watchFolderTree(real, {
      // Editor droppings (.#x.md, .x.md.swp, x.md~) and the ledger's own writes (.published.json and its temporary
      // files: one each per rebuild) are not records; rebuilding for them is wasted work.
      ignored: (name) => name.startsWith('.') || name.endsWith('~'),
      onPath: (file) => changed(toRoot(file)),
      // A folder added, removed or replaced may hold many records: that burst ends in a walk.
      onAll: () => changed('all'),
      onError: (error, folder) => {
        // A deaf folder must not go unnoticed: logged once, shown in /healthz, and the check attaches the tree again
        // (after a pause that doubles while the error lasts: a full inotify table frees up slowly).
        const message = `${error.message}${folder === real ? '' : ` (${path.relative(real, folder)})`}`;
        failure = message;
        current = { state: 'failed', error: message, since: current.since };
        retryAt = Date.now() + retryMs;
        retryMs = Math.min(retryMs * 2, rescanMs);
        if (message !== lastError) log(`watcher error on ${dir}: ${message}`);
        lastError = message;
      },
    });
    watcher = started;
    await started.ready;
    if (failure === undefined && watcher === started) {
      current = { state: 'watching', since: new Date() };
      lastError = undefined;
      retryMs = checkMs;
    }
  };

  // The folder's identity (real path + inode) is polled: events cannot tell that the folder itself was replaced.
  let checking = false;
  const check = async (): Promise<void> => {
    if (closed || checking) return;
    checking = true;
    try {
      const now = await identityOf(root);
      if (now !== identity) {
        log(now === undefined ? `items folder ${dir} is gone; waiting for it` : `items folder ${dir} was replaced; watching it anew`);
      } else if (current.state !== 'failed' || Date.now() < retryAt) {
        return;
      }
      await attach();
      changed();
    } catch (error) {
      current = { state: 'failed', error: (error as Error).message, since: current.since };
    } finally {
      checking = false;
    }
  };
  const checkTimer = setInterval(() => void check(), checkMs);
  checkTimer.unref();
  const rescanTimer = setInterval(() => changed('all'), rescanMs);
  rescanTimer.unref();

  const ready = attach();
  return {
    ready,
    state: () => current,
    async close() {
      closed = true;
      clearTimeout(timer);
      clearInterval(checkTimer);
      clearInterval(rescanTimer);
      await ready.catch(() => {});
      watcher?.close();
    },
  };
}

// --- internal ---

/** Real path and inode of the folder, or undefined when it is not there. */
async function identityOf(dir: string): Promise<string | undefined> {
  try {
    const real = await realpath(dir);
    const info = await stat(real);
    // The birth time tells a recreated folder from the old one when the file system reuses its inode number.
    return info.isDirectory() ? `${real}\0${info.dev}:${info.ino}:${info.birthtimeMs}` : undefined;
  } catch {
    return undefined;
  }
}
