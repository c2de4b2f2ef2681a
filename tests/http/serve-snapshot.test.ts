// Direct tests of serve-snapshot: one entry sent by a bare node:http server on 127.0.0.1, headers and bytes as sent.
import http, { type OutgoingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookupPath, PAGE_SECURITY_HEADERS, sendSnapshotEntry, sendText } from '../../src/http/serve-snapshot.ts';
import type { FeedSnapshot } from '../../src/publish/feed-snapshot.ts';
import { encodeDocument } from '../../src/publish/snapshot.ts';
import { CONTENT_TYPES } from '../../src/render/render-site.ts';
import { request } from './_lib/site-server.ts';

const CACHE_CONTROL = 'public, max-age=300';
// Last-Modified is sent in whole seconds: the entry keeps 10:00:00 of 10:00:00.750.
const UPDATED = new Date('2024-11-22T10:00:00.750Z');
const LAST_MODIFIED = 'Fri, 22 Nov 2024 10:00:00 GMT';
const FEED_BODY = `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Société « test »</title>${'<item/>'.repeat(50)}</channel></rss>\n`;

const feed = encodeDocument({ path: '/feed.xml', contentType: CONTENT_TYPES.rss, body: FEED_BODY, lastModified: UPDATED });
const page = encodeDocument({
  path: '/articles/ete/',
  contentType: CONTENT_TYPES.html,
  body: '<!doctype html><title>Été</title><p>Été</p>',
  lastModified: UPDATED,
});
const snapshot: FeedSnapshot = {
  entries: new Map([
    [feed.path, feed],
    [page.path, page],
  ]),
  articleCount: 1,
  updated: UPDATED,
  redirects: new Map([['/articles/ancien/', '/articles/ete/']]),
};

/** The header objects passed to writeHead, in order, so a test can see what was prepared once. */
const written: OutgoingHttpHeaders[] = [];
let server: http.Server;
let port: number;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const writeHead = res.writeHead.bind(res) as (status: number, headers?: OutgoingHttpHeaders) => http.ServerResponse;
    res.writeHead = ((status: number, headers?: OutgoingHttpHeaders) => {
      if (headers) written.push(headers);
      return writeHead(status, headers);
    }) as typeof res.writeHead;
    const found = lookupPath(snapshot, (req.url ?? '/').split('?')[0]!);
    if (found.kind === 'entry') sendSnapshotEntry(req, res, found.entry, { cacheControl: CACHE_CONTROL });
    else sendText(res, 404, 'Not Found\n', req.method === 'HEAD');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') => request(port, path, { method, headers });

describe('sendSnapshotEntry', () => {
  describe.each([
    ['identity', undefined],
    ['gzip', 'gzip'],
    ['br', 'br'],
  ] as const)('when the client accepts %s', (encoding, acceptEncoding) => {
    const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };

    it('answers 200 with the precomputed body of that encoding, byte for byte', async () => {
      const res = await get('/feed.xml', headers);
      expect([res.status, res.body.equals(feed[encoding])]).toEqual([200, true]);
    });

    it('sends the type with its charset, the validators of that encoding and the caching headers', async () => {
      const res = await get('/feed.xml', headers);
      expect({
        type: res.headers['content-type'],
        encoding: res.headers['content-encoding'],
        length: res.headers['content-length'],
        etag: res.headers.etag,
        lastModified: res.headers['last-modified'],
        cacheControl: res.headers['cache-control'],
        vary: res.headers.vary,
        nosniff: res.headers['x-content-type-options'],
      }).toEqual({
        type: 'application/rss+xml; charset=utf-8',
        encoding: acceptEncoding,
        length: String(feed[encoding].length),
        etag: feed.etags[encoding],
        lastModified: LAST_MODIFIED,
        cacheControl: CACHE_CONTROL,
        vary: 'Accept-Encoding',
        nosniff: 'nosniff',
      });
    });

    it('answers HEAD with the headers of GET and no body', async () => {
      const [head, full] = await Promise.all([get('/feed.xml', headers, 'HEAD'), get('/feed.xml', headers)]);
      const { date: _h, ...headHeaders } = head.headers;
      const { date: _g, ...getHeaders } = full.headers;
      expect([head.status, head.body.length, headHeaders]).toEqual([200, 0, getHeaders]);
    });
  });

  describe('when choosing the content-coding', () => {
    it.each([
      ['gzip, deflate, br', 'br'],
      ['gzip, br;q=0.5', 'gzip'],
      ['deflate', undefined],
      ['identity', undefined],
      ['*', 'br'],
      ['br;q=0, gzip;q=0', undefined],
      ['', undefined],
    ] as const)('sends %j as %s', async (acceptEncoding, encoding) => {
      const res = await get('/feed.xml', { 'accept-encoding': acceptEncoding });
      expect([res.status, res.headers['content-encoding'], res.headers.etag]).toEqual([200, encoding, feed.etags[encoding ?? 'identity']]);
    });

    it.each([['identity;q=0'], ['*;q=0'], ['br;q=0, gzip;q=0, identity;q=0']])('answers %j with 406 and no feed body', async (acceptEncoding) => {
      const res = await get('/feed.xml', { 'accept-encoding': acceptEncoding });
      expect([res.status, res.headers['content-type'], res.headers.vary, res.headers.etag, res.body.toString()]).toEqual([
        406,
        'text/plain; charset=utf-8',
        'Accept-Encoding',
        undefined,
        'Not Acceptable: this resource is available as br, gzip or identity.\n',
      ]);
    });

    it('answers a HEAD it cannot encode with 406 and no body', async () => {
      const res = await get('/feed.xml', { 'accept-encoding': 'identity;q=0' }, 'HEAD');
      expect([res.status, res.body.length]).toEqual([406, 0]);
    });
  });

  // RFC 9110 §13.2.2: If-None-Match is evaluated first; If-Modified-Since only when If-None-Match is absent.
  describe('when the request is conditional', () => {
    const ETAG = feed.etags.identity;
    it.each([
      // If-None-Match
      ['its own ETag', { 'if-none-match': ETAG }, 304],
      ['its ETag, weak', { 'if-none-match': `W/${ETAG}` }, 304],
      ['a list holding its ETag', { 'if-none-match': `"autre", ${ETAG}` }, 304],
      ['*', { 'if-none-match': '*' }, 304],
      ['the ETag of its gzip body', { 'if-none-match': feed.etags.gzip }, 200],
      ['another ETag', { 'if-none-match': '"autre"' }, 200],
      // If-Modified-Since, to the second
      ['If-Modified-Since equal to Last-Modified', { 'if-modified-since': LAST_MODIFIED }, 304],
      ['If-Modified-Since a second later', { 'if-modified-since': 'Fri, 22 Nov 2024 10:00:01 GMT' }, 304],
      ['If-Modified-Since a second earlier', { 'if-modified-since': 'Fri, 22 Nov 2024 09:59:59 GMT' }, 200],
      ['an unreadable If-Modified-Since', { 'if-modified-since': 'hier' }, 200],
      // both: If-None-Match decides
      ['another ETag and a current If-Modified-Since', { 'if-none-match': '"autre"', 'if-modified-since': LAST_MODIFIED }, 200],
      ['its ETag and an old If-Modified-Since', { 'if-none-match': ETAG, 'if-modified-since': 'Thu, 01 Jan 1970 00:00:00 GMT' }, 304],
      // an end-to-end reload
      ['its ETag with Cache-Control: no-cache', { 'if-none-match': ETAG, 'cache-control': 'no-cache' }, 200],
    ])('given %s, answers %i', async (_, conditional, status) => {
      expect((await get('/feed.xml', conditional)).status).toBe(status);
    });

    it('answers 304 with the validators and caching headers of the 200, and no body or Content-Type', async () => {
      const [ok, notModified] = await Promise.all([
        get('/feed.xml', { 'accept-encoding': 'gzip' }),
        get('/feed.xml', { 'accept-encoding': 'gzip', 'if-none-match': feed.etags.gzip }),
      ]);
      const pick = (h: http.IncomingHttpHeaders) => [h.etag, h['last-modified'], h['cache-control'], h.vary];
      expect({
        status: notModified.status,
        body: notModified.body.length,
        type: notModified.headers['content-type'],
        encoding: notModified.headers['content-encoding'],
        validators: pick(notModified.headers),
      }).toEqual({ status: 304, body: 0, type: undefined, encoding: undefined, validators: pick(ok.headers) });
    });

    it('answers a conditional HEAD with 304 too', async () => {
      expect((await get('/feed.xml', { 'if-none-match': ETAG }, 'HEAD')).status).toBe(304);
    });
  });

  describe('when the entry is an HTML page or a feed', () => {
    const SECURITY = Object.keys(PAGE_SECURITY_HEADERS).map((h) => h.toLowerCase());

    it('sends the page CSP, Referrer-Policy and X-Frame-Options, and no CORS header', async () => {
      const res = await get('/articles/ete/');
      expect([res.headers['content-type'], SECURITY.map((h) => res.headers[h]), res.headers['access-control-allow-origin']]).toEqual([
        'text/html; charset=utf-8',
        Object.values(PAGE_SECURITY_HEADERS),
        undefined,
      ]);
    });

    it('sends a feed with CORS open to every origin and none of the page headers', async () => {
      const res = await get('/feed.xml');
      expect([res.headers['access-control-allow-origin'], SECURITY.map((h) => res.headers[h])]).toEqual(['*', [undefined, undefined, undefined]]);
    });

    it('keeps the page headers on a 304 of a page', async () => {
      const res = await get('/articles/ete/', { 'if-none-match': page.etags.identity });
      expect([res.status, res.headers['content-security-policy']]).toEqual([304, PAGE_SECURITY_HEADERS['Content-Security-Policy']]);
    });
  });

  describe('when the same entry is asked for again', () => {
    it('sends the very header objects it prepared the first time, one set per encoding and status', async () => {
      const at = written.length;
      await get('/articles/ete/', { 'accept-encoding': 'br' });
      await get('/articles/ete/', { 'accept-encoding': 'br' });
      await get('/articles/ete/', { 'accept-encoding': 'gzip' });
      await get('/articles/ete/', { 'accept-encoding': 'br', 'if-none-match': page.etags.br });
      await get('/articles/ete/', { 'accept-encoding': 'br', 'if-none-match': page.etags.br });
      const [br1, br2, gz, nm1, nm2] = written.slice(at);
      expect([written.length - at, br1 === br2, br1 === gz, nm1 === nm2, nm1 === br1]).toEqual([5, true, false, true, false]);
    });
  });
});

describe('lookupPath', () => {
  it.each([
    ['/feed.xml', { kind: 'entry', entry: feed }],
    ['/articles/ete/', { kind: 'entry', entry: page }],
    ['/articles/%C3%A9t%C3%A9/', { kind: 'missing' }],
    // the slash form of a page, relative so that a mount path stays in front
    ['/articles/ete', { kind: 'redirect', location: './ete/' }],
    // a page the ledger moved, with or without its slash
    ['/articles/ancien/', { kind: 'moved', to: '/articles/ete/' }],
    ['/articles/ancien', { kind: 'moved', to: '/articles/ete/' }],
    ['/nulle-part', { kind: 'missing' }],
    // spellings that could alias a route are refused
    ['/feed%2Exml', { kind: 'entry', entry: feed }],
    ['/%E0%A4%A', { kind: 'missing' }],
    ['/feed.xml%00', { kind: 'missing' }],
    ['/articles%5Cete/', { kind: 'missing' }],
    ['/articles/./ete/', { kind: 'missing' }],
    ['/articles/%2E%2E/feed.xml', { kind: 'missing' }],
    ['feed.xml', { kind: 'missing' }],
  ] as const)('finds %j as %o', (rawPath, expected) => {
    expect(lookupPath(snapshot, rawPath)).toEqual(expected);
  });
});

describe('sendText', () => {
  it('answers in plain UTF-8 text that no browser sniffs, with its length', async () => {
    const res = await get('/nulle-part');
    expect([res.status, res.headers['content-type'], res.headers['x-content-type-options'], res.headers['content-length'], res.body.toString()]).toEqual([
      404,
      'text/plain; charset=utf-8',
      'nosniff',
      '10',
      'Not Found\n',
    ]);
  });

  it('sends no body to HEAD', async () => {
    const res = await get('/nulle-part', {}, 'HEAD');
    expect([res.status, res.headers['content-length'], res.body.length]).toEqual([404, '10', 0]);
  });
});
