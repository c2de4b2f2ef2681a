// site: an items folder on disk → debounced "something changed" calls, for live rebuilds, that survive the folder
// being deleted, recreated, swapped by a rename or switched by a symlink.
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';

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
  let watcher: FSWatcher | undefined;
  let identity: string | undefined;
  let current: WatcherState = { state: 'watching', since: new Date() };

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
    await previous?.close();
    if (closed) return;
    identity = await identityOf(root);
    if (identity === undefined) {
      current = { state: 'missing', since: new Date() };
      return;
    }
    // The folder's real path is watched (links are not followed, and `items` may itself be a link to a release);
    // events are named below `root` again, as the builder lists files.
    const real = await realpath(root).catch(() => root);
    const toRoot = (file: string): string => path.join(root, path.relative(real, path.resolve(real, file)));
    const started = watch(real, {
      ignoreInitial: true,
      // A link to a folder is never entered: `ln -s . items/loop` would otherwise be walked without end (ELOOP
      // errors, memory growing by the second). The listing names such a loop once (read-items.ts); files a link
      // leads to inside the items folder are watched where they really are.
      followSymlinks: false,
      // Editor droppings (.#x.md, .x.md.swp, x.md~) are not records; rebuilding for them is wasted work.
      ignored: (file: string) => {
        const base = path.basename(file);
        return file !== real && (base.startsWith('.') || base.endsWith('~'));
      },
    });
    watcher = started;
    started.on('all', (event: string, file: string) => {
      // The folder itself went away: its watch is dead; the next check attaches to whatever takes its place.
      if (event === 'unlinkDir' && path.resolve(real, file) === real) identity = undefined;
      // A folder added or removed may hold many records: that burst ends in a walk.
      changed(event === 'add' || event === 'change' || event === 'unlink' ? toRoot(file) : 'all');
    });
    started.on('error', (error: unknown) => {
      // A dead watcher must not go unnoticed: logged, shown in /healthz, and the folder check re-attaches it.
      const message = error instanceof Error ? error.message : String(error);
      current = { state: 'failed', error: message, since: current.since };
      identity = undefined;
      log(`watcher error on ${dir}: ${message}`);
    });
    await new Promise<void>((resolve) => started.once('ready', () => resolve()));
    current = { state: 'watching', since: new Date() };
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
        await attach();
        changed();
      }
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
      await watcher?.close();
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
