// The author feeds and pages on the live site: served in the three formats and as a page, linked from the article
// pages, and rebuilt when (and only when) one of the author's articles is edited.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeConfig } from '../helpers/factories.ts';
import { writeRecord } from '../helpers/record-files.ts';
import { request, startSite, type RawResponse, type TestSite } from './_lib/site-server.ts';

// The fixture items: Léa Martin signs the rentrée article, Marc Petit the rugby one.
const LEA = '/authors/lea-martin';
const MARC = '/authors/marc-petit';

let site: TestSite;
beforeAll(async () => {
  site = await startSite({ config: makeConfig(), watch: false, worker: false });
});
afterAll(() => site.close());

const get = (p: string, headers: Record<string, string> = {}) => request(site.port, p, { headers });

describe('the author documents of a live site', () => {
  it.each([
    ['feed.xml', 'application/rss+xml; charset=utf-8'],
    ['atom.xml', 'application/atom+xml; charset=utf-8'],
    ['feed.json', 'application/feed+json; charset=utf-8'],
    ['', 'text/html; charset=utf-8'],
  ])('serves %s of an author with %s', async (file, type) => {
    const res = await get(`${LEA}/${file}`);
    expect([res.status, res.headers['content-type']]).toEqual([200, type]);
  });

  it('serves in an author’s RSS feed their article only', async () => {
    const feed = await new Parser().parseString((await get(`${LEA}/feed.xml`)).body.toString());
    expect([feed.title, feed.items.map((i) => i.title)]).toEqual([
      'Gazette de test — Léa Martin',
      ['Rentrée universitaire : les étudiants face à la hausse des loyers'],
    ]);
  });

  it('links the author’s name on the article page to their page', async () => {
    const html = (await get('/articles/rentree-universitaire-loyers/')).body.toString();
    expect(html).toContain('<a href="/authors/lea-martin/" rel="author">Léa Martin</a>');
  });

  it('answers 404 for an author no record names', async () => {
    expect((await get('/authors/personne/feed.xml')).status).toBe(404);
  });
});

// The steps build on each other (an edit, then what it changed), so they run in order.
describe('when an article of one author is edited', { shuffle: false }, () => {
  const paths = [LEA, MARC].flatMap((author) => ['feed.xml', 'atom.xml', 'feed.json', ''].map((file) => `${author}/${file}`));
  let before: Map<string, RawResponse>;
  let after: Map<string, RawResponse>;
  beforeAll(async () => {
    before = new Map(await Promise.all(paths.map(async (p) => [p, await get(p)] as const)));
    const file = path.join(site.itemsDir, 'rentree-universitaire.md');
    const text = await readFile(file, 'utf8');
    await writeRecord(file, text.replace('title: "Rentrée universitaire :', 'title: "Rentrée universitaire 2024 :'));
    await site.feeds.site.rebuild({ files: new Set([file]) });
    after = new Map(await Promise.all(paths.map(async (p) => [p, await get(p)] as const)));
  });

  it('serves that author’s feeds and page changed, each with a new ETag', () => {
    const changed = paths
      .filter((p) => p.startsWith(LEA))
      .map((p) => [p, after.get(p)?.headers.etag !== before.get(p)?.headers.etag, after.get(p)?.body.toString().includes('Rentrée universitaire 2024')]);
    expect(changed).toEqual(paths.filter((p) => p.startsWith(LEA)).map((p) => [p, true, true]));
  });

  it('serves the other author’s feeds and page unchanged, with the same ETag', () => {
    const same = paths
      .filter((p) => p.startsWith(MARC))
      .map((p) => [p, after.get(p)?.headers.etag === before.get(p)?.headers.etag, after.get(p)?.body.equals(before.get(p)!.body)]);
    expect(same).toEqual(paths.filter((p) => p.startsWith(MARC)).map((p) => [p, true, true]));
  });

  it('answers 304 to the ETag the other author’s feed had before', async () => {
    const res = await get(`${MARC}/atom.xml`, { 'if-none-match': before.get(`${MARC}/atom.xml`)!.headers.etag! });
    expect(res.status).toBe(304);
  });
});
