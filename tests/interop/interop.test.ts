import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/serve-site.ts';
import { lintFeed } from '../../src/lint/lint-feed.ts';
import { ATOM_RNG, checkWithXmllint, fetchWithNewsboat, parseWithFeedparser, requireClient } from './clients.ts';
import { ITEMS, SITE, config } from './corpus.ts';

/** What every client must read back, written from the records by hand (newest first). */
const ARTICLES = [
  {
    id: '2024/depeche-cop29',
    title: 'COP29 : un accord a minima sur le financement climatique',
    slug: 'cop29-un-accord-a-minima-sur-le-financement-climatique',
    date: '2024-12-01T07:05:00Z',
    tags: ['International', 'Société'],
  },
  {
    id: '2024/depeche-angouleme',
    title: 'Festival : Angoulême dévoile l’affiche de sa 52e édition',
    slug: 'festival-angouleme-devoile-l-affiche-de-sa-52e-edition',
    date: '2024-11-24T23:00:00Z',
    tags: ['Culture', 'Société'],
  },
  {
    id: '2024/inflation-novembre',
    title: 'Inflation : les prix reculent de 0,3\u00a0% en novembre',
    slug: 'inflation-les-prix-reculent-de-0-3-en-novembre',
    date: '2024-11-22T13:30:00Z',
    tags: ['Économie'],
    author: 'Jeanne Martin',
  },
  {
    id: '000_d101a6bb032ffd19',
    title: 'Maroc : le DG de la sécurité intérieure en France en visite de travail',
    slug: 'maroc-le-dg-de-la-securite-interieure-en-france-en-visite-de-travail',
    date: '2024-11-21T23:00:00Z',
    tags: ['International', 'National', 'Société'],
  },
  {
    id: '2024/budget-assemblee',
    title: 'Budget : l’Assemblée adopte la « partie recettes » après 49.3',
    slug: 'budget-l-assemblee-adopte-la-partie-recettes-apres-49-3',
    date: '2024-11-20T17:30:00Z',
    tags: ['National', 'Politique'],
    author: 'Camille Laurent',
  },
  {
    id: '2024/sciences-techniques',
    title: 'Énergie : EDF & Engie < objectifs, selon la Cour des comptes',
    slug: 'energie-edf-engie-objectifs-selon-la-cour-des-comptes',
    date: '2024-11-17T23:00:00Z',
    tags: ['Sciences & techniques', 'Économie'],
    coAuthors: ['Lucas Petit', 'Amélie Roux'],
  },
  {
    id: '2024/rugby-xv-de-france',
    title: 'Rugby : le XV de France s’impose 30-29 face aux All Blacks',
    slug: 'rugby-le-xv-de-france-s-impose-30-29-face-aux-all-blacks',
    date: '2024-11-16T20:10:00Z',
    tags: ['Sports'],
    author: 'Paul Girard',
  },
].map((a) => ({ ...a, link: `${SITE}/articles/${a.slug}/`, guid: `tag:example.org,2024-01-01:${a.id}` }));
const SOCIETE = ARTICLES.filter((a) => a.tags.includes('Société'));
const CATEGORY_SLUGS = Object.keys(config.categories);
const XML_FEEDS = ['', ...CATEGORY_SLUGS.map((s) => `/categories/${s}`)].flatMap((p) => [`${p}/feed.xml`, `${p}/atom.xml`]);

let server: Server & { feeds: { close(): Promise<void> } };
let base: string;

beforeAll(async () => {
  server = await startServer({ config, port: 0, host: '127.0.0.1', itemsDir: ITEMS, watch: false, ledger: 'read' }); // never write a ledger into the fixtures
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const fetchText = async (p: string) => {
  const res = await fetch(`${base}${p}`);
  expect(res.status, `GET ${p}`).toBe(200);
  return res.text();
};

describe('Universal Feed Parser (python3-feedparser)', () => {
  beforeAll(() => requireClient('feedparser'));

  describe.each([
    ['RSS', '/feed.xml', ARTICLES],
    ['Atom', '/atom.xml', ARTICLES],
    ['category RSS', '/categories/societe/feed.xml', SOCIETE],
    ['category Atom', '/categories/societe/atom.xml', SOCIETE],
  ])('when it reads the %s feed', (_label, feedPath, expected) => {
    it('parses it without a bozo error', async () => {
      const feed = await parseWithFeedparser(`${base}${feedPath}`);
      expect([feed.bozo, feed.bozo_exception]).toEqual([0, null]);
    });
    it('reads every title, link, id, date and category', async () => {
      const feed = await parseWithFeedparser(`${base}${feedPath}`);
      expect(feed.entries.map((e) => ({ title: e.title, link: e.link, guid: e.id, date: e.published_parsed, tags: e.tags }))).toEqual(
        expected.map((a) => ({ title: a.title, link: a.link, guid: a.guid, date: a.date, tags: a.tags })),
      );
    });
    // feedparser's `author` holds one name: of co-authors, the first in RSS and the last in Atom.
    it('reads the author names, the site author for an entry without its own', async () => {
      const feed = await parseWithFeedparser(`${base}${feedPath}`);
      const read = expected.map((a) => {
        const author = feed.entries.find((e) => e.id === a.guid)?.author;
        return a.coAuthors?.includes(author ?? '') ? 'a co-author' : author;
      });
      expect(read).toEqual(expected.map((a) => (a.coAuthors ? 'a co-author' : (a.author ?? config.author.name))));
    });
  });

  describe('when the body holds "]]>", "&" and "<"', () => {
    it.each(['/feed.xml', '/atom.xml'])('keeps the text whole in %s', async (feedPath) => {
      const feed = await parseWithFeedparser(`${base}${feedPath}`);
      const content = feed.entries.find((e) => e.id === ARTICLES[4]!.guid)?.content ?? '';
      expect(content).toContain(']]&gt; puis encore ]]&gt;');
    });
  });

  describe('when the HTML body had a script and a relative link', () => {
    it.each(['/feed.xml', '/atom.xml'])('reads it sanitised with an absolute link in %s', async (feedPath) => {
      const feed = await parseWithFeedparser(`${base}${feedPath}`);
      const content = feed.entries.find((e) => e.id === ARTICLES[5]!.guid)?.content ?? '';
      expect([content.includes('<script'), content.includes('href="https://example.org/rapports/2024/energie/"')]).toEqual([false, true]);
    });
  });
});

describe('newsboat', () => {
  beforeAll(() => Promise.all([requireClient('newsboat'), requireClient('sqlite3')]));

  // newsboat keeps one row per guid across feeds, so each feed gets its own throw-away cache.
  it.each([
    ['RSS', '/feed.xml', ARTICLES],
    ['Atom', '/atom.xml', ARTICLES],
    ['category RSS', '/categories/societe/feed.xml', SOCIETE],
  ])('caches every item of the %s feed with its title, link and date', async (_label, feedPath, expected) => {
    const items = await fetchWithNewsboat([`${base}${feedPath}`]);
    const got = items
      .filter((i) => i.feedurl === `${base}${feedPath}`)
      .map((i) => ({ title: i.title, url: i.url, date: new Date(i.pubDate * 1000).toISOString().replace('.000', '') }))
      .sort((a, b) => b.date.localeCompare(a.date));
    expect(got).toEqual(expected.map((a) => ({ title: a.title, url: a.link, date: a.date })));
  });
});

describe('xmllint (libxml2-utils)', () => {
  beforeAll(() => requireClient('xmllint'));

  it.each(XML_FEEDS)('finds %s well-formed', async (feedPath) => {
    const result = await checkWithXmllint(await fetchText(feedPath));
    expect(result).toEqual({ ok: true, output: '' });
  });

  it.each(XML_FEEDS.filter((p) => p.endsWith('atom.xml')))('finds %s valid against the RFC 4287 RELAX NG schema', async (feedPath) => {
    const result = await checkWithXmllint(await fetchText(feedPath), ATOM_RNG);
    expect(result.ok, result.output).toBe(true);
  });
});

describe('the offline linter', () => {
  it.each([...XML_FEEDS, '/feed.json', '/categories/societe/feed.json'])('finds no error in %s', async (feedPath) => {
    const body = await fetchText(feedPath);
    const format = feedPath.endsWith('.json') ? 'json' : feedPath.endsWith('atom.xml') ? 'atom' : 'rss';
    const errors = lintFeed({ path: feedPath, body, format, now: new Date('2024-12-02T00:00:00Z') }).filter((d) => d.severity === 'error');
    expect(errors).toEqual([]);
  });
});
