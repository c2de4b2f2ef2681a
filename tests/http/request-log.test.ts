import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/serve-site.ts';
import { makeConfig } from '../helpers/factories.ts';
import { makeItemsCopy, request } from './_lib/site-server.ts';

// `gazette serve`'s request log: the fast path (feeds and pages from the snapshot) and Express (the rest) both log
// the body bytes they sent.
let server: Awaited<ReturnType<typeof startServer>>;
let items: Awaited<ReturnType<typeof makeItemsCopy>>;
let port: number;
const lines: string[] = [];

beforeAll(async () => {
  items = await makeItemsCopy();
  server = await startServer({
    config: makeConfig(),
    port: 0,
    itemsDir: items.itemsDir,
    watch: false,
    worker: false,
    ledger: 'off',
    log: (line) => lines.push(line),
  });
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await items.remove();
});

/** The request's log line; 'finish' fires before the client reads the end, so the line may come just after. */
async function logged(pathAndMethod: string): Promise<string> {
  for (;;) {
    const line = lines.find((l) => l.startsWith(`${pathAndMethod} `));
    if (line !== undefined) return line;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('the request log of gazette serve', () => {
  it.each([
    ['a feed from the fast path', 'GET', '/feed.xml', {}],
    ['a gzip feed from the fast path', 'GET', '/feed.json?gz', { 'accept-encoding': 'gzip' }],
    ['a page from the fast path', 'GET', '/', {}],
    ['a 404 from Express', 'GET', '/nulle-part', {}],
  ])('logs the body bytes of %s', async (_name, method, path, headers) => {
    const res = await request(port, path, { method, headers });
    expect(await logged(`${method} ${path}`)).toMatch(new RegExp(` ${res.status} ${res.body.length}B \\d+\\.\\dms$`));
  });

  it.each([
    ['HEAD', '/atom.xml', {}],
    ['GET', '/feed.xml?etag', 'etag'],
  ])('logs 0B when no body is sent (%s %s)', async (method, path, conditional) => {
    const etag = conditional === 'etag' ? (await request(port, '/feed.xml')).headers.etag : undefined;
    const res = await request(port, path, { method, headers: etag ? { 'if-none-match': etag } : {} });
    expect([res.status, await logged(`${method} ${path}`)]).toEqual([conditional === 'etag' ? 304 : 200, expect.stringMatching(/ 0B /)]);
  });
});
