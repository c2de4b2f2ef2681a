// Direct tests of contentHash: which URL spellings are one article and which are two, and hashes that must not move.
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../src/lifecycle/content-hash.ts';
import { makeArticle, makeImage } from '../helpers/factories.ts';
import { casesOf } from '../helpers/cases.ts';

const hashOf = (link: string, image: string | undefined, siteUrl: string) =>
  contentHash(
    makeArticle({ title: 'T', sourceHash: 'h', categories: [], authors: [], link, image: image === undefined ? undefined : makeImage(image) }),
    siteUrl,
  );

describe('contentHash', () => {
  // Hashes are kept in items/.published.json: a changed hash reads as a correction. These were computed before
  // the site address was cut only at the start of a URL, and must stay.
  describe('when the URLs are the usual ones', () => {
    it.each([
      [
        'a page and image below a mounted site',
        'https://example.org/actu/articles/x/',
        'https://example.org/actu/img/a.jpg',
        'https://example.org/actu',
        '3157bc35ccec6d5e753d1e4e8da6353ee3f4ad136459b1db1e210fd737c5a2bb',
      ],
      [
        'an image elsewhere on the origin',
        'https://example.org/actu/articles/x/',
        'https://example.org/img/a.jpg',
        'https://example.org/actu',
        '3157bc35ccec6d5e753d1e4e8da6353ee3f4ad136459b1db1e210fd737c5a2bb',
      ],
      [
        'the same record on a site at the root',
        'https://example.org/articles/x/',
        'https://example.org/img/a.jpg',
        'https://example.org',
        '3157bc35ccec6d5e753d1e4e8da6353ee3f4ad136459b1db1e210fd737c5a2bb',
      ],
      [
        'a link and image on other hosts',
        'https://partner.example/a',
        'https://cdn.example/a.jpg',
        'https://example.org/actu',
        'c1903bf88c474a1721d8f31e810cbf0b3c050e27fe4fe9980242353634fd62c0',
      ],
      ['no image', 'https://example.org/articles/x/', undefined, 'https://example.org', 'dca40d1ead858948dc5c1a096b21b3a8b08ab2fdf26242b8d65190ff43704a54'],
      [
        'a port, a query and a fragment',
        'https://example.org:8443/feeds/articles/x/?a=1#b',
        'https://example.org:8443/?q',
        'https://example.org:8443/feeds',
        '9beffa965f3e6bd4996fe2ff862a3b665250ee306030b40dc5707f33172d9117',
      ],
      [
        'no site address given',
        'https://example.org/articles/x/',
        'https://example.org/a.jpg',
        '',
        '878ef925704b3027e08c6d8fc8bbbce3557f4ed5ac0d6b1ad5773459ef9e428d',
      ],
    ])('keeps the hash of %s', (_, link, image, siteUrl, hash) => {
      expect(hashOf(link, image, siteUrl)).toBe(hash);
    });
  });

  describe('when the site address appears elsewhere than at the start of a URL', () => {
    const SITE = 'https://example.org/actu';
    it.each(casesOf('lifecycle/content-hash', 'site address elsewhere', 'string', 'string', 'string'))('tells apart %s', (_, one, other) => {
      expect(hashOf(`${SITE}/articles/x/`, one, SITE)).not.toBe(hashOf(`${SITE}/articles/x/`, other, SITE));
    });
  });
});

describe('contentHash of a lead image with details', () => {
  const site = 'https://example.org';
  const hashWith = (details: Parameters<typeof makeImage>[1]) =>
    contentHash(
      makeArticle({ title: 'T', sourceHash: 'h', categories: [], authors: [], link: `${site}/articles/x/`, image: makeImage(`${site}/img/a.jpg`, details) }),
      site,
    );
  const plain = hashWith({});

  it.each([
    ['its pixel size', { width: 1200, height: 800 }],
    ['its file length', { length: 48_213 }],
  ])('does not move with %s, which is not content', (_, details) => {
    expect(hashWith(details)).toBe(plain);
  });

  it.each([
    ['an alt', { alt: 'La médina' }],
    ['a caption', { caption: 'Rabat, le 21 novembre' }],
    ['a credit', { credit: 'AFP' }],
  ])('moves with %s, which a reader sees (a corrected credit is a correction)', (_, details) => {
    expect(hashWith(details)).not.toBe(plain);
  });
});
