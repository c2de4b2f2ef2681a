// publish: an items folder on disk → debounced "something changed" calls, for live rebuilds.
import path from 'node:path';
import { watch } from 'chokidar';

/** Options of {@link watchItems}. */
export interface WatchItemsOptions {
  /** Quiet period after the last change before `onChange` runs (ms). Default 100: editors write in bursts. */
  readonly debounceMs?: number;
}

/** A running watcher. */
export interface ItemsWatcher {
  /** Resolves once the initial scan is done: changes after this are seen. */
  readonly ready: Promise<void>;
  /** Stops watching; pending debounced calls are dropped. */
  close(): Promise<void>;
}

/** Default quiet period, well inside the one-second budget from an edit to the served feed. */
export const DEFAULT_DEBOUNCE_MS = 100;

/** Calls `onChange` once per burst of file additions, edits, renames or deletions below `dir`. */
export function watchItems(dir: string, onChange: () => void, options: WatchItemsOptions = {}): ItemsWatcher {
  if (typeof dir !== 'string' || dir === '') throw new TypeError('dir must be a non-empty path');
  if (typeof onChange !== 'function') throw new TypeError('onChange must be a function');
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  if (!Number.isFinite(debounceMs) || debounceMs < 0) throw new RangeError('debounceMs must be a non-negative number');

  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const watcher = watch(dir, {
    ignoreInitial: true,
    // Editor droppings (.#x.md, .x.md.swp, x.md~) are not records; rebuilding for them is wasted work.
    ignored: (file: string) => {
      const base = path.basename(file);
      return file !== dir && (base.startsWith('.') || base.endsWith('~'));
    },
  });
  watcher.on('all', () => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!closed) onChange();
    }, debounceMs);
  });
  // A watcher error (e.g. EMFILE) must not crash the server: the last snapshot keeps being served.
  watcher.on('error', () => {});

  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      closed = true;
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
