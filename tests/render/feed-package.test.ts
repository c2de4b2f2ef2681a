// Contract of the `feed` package: the raw rss2()/atom1() shapes every patch of feed-package.ts relies on.
// When an upgrade of `feed` changes one of them, a test here fails and names the patch to revisit.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Feed, type FeedOptions, type Item } from 'feed';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ATOM_PATCHES,
  FEED_PACKAGE_VERSION,
  type GazetteFeedOptions,
  RSS_PATCHES,
  feedAtomAttribute,
  feedCdata,
  feedMediaContent,
  feedRepeatedElement,
  feedRssAttribute,
  feedText,
  writeAtom1,
  writeRss2,
  type MediaImage,
} from '../../src/render/feed-package.ts';
import { findXmlError } from '../helpers/parsers.ts';
import { parseAtomFeed, parseRssFeed } from 'feedsmith';

const UPDATED = new Date('2024-11-22T10:00:00Z');
const options = (extra: { [K in keyof GazetteFeedOptions]?: GazetteFeedOptions[K] | undefined } = {}): GazetteFeedOptions => ({
  title: 'Titre',
  description: 'Description',
  id: 'https://example.org/atom.xml',
  link: 'https://example.org/',
  updated: UPDATED,
  generator: 'Gazette',
  feedLinks: { rss: 'https://example.org/feed.xml', atom: 'https://example.org/atom.xml' },
  ...(extra as Partial<GazetteFeedOptions>),
});
const item = (extra: Partial<Item> = {}): Item => ({
  title: 'Entrée',
  id: 'tag:example.org,2024-01-01:a',
  guid: 'tag:example.org,2024-01-01:a',
  link: 'https://example.org/a/',
  date: UPDATED,
  published: UPDATED,
  ...extra,
});
const raw = (format: 'rss' | 'atom', opts: FeedOptions, items: readonly Item[]): string => {
  const feed = new Feed(opts);
  for (const i of items) feed.addItem(i);
  return format === 'rss' ? feed.rss2() : feed.atom1();
};
const rssRaw = (items: readonly Item[], opts = options()) => raw('rss', opts, items);
const atomRaw = (items: readonly Item[], opts = options()) => raw('atom', opts, items);

describe('the installed `feed` package', () => {
  it('is the version the patches were written for, pinned exactly in package.json', () => {
    const require = createRequire(import.meta.url);
    const installed = JSON.parse(readFileSync(path.join(path.dirname(require.resolve('feed')), '..', 'package.json'), 'utf8')) as { version: string };
    const pkg = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect([installed.version, pkg.dependencies.feed]).toEqual([FEED_PACKAGE_VERSION, FEED_PACKAGE_VERSION]);
  });
});

describe('raw output of feed@6 (what each input helper and patch relies on)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  // feedText: xml-js js2xml.js writeText decodes `&amp;` before escaping.
  it('writes text "A &amp; B" as "A &amp; B", i.e. the text "A & B" (feedText doubles the &)', () => {
    expect(rssRaw([], options({ title: 'A &amp; B' }))).toContain('<title>A &amp; B</title>');
  });

  // feedCdata + cdataSections: xml-js splits only the first `]]>`.
  it('splits only the first "]]>" of a CDATA section', () => {
    expect(rssRaw([item({ title: 'x ]]> y ]]> z' })])).toContain('<title><![CDATA[x ]]]]><![CDATA[> y ]]> z]]></title>');
  });

  // feedAtomAttribute + lessThan: `feed` escapes `&` in a label, xml-js only `"`.
  it('leaves "<" raw in an Atom category label and escapes only & and "', () => {
    const xml = atomRaw([item({ category: [{ term: 't', name: 'a<b & "c"', scheme: 'https://example.org/c/' }] })]);
    expect(xml).toContain('<category label="a<b &amp; &quot;c&quot;" scheme="https://example.org/c/" term="t"/>');
  });

  // feedRssAttribute: the RSS category domain goes through untouched.
  it('writes an RSS category domain without escaping & or <', () => {
    expect(rssRaw([item({ category: [{ name: 'N', domain: 'a&b<c' }] })])).toContain('<category domain="a&b<c">N</category>');
  });

  // feedRepeatedElement: an array in `objects` becomes repeated elements.
  it('writes an extension whose objects are an array as one element per value', () => {
    const xml = rssRaw([item({ extensions: [{ name: 'dc:creator', objects: [{ _text: 'A' }, { _text: 'B' }] as unknown as Record<string, unknown> }] })]);
    expect(xml).toMatch(/<dc:creator>A<\/dc:creator>\s*<dc:creator>B<\/dc:creator>/);
  });

  // Both markers survive xml-js untouched in text, CDATA and attributes.
  it.each([
    ['a text node', (m: string) => rssRaw([item({ guid: `g${m}` })]), (m: string) => `g${m}</guid>`],
    ['a CDATA section', (m: string) => rssRaw([item({ title: `t${m}` })]), (m: string) => `<![CDATA[t${m}]]>`],
    ['an attribute', (m: string) => atomRaw([item({ category: [{ term: 't', name: `n${m}` }] })]), (m: string) => `label="n${m}"`],
  ])('passes U+FFFE and U+FFFF through %s unchanged', (_, write, expected) => {
    for (const marker of ['\uFFFE', '\uFFFF']) expect(write(marker)).toContain(expected(marker));
  });

  // dcNamespace.
  it.each([
    ['without content:encoded, declares no dc namespace', [item()], '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">'],
    [
      'with content:encoded, declares dc and content',
      [item({ content: 'c' })],
      '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">',
    ],
  ])('opens rss2() %s', (_, items, root) => {
    expect(rssRaw(items).split('\n')[1]).toBe(root);
  });

  // xmlLang.
  it('opens atom1() with a bare Atom root, ignoring options.language', () => {
    expect(atomRaw([], options({ language: 'fr-FR' })).split('\n')[1]).toBe('<feed xmlns="http://www.w3.org/2005/Atom">');
  });

  // plainTextConstructs.
  it.each(['title', 'summary'] as const)('writes an entry %s as type="html" CDATA', (tag) => {
    const xml = atomRaw([item({ title: 'Le titre', description: 'Le résumé' })]);
    expect(xml).toContain(tag === 'title' ? '<title type="html"><![CDATA[Le titre]]></title>' : '<summary type="html"><![CDATA[Le résumé]]></summary>');
  });

  // enclosureTypes.
  it.each([
    ['a.jpg', 'image/jpg'],
    ['b.JPEG', 'image/JPEG'],
    ['c.png', 'image/png'],
  ])('types the Atom enclosure of %s as %s', (file, type) => {
    expect(atomRaw([item({ image: `https://example.org/${file}` })])).toContain(`<link rel="enclosure" href="https://example.org/${file}" type="${type}"/>`);
  });

  // writeRss2/writeAtom1 demand `updated`: without it `feed` reads the clock.
  it.each(['rss', 'atom'] as const)('dates %s output with the clock when no updated is given', (format) => {
    vi.useFakeTimers({ now: new Date('2031-05-06T07:08:09Z'), toFake: ['Date'] });
    const xml = raw(format, options({ updated: undefined }), []);
    expect(xml).toContain(format === 'rss' ? 'Tue, 06 May 2031 07:08:09 GMT' : '2031-05-06T07:08:09.000Z');
  });
});

describe('every patch', () => {
  // A feed that exercises every shape above: if `feed` stops producing one, its patch would silently do nothing.
  const sample = options({ language: 'fr-FR', hub: 'https://hub.example.org/', moreHubs: ['https://websub.example.net/'] });
  const media: MediaImage[] = [
    { url: 'https://example.org/a.jpg', type: 'image/jpeg', width: 1200, height: 800, caption: 'Le port <de> Rabat', credit: 'AFP & Co' },
  ];
  const items = [
    item({
      title: feedCdata('x ]]> y ]]> z'),
      description: feedCdata('résumé ]]> fin'),
      image: 'https://example.org/a.jpg',
      category: [{ term: 't', name: feedAtomAttribute('R&D <Tech>'), scheme: 'https://example.org/c/' }],
      extensions: [feedRepeatedElement('dc:creator', ['Zoé & Cie']), feedMediaContent(media[0]!)],
    }),
  ];
  // writeAtom1 marks the enclosure of an item with media; the raw output then holds the marker the patch replaces.
  const atomItems = items.map((i) => ({ ...i, image: { url: 'https://example.org/a.jpg', title: '\uFFFF\uFFFF0\uFFFF\uFFFF' } }));
  it.each([
    ...RSS_PATCHES.map((p) => ['RSS', p.name, p, rssRaw(items, sample)] as const),
    ...ATOM_PATCHES.map((p) => ['Atom', p.name, p, atomRaw(atomItems, sample)] as const),
  ])('changes the raw %s output: %s', (_, _name, patch, xml) => {
    expect(patch.apply(xml, sample, media), `${patch.name} corrects: ${patch.corrects}`).not.toBe(xml);
  });

  it.each([
    ['RSS', writeRss2(sample, items, media)],
    ['Atom', writeAtom1(sample, items, media)],
  ])('leaves the %s document well-formed and marker-free', (_, xml) => {
    expect([findXmlError(xml), /[\uFFFE\uFFFF]/.test(xml)]).toEqual([undefined, false]);
  });

  // moreHubs: every hub, in the config's order, each once (W3C WebSub §4 discovery).
  it.each([
    ['RSS', () => (parseRssFeed(writeRss2(sample, items)) as Record<string, any>).atom.links],
    ['Atom', () => (parseAtomFeed(writeAtom1(sample, items)) as Record<string, any>).links],
  ])('advertises every hub in %s', (_, links) => {
    const hubs = (links() as { rel?: string; href: string }[]).filter((l) => l.rel === 'hub').map((l) => l.href);
    expect(hubs).toEqual(['https://hub.example.org/', 'https://websub.example.net/']);
  });

  it('closes each Atom entry with its own media:content, even when an earlier body quotes "</entry>"', async () => {
    const quoting = [
      item({
        id: 'https://example.org/1',
        content: feedCdata('<p>Le flux se termine par &lt;/entry&gt; : </entry></feed></p>'),
        image: 'https://example.org/a.jpg',
      }),
      item({ id: 'https://example.org/2', image: 'https://example.org/b.jpg' }),
    ];
    const images: MediaImage[] = ['a', 'b'].map((n) => ({ ...media[0]!, url: `https://example.org/${n}.jpg`, caption: `Légende ${n}` }));
    const xml = writeAtom1(sample, quoting, images);
    const entries = parseAtomFeed(xml).entries ?? [];
    const captions = entries.map((e) => (e as { media?: { contents?: { description?: { value?: string } }[] } }).media?.contents?.[0]?.description?.value);
    expect([findXmlError(xml), captions]).toEqual([undefined, ['Légende a', 'Légende b']]);
  });

  it('declares the dc namespace on the root even when an item quotes the declaration in its text', () => {
    const quoting = [item({ title: feedCdata('xmlns:dc="http://purl.org/dc/elements/1.1/"'), extensions: [feedRepeatedElement('dc:creator', ['A'])] })];
    expect(findXmlError(writeRss2(sample, quoting))).toBeUndefined();
  });

  // gofeed's StripCDATA loses the text after a second CDATA section of one element (see tests/interop).
  it('writes a value holding "]]>" as escaped text, never as several CDATA sections', () => {
    const xml = writeRss2(sample, items);
    expect([xml.includes('<title>x ]]&gt; y ]]&gt; z</title>'), xml.includes(']]><![CDATA[')]).toEqual([true, false]);
  });

  it('gives back the RSS text exactly', () => {
    const parsed = parseRssFeed(writeRss2(sample, items)) as Record<string, any>;
    expect([parsed.items[0].title, parsed.items[0].dc.creators]).toEqual(['x ]]> y ]]> z', ['Zoé & Cie']]);
  });

  it('gives back the Atom text exactly', () => {
    const xml = writeAtom1(sample, items);
    const entry = (parseAtomFeed(xml) as Record<string, any>).entries[0];
    expect([entry.title, entry.summary, entry.categories[0].label, xml.split('\n')[1]]).toEqual([
      { value: 'x ]]> y ]]> z', type: 'text' },
      { value: 'résumé ]]> fin', type: 'text' },
      'R&D <Tech>',
      '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr-FR">',
    ]);
  });
});

describe('the input helpers', () => {
  it.each([
    [feedText, 'A &amp; B\u0001', 'A &amp;amp; B'],
    [feedCdata, 'a ]]> b\uFFFF', 'a ]]\uFFFF> b'],
    [feedAtomAttribute, 'R&D\t<Tech>\n', 'R&D \uFFFETech> '],
    [feedRssAttribute, 'https://example.org/?a=1&b="2"', 'https://example.org/?a=1&amp;b=&quot;2&quot;'],
  ])('%o prepares %j as %j', (helper, input, expected) => {
    expect(helper(input)).toBe(expected);
  });

  it.each([
    ['RSS', writeRss2],
    ['Atom', writeAtom1],
  ] as const)('refuse a %s feed without an updated date (TypeError)', (_, write) => {
    expect(() => write(options({ updated: undefined }), [])).toThrow(TypeError);
  });
});
