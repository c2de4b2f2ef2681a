import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedRouter } from '../../src/serve-site.ts';
import { makeConfig } from '../helpers/factories.ts';
import { listen, makeItemsCopy, request, startHostApp, type HostApp } from './_lib/site-server.ts';

const ARTICLE = '/articles/rentree-universitaire-loyers/';
const config = makeConfig();

describe('the feed router mounted under /feeds', () => {
  let mounted: HostApp;
  beforeAll(async () => {
    mounted = await startHostApp(config, '/feeds', (app, mount) => {
      mount();
      app.get('/', (_req, res) => void res.send('host app'));
    });
  });
  afterAll(() => mounted.close());

  it('serves /feeds/feed.xml with atom:link rel=self pointing at /feeds/feed.xml', async () => {
    const body = (await request(mounted.port, '/feeds/feed.xml')).body.toString();
    const self = /<atom:link\b[^>]*\brel="self"[^>]*>/.exec(body)?.[0] ?? '';
    expect(/href="([^"]+)"/.exec(self)?.[1]).toBe('https://example.org/feeds/feed.xml');
  });

  it('links articles below the mount path', async () => {
    const body = (await request(mounted.port, '/feeds/feed.json')).body.toString();
    const urls = (JSON.parse(body).items as { url: string }[]).map((i) => i.url);
    expect(urls).toContain(`https://example.org/feeds${ARTICLE}`);
  });

  it('redirects a slashless article path to a Location that resolves below the mount path', async () => {
    const res = await request(mounted.port, `/feeds${ARTICLE.slice(0, -1)}`);
    expect(new URL(res.headers.location!, `http://h/feeds${ARTICLE.slice(0, -1)}`).pathname).toBe(`/feeds${ARTICLE}`);
  });

  it('serves /feeds/ as the home page', async () => {
    const res = await request(mounted.port, '/feeds/');
    expect([res.status, res.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
  });

  it('serves /feeds/healthz', async () => {
    expect((await request(mounted.port, '/feeds/healthz')).status).toBe(200);
  });

  it('answers an unknown page below the mount with the 404 page, its links below the mount path', async () => {
    const res = await request(mounted.port, '/feeds/articles/absent/');
    const hrefs = [...(res.body.toString().split('<main')[1] ?? '').matchAll(/<li><a href="([^"]+)">/g)].map((m) => m[1]);
    expect([res.status, hrefs]).toEqual([404, ['/feeds/', '/feeds/archives/']]);
  });

  it('leaves the host app’s own routes alone', async () => {
    expect((await request(mounted.port, '/')).body.toString()).toBe('host app');
  });
});

describe('the feed router with an explicit mountPath', () => {
  it('uses it for self URLs whatever req.baseUrl is (e.g. behind a proxy that strips /news)', async () => {
    const items = await makeItemsCopy();
    const app = express();
    const router = createFeedRouter(config, { itemsDir: items.itemsDir, watch: false, worker: false, mountPath: '/news' });
    app.use('/', router);
    const server = await listen(app);
    try {
      const body = (await request(server.port, '/feed.json')).body.toString();
      expect(JSON.parse(body).feed_url).toBe('https://example.org/news/feed.json');
    } finally {
      await server.close();
      await router.close();
      await items.remove();
    }
  });

  it.each(['feeds', '/feeds/', '/../x', '/a b'])('refuses %j with a TypeError', (mountPath) => {
    expect(() => createFeedRouter(config, { watch: false, mountPath })).toThrow(TypeError);
  });
});
