// site: the article pages a live site renders on their first request — each a pending page of the snapshot, and
// the rendered ones kept in a cache of a bounded size (least recently asked for dropped first).
import type { PendingPage, SnapshotEntry } from '../publish/feed-snapshot.ts';
import { createLazyEntry } from '../publish/snapshot.ts';
import type { PageReply } from './rebuild-engine.ts';
import { toParts } from './snapshot-delta.ts';

/** Rendered article pages kept by a live site, least recently asked for dropped first. */
export interface PageCache {
  /** Remembers a page just rendered; `forget` drops its bytes (the page renders again on its next request). */
  add(page: PendingPage, forget: () => void): void;
  touch(page: PendingPage): void;
  forget(page: PendingPage): void;
}

export function createPageCache(size: number): PageCache {
  if (!Number.isInteger(size) || size < 0) throw new RangeError(`pageCacheSize must be a whole number ≥ 0, got ${size}`);
  const kept = new Map<PendingPage, () => void>(); // insertion order = least recently asked for first
  return {
    add(page, forget) {
      kept.get(page)?.();
      kept.delete(page);
      kept.set(page, forget);
      for (const [oldest, drop] of kept) {
        if (kept.size <= size) break;
        kept.delete(oldest);
        drop();
      }
    },
    touch(page) {
      const forget = kept.get(page);
      if (forget === undefined) return;
      kept.delete(page);
      kept.set(page, forget);
    },
    forget(page) {
      kept.get(page)?.();
      kept.delete(page);
    },
  };
}

/** What a pending page needs of the live site. */
export interface PendingPageOptions {
  readonly cache: PageCache;
  /** Renders the page (the engine, for the mount path it belongs to). */
  render(): Promise<PageReply>;
  /** The engine knows no build (a worker that replaced a dead one): the site must build again. */
  onUnbuilt(): void;
  log(line: string): void;
}

/** A lazy article page: rendered on its first request, then kept in the page cache until it drops it. */
export function createPendingPage(path: string, options: PendingPageOptions): PendingPage {
  const { cache } = options;
  let loaded: Promise<SnapshotEntry | undefined> | undefined;
  const page: PendingPage = {
    path,
    load() {
      if (loaded) {
        cache.touch(page);
        return loaded;
      }
      const current: Promise<SnapshotEntry | undefined> = options.render().then(
        ({ doc, built }) => {
          // The worker died and a fresh one knows no build: build again (its reply replaces every page).
          if (!built) options.onUnbuilt();
          if (!doc) return undefined;
          cache.add(page, () => {
            if (loaded === current) loaded = undefined;
          });
          return createLazyEntry(toParts(doc));
        },
        (error: unknown) => {
          options.log(`page ${path} could not be rendered: ${error instanceof Error ? error.message : String(error)}`);
          return undefined;
        },
      );
      loaded = current;
      // Not rendered now (its record is being edited, the worker restarted): asked again next time, not remembered.
      void current.then((entry) => {
        if (entry === undefined && loaded === current) loaded = undefined;
      });
      return current;
    },
  };
  return page;
}
