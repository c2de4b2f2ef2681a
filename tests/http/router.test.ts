import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeConfig } from '../helpers/factories.ts';
import { request, startSite, type RawResponse, type TestSite } from './_lib/site-server.ts';

const ARTICLE = '/articles/rentree-universitaire-loyers/';
const config = makeConfig({ cacheControl: 'public, max-age=60' });

let site: TestSite;
beforeAll(async () => {
  site = await startSite({ config, watch: false });
});
afterAll(() => site.close());

const get = (path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> => request(site.port, path, { method, headers });

describe('the feed router', () => {
  describe.each([
    ['/feed.xml', 'application/rss+xml; charset=utf-8'],
    ['/atom.xml', 'application/atom+xml; charset=utf-8'],
    ['/feed.json', 'application/feed+json; charset=utf-8'],
    ['/categories/societe/feed.xml', 'application/rss+xml; charset=utf-8'],
    ['/categories/societe/atom.xml', 'application/atom+xml; charset=utf-8'],
    ['/categories/societe/feed.json', 'application/feed+json; charset=utf-8'],
  ])('when GET %s', (path, contentType) => {
    let res: RawResponse;
    beforeAll(async () => {
      res = await get(path);
    });

    it('answers 200', () => expect(res.status).toBe(200));
    it('sends its Content-Type with charset=utf-8', () => expect(res.headers['content-type']).toBe(contentType));
    it('sends a strong quoted ETag', () => expect(res.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/));
    it('sends Last-Modified as an HTTP-date', () =>
      expect(res.headers['last-modified']).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/));
    it('sends the configured Cache-Control', () => expect(res.headers['cache-control']).toBe('public, max-age=60'));
    it('varies on Accept-Encoding', () => expect(res.headers.vary).toBe('Accept-Encoding'));
    it('forbids sniffing', () => expect(res.headers['x-content-type-options']).toBe('nosniff'));
    it('allows any origin to read the feed', () => expect(res.headers['access-control-allow-origin']).toBe('*'));
    it('sends no Content-Encoding when none was asked for', () => expect(res.headers['content-encoding']).toBeUndefined());
    it('sends a Content-Length equal to the body', () => expect(Number(res.headers['content-length'])).toBe(res.body.length));
    it('does not advertise Express', () => expect(res.headers['x-powered-by']).toBeUndefined());
  });

  describe.each([['/'], ['/categories/societe/'], [ARTICLE]])('when GET the HTML page %s', (path) => {
    let res: RawResponse;
    beforeAll(async () => {
      res = await get(path);
    });
    it('answers 200 text/html', () => expect([res.status, res.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']));
    it('sends validators', () => expect([typeof res.headers.etag, typeof res.headers['last-modified']]).toEqual(['string', 'string']));
    it('sends no CORS header', () => expect(res.headers['access-control-allow-origin']).toBeUndefined());
  });

  describe.each([
    ['gzip', 'gzip', (b: Buffer) => gunzipSync(b)],
    ['br', 'br', (b: Buffer) => brotliDecompressSync(b)],
    ['gzip, deflate, br', 'br', (b: Buffer) => brotliDecompressSync(b)],
    ['br;q=0.5, gzip', 'gzip', (b: Buffer) => gunzipSync(b)],
  ])('when Accept-Encoding is %j', (acceptEncoding, coding, decode) => {
    let identity: RawResponse;
    let encoded: RawResponse;
    beforeAll(async () => {
      identity = await get('/feed.xml');
      encoded = await get('/feed.xml', { 'accept-encoding': acceptEncoding });
    });
    it(`sends Content-Encoding: ${coding}`, () => expect(encoded.headers['content-encoding']).toBe(coding));
    it('sends a body that decodes to the identity body', () => expect(decode(encoded.body).equals(identity.body)).toBe(true));
    it('sends an ETag different from the identity one', () => expect(encoded.headers.etag).not.toBe(identity.headers.etag));
    it('sends the Content-Length of the encoded body', () => expect(Number(encoded.headers['content-length'])).toBe(encoded.body.length));
  });

  describe('when Accept-Encoding refuses identity and offers nothing we have', () => {
    it('answers 406', async () => expect((await get('/feed.xml', { 'accept-encoding': 'identity;q=0, deflate' })).status).toBe(406));
  });

  describe('when the request is HEAD', () => {
    let head: RawResponse;
    let full: RawResponse;
    beforeAll(async () => {
      head = await get('/atom.xml', { 'accept-encoding': 'gzip' }, 'HEAD');
      full = await get('/atom.xml', { 'accept-encoding': 'gzip' });
    });
    it('answers 200', () => expect(head.status).toBe(200));
    it('sends no body', () => expect(head.body.length).toBe(0));
    it.each(['etag', 'last-modified', 'content-type', 'content-encoding', 'content-length', 'vary', 'cache-control'])('sends the same %s as GET', (name) =>
      expect(head.headers[name]).toBe(full.headers[name]),
    );
  });

  describe('conditional GET', () => {
    let etag: string;
    let lastModified: string;
    beforeAll(async () => {
      const res = await get('/feed.xml', { 'accept-encoding': 'gzip' });
      etag = res.headers.etag!;
      lastModified = res.headers['last-modified']!;
    });
    const shift = (httpDate: string, seconds: number) => new Date(Date.parse(httpDate) + seconds * 1000).toUTCString();

    describe.each([
      ['If-None-Match is the exact ETag', () => ({ 'if-none-match': etag }), 'GET', 304],
      ['If-None-Match is its weak form', () => ({ 'if-none-match': `W/${etag}` }), 'GET', 304],
      ['If-None-Match lists it', () => ({ 'if-none-match': `"nope", ${etag}` }), 'GET', 304],
      ['If-None-Match is *', () => ({ 'if-none-match': '*' }), 'GET', 304],
      ['If-None-Match does not match', () => ({ 'if-none-match': '"nope"' }), 'GET', 200],
      ['If-None-Match is the ETag of another encoding', () => ({ 'if-none-match': etag.replace('-gz"', '"') }), 'GET', 200],
      ['If-Modified-Since is older', () => ({ 'if-modified-since': shift(lastModified, -1) }), 'GET', 200],
      ['If-Modified-Since is equal', () => ({ 'if-modified-since': lastModified }), 'GET', 304],
      ['If-Modified-Since is newer', () => ({ 'if-modified-since': shift(lastModified, 3600) }), 'GET', 304],
      ['If-Modified-Since is garbage', () => ({ 'if-modified-since': 'demain' }), 'GET', 200],
      ['If-None-Match does not match but If-Modified-Since is fresh', () => ({ 'if-none-match': '"nope"', 'if-modified-since': lastModified }), 'GET', 200],
      ['the request is HEAD with a matching ETag', () => ({ 'if-none-match': etag }), 'HEAD', 304],
      ['Cache-Control: no-cache asks for a reload', () => ({ 'if-none-match': etag, 'cache-control': 'no-cache' }), 'GET', 200],
    ] as const)('when %s', (_name, headers, method, status) => {
      it(`answers ${status}`, async () => {
        const res = await get('/feed.xml', { 'accept-encoding': 'gzip', ...headers() }, method);
        expect(res.status).toBe(status);
      });
    });

    describe('when answering 304', () => {
      let res: RawResponse;
      beforeAll(async () => {
        res = await get('/feed.xml', { 'accept-encoding': 'gzip', 'if-none-match': etag });
      });
      it('sends no body', () => expect(res.body.length).toBe(0));
      it('repeats the ETag', () => expect(res.headers.etag).toBe(etag));
      it('repeats Last-Modified', () => expect(res.headers['last-modified']).toBe(lastModified));
      it('repeats Cache-Control and Vary', () => expect([res.headers['cache-control'], res.headers.vary]).toEqual(['public, max-age=60', 'Accept-Encoding']));
    });
  });

  describe.each([['/FEED.XML'], ['/categories/inconnue/feed.xml'], ['/archives/2024/11/feed.json'], ['/favicon.ico']])(
    'when GET the unknown file %s',
    (path) => {
      it('answers 404 text/plain', async () => {
        const res = await get(path);
        expect([res.status, res.headers['content-type']]).toEqual([404, 'text/plain; charset=utf-8']);
      });
    },
  );

  describe.each([['/nope'], ['/feed.xml/'], ['/categories/inconnue/'], ['/articles/inconnu/'], ['/articles/'], ['/archives/1999/01/'], ['/index.html']])(
    'when GET the unknown page %s',
    (path) => {
      it('answers 404 with the French 404 page, as a page (CSP) without validators', async () => {
        const res = await get(path);
        expect({
          status: res.status,
          type: res.headers['content-type'],
          title: /<h1>([^<]*)<\/h1>/.exec(res.body.toString())?.[1],
          csp: res.headers['content-security-policy'] !== undefined,
          validators: [res.headers.etag, res.headers['last-modified'], res.headers['cache-control']],
        }).toEqual({ status: 404, type: 'text/html; charset=utf-8', title: 'Page introuvable', csp: true, validators: [undefined, undefined, undefined] });
      });
    },
  );

  it('sends the 404 page in the encoding asked for, and no body to HEAD', async () => {
    const [plain, gzip, head] = await Promise.all([get('/nope/'), get('/nope/', { 'accept-encoding': 'gzip' }), get('/nope/', {}, 'HEAD')]);
    expect({
      gzip: [gzip.status, gzip.headers['content-encoding'], gunzipSync(gzip.body).equals(plain.body)],
      head: [head.status, head.headers['content-length'], head.body.length],
    }).toEqual({ gzip: [404, 'gzip', true], head: [404, String(plain.body.length), 0] });
  });

  it('serves /404.html itself as a page, as a static host does', async () => {
    const res = await get('/404.html');
    expect([res.status, res.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
  });

  describe.each([
    ['/..%2f..%2fetc/passwd'],
    ['/%2e%2e/%2e%2e/etc/passwd'],
    ['/%2e%2e/'],
    ['/articles/../feed.xml'],
    ['/articles/%2e%2e/feed.xml'],
    ['/feed.xml%00'],
    ['/feed.xml%00.html'],
    ['/..\\..\\etc\\passwd'],
    ['/%5c..%5cpackage.json'],
    ['/%E0%A4%A'],
    ['//etc/passwd'],
  ])('when the path tries to escape: %s', (path) => {
    it('answers 404 and never a file', async () => {
      const res = await get(path);
      expect([res.status, res.body.toString().includes('root:')]).toEqual([404, false]);
    });
  });

  describe('when an article path lacks its trailing slash', () => {
    it('redirects 301 to the slash form with a relative Location', async () => {
      const res = await get(ARTICLE.slice(0, -1));
      expect([res.status, res.headers.location]).toEqual([301, './rentree-universitaire-loyers/']);
    });

    it('keeps the query string', async () => {
      const res = await get(`${ARTICLE.slice(0, -1)}?utm=1`);
      expect(res.headers.location).toBe('./rentree-universitaire-loyers/?utm=1');
    });
  });

  describe.each(['POST', 'PUT', 'DELETE', 'PATCH'])('when the method is %s', (method) => {
    it.each(['/feed.xml', ARTICLE, '/healthz'])('answers 405 with Allow: GET, HEAD on %s', async (path) => {
      const res = await get(path, {}, method);
      expect([res.status, res.headers.allow]).toEqual([405, 'GET, HEAD']);
    });
  });

  describe('/healthz', () => {
    it('reports the served articles and the last build', async () => {
      const res = await get('/healthz');
      const report = JSON.parse(res.body.toString());
      expect({
        status: res.status,
        type: res.headers['content-type'],
        articles: report.articles,
        ok: report.lastBuild.ok,
        errors: report.lastBuild.errors,
      }).toEqual({ status: 200, type: 'application/json; charset=utf-8', articles: 3, ok: true, errors: 0 });
    });

    it('is never cached', async () => {
      expect((await get('/healthz')).headers['cache-control']).toBe('no-store');
    });
  });
});
