// Every published article page is reachable from `/` by following links: in the static output of `gazette build`
// and on a live `gazette serve`, over a generated archive larger than any listing page.
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLES_PATH, NOT_FOUND_PATH } from '../../src/_lib/site-paths.ts';
import type { ResolvedConfig } from '../../src/config/config-schema.ts';
import { toFilePath } from '../../src/publish/write-static.ts';
import { startServer } from '../../src/serve-site.ts';
import { buildStaticSite } from '../../src/site/static-build.ts';
import { makeConfig } from '../helpers/factories.ts';
import { writeRecord } from '../helpers/record-files.ts';

/**
 * 320 articles over three years: a quarter without a category, the others in Société. The front page and the
 * Société page list 100 each: without the archive, over a hundred articles would be linked from nowhere.
 */
const SIZE = 320;

let root: string;
let config: ResolvedConfig;
let articlePaths: string[];
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'gazette-crawl-'));
  const itemsDir = path.join(root, 'items');
  await mkdir(itemsDir);
  await Promise.all(Array.from({ length: SIZE }, (_, i) => writeRecord(path.join(itemsDir, `article-${i}.md`), record(i))));
  config = makeConfig({ itemsDir, outDir: path.join(root, 'dist') });
  const result = await buildStaticSite(config, { cacheDir: false, ledger: 'off' });
  if (result.articleCount !== SIZE) throw new Error(`expected ${SIZE} published articles, got ${result.articleCount}`);
  const folders = await readdir(path.join(config.outDir, 'articles'));
  articlePaths = folders.map((slug) => `${ARTICLES_PATH}${slug}/`).sort();
});
afterAll(() => root && rm(root, { recursive: true, force: true }));

/** Record `i`: dated every 3 days 10 hours from January 2022 (Paris wall time), in Société unless `i` is a multiple of 4. */
function record(i: number): string {
  const date = new Date(Date.UTC(2022, 0, 1, 9) + i * 82 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
  const categories = i % 4 === 0 ? '' : 'categories: [Société]\n';
  return `---\ntitle: "Article n° ${i} : la rédaction enquête"\ndate: ${date}\n${categories}---\n\nLe corps de l’article ${i}.\n`;
}

describe('the static output of gazette build', () => {
  const readPage = async (urlPath: string) => readFile(path.join(config.outDir, toFilePath(urlPath)), 'utf8').catch(() => undefined);

  it('has an article page for every record', () => {
    expect(articlePaths).toHaveLength(SIZE);
  });

  it('links from the front page and the category page to fewer articles than it has: the crawl below needs the archive', async () => {
    const listed = new Set<string>();
    for (const page of ['/', '/categories/societe/']) {
      for (const link of linksOf((await readPage(page)) ?? '', page)) if (link.startsWith(ARTICLES_PATH)) listed.add(link);
    }
    expect(listed.size).toBeLessThan(SIZE - 100);
  });

  it('reaches every article page from / by following links', async () => {
    const { reached, broken } = await crawl(readPage);
    expect({ unreached: articlePaths.filter((p) => !reached.has(p)), broken }).toEqual({ unreached: [], broken: [] });
  });

  it('writes the French 404 page', async () => {
    expect(/<h1>([^<]*)<\/h1>/.exec((await readPage(NOT_FOUND_PATH)) ?? '')?.[1]).toBe('Page introuvable');
  });
});

describe('a live gazette serve', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let origin: string;
  beforeAll(async () => {
    // Built in this thread: what crosses a build worker is proven by live-site.test.ts and serve.test.ts; the links
    // of the pages are the same either way, and a worker would load the sources again.
    server = await startServer({ config, port: 0, watch: false, worker: false, ledger: 'off' });
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const fetchPage = async (urlPath: string) => {
    const answer = await get(origin, urlPath);
    return answer.status === 200 && String(answer.headers['content-type']).startsWith('text/html') ? answer.body : undefined;
  };

  it('reaches every article page from / by following links', async () => {
    const { reached, broken } = await crawl(fetchPage);
    expect({ unreached: articlePaths.filter((p) => !reached.has(p)), broken }).toEqual({ unreached: [], broken: [] });
  });

  it.each([['/nulle-part/'], ['/articles/disparu/'], ['/archives/1999/01/']])('answers %s with status 404 and the French 404 page', async (urlPath) => {
    const answer = await get(origin, urlPath);
    expect([answer.status, /<h1>([^<]*)<\/h1>/.exec(answer.body)?.[1]]).toEqual([404, 'Page introuvable']);
  });

  it.each([['/nulle-part.xml'], ['/categories/disparue/feed.json']])('answers %s with the short plain-text 404', async (urlPath) => {
    const answer = await get(origin, urlPath);
    expect([answer.status, answer.headers['content-type'], answer.body]).toEqual([404, 'text/plain; charset=utf-8', 'Not Found\n']);
  });
});

// --- internal ---

/**
 * Follows every `href` of every page from `/` (breadth first), the site's own pages only (root-relative paths that
 * end in `/` or `.html`: feeds and images are not pages). `broken` lists the pages linked to that did not load.
 */
async function crawl(load: (urlPath: string) => Promise<string | undefined>): Promise<{ reached: Set<string>; broken: string[] }> {
  const reached = new Set<string>(['/']);
  const broken: string[] = [];
  let frontier = ['/'];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const urlPath of frontier) {
      const html = await load(urlPath);
      if (html === undefined) {
        broken.push(urlPath);
        continue;
      }
      for (const link of linksOf(html, urlPath)) {
        if (reached.has(link) || !(link.endsWith('/') || link.endsWith('.html'))) continue;
        reached.add(link);
        next.push(link);
      }
    }
    frontier = next;
  }
  return { reached, broken };
}

/** The decoded paths of a page's links to its own site (the `href` of every `<a>`, resolved against the page). */
function linksOf(html: string, pagePath: string): string[] {
  const base = new URL(pagePath, 'http://site.invalid');
  const links: string[] = [];
  const visit = (node: { type?: string; name?: string; attribs?: Record<string, string>; children?: unknown[] }) => {
    const href = node.name === 'a' ? node.attribs?.href : undefined;
    if (href !== undefined) {
      const url = new URL(href, base);
      if (url.origin === base.origin) links.push(decodeURIComponent(url.pathname));
    }
    for (const child of node.children ?? []) visit(child as typeof node);
  };
  visit(parseDocument(html) as unknown as Parameters<typeof visit>[0]);
  return links;
}

function get(origin: string, urlPath: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${origin}${urlPath}`, { agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}
