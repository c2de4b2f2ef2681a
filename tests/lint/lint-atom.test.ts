import { describe, expect, it } from 'vitest';
import { lintFeed } from '../../src/lint/lint-feed.ts';
import { atomDoc, atomEntry, lineOfMarker, NOW } from './feed-docs.ts';

const lint = (body: string) => lintFeed({ path: '/atom.xml', body, format: 'atom', now: NOW });
const NO_FEED_AUTHOR = { author: '<!-- no feed author -->' };
const same = (n: number) => atomEntry({ updated: '<updated>2024-11-22T00:00:00+01:00</updated>' }, n);

// [rule code, passing document, failing document, text on the line the finding must point at]
const rows: [string, string, string, string][] = [
  ['atom-root', atomDoc(), atomDoc({ root: '<feed xmlns="http://purl.org/atom/ns#">' }), '<feed'],
  ['missing-required', atomDoc(), atomDoc({ head: { id: '<!-- -->' } }), '<feed'],
  ['missing-required', atomDoc(), atomDoc({ head: { updated: '<!-- -->' } }), '<feed'],
  ['missing-required', atomDoc(), atomDoc({ entries: [atomEntry({ title: '<!-- -->' })] }), '<entry>'],
  ['missing-required', atomDoc(), atomDoc({ entries: [atomEntry({ id: '<!-- -->' })] }), '<entry>'],
  ['missing-required', atomDoc(), atomDoc({ head: { author: '<author><email>r@example.org</email></author>' } }), '<author>'],
  ['duplicate-element', atomDoc(), atomDoc({ entries: [atomEntry({ extra: '<updated>2024-11-23T00:00:00+01:00</updated>' })] }), '2024-11-23'],
  ['author-missing', atomDoc({ head: NO_FEED_AUTHOR, entries: [atomEntry({ extra: '<author><name>Claire Dupont</name></author>' })] }), atomDoc({ head: NO_FEED_AUTHOR }), '<entry>'],
  ['category-term', atomDoc(), atomDoc({ entries: [atomEntry({ category: '<category label="Société"/>' })] }), '<category'],
  ['category-term', atomDoc(), atomDoc({ entries: [atomEntry({ category: '<category term=" " label="Société"/>' })] }), '<category'],
  ['id-duplicate', atomDoc({ entries: [atomEntry({}, 0), atomEntry({}, 1)] }), atomDoc({ entries: [atomEntry({}, 0), atomEntry({ id: '<id>tag:example.org,2024-01-01:maroc-0</id>' }, 1)] }), 'maroc-0</id>\n<title>Maroc : l’été « chaud » n° 1'],
  ['id-duplicate', atomDoc(), atomDoc({ entries: [atomEntry({ id: '<id>tag:example.org,2024-01-01:feed</id>' })] }), 'feed</id>\n<title>Maroc'],
  ['id-not-iri', atomDoc({ entries: [atomEntry({ id: '<id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>' })] }), atomDoc({ entries: [atomEntry({ id: '<id>000_d101a6bb032ffd19</id>' })] }), '<id>000'],
  ['id-not-iri', atomDoc(), atomDoc({ entries: [atomEntry({ id: '<id>/articles/maroc/</id>' })] }), '<id>/articles'],
  ['self-link-missing', atomDoc(), atomDoc({ head: { self: '<!-- -->' } }), '<feed'],
  ['url-absolute', atomDoc(), atomDoc({ entries: [atomEntry({ link: '<link rel="alternate" href="/articles/maroc/"/>' })] }), 'href="/articles'],
  ['url-absolute', atomDoc({ root: '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.org/">', entries: [atomEntry({ link: '<link rel="alternate" href="/articles/maroc/"/>' })] }), atomDoc({ entries: [atomEntry({ link: '<link rel="alternate" href="articles/maroc/"/>' })] }), 'href="articles'],
  ['text-type', atomDoc({ entries: [atomEntry({ summary: '<summary type="html">&lt;p&gt;Résumé&lt;/p&gt;</summary>' })] }), atomDoc({ entries: [atomEntry({ summary: '<summary type="text/html">Résumé</summary>' })] }), '<summary'],
  ['text-type', atomDoc(), atomDoc({ head: { title: '<title type="plain">Gazette</title>' } }), '<title type="plain"'],
  ['text-type', atomDoc({ entries: [atomEntry({ content: '<content type="text">Texte brut</content>' })] }), atomDoc({ entries: [atomEntry({ content: '<content type="HTML">x</content>' })] }), '<content'],
  ['plain-text', atomDoc({ entries: [atomEntry({ title: '<title type="html">&lt;em&gt;Maroc&lt;/em&gt;</title>' })] }), atomDoc({ entries: [atomEntry({ title: '<title>&lt;em&gt;Maroc&lt;/em&gt;</title>' })] }), '<title>&lt;em'],
  ['plain-text', atomDoc(), atomDoc({ entries: [atomEntry({ category: '<category term="societe" label="Soci&amp;eacute;t&amp;eacute;"/>' })] }), '<category'],
  ['language-tag', atomDoc({ root: '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">' }), atomDoc({ root: '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="French">' }), '<feed'],
];

describe('lintFeed (Atom 1.0)', () => {
  describe('when the feed is valid', () => {
    it('reports nothing', () => {
      expect(lint(atomDoc({ entries: [atomEntry({}, 0), atomEntry({}, 1), atomEntry({}, 2)] }))).toEqual([]);
    });
  });

  describe.each(rows)('rule %s', (code, good, bad, marker) => {
    it('passes the good document', () => {
      expect(lint(good).filter((d) => d.code === code)).toEqual([]);
    });
    it('flags the bad document on the right line', () => {
      expect(lint(bad).filter((d) => d.code === code).map((d) => d.line)).toContain(lineOfMarker(bad, marker));
    });
  });

  describe('rule same-updated', () => {
    it('warns when most of three or more entries share one updated value', () => {
      const body = atomDoc({ entries: [same(0), same(1), atomEntry({}, 2)] });
      expect(lint(body).filter((d) => d.code === 'same-updated').map((d) => [d.severity, d.line]))
        .toEqual([['warning', lineOfMarker(body, '<updated>2024-11-22T00:00:00+01:00</updated>\n<published>2024-11-22')]]);
    });
    it('says nothing when only half of the entries share it', () => {
      expect(lint(atomDoc({ entries: [same(0), same(1), atomEntry({}, 2), atomEntry({}, 3)] })).map((d) => d.code)).toEqual([]);
    });
    it('says nothing for two entries', () => {
      expect(lint(atomDoc({ entries: [same(0), same(1)] })).map((d) => d.code)).toEqual([]);
    });
  });
});
