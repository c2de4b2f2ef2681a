// WebSub end to end on `gazette serve`'s server: the Link headers of feed responses (W3C WebSub §4), and a publish
// to every hub once an edit is served, against real hubs on 127.0.0.1.
import { writeFile } from 'node:fs/promises';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import express from 'express';
import { createFeedRouter, startServer, type FeedRouter } from '../../src/serve-site.ts';
import { makeConfig } from '../helpers/factories.ts';
import { startTestHub, type TestHub } from '../helpers/test-hub.ts';
import { listen, makeItemsCopy, request } from './_lib/site-server.ts';

let good: TestHub;
let failing: TestHub;
let server: http.Server & { feeds: FeedRouter };
let port: number;
let removeItems: () => Promise<void>;
let itemsDir: string;
const logLines: string[] = [];

beforeAll(async () => {
  good = await startTestHub(204);
  failing = await startTestHub(500);
  const items = await makeItemsCopy();
  itemsDir = items.itemsDir;
  removeItems = items.remove;
  const config = makeConfig({ hub: [good.url, failing.url] });
  // Short waits between tries (the defaults, 0.5 s then 1 s, are held to docs/http.md by tests/publish/websub.test.ts).
  server = await startServer({
    config,
    port: 0,
    itemsDir,
    watch: false,
    worker: false,
    websub: { backoffMs: 1 },
    log: (line) => logLines.push(line),
    requestLog: false,
  });
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await server.feeds.close();
  await Promise.all([good.close(), failing.close(), removeItems()]);
});

describe('the Link header', () => {
  it.each([
    ['/feed.xml', 'https://example.org/feed.xml'],
    ['/atom.xml', 'https://example.org/atom.xml'],
    ['/feed.json', 'https://example.org/feed.json'],
    ['/categories/societe/atom.xml', 'https://example.org/categories/societe/atom.xml'],
  ])('of %s names every hub and the feed itself', async (feedPath, self) => {
    const res = await request(port, feedPath, { headers: { 'accept-encoding': 'gzip' } });
    expect([res.status, res.headers.link]).toEqual([200, `<${good.url}>; rel="hub", <${failing.url}>; rel="hub", <${self}>; rel="self"`]);
  });

  it('is also sent with a 304', async () => {
    const first = await request(port, '/feed.xml');
    const res = await request(port, '/feed.xml', { headers: { 'if-none-match': first.headers.etag! } });
    expect([res.status, res.headers.link]).toEqual([304, first.headers.link]);
  });

  it('is not sent with a page', async () => {
    const res = await request(port, '/');
    expect([res.status, res.headers.link]).toEqual([200, undefined]);
  });
});

const NEW_RECORD = '---\ntitle: "Municipales : un nouveau maire à Lyon"\ndate: 2024-12-02 09:30\ncategories: [National]\n---\n\nUn paragraphe.\n';

describe('when an edit is served', { shuffle: false }, () => {
  beforeAll(async () => {
    await writeFile(path.join(itemsDir, 'nouvel-article.md'), NEW_RECORD);
    await server.feeds.site.rebuild();
  });

  it('tells every hub of each feed whose bytes changed, once, in one form-encoded POST', async () => {
    const [publish] = await good.received(1);
    expect([publish?.method, publish?.contentType, publish?.mode, [...(publish?.urls ?? [])].sort()]).toEqual([
      'POST',
      'application/x-www-form-urlencoded',
      'publish',
      [
        'https://example.org/atom.xml',
        'https://example.org/categories/national/atom.xml',
        'https://example.org/categories/national/feed.json',
        'https://example.org/categories/national/feed.xml',
        'https://example.org/feed.json',
        'https://example.org/feed.xml',
      ],
    ]);
  });

  it('serves the edit although one hub fails', async () => {
    const res = await request(port, '/feed.xml');
    expect(res.body.toString()).toContain('Municipales : un nouveau maire à Lyon');
  });

  it('reports the last result per hub in /healthz, and warns of the failing one', async () => {
    await failing.received(3);
    await server.feeds.websub?.idle();
    const health = JSON.parse((await request(port, '/healthz')).body.toString());
    expect([health.websub, logLines.filter((l) => l.includes('websub'))]).toEqual([
      [
        { hub: good.url, ok: true, status: 204, at: expect.any(String) },
        { hub: failing.url, ok: false, status: 500, at: expect.any(String), error: 'status 500' },
      ],
      [`warning: websub hub ${failing.url}: status 500 after 3 tries; the feeds are served anyway`],
    ]);
  });

  it('tells no hub when a rebuild changes no feed', async () => {
    const before = good.requests.length;
    await server.feeds.site.rebuild();
    await server.feeds.websub?.idle();
    expect(good.requests.length).toBe(before);
  });
});

describe('a router mounted by a host app at /feeds', () => {
  it('names the feeds at the URLs it serves them, once a request came through the mount', async () => {
    const hub = await startTestHub(204);
    const items = await makeItemsCopy();
    const router = createFeedRouter(makeConfig({ hub: hub.url }), { itemsDir: items.itemsDir, watch: false, worker: false });
    const app = express();
    app.use('/feeds', router);
    const host = await listen(app);
    try {
      const res = await request(host.port, '/feeds/feed.xml');
      await writeFile(path.join(items.itemsDir, 'nouvel-article.md'), NEW_RECORD);
      await router.site.rebuild();
      const [publish] = await hub.received(1);
      await router.websub?.idle();
      expect([
        String(res.headers.link).endsWith('<https://example.org/feeds/feed.xml>; rel="self"'),
        hub.requests.length,
        publish?.urls.includes('https://example.org/feeds/feed.xml'),
      ]).toEqual([true, 1, true]);
      expect(publish?.urls.every((u) => u.startsWith('https://example.org/feeds/'))).toBe(true);
    } finally {
      await host.close();
      await router.close();
      await Promise.all([hub.close(), items.remove()]);
    }
  });
});
