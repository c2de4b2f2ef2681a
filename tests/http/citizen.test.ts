import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedRouter } from '../../src/serve-site.ts';
import { makeConfig } from '../helpers/factories.ts';
import { request, startHostApp, type HostApp } from './_lib/site-server.ts';

const config = makeConfig();

describe('the feed router mounted at / in front of the host app’s routes', () => {
  let mounted: HostApp;
  beforeAll(async () => {
    mounted = await startHostApp(config, '/', (app, mount) => {
      mount();
      app.get('/about', (_req, res) => void res.send('about the host'));
      app.post('/api/comments', (_req, res) => void res.status(201).send('created'));
      app.post('/feed.xml', (_req, res) => void res.send('never reached'));
    });
  });
  afterAll(() => mounted.close());

  it.each([
    ['GET', '/about', 200, 'about the host'],
    ['POST', '/api/comments', 201, 'created'],
  ])('hands %s %s to the host', async (method, path, status, body) => {
    const res = await request(mounted.port, path, { method });
    expect([res.status, res.body.toString()]).toEqual([status, body]);
  });

  it('still serves its own feeds', async () => {
    expect((await request(mounted.port, '/feed.xml')).status).toBe(200);
  });

  it('answers 405 to another method on a path it owns', async () => {
    const res = await request(mounted.port, '/feed.xml', { method: 'POST' });
    expect([res.status, res.headers.allow]).toEqual([405, 'GET, HEAD']);
  });

  it('answers an unknown page in its own namespaces with its French 404 page', async () => {
    const res = await request(mounted.port, '/articles/nothing-here/');
    expect([res.status, /<h1>([^<]*)<\/h1>/.exec(res.body.toString())?.[1]]).toEqual([404, 'Page introuvable']);
  });

  it.each([['/nothing-here/'], ['/articles/nothing-here.jpg']])('hands %s on to the host (its own 404)', async (path) => {
    const res = await request(mounted.port, path);
    expect([res.status, res.body.toString().includes('Page introuvable')]).toEqual([404, false]);
  });
});

describe('the feed router mounted at /feeds', () => {
  let mounted: HostApp;
  beforeAll(async () => {
    mounted = await startHostApp(config, '/feeds');
  });
  afterAll(() => mounted.close());

  it('redirects /feeds to /feeds/ so that the page’s relative links stay under the mount', async () => {
    const res = await request(mounted.port, '/feeds?x=1');
    expect([res.status, res.headers.location]).toEqual([301, '/feeds/?x=1']);
  });

  it('sends pages with a Content-Security-Policy that runs no script and forbids framing', async () => {
    const res = await request(mounted.port, '/feeds/');
    const csp = String(res.headers['content-security-policy']);
    expect({
      noScript: csp.includes("default-src 'none'") && !csp.includes('script-src'),
      frames: csp.includes("frame-ancestors 'none'"),
      referrer: res.headers['referrer-policy'],
      frameOptions: res.headers['x-frame-options'],
    }).toEqual({ noScript: true, frames: true, referrer: 'strict-origin-when-cross-origin', frameOptions: 'DENY' });
  });

  it('keeps nosniff and no CSP on feeds', async () => {
    const res = await request(mounted.port, '/feeds/feed.xml');
    expect([res.headers['x-content-type-options'], res.headers['content-security-policy']]).toEqual(['nosniff', undefined]);
  });

  describe('/healthz', () => {
    it('shows file names and messages to a local request', async () => {
      const report = JSON.parse((await request(mounted.port, '/feeds/healthz')).body.toString());
      expect(Array.isArray(report.diagnostics)).toBe(true);
    });

    it('shows only status, counts and times to a forwarded (public) request', async () => {
      const res = await request(mounted.port, '/feeds/healthz', { headers: { 'x-forwarded-for': '203.0.113.9' } });
      const report = JSON.parse(res.body.toString());
      expect(Object.keys(report).sort()).toEqual(['articles', 'lastBuild', 'lastSuccess', 'ledger', 'status', 'updated', 'watcher']);
    });
  });
});

describe('createFeedRouter misuse', () => {
  it.each([[{ mountPath: 'feeds' }], [{ healthToken: 42 }]])('throws synchronously for %j', (options) => {
    expect(() => createFeedRouter(config, { watch: false, ...(options as object) })).toThrow(TypeError);
  });
});
