// The sitemaps of a 300-article site, written by `gazette build` (static, streaming) and served by the live site,
// validated against the sitemaps.org and Google News XSDs with xmllint; and the front page's link to feeds.opml
// followed over HTTP.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStaticSite } from '../../src/site/static-build.ts';
import { makeConfig } from '../helpers/factories.ts';
import { request, startSite, type TestSite } from '../http/_lib/site-server.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** The XSDs (CI: `../shared/schemas/sitemaps` beside the checkout; a worktree sits one folder deeper). */
const SCHEMAS = [path.join(ROOT, '..'), path.join(ROOT, '../..')]
  .map((dir) => path.join(dir, 'shared/schemas/sitemaps'))
  .find((dir) => existsSync(path.join(dir, 'news-sitemap.xsd')));
const XMLLINT = ['/usr/bin/xmllint', '/usr/local/bin/xmllint'].find((file) => existsSync(file));
const RUNNABLE = SCHEMAS !== undefined && XMLLINT !== undefined;
if (!RUNNABLE && !process.env.CI)
  console.warn('reach-schemas.test.ts: XSD checks skipped: needs ../shared/schemas/sitemaps and xmllint (apt-get install libxml2-utils)');

const ARTICLES = 300;
/** One article every 15 minutes back from now: the newest 191 are within the news sitemap's 48 hours. */
const STEP_MS = 15 * 60 * 1000;
const NOW = Math.floor(Date.now() / 60_000) * 60_000;
const IN_WINDOW = Math.ceil((48 * 60 * 60 * 1000) / STEP_MS) - 1;

async function writeArticles(itemsDir: string): Promise<void> {
  for (let i = 0; i < ARTICLES; i++) {
    const date = new Date(NOW - (i + 1) * STEP_MS).toISOString();
    const genres = i % 3 === 0 ? 'genres: [Blog, Opinion]\n' : '';
    const text = `---\ntitle: "Dépêche n° ${i} : l’État & « les régions »"\ndate: ${date}\ncategories: [${i % 2 ? 'Société' : 'Économie'}]\n${genres}---\n\nCorps ${i}.\n`;
    await writeFile(path.join(itemsDir, `depeche-${String(i).padStart(3, '0')}.md`), text);
  }
}

async function validate(schema: string, text: string, dir: string, name: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, text);
  if (!RUNNABLE) throw new Error('xmllint or the schemas are missing');
  try {
    const { stderr } = await promisify(execFile)(XMLLINT as string, ['--noout', '--schema', path.join(SCHEMAS as string, schema), file]);
    return stderr.trim();
  } catch (error) {
    return String((error as { stderr?: string }).stderr ?? error);
  }
}

const config = makeConfig({ siteUrl: 'https://example.org/actu' });
const urlCount = (text: string) => text.split('<url>').length - 1;

describe('the sitemaps of a 300-article site', () => {
  let work: string;
  let static_: Record<'sitemap' | 'news' | 'robots' | 'opml', string>;
  let live: TestSite;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'gazette-reach-'));
    live = await startSite({ config, watch: false, prepare: writeArticles });
    const outDir = path.join(work, 'dist');
    await buildStaticSite(config, { outDir, itemsDir: live.itemsDir, ledger: 'off', cacheDir: false, now: () => NOW });
    const read = (name: string) => readFile(path.join(outDir, name), 'utf8');
    static_ = { sitemap: await read('sitemap.xml'), news: await read('sitemap-news.xml'), robots: await read('robots.txt'), opml: await read('feeds.opml') };
  }, 120_000);
  afterAll(async () => {
    await live?.close();
    await rm(work, { recursive: true, force: true });
  });
  const served = async (name: string) => {
    const res = await request(live.port, `/${name}`);
    return { status: res.status, type: res.headers['content-type'], text: res.body.toString('utf8') };
  };

  it.skipIf(!RUNNABLE)('writes a sitemap.xml that validates against sitemap.xsd', async () => {
    expect(await validate('sitemap.xsd', static_.sitemap, work, 'static-sitemap.xml')).toMatch(/validates$/);
  });

  it.skipIf(!RUNNABLE)('writes a sitemap-news.xml that validates against the news sitemap XSDs', async () => {
    expect(await validate('news-sitemap.xsd', static_.news, work, 'static-news.xml')).toMatch(/validates$/);
  });

  it.skipIf(!RUNNABLE)('serves a sitemap.xml and a sitemap-news.xml that validate, as application/xml', async () => {
    const sitemap = await served('sitemap.xml');
    const news = await served('sitemap-news.xml');
    expect([sitemap.status, sitemap.type, news.status, news.type]).toEqual([200, 'application/xml; charset=utf-8', 200, 'application/xml; charset=utf-8']);
    expect(await validate('sitemap.xsd', sitemap.text, work, 'live-sitemap.xml')).toMatch(/validates$/);
    expect(await validate('news-sitemap.xsd', news.text, work, 'live-news.xml')).toMatch(/validates$/);
  });

  it('lists the front page, both category pages and every article page, the same live and static', async () => {
    // The fixture items add their own articles and categories: at least ours, and the same list on both paths.
    const live_ = (await served('sitemap.xml')).text;
    expect([urlCount(static_.sitemap) >= ARTICLES + 3, static_.sitemap.includes('<loc>https://example.org/actu/</loc>'), live_]).toEqual([
      true,
      true,
      static_.sitemap,
    ]);
  });

  it('lists in the news sitemap the articles of the last 48 hours only, newest first, the same live and static', async () => {
    const titles = [...static_.news.matchAll(/<news:title>Dépêche n° (\d+) /g)].map((m) => Number(m[1]));
    expect(titles).toEqual(Array.from({ length: IN_WINDOW }, (_, i) => i));
    expect((await served('sitemap-news.xml')).text).toBe(static_.news);
  });

  it('writes robots.txt naming both sitemaps by their absolute URLs', () => {
    expect(static_.robots).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://example.org/actu/sitemap.xml\nSitemap: https://example.org/actu/sitemap-news.xml\n',
    );
  });

  it('links feeds.opml from the front page, and the link answers the OPML list of every feed as text/x-opml', async () => {
    const home = (await request(live.port, '/')).body.toString('utf8');
    const href = /<a href="([^"]+)" type="text\/x-opml">/.exec(home)?.[1];
    // The router is mounted at the root: the root-relative link's mount path is the site's, not the server's.
    const res = await request(live.port, (href ?? '').replace(/^\/actu/, ''));
    const xmlUrls = [...res.body.toString('utf8').matchAll(/xmlUrl="([^"]+)"/g)].map((m) => m[1]);
    expect([href, res.status, res.headers['content-type']]).toEqual(['/actu/feeds.opml', 200, 'text/x-opml; charset=utf-8']);
    expect(xmlUrls.slice(0, 1)).toEqual(['https://example.org/actu/feed.xml']);
    expect(xmlUrls).toContain('https://example.org/actu/categories/societe/feed.xml');
    expect(res.body.toString('utf8')).toBe(static_.opml);
  });
});
