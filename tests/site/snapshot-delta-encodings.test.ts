// applySnapshotDelta with a feed's .gz/.br still being made: the identity bytes are served at once, and each
// encoding that arrives is paired only with the bytes it was made from.
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { FeedSnapshot, PendingPage, SnapshotEntry } from '../../src/publish/feed-snapshot.ts';
import type { ChangedDocument, CompressedBodies } from '../../src/site/rebuild-engine.ts';
import { applySnapshotDelta, type SnapshotDelta } from '../../src/site/snapshot-delta.ts';

const RSS = 'application/rss+xml; charset=utf-8';
const page = (path: string): PendingPage => ({ path, load: async () => undefined });

/** A feed document whose encodings settle when the test says (or never, or in error). */
const pendingFeed = (text: string) => {
  let settle!: (made: CompressedBodies | undefined) => void;
  let fail!: (error: Error) => void;
  const encodings = new Promise<CompressedBodies | undefined>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  const identity = Buffer.from(text);
  const doc: ChangedDocument = { path: '/feed.xml', contentType: RSS, lastModified: new Date('2024-11-21T10:00:00Z'), identity, hash: `h-${text}`, encodings };
  return { doc, made: { gzip: gzipSync(identity), br: brotliCompressSync(identity) }, settle, fail };
};
const delta = (changed: ChangedDocument[], over: Partial<SnapshotDelta> = {}): SnapshotDelta => ({
  full: false,
  changed,
  pages: [],
  removed: [],
  articleCount: 1,
  updated: new Date('2024-11-21T10:00:00Z'),
  redirects: [],
  ...over,
});
const apply = (previous: FeedSnapshot | undefined, d: SnapshotDelta) => applySnapshotDelta(previous, d, page).snapshot;
const feedOf = (snapshot: FeedSnapshot): SnapshotEntry => snapshot.entries.get('/feed.xml')!;
/** What a reader of the entry would get now: its bytes, whether encodings are ready, and what they decode to. */
const view = (entry: SnapshotEntry) => ({
  identity: entry.identity.toString(),
  etag: entry.etags.identity,
  ready: entry.encodingsReady !== false,
  ...(entry.encodingsReady === false ? {} : { gzip: gunzipSync(entry.gzip).toString(), br: brotliDecompressSync(entry.br).toString() }),
});

describe('applySnapshotDelta with encodings still being made', () => {
  it.each<[label: string, run: () => Promise<ReturnType<typeof view>[]>, expected: ReturnType<typeof view>[]]>([
    [
      'serves the new identity bytes and their ETag at once, its encodings not ready',
      async () => [view(feedOf(apply(undefined, delta([pendingFeed('v2').doc]))))],
      [{ identity: 'v2', etag: '"h-v2"', ready: false }],
    ],
    [
      'swaps in the encodings it was given when they arrive, of the same bytes',
      async () => {
        const v2 = pendingFeed('v2');
        const entry = feedOf(apply(undefined, delta([v2.doc])));
        v2.settle(v2.made);
        await entry.encodingsSettled;
        return [view(entry)];
      },
      [{ identity: 'v2', etag: '"h-v2"', ready: true, gzip: 'v2', br: 'v2' }],
    ],
    [
      'makes them from its own bytes on use when they never come (the worker died)',
      async () => {
        const v2 = pendingFeed('v2');
        const entry = feedOf(apply(undefined, delta([v2.doc])));
        v2.settle(undefined);
        await entry.encodingsSettled;
        return [view(entry)];
      },
      [{ identity: 'v2', etag: '"h-v2"', ready: true, gzip: 'v2', br: 'v2' }],
    ],
    [
      'makes them from its own bytes on use when making them failed',
      async () => {
        const v2 = pendingFeed('v2');
        const entry = feedOf(apply(undefined, delta([v2.doc])));
        v2.fail(new Error('zlib'));
        await entry.encodingsSettled;
        return [view(entry)];
      },
      [{ identity: 'v2', etag: '"h-v2"', ready: true, gzip: 'v2', br: 'v2' }],
    ],
    [
      'never pairs an older build’s late encodings with a newer build’s bytes',
      async () => {
        const [v2, v3] = [pendingFeed('v2'), pendingFeed('v3')];
        const older = apply(undefined, delta([v2.doc]));
        const newer = apply(older, delta([v3.doc]));
        v2.settle(v2.made);
        await feedOf(older).encodingsSettled;
        const whileV3Pending = view(feedOf(newer));
        v3.settle(v3.made);
        await feedOf(newer).encodingsSettled;
        return [view(feedOf(older)), whileV3Pending, view(feedOf(newer))];
      },
      [
        { identity: 'v2', etag: '"h-v2"', ready: true, gzip: 'v2', br: 'v2' },
        { identity: 'v3', etag: '"h-v3"', ready: false },
        { identity: 'v3', etag: '"h-v3"', ready: true, gzip: 'v3', br: 'v3' },
      ],
    ],
    [
      'a retimed entry waits for the encodings of the entry whose bytes it serves',
      async () => {
        const v2 = pendingFeed('v2');
        const first = apply(undefined, delta([v2.doc]));
        const retimed = feedOf(apply(first, delta([], { retimed: [{ path: '/feed.xml', lastModified: new Date('2024-11-22T10:00:00Z') }] })));
        const before = view(retimed);
        v2.settle(v2.made);
        await retimed.encodingsSettled;
        return [before, view(retimed)];
      },
      [
        { identity: 'v2', etag: '"h-v2"', ready: false },
        { identity: 'v2', etag: '"h-v2"', ready: true, gzip: 'v2', br: 'v2' },
      ],
    ],
  ])('%s', async (_label, run, expected) => {
    expect(await run()).toEqual(expected);
  });
});
