// deploy: Debian's nginx with deploy/nginx-static.conf and deploy/nginx-proxy.conf answers as `gazette serve` does.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus, type Corpus } from '../../bench/corpus.ts';
import { runGazette, startServe, type ServeProcess } from '../../bench/_lib/gazette.ts';
import { freePort, hasNginx, proxyConf, startNginx, staticSiteConf, type NginxProcess } from './_lib/nginx.ts';

const FEED_TYPES: Record<string, string> = {
  'feed.xml': 'application/rss+xml; charset=utf-8',
  'atom.xml': 'application/atom+xml; charset=utf-8',
  'feed.json': 'application/feed+json; charset=utf-8',
};
/** The sitemaps, robots.txt and feeds.opml: served with their own types, compressed on the fly like pages. */
const REACH_FILES = /^(sitemap(-news|-[0-9]+)?\.xml|robots\.txt|feeds\.opml)$/;
const CODINGS: ReadonlyArray<Record<string, string>> = [{}, { 'accept-encoding': 'gzip' }, { 'accept-encoding': 'br' }];
/** Headers whose values must be the same from nginx and from gazette serve on a 200. */
const SAME_HEADERS = ['content-type', 'cache-control', 'vary', 'access-control-allow-origin', 'x-content-type-options'];

describe.skipIf(!hasNginx())('nginx-static.conf serving the output of gazette build', () => {
  let corpus: Corpus;
  let prefix: string;
  let gazette: ServeProcess;
  let nginx: NginxProcess;
  let paths: string[];
  let redirect: { from: string; to: string };

  beforeAll(async () => {
    corpus = await writeCorpus({ size: 40, seed: 7 });
    prefix = await mkdtemp(path.join(tmpdir(), 'gazette-nginx-'));
    const build = await runGazette(['build', '--config', corpus.configFile]);
    if (build.code !== 0) throw new Error(`gazette build failed (${build.code}):\n${build.stdout}${build.stderr}`);
    paths = await servedPaths(corpus.outDir);
    redirect = await ensureRedirectFiles(corpus.outDir);
    const port = await freePort();
    [gazette, nginx] = await Promise.all([
      startServe({ config: corpus.configFile }),
      staticSiteConf(corpus.outDir, port).then((conf) => startNginx(prefix, conf, port)),
    ]);
  });

  afterAll(async () => {
    await Promise.all([gazette?.stop(), nginx?.stop()]);
    await Promise.all([corpus && rm(corpus.root, { recursive: true, force: true }), prefix && rm(prefix, { recursive: true, force: true })]);
  });

  it('has every feed, page, sitemap and list of the build to compare', () => {
    expect(paths).toEqual(expect.arrayContaining(['/sitemap.xml', '/sitemap-news.xml', '/robots.txt', '/feeds.opml']));
    expect(paths).toContain('/feed.xml');
    expect(paths).toContain('/categories/societe/feed.json');
    expect(paths).toContain('/');
    expect(paths).toContain('/archives/');
    expect(paths).toContain('/404.html');
    expect(paths.filter((p) => p.startsWith('/articles/'))).toHaveLength(40);
  });

  describe.each([
    ['identity', undefined],
    ['gzip', 'gzip'],
    ['br', 'br'],
  ])('when the client asks for %s', (_name, acceptEncoding) => {
    it('answers every path with the status, headers and body bytes of gazette serve', async () => {
      const headers: Record<string, string> = acceptEncoding ? { 'accept-encoding': acceptEncoding } : {};
      const mismatches: string[] = [];
      for (const urlPath of paths) {
        const [ours, theirs] = await Promise.all([request(gazette.origin, urlPath, headers), request(nginx.origin, urlPath, headers)]);
        if (theirs.status !== ours.status) mismatches.push(`${urlPath}: status ${theirs.status}, gazette ${ours.status}`);
        for (const name of SAME_HEADERS) {
          if (theirs.headers[name] !== ours.headers[name]) {
            mismatches.push(`${urlPath}: ${name} ${JSON.stringify(theirs.headers[name])}, gazette ${JSON.stringify(ours.headers[name])}`);
          }
        }
        const feed = isFeed(urlPath);
        // Feeds: the precompressed files of the build are sent as they are, so even compressed bytes match.
        // Pages: nginx compresses on the fly, so the decoded bytes must match.
        const expectedEncoding = acceptEncoding;
        if (theirs.headers['content-encoding'] !== expectedEncoding) {
          mismatches.push(`${urlPath}: content-encoding ${theirs.headers['content-encoding']}, expected ${expectedEncoding}`);
        }
        const same = feed ? theirs.body.equals(ours.body) : decode(theirs).equals(decode(ours));
        if (!same) mismatches.push(`${urlPath}: body differs (${theirs.body.length} bytes, gazette ${ours.body.length})`);
      }
      expect(mismatches).toEqual([]);
    });

    it('answers 304 to If-None-Match with its own ETag, and to If-Modified-Since its Last-Modified', async () => {
      const base: Record<string, string> = acceptEncoding ? { 'accept-encoding': acceptEncoding } : {};
      const mismatches: string[] = [];
      for (const urlPath of paths) {
        const first = await request(nginx.origin, urlPath, base);
        const etag = first.headers.etag;
        const lastModified = first.headers['last-modified'];
        if (!etag || !lastModified) {
          mismatches.push(`${urlPath}: no ETag or Last-Modified`);
          continue;
        }
        const older = new Date(Date.parse(lastModified) - 86_400_000).toUTCString();
        const cases: Array<[string, Record<string, string>, number]> = [
          ['If-None-Match: own ETag', { 'if-none-match': etag }, 304],
          ['If-None-Match: a list with its ETag', { 'if-none-match': `"nope", ${etag}` }, 304],
          ['If-Modified-Since: Last-Modified', { 'if-modified-since': lastModified }, 304],
          ['If-Modified-Since: a day earlier', { 'if-modified-since': older }, 200],
          // RFC 9110 §13.2.2: If-None-Match is evaluated first, If-Modified-Since then ignored.
          ['If-None-Match: other, If-Modified-Since: Last-Modified', { 'if-none-match': '"nope"', 'if-modified-since': lastModified }, 200],
        ];
        for (const [name, conditional, status] of cases) {
          const answer = await request(nginx.origin, urlPath, { ...base, ...conditional });
          if (answer.status !== status) mismatches.push(`${urlPath} ${name}: ${answer.status}, expected ${status}`);
          if (status === 304) {
            for (const header of ['cache-control', 'vary']) {
              if (answer.headers[header] !== first.headers[header]) mismatches.push(`${urlPath} ${name}: 304 without ${header}`);
            }
            // nginx weakens the ETag of what it compresses on the fly (pages) but its 304 names the strong form:
            // the same validator under weak comparison (RFC 9110 §8.8.3.2), which is what If-None-Match uses.
            if (weak(answer.headers.etag) !== weak(etag)) mismatches.push(`${urlPath} ${name}: 304 ETag ${answer.headers.etag}, 200 had ${etag}`);
            if (answer.body.length > 0) mismatches.push(`${urlPath} ${name}: 304 with a body`);
          }
        }
      }
      expect(mismatches).toEqual([]);
    });
  });

  it('gives each precompressed feed coding its own strong ETag', async () => {
    const etags = await Promise.all(CODINGS.map(async (h) => (await request(nginx.origin, '/feed.xml', h)).headers.etag));
    expect(new Set(etags).size).toBe(3);
    expect(etags.every((etag) => etag?.startsWith('"'))).toBe(true);
  });

  // The ledger the build wrote gives both the same times (a new site's articles were first published by that build).
  it('sends the Last-Modified of gazette serve when the build sets each file’s mtime to it', async () => {
    const mismatches: string[] = [];
    for (const urlPath of paths) {
      for (const h of CODINGS) {
        const [ours, theirs] = await Promise.all([request(gazette.origin, urlPath, h), request(nginx.origin, urlPath, h)]);
        if (theirs.headers['last-modified'] !== ours.headers['last-modified']) {
          mismatches.push(`${urlPath} ${JSON.stringify(h)}: ${theirs.headers['last-modified']}, gazette ${ours.headers['last-modified']}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('redirects an article path without its slash to the same place as gazette serve', async () => {
    const page = paths.find((p) => p.startsWith('/articles/'))!;
    const bare = page.slice(0, -1);
    const [ours, theirs] = await Promise.all([request(gazette.origin, bare), request(nginx.origin, bare)]);
    expect([theirs.status, ours.status]).toEqual([301, 301]);
    const resolve = (location: string | undefined) => new URL(location ?? '', `http://x${bare}`).pathname;
    expect(resolve(theirs.headers.location)).toBe(resolve(ours.headers.location));
  });

  it('follows the redirects.map of the output with a 301', async () => {
    const answer = await request(nginx.origin, redirect.from);
    expect([answer.status, answer.headers.location]).toEqual([301, redirect.to]);
  });

  it.each(['/nope.xml', '/articles/absent/', '/categories/absent/feed.xml', '/.gazette-output.json', '/redirects.map', '/_redirects'])(
    'answers 404 to %s, as gazette serve does',
    async (urlPath) => {
      const [ours, theirs] = await Promise.all([request(gazette.origin, urlPath), request(nginx.origin, urlPath)]);
      expect([theirs.status, ours.status]).toEqual([404, 404]);
    },
  );

  it.each(['/articles/absent/', '/nulle-part', '/archives/1999/01/'])(
    'answers the unknown page %s with the French 404 page of gazette serve',
    async (urlPath) => {
      const [ours, theirs] = await Promise.all([
        request(gazette.origin, urlPath, { 'accept-encoding': 'gzip' }),
        request(nginx.origin, urlPath, { 'accept-encoding': 'gzip' }),
      ]);
      expect({ status: [theirs.status, ours.status], type: theirs.headers['content-type'], same: decode(theirs).equals(decode(ours)) }).toEqual({
        status: [404, 404],
        type: 'text/html; charset=utf-8',
        same: true,
      });
      expect(decode(theirs).toString()).toContain('<h1>Page introuvable</h1>');
    },
  );

  it('refuses other methods with 405', async () => {
    const answer = await request(nginx.origin, '/feed.xml', {}, 'POST');
    expect(answer.status).toBe(405);
  });
});

describe.skipIf(!hasNginx())('nginx-proxy.conf caching in front of two gazette serve processes', () => {
  let corpus: Corpus;
  let prefix: string;
  let upstreams: ServeProcess[];
  let nginx: NginxProcess;

  beforeAll(async () => {
    corpus = await writeCorpus({ size: 30, seed: 11 });
    prefix = await mkdtemp(path.join(tmpdir(), 'gazette-nginx-proxy-'));
    // A one-second max-age lets the test see the proxy revalidate a stale entry.
    const config = (await readFile(corpus.configFile, 'utf8')).replace('public, max-age=300', 'public, max-age=1');
    await writeFile(corpus.configFile, config);
    upstreams = await Promise.all([0, 1].map(() => startServe({ config: corpus.configFile, quiet: false })));
    const port = await freePort();
    const ports = upstreams.map((u) => Number(new URL(u.origin).port));
    nginx = await startNginx(prefix, await proxyConf(ports, port, path.join(prefix, 'cache')), port);
  });

  afterAll(async () => {
    await Promise.all([...(upstreams ?? []).map((u) => u.stop()), nginx?.stop()]);
    await Promise.all([corpus && rm(corpus.root, { recursive: true, force: true }), prefix && rm(prefix, { recursive: true, force: true })]);
  });

  it.each([
    ['/feed.xml', 'br'],
    ['/feed.xml', 'gzip'],
    ['/feed.xml', undefined],
    ['/categories/sport/atom.xml', 'gzip'],
    ['/feed.json', 'br'],
    ['/', 'gzip'],
  ])('passes %s (%s) through with the upstream’s bytes and ETag, then answers it from cache', async (urlPath, coding) => {
    const headers: Record<string, string> = coding ? { 'accept-encoding': coding } : {};
    const direct = await request(upstreams[0]!.origin, urlPath, headers);
    const first = await request(nginx.origin, urlPath, headers);
    const second = await request(nginx.origin, urlPath, headers);
    for (const answer of [first, second]) {
      expect(answer.status).toBe(200);
      for (const name of [...SAME_HEADERS, 'etag', 'last-modified', 'content-encoding']) expect(answer.headers[name], name).toBe(direct.headers[name]);
      expect(answer.body.equals(direct.body)).toBe(true);
    }
    expect(second.headers['x-cache-status']).toBe('HIT');
  });

  it('answers a client’s If-None-Match with the upstream’s ETag with 304 from cache', async () => {
    const first = await request(nginx.origin, '/atom.xml', { 'accept-encoding': 'gzip' });
    const answer = await request(nginx.origin, '/atom.xml', { 'accept-encoding': 'gzip', 'if-none-match': first.headers.etag! });
    expect([answer.status, answer.headers.etag, answer.body.length]).toEqual([304, first.headers.etag, 0]);
  });

  it('keeps one cache entry per coding, whatever else the client sends', async () => {
    await request(nginx.origin, '/categories/culture/feed.xml', { 'accept-encoding': 'gzip, deflate' });
    const again = await request(nginx.origin, '/categories/culture/feed.xml', { 'accept-encoding': 'deflate, gzip;q=0.8' });
    expect([again.headers['x-cache-status'], again.headers['content-encoding']]).toEqual(['HIT', 'gzip']);
  });

  it('revalidates a stale entry with the upstream by ETag (an upstream 304, not a new body)', async () => {
    const urlPath = '/categories/politique/feed.json';
    const first = await request(nginx.origin, urlPath, { 'accept-encoding': 'br' });
    await new Promise((resolve) => setTimeout(resolve, 2100)); // past max-age=1 (nginx counts whole seconds)
    const logged = () => upstreams.map((u) => u.output()).join('');
    const before = count(logged(), `GET ${urlPath} 304 `);
    let answer = await request(nginx.origin, urlPath, { 'accept-encoding': 'br' });
    // Stale-while-updating: the stale copy may be answered while a background request revalidates it.
    for (let tries = 0; tries < 50 && count(logged(), `GET ${urlPath} 304 `) === before; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(count(logged(), `GET ${urlPath} 304 `)).toBe(before + 1);
    expect(['REVALIDATED', 'STALE', 'UPDATING']).toContain(answer.headers['x-cache-status']);
    answer = await request(nginx.origin, urlPath, { 'accept-encoding': 'br' });
    expect([answer.status, answer.headers.etag, answer.body.equals(first.body)]).toEqual([200, first.headers.etag, true]);
  });

  it('serves from the other process when one stops, and stale copies when both are gone', async () => {
    const cached = await request(nginx.origin, '/categories/sante/atom.xml', { 'accept-encoding': 'gzip' });
    expect(cached.status).toBe(200);
    await upstreams[0]!.stop();
    const fresh = await Promise.all(['/categories/sport/feed.xml', '/categories/regions/feed.json'].map((p) => request(nginx.origin, p)));
    expect(fresh.map((a) => a.status)).toEqual([200, 200]);
    await upstreams[1]!.stop();
    await new Promise((resolve) => setTimeout(resolve, 2100)); // past max-age=1 (nginx counts whole seconds)
    const stale = await request(nginx.origin, '/categories/sante/atom.xml', { 'accept-encoding': 'gzip' });
    expect([stale.status, stale.headers['x-cache-status'], stale.body.equals(cached.body)]).toEqual([200, 'STALE', true]);
  });
});

// --- internal ---

interface Answer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  /** Bytes as sent, not decoded. */
  readonly body: Buffer;
}

function request(origin: string, urlPath: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${origin}${urlPath}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function decode(answer: Answer): Buffer {
  const coding = answer.headers['content-encoding'];
  if (coding === 'gzip') return gunzipSync(answer.body);
  if (coding === 'br') return brotliDecompressSync(answer.body);
  return answer.body;
}

function isFeed(urlPath: string): boolean {
  return path.posix.basename(urlPath) in FEED_TYPES;
}

function weak(etag: string | undefined): string | undefined {
  return etag?.replace(/^W\//, '');
}

function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

/** URL paths of the documents in a build output: `index.html` → its folder; no `.gz`/`.br`, no dotfiles. */
async function servedPaths(outDir: string): Promise<string[]> {
  const files = (await readdir(outDir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(outDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !/\.(gz|br)$/.test(file) && !file.split('/').some((s) => s.startsWith('.')))
    .filter((file) => file.endsWith('.html') || path.posix.basename(file) in FEED_TYPES || REACH_FILES.test(file));
  return files.map((file) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`).sort();
}

/**
 * The life-cycle work writes `redirects.map`, `_redirects` and a `.gazette-output.json` manifest into the output;
 * where this build did not, write them, so the test proves the first is followed and the others never served.
 */
async function ensureRedirectFiles(outDir: string): Promise<{ from: string; to: string }> {
  const map = path.join(outDir, 'redirects.map');
  if (!existsSync(map)) await writeFile(map, '/ancien/chemin/ /feed.xml;\n');
  for (const name of ['_redirects', '.gazette-output.json']) {
    if (!existsSync(path.join(outDir, name))) await writeFile(path.join(outDir, name), name === '_redirects' ? '/ancien/chemin/ /feed.xml 301\n' : '{}\n');
  }
  const first = /^\s*(\S+)\s+(\S+);/m.exec(await readFile(map, 'utf8'));
  if (!first) throw new Error(`${map}: no redirect line`);
  return { from: first[1]!, to: first[2]! };
}
