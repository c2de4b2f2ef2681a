import { describe, expect, it } from 'vitest';
import { formatOf, lintDocuments } from '../../src/lint/lint-documents.ts';
import { lintFeed } from '../../src/lint/lint-feed.ts';
import { atomDoc, jsonDoc, NOW, rssDoc } from './feed-docs.ts';
import { casesOf } from '../helpers/cases.ts';

describe('lintFeed', () => {
  describe('when the XML is not well-formed', () => {
    it.each([
      ['a raw ampersand', rssDoc().replace('<title>Gazette de test</title>', '<title>Sports & loisirs</title>'), 4],
      ['an HTML entity', rssDoc().replace('<title>Gazette de test</title>', '<title>Caf&eacute;</title>'), 4],
      ['an unclosed element', rssDoc().replace('</channel>', ''), undefined],
      ['an undeclared prefix', atomDoc().replace('<title type="text">Gazette de test</title>', '<dc:title>x</dc:title>'), 4],
      ['a repeated attribute', rssDoc().replace('<title>Gazette de test</title>', '<title a="1" a="2">Gazette de test</title>'), 4],
      ['"<" in an attribute value', rssDoc().replace('<title>Gazette de test</title>', '<title a="<">Gazette de test</title>'), 4],
      ['a second root element', `${rssDoc()}\n<rss/>`, rssDoc().split('\n').length + 1],
    ])('reports one xml-malformed error for %s', (_label, body, line) => {
      const found = lintFeed({ path: '/f.xml', body, format: 'rss', now: NOW });
      expect(found.map((d) => d.code)).toEqual(['xml-malformed']);
      if (line !== undefined) expect(found[0]?.line).toBe(line);
    });
  });

  describe('when it is misused', () => {
    it.each([
      ['a missing body', { path: '/f', format: 'rss' }],
      ['an unknown format', { path: '/f', body: '', format: 'rdf' }],
    ])('throws a TypeError for %s', (_label, input) => {
      expect(() => lintFeed(input as never)).toThrow(TypeError);
    });
  });

  describe('when the document starts with a byte order mark', () => {
    it('lints it like the same document without', () => {
      expect(lintFeed({ path: '/f', body: `\uFEFF${rssDoc()}`, format: 'rss', now: NOW })).toEqual([]);
    });
  });
});

describe('lintDocuments', () => {
  it.each(casesOf('lint/lint-feed', 'formatOf', 'string', 'string|undefined'))('reads %s as %s', (contentType, format) => {
    expect(formatOf(contentType)).toBe(format);
  });

  it('lints every feed and skips HTML pages', () => {
    const found = lintDocuments(
      [
        { path: 'dist/feed.xml', body: rssDoc().replace('<language>fr-FR', '<language>fr_FR'), contentType: 'application/rss+xml; charset=utf-8' },
        { path: 'dist/atom.xml', body: Buffer.from(atomDoc()), contentType: 'application/atom+xml; charset=utf-8' },
        { path: 'dist/feed.json', body: jsonDoc({ version: '1.1' }), contentType: 'application/feed+json; charset=utf-8' },
        { path: 'dist/index.html', body: '<p>not a feed', contentType: 'text/html; charset=utf-8' },
      ],
      { now: NOW },
    );
    expect(found.map((d) => [d.file, d.code])).toEqual([
      ['dist/feed.xml', 'language-tag'],
      ['dist/feed.json', 'json-version'],
    ]);
  });
});
