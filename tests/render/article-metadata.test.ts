// The article page's figure and head metadata, read back with an HTML parser (htmlparser2) and JSON.parse.
import type { Element } from 'domhandler';
import { findAll, getAttributeValue, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/article/article.ts';
import { jsonForScript } from '../../src/render/article-metadata.ts';
import { buildFeedSet } from '../../src/feed-set/build-feed-set.ts';
import { renderArticlePage } from '../../src/render/html.ts';
import { makeArticle, makeConfig, makeImage } from '../helpers/factories.ts';

const HOSTILE = '</script><script>alert(1)</script> <!-- & \u2028 « »';

function pageOf(article: Article, config = makeConfig()) {
  const doc = parseDocument(renderArticlePage(article, buildFeedSet([article], config), config));
  const elements = (tag: string) => findAll((e) => e.name === tag, doc.children) as Element[];
  const ldJson = elements('script').filter((s) => getAttributeValue(s, 'type') === 'application/ld+json');
  const metas = elements('meta')
    .filter((m) => getAttributeValue(m, 'property') !== undefined || getAttributeValue(m, 'name')?.match(/^(twitter:|robots)/))
    .map((m) => [getAttributeValue(m, 'property') ?? getAttributeValue(m, 'name'), getAttributeValue(m, 'content')]);
  return { elements, scripts: elements('script').length, ldJson: ldJson.map((s) => JSON.parse(textContent(s))), metas };
}

describe('the article page', () => {
  describe('when the lead image has every detail', () => {
    const image = makeImage('https://example.org/images/a.jpg', {
      alt: 'Une <b>photo</b>',
      caption: 'Légende & suite',
      credit: 'AFP',
      width: 1200,
      height: 800,
    });
    const { elements } = pageOf(makeArticle({ image }));

    it('writes a figure whose img has the alt and size, and whose figcaption holds the caption and the credit', () => {
      const [img] = elements('img');
      const [caption] = elements('figcaption');
      expect([
        ['src', 'alt', 'width', 'height'].map((a) => img && getAttributeValue(img, a)),
        caption && textContent(caption),
        elements('figure').length,
      ]).toEqual([['/images/a.jpg', 'Une <b>photo</b>', '1200', '800'], 'Légende & suite AFP', 1]);
    });
  });

  it.each([
    ['a URL alone', makeImage('https://example.org/a.jpg'), [['/a.jpg', '', undefined], 0]],
    ['a credit alone', makeImage('https://example.org/a.jpg', { credit: 'AFP' }), [['/a.jpg', '', undefined], 1]],
  ])('writes %s as an img with an empty alt', (_, image, expected) => {
    const { elements } = pageOf(makeArticle({ image }));
    const [img] = elements('img');
    expect([['src', 'alt', 'width'].map((a) => img && getAttributeValue(img, a)), elements('figcaption').length]).toEqual(expected);
  });

  describe.each([
    ['a plain title', 'Budget : l’Assemblée adopte la « partie recettes »'],
    ['a title that tries to end the script', HOSTILE],
  ])('when the article has %s', (_, title) => {
    const config = makeConfig({ logo: 'https://example.org/logo.png' });
    const article = makeArticle({
      title,
      summary: title,
      image: makeImage('https://example.org/images/a.jpg', { alt: title }),
      authors: [{ name: 'Zoé Martin', url: 'https://example.org/zoe' }, { name: 'Jean Dupont' }],
      updated: new Date('2024-11-22T10:30:00Z'),
    });
    const { ldJson, scripts, metas } = pageOf(article, config);

    it('holds one NewsArticle, the only script, whose values are the article’s', () => {
      expect([scripts, ldJson]).toEqual([
        1,
        [
          {
            '@context': 'https://schema.org',
            '@type': 'NewsArticle',
            headline: title,
            description: title,
            datePublished: '2024-11-21T23:00:00+01:00',
            dateModified: '2024-11-22T11:30:00+01:00',
            author: [
              { '@type': 'Person', name: 'Zoé Martin', url: 'https://example.org/zoe' },
              { '@type': 'Person', name: 'Jean Dupont' },
            ],
            publisher: { '@type': 'Organization', name: config.title, logo: { '@type': 'ImageObject', url: 'https://example.org/logo.png' } },
            image: ['https://example.org/images/a.jpg'],
            mainEntityOfPage: { '@type': 'WebPage', '@id': `https://example.org/articles/${article.slug}/` },
            url: `https://example.org/articles/${article.slug}/`,
            articleSection: ['International', 'Société'],
            inLanguage: 'fr-FR',
          },
        ],
      ]);
    });

    it('holds the Open Graph, Twitter and robots tags', () => {
      expect(metas).toEqual([
        ['og:type', 'article'],
        ['og:title', title],
        ['og:description', title],
        ['og:url', `https://example.org/articles/${article.slug}/`],
        ['og:image', 'https://example.org/images/a.jpg'],
        ['og:image:alt', title],
        ['og:site_name', config.title],
        ['og:locale', 'fr_FR'],
        ['article:published_time', '2024-11-21T23:00:00+01:00'],
        ['article:modified_time', '2024-11-22T11:30:00+01:00'],
        ['article:section', 'International'],
        ['article:section', 'Société'],
        ['article:author', 'https://example.org/zoe'],
        ['article:author', 'Jean Dupont'],
        ['twitter:card', 'summary_large_image'],
        ['robots', 'max-image-preview:large'],
      ]);
    });
  });

  it('names the site as an Organization when the article has no author and the site author is the site’s name', () => {
    const config = makeConfig({ author: { name: 'Gazette de test' } });
    const [ld] = pageOf(makeArticle({ authors: [] }), config).ldJson;
    expect(ld.author).toEqual([{ '@type': 'Organization', name: 'Gazette de test' }]);
  });

  it('names the site author and no logo or image when the article has none', () => {
    const config = makeConfig();
    const [ld] = pageOf(makeArticle({ authors: [] }), config).ldJson;
    expect([ld.author, ld.publisher, ld.image]).toEqual([
      [{ '@type': 'Person', name: 'Rédaction' }],
      { '@type': 'Organization', name: config.title },
      undefined,
    ]);
  });
});

describe('jsonForScript', () => {
  it.each([
    ['</script>', '"\\u003c/script\\u003e"'],
    ['<!--', '"\\u003c!--"'],
    ['a & b', '"a \\u0026 b"'],
    ['\u2028\u2029', '"\\u2028\\u2029"'],
  ])('writes %j so that no HTML parser sees markup, and JSON reads it back', (value, expected) => {
    expect([jsonForScript(value), JSON.parse(jsonForScript(value))]).toEqual([expected, value]);
  });
});
