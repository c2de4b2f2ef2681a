// Feed-level checks of the three renderers: links, language, dates, authors, hubs, determinism.
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseAtomFeed, parseRssFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { buildFeedSet } from '../../src/feed-set/build-feed-set.ts';
import { renderAtom } from '../../src/render/atom.ts';
import { renderJsonFeed } from '../../src/render/json-feed.ts';
import { renderRss } from '../../src/render/rss.ts';
import { lintFeed } from '../../src/lint/lint-feed.ts';
import { bundleScript } from '../helpers/bundle.ts';
import { makeArticle, makeConfig } from '../helpers/factories.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { findXmlError } from '../helpers/parsers.ts';
import { makeHostileCorpus } from './hostile-corpus.ts';

// The two same-date articles of the corpus are the newest: 2024-11-22 00:00 in Paris.
const NEWEST_UPDATE = new Date('2024-11-22T00:00:00+01:00');
const withHub = () => makeConfig({ hub: 'https://hub.example.org/', language: 'fr-FR' });
const mainOf = (config = withHub()) => buildFeedSet(makeHostileCorpus(), config).main;
const categoryOf = (config = withHub()) => buildFeedSet(makeHostileCorpus(), config).categories.find((f) => f.category?.slug === 'societe')!;
const rss = (feed = mainOf(), config = withHub()) => parseRssFeed(renderRss(feed, config)) as Record<string, any>;
const atom = (feed = mainOf(), config = withHub()) => parseAtomFeed(renderAtom(feed, config)) as Record<string, any>;
const json = (feed = mainOf(), config = withHub()) => JSON.parse(renderJsonFeed(feed, config)) as Record<string, any>;

// Several hubs (W3C WebSub §4) and RSS <ttl>: every format names every hub, and the linter finds nothing to say.
describe('with two hubs', () => {
  const HUBS = ['https://hub.example.org/', 'https://websub.example.net/'];
  const config = makeConfig({ hub: HUBS, cacheControl: 'public, max-age=600' });
  // Plain articles: the hostile corpus draws warnings of its own (markup-like text, equal dates).
  const feed = buildFeedSet([makeArticle({}, 1), makeArticle({}, 2)], config).main;
  const documents = { rss: renderRss(feed, config), atom: renderAtom(feed, config), json: renderJsonFeed(feed, config) };

  it.each([
    ['RSS', () => rss(feed, config).atom.links],
    ['Atom', () => atom(feed, config).links],
  ])('lists every hub in %s, in order', (_, links) => {
    expect((links() as { rel?: string; href: string }[]).filter((l) => l.rel === 'hub').map((l) => l.href)).toEqual(HUBS);
  });

  it('lists every hub in JSON Feed', () => {
    expect(json(feed, config).hubs).toEqual(HUBS.map((url) => ({ type: 'WebSub', url })));
  });

  it('gives RSS a ttl of the max-age in minutes', () => {
    expect(rss(feed, config).ttl).toBe(10);
  });

  it.each(Object.entries(documents))('lints %s without a finding', (format, body) => {
    expect(lintFeed({ path: `/feed.${format}`, body, format: format as 'rss' | 'atom' | 'json', now: new Date('2024-12-02T00:00:00Z') })).toEqual([]);
  });
});

describe('renderRss', () => {
  it('links to itself with atom:link rel="self" type="application/rss+xml"', () => {
    expect(rss().atom.links).toContainEqual({ href: 'https://example.org/feed.xml', rel: 'self', type: 'application/rss+xml' });
  });

  it('links a category feed to its own URL', () => {
    expect(rss(categoryOf()).atom.links[0].href).toBe('https://example.org/categories/societe/feed.xml');
  });

  it('declares the configured language', () => {
    expect(rss(mainOf(), makeConfig({ language: 'fr-CA' })).language).toBe('fr-CA');
  });

  it('is last built at the newest article update, in RFC 822 GMT', () => {
    expect(rss().lastBuildDate).toBe(NEWEST_UPDATE.toUTCString());
  });

  it('writes the copyright and a fixed generator', () => {
    const { copyright, generator } = rss();
    expect({ copyright, generator }).toEqual({ copyright: '© Gazette de test', generator: 'Gazette' });
  });

  it('advertises the hub when one is configured', () => {
    expect(rss().atom.links).toContainEqual({ href: 'https://hub.example.org/', rel: 'hub' });
  });

  it('advertises no hub otherwise', () => {
    expect(renderRss(mainOf(makeConfig()), makeConfig())).not.toContain('rel="hub"');
  });

  it('puts description before content:encoded in every item', () => {
    const items = renderRss(mainOf(), withHub()).split('<item>').slice(1);
    // Both must be there (an indexOf of -1 would pass a bare comparison), the description first.
    const order = items.map((i) => [i.indexOf('<description>') >= 0, i.indexOf('<content:encoded>') > i.indexOf('<description>')]);
    expect([items.length > 0, order]).toEqual([true, items.map(() => [true, true])]);
  });

  it('writes pubDate with English names and GMT, never UTC', () => {
    const dates = [...renderRss(mainOf(), withHub()).matchAll(/<pubDate>([^<]*)<\/pubDate>/g)].map((m) => m[1]);
    expect(dates.length).toBeGreaterThan(0);
    expect(
      dates.every((d) => /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT$/.test(d!)),
    ).toBe(true);
  });

  // feedvalidator: DuplicateItemSemantics — an item with both <author> and dc:creator gets a warning.
  it('names authors in dc:creator only, never also in <author>, even when one has an e-mail address', () => {
    const xml = renderRss(mainOf(), withHub());
    expect(xml).not.toContain('<author>');
    expect(xml).toContain('<dc:creator>Jean-Noël d’Arc</dc:creator>');
  });

  // feedvalidator: NeedDescriptionBeforeContent — readers that ignore content:encoded need a description.
  it('gives an item with full text but no summary the full text as description, before content:encoded', () => {
    const feed = buildFeedSet([makeArticle({ summary: '', html: '<figure><img src="https://example.org/p.jpg" alt=""></figure>' })], withHub()).main;
    const [item] = renderRss(feed, withHub()).split('<item>').slice(1);
    expect(item).toMatch(/<description><!\[CDATA\[<figure><img src="https:\/\/example.org\/p.jpg" alt=""><\/figure>\]\]><\/description>\s*<content:encoded>/);
  });

  it('marks every guid as not a permalink', () => {
    const items = rss().items as any[];
    expect([items.length > 0, items.every((i) => i.guid.isPermaLink === false)]).toEqual([true, true]);
  });

  it('attaches the image as an enclosure with a type and the file’s length', () => {
    expect(renderRss(mainOf(), withHub())).toContain('<enclosure length="48213" type="image/jpeg" url="https://example.org/images/canicule.jpg"/>');
  });

  it('declares the dc namespace even when no item has full text', () => {
    const feed = buildFeedSet([makeArticle({ html: '' })], withHub()).main;
    expect(findXmlError(renderRss(feed, withHub()))).toBeUndefined();
    expect(renderRss(feed, withHub())).toContain('xmlns:dc=');
  });
});

describe('renderAtom', () => {
  it('sets xml:lang on the root', () => {
    expect(atom().xml.lang).toBe('fr-FR');
  });

  it.each([
    ['self', 'https://example.org/atom.xml'],
    ['alternate', 'https://example.org/'],
    ['hub', 'https://hub.example.org/'],
  ])('links rel="%s" to %s', (rel, href) => {
    expect(atom().links).toContainEqual({ rel, href });
  });

  it('has a stable feed id: its own Atom URL', () => {
    expect(atom(categoryOf()).id).toBe('https://example.org/categories/societe/atom.xml');
  });

  it('names the configured author at feed level', () => {
    expect(atom().authors).toEqual([{ name: 'Rédaction', email: 'redaction@example.org' }]);
  });

  it('is updated at the newest article update, in RFC 3339 with Z', () => {
    expect(atom().updated).toBe('2024-11-21T23:00:00.000Z');
  });

  it('gives content type="html", and title and summary type="text" (they are plain text)', () => {
    const [entry] = atom().entries;
    expect([entry.content.type, entry.title.type, entry.summary.type]).toEqual(['html', 'text', 'text']);
  });

  // RFC 2046 registers image/jpeg; `feed` would write the file extension, image/jpg.
  it('types a .jpg enclosure image/jpeg, never image/jpg', () => {
    expect(renderAtom(mainOf(), withHub())).toContain(
      '<link rel="enclosure" href="https://example.org/images/canicule.jpg" type="image/jpeg" length="48213"/>',
    );
  });

  it('writes no summary for an article without one (the html content is textual)', () => {
    const feed = buildFeedSet([makeArticle({ summary: '' })], withHub()).main;
    expect(renderAtom(feed, withHub())).not.toContain('<summary');
  });

  it('stays well-formed with no entries', () => {
    const empty = buildFeedSet([], withHub()).main;
    expect(findXmlError(renderAtom(empty, withHub()))).toBeUndefined();
  });
});

describe('renderJsonFeed', () => {
  it.each([
    ['version', 'https://jsonfeed.org/version/1.1'],
    ['language', 'fr-FR'],
    ['home_page_url', 'https://example.org/'],
    ['feed_url', 'https://example.org/feed.json'],
    ['authors', [{ name: 'Rédaction', url: 'mailto:redaction@example.org' }]],
    ['hubs', [{ type: 'WebSub', url: 'https://hub.example.org/' }]],
  ])('writes %s', (key, value) => {
    expect(json()[key]).toEqual(value);
  });

  it('omits hubs when no hub is configured', () => {
    expect(json(mainOf(makeConfig()), makeConfig())).not.toHaveProperty('hubs');
  });

  it('keeps a stable key order', () => {
    expect(Object.keys(json())).toEqual(['version', 'title', 'home_page_url', 'feed_url', 'description', 'language', 'authors', 'hubs', 'items']);
  });

  it('ends with a newline after two-space JSON', () => {
    expect(renderJsonFeed(mainOf(), withHub())).toMatch(/^\{\n {2}"version"[\s\S]*\}\n$/);
  });
});

describe.each([
  ['RSS', renderRss],
  ['Atom', renderAtom],
  ['JSON Feed', renderJsonFeed],
] as const)('the %s renderer', (_, render) => {
  it('gives byte-identical output for the same input', () => {
    expect(render(mainOf(), withHub())).toBe(render(mainOf(), withHub()));
  });

  it('does not read the clock: an empty feed is dated at tagDate, or carries no date at all', () => {
    const empty = buildFeedSet([], makeConfig({ tagDate: '2020-05-01' })).main;
    const body = render(empty, makeConfig({ tagDate: '2020-05-01' }));
    // RSS and Atom date the feed; JSON Feed 1.1 has no feed-level date, so it must hold no date of today either.
    const today = new Date().toISOString().slice(0, 10);
    expect([/2020-05-01T00:00:00|Fri, 01 May 2020 00:00:00 GMT/.test(body) || _ === 'JSON Feed', body.includes(today)]).toEqual([true, false]);
  });
});

describe('the renderers under another TZ', () => {
  // One child process, in a zone far from this one's: it imports the modules afresh there, so a formatter or date made
  // when a module loads would show too. UTC+14, or UTC−8 where this process already runs at UTC+14.
  const zone = new Date(NEWEST_UPDATE).getTimezoneOffset() === -14 * 60 ? 'America/Los_Angeles' : 'Pacific/Kiritimati';
  const tmp = useTempDir('gazette-tz-');
  it(`give the same bytes in ${zone} as here`, async () => {
    const script = `
      import { makeConfig } from './tests/helpers/factories.ts';
      import { buildFeedSet } from './src/feed-set/build-feed-set.ts';
      import { renderRss } from './src/render/rss.ts';
      import { renderAtom } from './src/render/atom.ts';
      import { renderJsonFeed } from './src/render/json-feed.ts';
      import { makeHostileCorpus } from './tests/render/hostile-corpus.ts';
      const config = makeConfig({ hub: 'https://hub.example.org/', language: 'fr-FR' });
      const main = buildFeedSet(makeHostileCorpus(), config).main;
      process.stdout.write(renderRss(main, config) + renderAtom(main, config) + renderJsonFeed(main, config));`;
    // The script and its sources as one bundle (tests/helpers/bundle.ts), in a file: too long for a command line.
    const file = path.join(tmp(), 'renderers.mjs');
    await writeFile(file, await bundleScript({ contents: script }));
    const there = execFileSync(process.execPath, [file], { env: { ...process.env, TZ: zone }, encoding: 'utf8' });
    const config = withHub();
    const main = mainOf(config);
    expect(there).toContain('</rss>');
    expect(there).toBe(renderRss(main, config) + renderAtom(main, config) + renderJsonFeed(main, config));
  });
});

// An author's feed is theirs: its own URLs, their name at feed level where the format has one, nothing to lint.
describe('an author feed', () => {
  const config = makeConfig({ hub: 'https://hub.example.org/', cacheControl: 'public, max-age=600' });
  const zoe = { name: 'Zoé Martin', url: 'https://example.org/equipe/zoe' };
  const articles = [makeArticle({ authors: [zoe] }, 1), makeArticle({ authors: [{ name: 'Marc Petit' }, zoe] }, 2), makeArticle({}, 3)];
  const feed = buildFeedSet(articles, config).authors.find((f) => f.author?.slug === 'zoe-martin')!;
  const documents = { rss: renderRss(feed, config), atom: renderAtom(feed, config), json: renderJsonFeed(feed, config) };

  it.each([
    [
      'RSS self link',
      () => rss(feed, config).atom.links.find((l: { rel?: string }) => l.rel === 'self')?.href,
      'https://example.org/authors/zoe-martin/feed.xml',
    ],
    ['RSS channel link', () => rss(feed, config).link, 'https://example.org/authors/zoe-martin/'],
    ['Atom id', () => atom(feed, config).id, 'https://example.org/authors/zoe-martin/atom.xml'],
    ['Atom feed author', () => atom(feed, config).authors, [{ name: 'Zoé Martin', uri: 'https://example.org/equipe/zoe' }]],
    ['JSON Feed home page', () => json(feed, config).home_page_url, 'https://example.org/authors/zoe-martin/'],
    ['JSON Feed authors', () => json(feed, config).authors, [zoe]],
  ])('writes the %s', (_label, read, expected) => {
    expect(read()).toEqual(expected);
  });

  it('lists the author’s articles only, co-signed ones included', () => {
    expect(json(feed, config).items.map((i: { id: string }) => i.id)).toEqual([articles[0]!.guid, articles[1]!.guid]);
  });

  it.each(Object.entries(documents))('lints %s without a finding', (format, body) => {
    const path = `/authors/zoe-martin/${{ rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json' }[format]}`;
    expect(lintFeed({ path, body, format: format as 'rss' | 'atom' | 'json', now: new Date('2024-12-02T00:00:00Z') })).toEqual([]);
  });
});
