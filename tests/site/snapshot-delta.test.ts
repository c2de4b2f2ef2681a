import { describe, expect, it } from 'vitest';
import type { FeedSnapshot, PendingPage } from '../../src/publish/feed-snapshot.ts';
import type { ChangedDocument } from '../../src/site/rebuild-engine.ts';
import { applySnapshotDelta, changedFeedPaths, type SnapshotDelta } from '../../src/site/snapshot-delta.ts';

const RSS = 'application/rss+xml; charset=utf-8';
const HTML = 'text/html; charset=utf-8';
const doc = (path: string, text: string, contentType = RSS): ChangedDocument => ({
  path,
  contentType,
  lastModified: new Date('2024-11-21T10:00:00.500Z'),
  identity: new TextEncoder().encode(text),
  hash: `h-${text}`,
});
const delta = (over: Partial<SnapshotDelta> = {}): SnapshotDelta => ({
  full: false,
  changed: [],
  pages: [],
  removed: [],
  articleCount: 2,
  updated: new Date('2024-11-21T10:00:00.900Z'),
  redirects: [],
  ...over,
});
const page = (path: string): PendingPage => ({ path, load: async () => undefined });

/** The previous snapshot: two documents and two lazy pages. */
const servedBefore = (): FeedSnapshot =>
  applySnapshotDelta(
    undefined,
    delta({
      full: true,
      changed: [doc('/feed.xml', 'v1'), doc('/', 'home', HTML)],
      pages: [
        { path: '/articles/a/', key: 'ka' },
        { path: '/articles/b/', key: 'kb' },
      ],
    }),
    page,
  ).snapshot;

/** A snapshot as [path, body] pairs, the lazy pages as paths, and the pages let go. */
const view = (applied: ReturnType<typeof applySnapshotDelta>) => ({
  entries: [...applied.snapshot.entries].map(([path, entry]) => [path, entry.identity.toString()]),
  pages: [...(applied.snapshot.pages?.keys() ?? [])],
  dropped: applied.dropped.map((p) => p.path),
});

describe('applySnapshotDelta', () => {
  it.each<[label: string, previous: 'none' | 'before', delta: SnapshotDelta, expected: ReturnType<typeof view>]>([
    ['the first reply is the whole snapshot', 'none', delta({ changed: [doc('/feed.xml', 'v1')] }), { entries: [['/feed.xml', 'v1']], pages: [], dropped: [] }],
    [
      'an empty delta keeps every document and page as it was',
      'before',
      delta(),
      {
        entries: [
          ['/feed.xml', 'v1'],
          ['/', 'home'],
        ],
        pages: ['/articles/a/', '/articles/b/'],
        dropped: [],
      },
    ],
    [
      'a changed document replaces its entry in place, a new one is added last',
      'before',
      delta({ changed: [doc('/feed.xml', 'v2'), doc('/atom.xml', 'a1')] }),
      {
        entries: [
          ['/feed.xml', 'v2'],
          ['/', 'home'],
          ['/atom.xml', 'a1'],
        ],
        pages: ['/articles/a/', '/articles/b/'],
        dropped: [],
      },
    ],
    [
      'a removed path leaves the documents and the lazy pages, and its rendered page goes',
      'before',
      delta({ removed: ['/', '/articles/a/'] }),
      { entries: [['/feed.xml', 'v1']], pages: ['/articles/b/'], dropped: ['/articles/a/'] },
    ],
    [
      'a lazy page whose inputs changed is a new pending page, and the rendered one goes',
      'before',
      delta({ pages: [{ path: '/articles/b/', key: 'kb2' }] }),
      {
        entries: [
          ['/feed.xml', 'v1'],
          ['/', 'home'],
        ],
        pages: ['/articles/a/', '/articles/b/'],
        dropped: ['/articles/b/'],
      },
    ],
    [
      'a full reply starts from an empty snapshot and lets every page go',
      'before',
      delta({ full: true, changed: [doc('/feed.xml', 'v3')] }),
      { entries: [['/feed.xml', 'v3']], pages: [], dropped: ['/articles/a/', '/articles/b/'] },
    ],
  ])('%s', (_label, previous, change, expected) => {
    expect(view(applySnapshotDelta(previous === 'none' ? undefined : servedBefore(), change, page))).toEqual(expected);
  });

  it('leaves the previous snapshot whole (readers of it see no change)', () => {
    const previous = servedBefore();
    const entries = [...previous.entries.keys()];
    const pages = [...(previous.pages?.values() ?? [])];
    applySnapshotDelta(previous, delta({ removed: ['/', '/articles/a/'], changed: [doc('/feed.xml', 'v2')] }), page);
    expect([[...previous.entries.keys()], [...(previous.pages?.values() ?? [])], previous.entries.get('/feed.xml')?.identity.toString()]).toEqual([
      entries,
      pages,
      'v1',
    ]);
  });

  it('takes the count, the date (floored to the second) and the redirects from the delta', () => {
    const { snapshot } = applySnapshotDelta(servedBefore(), delta({ articleCount: 7, redirects: [{ from: '/articles/old/', to: '/articles/a/' }] }), page);
    expect([snapshot.articleCount, snapshot.updated.toISOString(), [...(snapshot.redirects ?? [])]]).toEqual([
      7,
      '2024-11-21T10:00:00.000Z',
      [['/articles/old/', '/articles/a/']],
    ]);
  });

  it('serves a retimed document with the very bytes, encodings and ETags it had, under the new date (floored), retime after retime', () => {
    let snapshot = servedBefore();
    const before = snapshot.entries.get('/feed.xml')!;
    const dates = ['2024-11-22T08:00:00.700Z', '2024-11-23T09:30:00.200Z'];
    for (const date of dates) snapshot = applySnapshotDelta(snapshot, delta({ retimed: [{ path: '/feed.xml', lastModified: new Date(date) }] }), page).snapshot;
    const after = snapshot.entries.get('/feed.xml')!;
    expect([
      after.identity === before.identity,
      after.gzip.equals(before.gzip),
      after.br.equals(before.br),
      after.etags,
      after.lastModified.toISOString(),
    ]).toEqual([true, true, true, before.etags, '2024-11-23T09:30:00.000Z']);
  });

  it('throws on a retimed path it does not serve (the engine retimes only what it sent)', () => {
    expect(() => applySnapshotDelta(servedBefore(), delta({ retimed: [{ path: '/absent.xml', lastModified: new Date() }] }), page)).toThrow(/\/absent\.xml/);
  });

  it('has no pages field when no lazy page is left', () => {
    expect('pages' in applySnapshotDelta(servedBefore(), delta({ removed: ['/articles/a/', '/articles/b/'] }), page).snapshot).toBe(false);
  });
});

describe('changedFeedPaths', () => {
  it.each<[label: string, changed: ChangedDocument[], expected: string[]]>([
    ['a feed whose bytes changed', [doc('/feed.xml', 'v2')], ['/feed.xml']],
    ['not a feed resent with the same bytes (a full reply)', [doc('/feed.xml', 'v1')], []],
    ['not a page', [doc('/', 'home2', HTML)], []],
    ['a new feed', [doc('/atom.xml', 'a1')], ['/atom.xml']],
  ])('reports %s', (_label, changed, expected) => {
    expect(changedFeedPaths(servedBefore(), { changed })).toEqual(expected);
  });
});
