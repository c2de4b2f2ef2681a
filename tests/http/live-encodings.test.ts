// A live rebuild serves its identity bytes at once and swaps in .gz/.br when made: over a real server on 127.0.0.1,
// a response never pairs an encoding (or its ETag) with other bytes than the identity served at that moment.
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookupPath, sendSnapshotEntry, sendText } from '../../src/http/serve-snapshot.ts';
import type { FeedSnapshot } from '../../src/publish/feed-snapshot.ts';
import type { ChangedDocument, CompressedBodies } from '../../src/site/rebuild-engine.ts';
import { applySnapshotDelta } from '../../src/site/snapshot-delta.ts';
import { makeConfig } from '../helpers/factories.ts';
import { type RawResponse, request, startSite, type TestSite, untilBuilt } from './_lib/site-server.ts';

const RSS = 'application/rss+xml; charset=utf-8';
const BR = { 'accept-encoding': 'br, gzip' };

/** The bytes a response carries once decoded, and whether its ETag names them (ETag base = hashBody of identity). */
const decoded = (res: RawResponse): string => {
  const coding = res.headers['content-encoding'];
  return (coding === 'br' ? brotliDecompressSync(res.body) : coding === 'gzip' ? gunzipSync(res.body) : res.body).toString();
};
const etagNamesBytes = (res: RawResponse): boolean => {
  const base = createHash('sha256').update(decoded(res)).digest('base64url').slice(0, 27);
  const suffix = { br: '-br', gzip: '-gz' }[String(res.headers['content-encoding'])] ?? '';
  return res.headers.etag === `"${base}${suffix}"`;
};

describe('a snapshot whose feed encodings are being made, served on 127.0.0.1', () => {
  let current: FeedSnapshot | undefined;
  let server: http.Server;
  let port: number;
  let settleV2!: (made: CompressedBodies | undefined) => void;
  const bodies = { v1: '<rss version="2.0"><channel><title>v1</title></channel></rss>', v2: '<rss version="2.0"><channel><title>v2</title></channel></rss>' };
  const feed = (text: string, encodings: Promise<CompressedBodies | undefined>): ChangedDocument => {
    const identity = Buffer.from(text);
    const hash = createHash('sha256').update(identity).digest('base64url').slice(0, 27);
    return { path: '/feed.xml', contentType: RSS, lastModified: new Date('2024-11-21T10:00:00Z'), identity, hash, encodings };
  };
  const publish = (doc: ChangedDocument) => {
    current = applySnapshotDelta(current, { full: false, changed: [doc], pages: [], removed: [], articleCount: 1, updated: undefined, redirects: [] }, () => {
      throw new Error('no pages here');
    }).snapshot;
  };
  const get = (headers: Record<string, string>) => request(port, '/feed.xml', { headers });
  let v1br: RawResponse;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const found = current && lookupPath(current, (req.url ?? '/').split('?')[0]!);
      if (found?.kind === 'entry') sendSnapshotEntry(req, res, found.entry, { cacheControl: 'no-cache' });
      else sendText(res, 404, 'Not Found\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    const v1 = Buffer.from(bodies.v1);
    const v1made = Promise.resolve({ gzip: gzipSync(v1), br: brotliCompressSync(v1) });
    publish(feed(bodies.v1, v1made));
    await current?.entries.get('/feed.xml')?.encodingsSettled;
    v1br = await get(BR);
    // v2 is published; its encodings are held until the test releases them.
    publish(feed(bodies.v2, new Promise((resolve) => (settleV2 = resolve))));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('served v1 in brotli before the change', () => {
    expect([v1br.headers['content-encoding'], decoded(v1br), etagNamesBytes(v1br)]).toEqual(['br', bodies.v1, true]);
  });

  it.each<[label: string, headers: () => Record<string, string>, expected: [status: number, coding: string | undefined, body: string]]>([
    ['a br request gets the new identity bytes under their ETag', () => BR, [200, undefined, bodies.v2]],
    ['a revalidation with v1’s br ETag gets the new bytes, not 304', () => ({ ...BR, 'if-none-match': v1br.headers.etag! }), [200, undefined, bodies.v2]],
    ['a client that refuses identity gets br made from the new bytes', () => ({ 'accept-encoding': 'br, identity;q=0' }), [200, 'br', bodies.v2]],
  ])('while v2’s encodings are being made, %s', async (_label, headers, expected) => {
    const res = await get(headers());
    expect([res.status, res.headers['content-encoding'], decoded(res), etagNamesBytes(res)]).toEqual([...expected, true]);
  });

  it('swaps in v2’s brotli once made, and answers 304 to its ETag', async () => {
    const v2 = Buffer.from(bodies.v2);
    settleV2({ gzip: gzipSync(v2), br: brotliCompressSync(v2) });
    await current?.entries.get('/feed.xml')?.encodingsSettled;
    const res = await get(BR);
    const again = await get({ ...BR, 'if-none-match': res.headers.etag! });
    expect([res.headers['content-encoding'], decoded(res), etagNamesBytes(res), again.status]).toEqual(['br', bodies.v2, true, 304]);
  });
});

describe('a live site edited while serving brotli', () => {
  let site: TestSite;
  beforeAll(async () => {
    site = await startSite({ config: makeConfig(), watch: true });
  });
  afterAll(() => site.close());

  it('answers a br request sent as the rebuild is applied with bytes its ETag names, and never 304 to the old ETag', async () => {
    // The first build's encodings too are made after its identity bytes are served.
    await site.feeds.site.current()?.entries.get('/feed.xml')?.encodingsSettled;
    const before = await request(site.port, '/feed.xml', { headers: BR });
    const during: Promise<RawResponse>[] = [];
    // Sent from the onBuilt listener: the moment the new identity is served, while its encodings may still be made.
    const stop = site.feeds.site.onBuilt(() => void during.push(request(site.port, '/feed.xml', { headers: BR })));
    await writeFile(
      path.join(site.itemsDir, 'encodage.md'),
      '---\ntitle: "Brotli en retard"\ndate: 2024-12-02 09:30\ncategories: [National]\n---\n\nUn paragraphe.\n',
    );
    await untilBuilt(site.feeds.site, async () => (await request(site.port, '/feed.xml')).body.toString().includes('Brotli en retard'));
    stop();
    const revalidated = await request(site.port, '/feed.xml', { headers: { ...BR, 'if-none-match': before.headers.etag! } });
    const answers = await Promise.all(during);
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.map((res) => [res.status, etagNamesBytes(res)])).toEqual(answers.map(() => [200, true]));
    expect([before.headers['content-encoding'], etagNamesBytes(before), revalidated.status, decoded(revalidated).includes('Brotli en retard')]).toEqual([
      'br',
      true,
      200,
      true,
    ]);
  });
});
