// A snapshot's pending pages (a live site's article pages): rendered on the first request, then served like any
// entry; 503 with Retry-After while one cannot be rendered. Through the Express router and the fast path alike.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFastPath, createSnapshotRouter } from '../../src/http/router.ts';
import type { SnapshotSource } from '../../src/http/snapshot-source.ts';
import type { FeedSnapshot, PendingPage, SnapshotEntry } from '../../src/publish/feed-snapshot.ts';
import { createLazyEntry } from '../../src/publish/snapshot.ts';
import { request } from './_lib/site-server.ts';

const lastModified = new Date('2024-11-22T10:00:00Z');
const html = 'text/html; charset=utf-8';

/** A page that renders `body` (or nothing) and counts how often it was asked to. */
function page(path: string, body: string | undefined): PendingPage & { loads: number } {
  let entry: Promise<SnapshotEntry | undefined> | undefined;
  const result = {
    path,
    loads: 0,
    load() {
      result.loads += 1;
      entry ??= Promise.resolve(body === undefined ? undefined : createLazyEntry({ path, contentType: html, body, lastModified }));
      return entry;
    },
  };
  return result;
}

const ready = page('/articles/pret/', '<p>Prêt</p>');
const unavailable = page('/articles/en-cours/', undefined);
const snapshot: FeedSnapshot = {
  entries: new Map([['/feed.xml', createLazyEntry({ path: '/feed.xml', contentType: 'application/rss+xml; charset=utf-8', body: '<rss/>', lastModified })]]),
  articleCount: 2,
  updated: lastModified,
  pages: new Map([
    [ready.path, ready],
    [unavailable.path, unavailable],
  ]),
};
const source: SnapshotSource = {
  snapshotFor: async () => snapshot,
  current: () => snapshot,
  health: () => ({ build: undefined, lastSuccess: undefined, watcher: undefined }),
};

describe.each([
  ['the Express router', false],
  ['the fast path', true],
])('pending pages through %s', (_label, fast) => {
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    const app = express().use(createSnapshotRouter(source, { cacheControl: 'public, max-age=60' }));
    const fastPath = createFastPath(source, { cacheControl: 'public, max-age=60' });
    server = http.createServer((req, res) => {
      if (fast && fastPath(req, res)) return;
      app(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers a page with its rendered bytes and validators, then 304 to its ETag', async () => {
    const first = await request(port, ready.path);
    const again = await request(port, ready.path, { headers: { 'if-none-match': String(first.headers.etag) } });
    expect([first.status, first.body.toString('utf8'), first.headers['content-type'], again.status]).toEqual([200, '<p>Prêt</p>', html, 304]);
  });

  it('redirects the path without its slash to the page', async () => {
    const res = await request(port, '/articles/pret');
    expect([res.status, res.headers.location]).toEqual([301, './pret/']);
  });

  it('answers 503 with Retry-After while a page cannot be rendered, and asks again on the next request', async () => {
    const before = unavailable.loads;
    const first = await request(port, unavailable.path);
    const second = await request(port, unavailable.path, { method: 'HEAD' });
    expect([first.status, first.headers['retry-after'], second.status, second.body.length]).toEqual([503, '1', 503, 0]);
    expect(unavailable.loads - before).toBe(2);
  });
});
