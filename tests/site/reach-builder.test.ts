// The sitemaps through the site builder, as the live site runs it: what an edit renders again, when the next
// rebuild is due, and a robots.txt of the site's own.
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSiteBuilder, type SiteBuild } from '../../src/site/site-builder.ts';
import { makeConfig } from '../helpers/factories.ts';

const HOUR = 3_600_000;
const NOW = Date.parse('2024-11-22T12:00:00Z');

let root: string;
let itemsDir: string;
let publicDir: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'gazette-reach-'));
  itemsDir = path.join(root, 'items');
  publicDir = path.join(root, 'public');
  await mkdir(itemsDir);
  await mkdir(publicDir);
});
afterEach(() => rm(root, { recursive: true, force: true }));

/**
 * A record published `hoursAgo` before NOW, its modification time an hour back: a file read just after a change is
 * read again at the next build (site-builder.ts, the "racy" rule), which would make a new article of an unchanged one.
 */
async function write(name: string, hoursAgo: number, extra = '', body = 'Corps.', title = name): Promise<string> {
  const file = path.join(itemsDir, `${name}.md`);
  await writeFile(file, `---\ntitle: ${title}\nslug: ${name}\ndate: ${new Date(NOW - hoursAgo * HOUR).toISOString()}\n${extra}---\n\n${body}\n`);
  const past = new Date(Date.now() - HOUR - Math.random() * 1000);
  await utimes(file, past, past);
  return file;
}

const builder = () => createSiteBuilder(makeConfig({ publicDir }), { itemsDir, displayDir: 'items', now: () => NOW, lint: false });
const same = (a: SiteBuild, b: SiteBuild, path: string) => a.documents.get(path) === b.documents.get(path);

describe('the sitemaps of a live site', () => {
  it.each([
    ['the body of an old article', 'ancien', 100, '', 'Autre corps.', 'ancien', { sitemap: true, news: true }],
    ['the title of a recent article', 'recent', 1, '', 'Corps.', 'Titre corrigé', { sitemap: true, news: false }],
    [
      'the updated date of an old article',
      'ancien',
      100,
      `updated: ${new Date(NOW - HOUR).toISOString()}\n`,
      'Corps.',
      'ancien',
      { sitemap: false, news: true },
    ],
  ])('renders again after an edit of %s only what it shows (kept: %s)', async (_label, name, hoursAgo, extra, body, title, kept) => {
    await write('ancien', 100);
    await write('recent', 1);
    const site = builder();
    const first = await site.build();
    const file = await write(name, hoursAgo, extra, body, title);
    const second = await site.build({ changed: [file] });
    expect({ sitemap: same(first, second, '/sitemap.xml'), news: same(first, second, '/sitemap-news.xml') }).toEqual(kept);
  });

  it('rebuilds when the oldest recent article leaves the news sitemap, if no scheduled article comes first', async () => {
    await write('recent', 30);
    await write('ancien', 100);
    const build = await builder().build();
    expect(build.nextDue?.toISOString()).toBe(new Date(NOW + 18 * HOUR).toISOString());
    await write('programme', -2); // scheduled two hours from now
    expect((await builder().build()).nextDue?.toISOString()).toBe(new Date(NOW + 2 * HOUR).toISOString());
  });
});

describe('a robots.txt of the site’s own', () => {
  it.each([
    ['names a sitemap', 'User-agent: *\nDisallow: /brouillons/\nSitemap: https://example.org/sitemap.xml\n', []],
    ['names no sitemap', 'User-agent: *\nDisallow:\n', ['robots-no-sitemap']],
  ])('replaces Gazette’s; a warning when it %s', async (_label, text, codes) => {
    await write('recent', 1);
    await writeFile(path.join(publicDir, 'robots.txt'), text);
    const build = await builder().build();
    expect([build.documents.has('/robots.txt'), build.documents.has('/sitemap.xml'), build.diagnostics.map((d) => d.code)]).toEqual([false, true, codes]);
  });

  it('is written by Gazette when public/ has none', async () => {
    await write('recent', 1);
    const build = await builder().build();
    expect(build.documents.get('/robots.txt')?.body).toContain('Sitemap: https://example.org/sitemap-news.xml\n');
  });
});
