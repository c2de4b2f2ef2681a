// Media RSS read back by Python's Universal Feed Parser (Debian python3-feedparser), the library MailChimp-era
// readers and many aggregators build on: `media_content` (url, medium, type, width, height), `media_credit`, and the
// enclosure with the file's length. And the article page's JSON-LD and Open Graph read by extruct (python3-extruct).
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFeedSet } from '../../src/feed-set/build-feed-set.ts';
import { renderAtom } from '../../src/render/atom.ts';
import { renderArticlePage } from '../../src/render/html.ts';
import { renderRss } from '../../src/render/rss.ts';
import { makeArticle, makeConfig, makeImage } from '../helpers/factories.ts';
import { parseWithFeedparser } from './clients.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const run = promisify(execFile);
const config = makeConfig({ logo: 'https://example.org/logo.png' });
const photo = makeImage('https://example.org/images/rabat.jpg', {
  alt: 'La place Jemaa el-Fna au crépuscule',
  caption: 'Marrakech, le 21 novembre : « la place » & ses lanternes',
  credit: 'Zoé Martin / AFP',
  width: 1200,
  height: 800,
  length: 48_213,
});
const articles = [
  makeArticle({ image: photo, title: 'Un titre </script><script>alert(1)</script> & « guillemets »' }, 1),
  makeArticle({ image: makeImage('https://cdn.example/photo.png') }, 2),
  makeArticle({}, 3),
];
const feedSet = buildFeedSet(articles, config);

describe('feedparser', () => {
  const dir = useTempDir('gazette-media-', 'all');

  it.each([
    ['rss', renderRss],
    ['atom', renderAtom],
  ] as const)('reads the %s lead images back, with their credit, and keeps each item’s own summary', async (format, render) => {
    const file = path.join(dir(), `feed.${format}.xml`);
    await writeFile(file, render(feedSet.main, config));
    const parsed = (await parseWithFeedparser(file)) as unknown as { bozo: number; entries: Record<string, unknown>[] };
    const entries = parsed.entries.map((e) => [e.media_content, e.media_credit, e.enclosures, e.summary]);
    const length = (n: number | undefined) => (format === 'rss' ? String(n ?? 0) : n === undefined ? null : String(n));
    expect([parsed.bozo, entries]).toEqual([
      0,
      [
        [
          [{ url: photo.url, medium: 'image', type: 'image/jpeg', width: '1200', height: '800' }],
          ['Zoé Martin / AFP'],
          [{ href: photo.url, length: '48213', type: 'image/jpeg' }],
          articles[0]!.summary,
        ],
        [
          [{ url: 'https://cdn.example/photo.png', medium: 'image', type: 'image/png' }],
          [],
          [{ href: 'https://cdn.example/photo.png', length: length(undefined), type: 'image/png' }],
          articles[1]!.summary,
        ],
        [[], [], [], articles[2]!.summary],
      ],
    ]);
  });
});

describe('extruct', () => {
  const html = renderArticlePage(articles[0]!, feedSet, config);
  let extracted: { 'json-ld': Record<string, unknown>[]; opengraph: { properties: [string, string][] }[] };
  beforeAll(async () => {
    const script = [
      'import extruct, json, sys',
      'data = extruct.extract(sys.stdin.read(), base_url="https://example.org/", syntaxes=["json-ld", "opengraph"], uniform=False)',
      'json.dump(data, sys.stdout, ensure_ascii=False)',
    ].join('\n');
    const child = run('/usr/bin/python3', ['-c', script], { maxBuffer: 16 << 20 });
    child.child.stdin?.end(html);
    extracted = JSON.parse((await child).stdout);
  });

  it('finds one NewsArticle whose values are the record’s, the hostile title whole', () => {
    const [item] = extracted['json-ld'];
    expect([extracted['json-ld'].length, item]).toEqual([
      1,
      {
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: articles[0]!.title,
        description: articles[0]!.summary,
        datePublished: '2024-11-21T23:00:00+01:00',
        dateModified: '2024-11-21T23:00:00+01:00',
        author: [{ '@type': 'Person', name: 'Claire Dupont' }],
        publisher: { '@type': 'Organization', name: config.title, logo: { '@type': 'ImageObject', url: 'https://example.org/logo.png' } },
        image: [photo.url],
        mainEntityOfPage: { '@type': 'WebPage', '@id': `https://example.org/articles/${articles[0]!.slug}/` },
        url: `https://example.org/articles/${articles[0]!.slug}/`,
        articleSection: ['International', 'Société'],
        inLanguage: 'fr-FR',
      },
    ]);
  });

  it('finds the Open Graph article properties', () => {
    const properties = extracted.opengraph.flatMap((o) => o.properties);
    expect(properties).toEqual([
      ['og:type', 'article'],
      ['og:title', articles[0]!.title],
      ['og:description', articles[0]!.summary],
      ['og:url', `https://example.org/articles/${articles[0]!.slug}/`],
      ['og:image', photo.url],
      ['og:image:alt', photo.alt],
      ['og:site_name', config.title],
      ['og:locale', 'fr_FR'],
      ['article:published_time', '2024-11-21T23:00:00+01:00'],
      ['article:modified_time', '2024-11-21T23:00:00+01:00'],
      ['article:section', 'International'],
      ['article:section', 'Société'],
      ['article:author', 'Claire Dupont'],
    ]);
  });
});
