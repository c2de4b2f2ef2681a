import { describe, expect, it } from 'vitest';
import { lintFeed } from '../../src/lint/lint-feed.ts';
import { atomDoc, atomEntry, jsonDoc, jsonItem, lineOfMarker, NOW, rssDoc, rssItem } from './feed-docs.ts';

const rssTitle = (title: string) => rssDoc({ items: [rssItem({ title: `<title>${title}</title>` })] });
const atomTitle = (title: string) => atomDoc({ entries: [atomEntry({ title: `<title>${title}</title>` })] });

// [rule code, severity, format, passing document, failing document, text on the offending line]
const rows: [string, string, 'rss' | 'atom' | 'json', string, string, string][] = [
  ['xml-forbidden-char', 'error', 'rss', rssTitle('Maroc\tet\u00a0France'), rssTitle('Maroc\u0001 et France'), 'Maroc\u0001'],
  ['xml-forbidden-char', 'error', 'atom', atomTitle('Maroc'), atomTitle('Maroc\u000b'), 'Maroc\u000b'],
  ['xml-forbidden-char', 'error', 'rss', rssTitle('Maroc &#233;t&#xE9;'), rssTitle('Maroc &#1;'), '&#1;'],
  ['xml-forbidden-char', 'error', 'json', jsonDoc(), jsonDoc({}, [jsonItem({ summary: 'Résumé\u0002' })]), '"summary"'],
  ['c1-control', 'warning', 'rss', rssTitle('l’été'), rssTitle('l\u0092été'), 'l\u0092été'],
  ['c1-control', 'warning', 'atom', atomTitle('l’été'), atomTitle('l&#x92;été'), '&#x92;'],
  ['c1-control', 'warning', 'json', jsonDoc(), jsonDoc({}, [jsonItem({ title: 'l\u0092été' })]), '"title": "l'],
  ['replacement-char', 'warning', 'rss', rssTitle('Société'), rssTitle('Soci\uFFFDt\uFFFD'), 'Soci\uFFFD'],
  ['replacement-char', 'warning', 'atom', atomTitle('Société'), atomTitle('Soci&#xFFFD;té'), '&#xFFFD;'],
  ['mojibake', 'warning', 'rss', rssTitle('Société : l’été à Paris, Âge d’or'), rssTitle('SociÃ©tÃ©'), 'SociÃ©'],
  ['mojibake', 'warning', 'rss', rssTitle('L’État'), rssTitle('lâ€™été'), 'lâ€™'],
  ['mojibake', 'warning', 'atom', atomTitle('à 14 h'), atomTitle('Ã\u00a014 h'), 'Ã\u00a0'],
  ['mojibake', 'warning', 'json', jsonDoc(), jsonDoc({}, [jsonItem({ title: 'CÅ“ur' })]), '"title": "C'],
];

describe('character checks', () => {
  describe.each(rows)('rule %s (%s, %s)', (code, severity, format, good, bad, marker) => {
    it('passes the good document', () => {
      expect(lintFeed({ path: '/f', body: good, format, now: NOW }).filter((d) => d.code === code)).toEqual([]);
    });
    it('flags the bad document on the right line', () => {
      const found = lintFeed({ path: '/f', body: bad, format, now: NOW }).filter((d) => d.code === code);
      expect(found.map((d) => [d.severity, d.line])).toContainEqual([severity, lineOfMarker(bad, marker)]);
    });
  });
});

describe('character references', () => {
  const references = (body: string) =>
    lintFeed({ path: '/f', body, format: 'rss', now: NOW })
      .filter((d) => d.code === 'xml-forbidden-char' || d.code === 'c1-control')
      .map((d) => [d.severity, d.line]);
  const withItem = (item: string) => rssDoc({ items: [rssItem({ title: item })] });

  describe('when they are text inside a CDATA section, a comment or a processing instruction', () => {
    it.each([
      ['a CDATA title', '<title><![CDATA[Titre &#x0; fin]]></title>'],
      ['a CDATA title holding "<!--"', '<title><![CDATA[<!-- &#1; &#x85;]]></title>'],
      ['two CDATA sections', '<title><![CDATA[a &#0;]]>b<![CDATA[&#x1;]]></title>'],
      ['a comment', '<title>Titre</title><!-- &#x0; <![CDATA[ &#1; -->'],
      ['a processing instruction', '<title>Titre</title><?gazette &#x0;?>'],
    ])('reports nothing for %s', (_, item) => {
      expect(references(withItem(item))).toEqual([]);
    });
  });

  describe('when they are character data or an attribute value', () => {
    it.each([
      ['after a CDATA section', '<title><![CDATA[&#0;]]> &#1;</title>', '&#1;'],
      ['after a comment', '<!-- &#0; --><title>&#x1;</title>', '&#x1;'],
      ['in an attribute value', '<title>Titre</title><guid isPermaLink="&#x0;">g</guid>', '&#x0;'],
    ])('reports the reference %s on its line', (_, item, marker) => {
      const body = withItem(item);
      expect(references(body)).toEqual([['error', lineOfMarker(body, marker)]]);
    });
  });
});

describe('feed size', () => {
  const padded = (bytes: number) => rssDoc({ items: [rssItem({ description: `<description>${'a'.repeat(bytes)}</description>` })] });
  it.each([
    ['under 1 MB', 900 * 1024, []],
    ['over 1 MB', 1.5 * 1024 * 1024, [['warning', 'feed-size']]],
    ['over 5 MB', 5.5 * 1024 * 1024, [['error', 'feed-size']]],
  ])('when the feed is %s it reports %j', (_label, bytes, expected) => {
    const found = lintFeed({ path: '/f', body: padded(bytes as number), format: 'rss', now: NOW });
    expect(found.map((d) => [d.severity, d.code])).toEqual(expected);
  });
});
