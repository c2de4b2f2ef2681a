// site: one rebuild's reply applied to the snapshot a live site serves — a pure step: the previous snapshot and the
// delta in, the next snapshot out (new Maps, so readers of the old one see it whole), and the pages it let go.
import { isFeedFormatType } from '../_lib/feed-formats.ts';
import { floorToSecond } from '../_lib/floor-to-second.ts';
import type { FeedSnapshot, PendingPage, SnapshotEntry } from '../publish/feed-snapshot.ts';
import { createLazyEntry, type EncodedParts } from '../publish/snapshot.ts';
import type { BuildReply, ChangedDocument } from './rebuild-engine.ts';

/** What a rebuild changed of a mount path's documents: the part of a reply the served snapshot is made from. */
export type SnapshotDelta = Pick<BuildReply, 'full' | 'changed' | 'retimed' | 'pages' | 'removed' | 'articleCount' | 'updated' | 'redirects'>;

/** The next snapshot, and the lazy pages of the previous one it no longer serves as they were (their bytes go). */
export interface AppliedDelta {
  readonly snapshot: FeedSnapshot;
  readonly dropped: readonly PendingPage[];
}

/**
 * Applies `delta` to `previous` (undefined before the first build). A full delta starts from an empty snapshot; a
 * removed path leaves both the documents and the lazy pages; a changed document replaces its entry; a lazy page
 * that is new or whose inputs changed is a new pending page (`pageOf`), which drops any rendered one.
 */
export function applySnapshotDelta(previous: FeedSnapshot | undefined, delta: SnapshotDelta, pageOf: (path: string) => PendingPage): AppliedDelta {
  const fresh = delta.full || previous === undefined;
  const entries = new Map<string, SnapshotEntry>(fresh ? [] : previous.entries);
  const pages = new Map<string, PendingPage>(fresh ? [] : (previous.pages ?? []));
  const dropped: PendingPage[] = fresh && previous?.pages ? [...previous.pages.values()] : [];
  const drop = (path: string) => {
    const page = pages.get(path);
    if (page) dropped.push(page);
    pages.delete(path);
  };
  for (const removed of delta.removed) {
    entries.delete(removed);
    drop(removed);
  }
  for (const doc of delta.changed) entries.set(doc.path, createLazyEntry(toParts(doc)));
  // The engine sends a retimed document only where its previous reply sent those bytes (never on a full one).
  for (const { path, lastModified } of delta.retimed ?? []) {
    const entry = entries.get(path);
    if (entry === undefined) throw new Error(`a rebuild retimed ${path}, which is not served (a bug in Gazette)`);
    entries.set(path, retimedEntry(entry, lastModified));
  }
  for (const info of delta.pages) {
    drop(info.path);
    pages.set(info.path, pageOf(info.path));
  }
  const snapshot: FeedSnapshot = {
    entries,
    articleCount: delta.articleCount,
    updated: floorToSecond(delta.updated ?? new Date(0)),
    redirects: new Map(delta.redirects.map((r) => [r.from, r.to])),
    ...(pages.size > 0 ? { pages } : {}),
  };
  return { snapshot, dropped };
}

/** Feeds of `delta` whose bytes differ from those `previous` served (a full reply resends every document). */
export function changedFeedPaths(previous: FeedSnapshot, delta: Pick<SnapshotDelta, 'changed'>): string[] {
  return delta.changed
    .filter((doc) => isFeedFormatType(doc.contentType) && previous.entries.get(doc.path)?.etags.identity !== `"${doc.hash}"`)
    .map((doc) => doc.path);
}

/**
 * `entry` under a new Last-Modified: the same bytes, encodings and ETags (RFC 9110 §8.8.3: the ETag names the bytes).
 * Getters, not a copy: an encoding not made yet is made once, by whichever entry asks first.
 */
export function retimedEntry(retimed: SnapshotEntry, lastModified: Date): SnapshotEntry {
  // Always over the entry that holds the bytes, so that edit after edit does not make a chain of getters.
  const entry = BASE_ENTRIES.get(retimed) ?? retimed;
  const next: SnapshotEntry = {
    path: entry.path,
    contentType: entry.contentType,
    identity: entry.identity,
    lastModified: floorToSecond(lastModified),
    get encodingsReady() {
      return entry.encodingsReady !== false;
    },
    ...(entry.encodingsSettled ? { encodingsSettled: entry.encodingsSettled } : {}),
    get gzip() {
      return entry.gzip;
    },
    get br() {
      return entry.br;
    },
    get etags() {
      return entry.etags;
    },
  };
  BASE_ENTRIES.set(next, entry);
  return next;
}

const BASE_ENTRIES = new WeakMap<SnapshotEntry, SnapshotEntry>();

/** A changed document from the engine as the parts of a snapshot entry. */
export function toParts(doc: ChangedDocument): EncodedParts {
  return {
    path: doc.path,
    contentType: doc.contentType,
    lastModified: doc.lastModified,
    identity: toBuffer(doc.identity),
    hash: doc.hash,
    ...(doc.encodings ? { encodings: doc.encodings.then((made) => made && { gzip: toBuffer(made.gzip), br: toBuffer(made.br) }) } : {}),
  };
}

/** A Buffer over the same memory (a transferred Uint8Array arrives as a plain view). */
function toBuffer(view: Uint8Array): Buffer {
  return Buffer.isBuffer(view) ? view : Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}
