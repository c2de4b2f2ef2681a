import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_FOUND_PATH } from '../../src/_lib/site-paths.ts';
import { sendNotFound, wantsPage } from '../../src/http/not-found.ts';
import type { FeedSnapshot } from '../../src/publish/feed-snapshot.ts';
import { createSnapshot } from '../../src/publish/snapshot.ts';
import { CONTENT_TYPES } from '../../src/render/rendered-document.ts';
import { request } from './_lib/site-server.ts';
import { casesOf } from '../helpers/cases.ts';

describe('wantsPage', () => {
  it.each(casesOf('http/not-found', 'wantsPage', 'string', 'boolean'))('tells %s wants a page: %s', (path, expected) => {
    expect(wantsPage(path)).toBe(expected);
  });
});

describe('sendNotFound', () => {
  const PAGE = '<!doctype html>\n<h1>Page introuvable</h1>\n';
  const info = { articleCount: 0, updated: new Date('2024-11-22T00:00:00Z') };
  const withPage = createSnapshot([{ path: NOT_FOUND_PATH, contentType: CONTENT_TYPES.html, body: PAGE, lastModified: info.updated }], info);
  // A feeds-only site (`pages: false`) has no 404 page.
  const feedsOnly = createSnapshot([], info);
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const snapshot: FeedSnapshot | undefined = req.headers['x-site'] === 'feeds-only' ? feedsOnly : req.headers['x-site'] === 'none' ? undefined : withPage;
      sendNotFound(req, res, snapshot, req.url ?? '/');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it.each([
    ['GET', '/disparu/', 'site', 'text/html; charset=utf-8', PAGE],
    ['GET', '/feed.json', 'site', 'text/plain; charset=utf-8', 'Not Found\n'],
    ['POST', '/disparu/', 'site', 'text/plain; charset=utf-8', 'Not Found\n'],
    ['GET', '/disparu/', 'feeds-only', 'text/plain; charset=utf-8', 'Not Found\n'],
    ['GET', '/disparu/', 'none', 'text/plain; charset=utf-8', 'Not Found\n'],
  ])('answers %s %s on a %s snapshot with 404 %s', async (method, path, site, type, body) => {
    const res = await request(port, path, { method, headers: { 'x-site': site } });
    expect([res.status, res.headers['content-type'], res.body.toString()]).toEqual([404, type, body]);
  });
});
