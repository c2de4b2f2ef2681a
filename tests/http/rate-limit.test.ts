import type { IncomingMessage } from 'node:http';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAddress, createRateLimiter } from '../../src/http/rate-limit.ts';
import { startServer, type FeedRouter } from '../../src/serve-site.ts';
import { makeConfig } from '../helpers/factories.ts';
import { makeItemsCopy, request, startSite, type TestSite } from './_lib/site-server.ts';

const HOUR = 3_600_000;
const fakeRequest = (address: string, forwardedFor?: string): IncomingMessage =>
  ({ headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }, socket: { remoteAddress: address } }) as unknown as IncomingMessage;

describe('createRateLimiter', () => {
  describe('when a client downloads one feed more than the limit', () => {
    it('answers with the seconds until its hour ends, then lets it in again', () => {
      let now = 1_000_000;
      const limiter = createRateLimiter({ fullResponsesPerHour: 2, trustProxy: false, now: () => now });
      const req = fakeRequest('192.0.2.1');
      const takes = [limiter.takeFull(req, '/feed.xml'), limiter.takeFull(req, '/feed.xml'), limiter.takeFull(req, '/feed.xml')];
      now += HOUR / 2 + 300;
      takes.push(limiter.takeFull(req, '/feed.xml'));
      now += HOUR / 2;
      takes.push(limiter.takeFull(req, '/feed.xml'));
      expect(takes).toEqual([undefined, undefined, 3600, 1800, undefined]);
    });
  });

  it.each([
    ['another feed', fakeRequest('192.0.2.1'), '/atom.xml'],
    ['another address', fakeRequest('192.0.2.2'), '/feed.xml'],
  ])('counts %s apart', (_, other, otherPath) => {
    const limiter = createRateLimiter({ fullResponsesPerHour: 1, trustProxy: false });
    limiter.takeFull(fakeRequest('192.0.2.1'), '/feed.xml');
    expect([limiter.takeFull(fakeRequest('192.0.2.1'), '/feed.xml'), limiter.takeFull(other, otherPath)]).toEqual([3600, undefined]);
  });

  it('keeps at most its capacity of counters, dropping the oldest', () => {
    const limiter = createRateLimiter({ fullResponsesPerHour: 1, trustProxy: false, capacity: 3 });
    for (let i = 1; i <= 5; i++) limiter.takeFull(fakeRequest(`192.0.2.${i}`), '/feed.xml');
    // 192.0.2.1 was dropped (counted again from zero); 192.0.2.5 is still counted.
    expect([limiter.size, limiter.takeFull(fakeRequest('192.0.2.1'), '/feed.xml'), limiter.takeFull(fakeRequest('192.0.2.5'), '/feed.xml')]).toEqual([
      3,
      undefined,
      3600,
    ]);
  });

  it.each([0, 1.5, -3])('refuses fullResponsesPerHour %s with a RangeError', (n) => {
    expect(() => createRateLimiter({ fullResponsesPerHour: n, trustProxy: false })).toThrow(RangeError);
  });
});

describe('clientAddress', () => {
  it.each([
    ['the socket without trustProxy', fakeRequest('10.0.0.1', '203.0.113.9'), false, '10.0.0.1'],
    ['the last X-Forwarded-For entry with trustProxy', fakeRequest('10.0.0.1', '198.51.100.7, 203.0.113.9'), true, '203.0.113.9'],
    ['the socket with trustProxy and no header', fakeRequest('10.0.0.1'), true, '10.0.0.1'],
  ])('is %s', (_, req, trustProxy, expected) => {
    expect(clientAddress(req, trustProxy)).toBe(expected);
  });
});

describe('the rate limit on the router', { shuffle: false }, () => {
  let site: TestSite;
  beforeAll(async () => {
    site = await startSite({ config: makeConfig({ rateLimit: { fullResponsesPerHour: 2, trustProxy: true } }), watch: false, worker: false });
  });
  afterAll(() => site.close());
  const get = (p: string, headers: Record<string, string> = {}) => request(site.port, p, { headers: { 'x-forwarded-for': '198.51.100.1', ...headers } });

  it('answers 429 with Retry-After to the full download after the limit', async () => {
    const statuses = [(await get('/atom.xml')).status, (await get('/atom.xml')).status];
    const limited = await get('/atom.xml');
    expect([...statuses, limited.status, Number(limited.headers['retry-after']) > 3500]).toEqual([200, 200, 429, true]);
  });

  it('still answers 304 to a conditional request', async () => {
    const etag = (await get('/atom.xml', { 'x-forwarded-for': '198.51.100.2' })).headers.etag!;
    expect((await get('/atom.xml', { 'if-none-match': etag })).status).toBe(304);
  });

  // The client of the first test is limited on /atom.xml by now.
  it.each([
    ['another client behind the proxy, up to its own limit', '/atom.xml', { 'x-forwarded-for': '198.51.100.3' }, [200, 200]],
    ['the limited client on another feed', '/feed.xml', {}, [200, 200]],
    ['a page', '/', {}, [200, 200, 200]],
  ])('lets through %s', async (_, p, headers, expected) => {
    const statuses = [];
    for (const _status of expected) statuses.push((await get(p, headers)).status);
    expect(statuses).toEqual(expected);
  });
});

describe('the rate limit of gazette serve', () => {
  let server: http.Server & { feeds: FeedRouter };
  let removeItems: () => Promise<void>;
  beforeAll(async () => {
    const items = await makeItemsCopy();
    removeItems = items.remove;
    const config = makeConfig({ rateLimit: { fullResponsesPerHour: 1 } });
    server = await startServer({ config, port: 0, itemsDir: items.itemsDir, watch: false, worker: false, requestLog: false });
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await server.feeds.close();
    await removeItems();
  });

  it('counts by the socket address, X-Forwarded-For ignored, and never counts HEAD', async () => {
    const port = (server.address() as AddressInfo).port;
    const head = await request(port, '/feed.json', { method: 'HEAD' });
    const first = await request(port, '/feed.json', { headers: { 'x-forwarded-for': '198.51.100.4' } });
    const second = await request(port, '/feed.json', { headers: { 'x-forwarded-for': '198.51.100.5' } });
    expect([head.status, first.status, second.status, second.headers['content-type']]).toEqual([200, 200, 429, 'text/plain; charset=utf-8']);
  });
});
