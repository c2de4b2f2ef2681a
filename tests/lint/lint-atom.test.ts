import { describe, expect, it } from 'vitest';
import { lintFeed } from '../../src/lint/lint-feed.ts';
import { atomDoc, atomEntry, lineOfMarker, NOW } from './feed-docs.ts';
import { type ClassedRuleRow, describeClassedRules, describeRules, describeWarnings, type RuleRow } from './lint-rule-table.ts';

const lint = (body: string) => lintFeed({ path: '/atom.xml', body, format: 'atom', now: NOW });
const NO_FEED_AUTHOR = { author: '<!-- no feed author -->' };
const same = (n: number) => atomEntry({ updated: '<updated>2024-11-22T00:00:00+01:00</updated>' }, n);

const rows: RuleRow[] = [
  ['atom-root', atomDoc(), atomDoc({ root: '<feed xmlns="http://purl.org/atom/ns#">' }), '<feed'],
  ['missing-required', atomDoc(), atomDoc({ head: { id: '<!-- -->' } }), '<feed'],
  ['missing-required', atomDoc(), atomDoc({ head: { updated: '<!-- -->' } }), '<feed'],
  ['missing-required', atomDoc(), atomDoc({ entries: [atomEntry({ title: '<!-- -->' })] }), '<entry>'],
  ['missing-required', atomDoc(), atomDoc({ entries: [atomEntry({ id: '<!-- -->' })] }), '<entry>'],
  ['missing-required', atomDoc(), atomDoc({ head: { author: '<author><email>r@example.org</email></author>' } }), '<author>'],
  ['duplicate-element', atomDoc(), atomDoc({ entries: [atomEntry({ extra: '<updated>2024-11-23T00:00:00+01:00</updated>' })] }), '2024-11-23'],
  [
    'author-missing',
    atomDoc({ head: NO_FEED_AUTHOR, entries: [atomEntry({ extra: '<author><name>Claire Dupont</name></author>' })] }),
    atomDoc({ head: NO_FEED_AUTHOR }),
    '<entry>',
  ],
  ['category-term', atomDoc(), atomDoc({ entries: [atomEntry({ category: '<category label="Société"/>' })] }), '<category'],
  [
    'id-duplicate',
    atomDoc({ entries: [atomEntry({}, 0), atomEntry({}, 1)] }),
    atomDoc({ entries: [atomEntry({}, 0), atomEntry({ id: '<id>tag:example.org,2024-01-01:maroc-0</id>' }, 1)] }),
    'maroc-0</id>\n<title>Maroc : l’été « chaud » n° 1',
  ],
  ['id-duplicate', atomDoc(), atomDoc({ entries: [atomEntry({ id: '<id>tag:example.org,2024-01-01:feed</id>' })] }), 'feed</id>\n<title>Maroc'],
  [
    'id-not-iri',
    atomDoc({ entries: [atomEntry({ id: '<id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>' })] }),
    atomDoc({ entries: [atomEntry({ id: '<id>000_d101a6bb032ffd19</id>' })] }),
    '<id>000',
  ],
  ['id-not-iri', atomDoc(), atomDoc({ entries: [atomEntry({ id: '<id>/articles/maroc/</id>' })] }), '<id>/articles'],
  ['self-link-missing', atomDoc(), atomDoc({ head: { self: '<!-- -->' } }), '<feed'],
  ['url-absolute', atomDoc(), atomDoc({ entries: [atomEntry({ link: '<link rel="alternate" href="/articles/maroc/"/>' })] }), 'href="/articles'],
  [
    'url-absolute',
    atomDoc({
      root: '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.org/">',
      entries: [atomEntry({ link: '<link rel="alternate" href="/articles/maroc/"/>' })],
    }),
    atomDoc({ entries: [atomEntry({ link: '<link rel="alternate" href="articles/maroc/"/>' })] }),
    'href="articles',
  ],
  [
    'text-type',
    atomDoc({ entries: [atomEntry({ summary: '<summary type="html">&lt;p&gt;Résumé&lt;/p&gt;</summary>' })] }),
    atomDoc({ entries: [atomEntry({ summary: '<summary type="text/html">Résumé</summary>' })] }),
    '<summary',
  ],
  ['text-type', atomDoc(), atomDoc({ head: { title: '<title type="plain">Gazette</title>' } }), '<title type="plain"'],
  [
    'text-type',
    atomDoc({ entries: [atomEntry({ content: '<content type="text">Texte brut</content>' })] }),
    atomDoc({ entries: [atomEntry({ content: '<content type="HTML">x</content>' })] }),
    '<content',
  ],
  [
    'plain-text',
    atomDoc({ entries: [atomEntry({ title: '<title type="html">&lt;em&gt;Maroc&lt;/em&gt;</title>' })] }),
    atomDoc({ entries: [atomEntry({ title: '<title>&lt;em&gt;Maroc&lt;/em&gt;</title>' })] }),
    '<title>&lt;em',
  ],
  ['plain-text', atomDoc(), atomDoc({ entries: [atomEntry({ category: '<category term="societe" label="Soci&amp;eacute;t&amp;eacute;"/>' })] }), '<category'],
  [
    'language-tag',
    atomDoc({ root: '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">' }),
    atomDoc({ root: '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="French">' }),
    '<feed',
  ],
  // rules of the W3C validator (feedvalidator message names in src/lint)
  [
    'element-undefined',
    atomDoc({ head: { extra: '<dc:rights xmlns:dc="http://purl.org/dc/elements/1.1/">CC</dc:rights>' } }),
    atomDoc({ head: { extra: '<language>fr</language>' } }),
    '<language>',
  ],
  ['element-undefined', atomDoc(), atomDoc({ entries: [atomEntry({ extra: '<pubDate>2024-11-22</pubDate>' })] }), '<pubDate>'],
  [
    'id-not-canonical',
    atomDoc({ entries: [atomEntry({ id: '<id>https://example.org/articles/%C3%A9t%C3%A9/</id>' })] }),
    atomDoc({ entries: [atomEntry({ id: '<id>https://example.org:443/articles/a/</id>' })] }),
    '<id>https://example.org:443',
  ],
  [
    'id-not-canonical',
    atomDoc({ head: { id: '<id>https://example.org/</id>' } }),
    atomDoc({ head: { id: '<id>https://example.org</id>' } }),
    '<id>https://example.org</id>',
  ],
  ['id-not-canonical', atomDoc(), atomDoc({ entries: [atomEntry({ id: '<id>tag:example.org,2024-01-01:%c3%a9t%c3%a9</id>' })] }), '%c3%a9'],
  ['text-blank', atomDoc(), atomDoc({ entries: [atomEntry({ title: '<title type="text"> </title>' })] }), '<title type="text"> </title>'],
  [
    'plain-text',
    atomDoc({ entries: [atomEntry({ summary: '<summary>R&amp;D &lt;Tech&gt; : 3 &lt; 4</summary>' })] }),
    atomDoc({ entries: [atomEntry({ summary: '<summary>Caf&amp;eacute; du port</summary>' })] }),
    '<summary>Caf',
  ],
  [
    'entry-content-or-alternate',
    atomDoc({ entries: [atomEntry({ content: '' })] }),
    atomDoc({ entries: [atomEntry({ content: '', link: '<link rel="related" href="https://example.org/x"/>' })] }),
    '<entry>',
  ],
  [
    'entry-summary-missing',
    atomDoc({ entries: [atomEntry({ summary: '' })] }),
    atomDoc({ entries: [atomEntry({ summary: '', content: '<content type="video/mp4" src="https://example.org/v.mp4"/>' })] }),
    '<content type="video/mp4"',
  ],
  [
    'link-type',
    atomDoc({ entries: [atomEntry({ extra: '<link rel="enclosure" type="image/jpeg" href="https://example.org/a.jpg"/>' })] }),
    atomDoc({ entries: [atomEntry({ extra: '<link rel="enclosure" type="jpeg" href="https://example.org/a.jpg"/>' })] }),
    'type="jpeg"',
  ],
  ['self-link-type', atomDoc(), atomDoc({ head: { self: '<link rel="self" type="text/xml" href="https://example.org/atom.xml"/>' } }), 'rel="self"'],
  [
    'link-alternate-duplicate',
    atomDoc({ entries: [atomEntry({ extra: '<link rel="alternate" type="text/html" hreflang="en" href="https://example.org/en/"/>' })] }),
    atomDoc({ entries: [atomEntry({ extra: '<link rel="alternate" type="text/html" href="https://example.org/copie/"/>' })] }),
    '/copie/',
  ],
  ['author-email', atomDoc(), atomDoc({ head: { author: '<author><name>Rédaction</name><email>rédaction chez example.org</email></author>' } }), '<author>'],
  [
    'namespace-unknown',
    atomDoc({ root: '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xml:lang="fr-FR">' }),
    atomDoc({ root: '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:webfeeds="http://webfeeds.org/rss/1.0" xml:lang="fr-FR">' }),
    '<feed',
  ],
];

describe('lintFeed (Atom 1.0)', () => {
  describe('when the feed is valid', () => {
    it('reports nothing', () => {
      expect(lint(atomDoc({ entries: [atomEntry({}, 0), atomEntry({}, 1), atomEntry({}, 2)] }))).toEqual([]);
    });
  });

  describeRules(lint, rows);

  // feedvalidator: DuplicateUpdated — any two entries of one feed with the same <updated>.
  describe('rule same-updated', () => {
    it('warns once, at the first entry, when entries share one updated value', () => {
      const body = atomDoc({ entries: [same(0), same(1), atomEntry({}, 2)] });
      expect(
        lint(body)
          .filter((d) => d.code === 'same-updated')
          .map((d) => [d.severity, d.line]),
      ).toEqual([['warning', lineOfMarker(body, '<updated>2024-11-22T00:00:00+01:00</updated>\n<published>2024-11-22')]]);
    });
    it('warns when only two of four entries share it, as the validator does', () => {
      expect(lint(atomDoc({ entries: [same(0), same(1), atomEntry({}, 2), atomEntry({}, 3)] })).map((d) => d.code)).toEqual(['same-updated']);
    });
    it('says nothing when every entry has its own updated', () => {
      expect(lint(atomDoc({ entries: [atomEntry({}, 0), atomEntry({}, 1)] })).map((d) => d.code)).toEqual([]);
    });
  });

  describe('when a rule is a warning in the W3C validator', () => {
    describeWarnings(lint, [
      ['id-not-canonical', atomDoc({ entries: [atomEntry({ id: '<id>HTTP://Example.org/a</id>' })] })],
      ['text-blank', atomDoc({ entries: [atomEntry({ summary: '<summary></summary>' })] })],
      ['plain-text', atomDoc({ entries: [atomEntry({ summary: '<summary>Fin du &lt;/p&gt;</summary>' })] })],
      ['entry-summary-missing', atomDoc({ entries: [atomEntry({ summary: '', content: '' })] })],
      ['self-link-type', atomDoc({ head: { self: '<link rel="self" type="text/html" href="https://example.org/atom.xml"/>' } })],
      ['namespace-unknown', atomDoc({ root: '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:x="https://example.org/ns/x" xml:lang="fr-FR">' })],
    ]);
  });
});

const classed: ClassedRuleRow[] = [
  ['tag-uri', 'InvalidTAG', atomDoc(), atomDoc({ entries: [atomEntry({ id: '<id>tag:example.org,2024-13-01:maroc-0</id>' })] }), '2024-13-01'],
  ['tag-uri', 'InvalidTAG', atomDoc(), atomDoc({ head: { id: '<id>tag:example.org:feed</id>' } }), '<id>tag'],
  [
    'urn-invalid',
    'InvalidUUID',
    atomDoc({ head: { id: '<id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>' } }),
    atomDoc({ head: { id: '<id>urn:uuid:1225c695</id>' } }),
    '<id>urn',
  ],
  [
    'url-invalid',
    'InvalidIRI',
    atomDoc({ head: { author: '<author><name>R</name><uri>https://example.org/rédaction</uri></author>' } }),
    atomDoc({ head: { author: '<author><name>R</name><uri>http:/example.org/</uri></author>' } }),
    '<uri>',
  ],
  ['url-invalid', 'InvalidUriChar', atomDoc(), atomDoc({ head: { extra: '<icon>https://example.org/a b.png</icon>' } }), '<icon>'],
  [
    'url-invalid',
    'InvalidUriChar',
    atomDoc({ root: '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.org/">' }),
    atomDoc({ root: '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.org/a b/">' }),
    '<feed',
  ],
  ['url-invalid', 'InvalidUriChar', atomDoc(), atomDoc({ entries: [atomEntry({ link: '<link rel="alternate" href="https://example.org/a b"/>' })] }), 'a b"'],
  ['duplicate-element', 'DuplicateElement', atomDoc(), atomDoc({ head: { author: '<author><name>A</name><name>B</name></author>' } }), '<author>'],
  [
    'element-undefined',
    'UndefinedElement',
    atomDoc(),
    atomDoc({ head: { author: '<author><name>A</name><url>https://example.org/</url></author>' } }),
    '<author>',
  ],
  [
    'element-undefined',
    'UndefinedElement',
    atomDoc({ entries: [atomEntry({ content: '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>x</p></div></content>' })] }),
    atomDoc({ entries: [atomEntry({ content: '<content type="text"><p>x</p></content>' })] }),
    '<content type="text">',
  ],
  [
    'xhtml-div',
    'MissingXhtmlDiv',
    atomDoc({ entries: [atomEntry({ content: '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">x</div></content>' })] }),
    atomDoc({ entries: [atomEntry({ content: '<content type="xhtml">x</content>' })] }),
    '<content type="xhtml">',
  ],
  [
    'mode-attribute',
    'NotEscaped',
    atomDoc({ entries: [atomEntry({ summary: '<summary type="html">&lt;p&gt;R&lt;/p&gt;</summary>' })] }),
    atomDoc({ entries: [atomEntry({ summary: '<summary type="html" mode="escaped">\n<p>R</p></summary>' })] }),
    '<p>R',
  ],
  // The Atom 0.3 `mode` attribute, escaped or not, is an unexpected attribute in Atom 1.0, as any undefined one.
  [
    'unexpected-attribute',
    'UnexpectedAttribute',
    atomDoc(),
    atomDoc({ entries: [atomEntry({ summary: '<summary mode="escaped">R</summary>' })] }),
    '<summary mode',
  ],
  ['unexpected-attribute', 'UnexpectedAttribute', atomDoc(), atomDoc({ entries: [atomEntry({ title: '<title mode="xml">T</title>' })] }), '<title mode'],
  [
    'unexpected-attribute',
    'UnexpectedAttribute',
    atomDoc(),
    atomDoc({ head: { extra: '<generator url="https://example.org/">G</generator>' } }),
    '<generator url',
  ],
  [
    'xhtml-div',
    'MissingXhtmlDiv',
    atomDoc({ entries: [atomEntry({ content: '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>x</p></div></content>' })] }),
    atomDoc({ entries: [atomEntry({ content: '<content type="xhtml">\n<div><p>x</p></div></content>' })] }),
    '<div><p>',
  ],
  [
    'xhtml-div',
    'MissingNamespace',
    atomDoc({ entries: [atomEntry({ content: '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>x</p></div></content>' })] }),
    atomDoc({ entries: [atomEntry({ content: '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">\n<p xmlns="">x</p></div></content>' })] }),
    '<p xmlns',
  ],
  ['missing-attribute', 'MissingHref', atomDoc(), atomDoc({ entries: [atomEntry({ extra: '<link rel="related"/>' })] }), '<link rel="related"/>'],
  [
    'language-tag',
    'InvalidLanguage',
    atomDoc(),
    atomDoc({ entries: [atomEntry({ extra: '<link rel="alternate" hreflang="français" href="https://example.org/fr/"/>' })] }),
    'hreflang',
  ],
  [
    'whitespace',
    'UnexpectedWhitespace',
    atomDoc(),
    atomDoc({ entries: [atomEntry({ published: '<published> 2024-11-22T00:00:00+01:00</published>' })] }),
    '<published> ',
  ],
  ['plain-text', 'ContainsHTML', atomDoc(), atomDoc({ head: { author: '<author><name>Jos&amp;eacute; Martin</name></author>' } }), '<author>'],
  ['plain-text', 'ContainsUndeclaredHTML', atomDoc(), atomDoc({ entries: [atomEntry({ title: '<title>&lt;b&gt;Maroc&lt;/b&gt;</title>' })] }), '<title>&lt;b'],
  [
    'author-email',
    'InvalidAddrSpec',
    atomDoc({ head: { author: '<author><name>R</name><email>a+b@example.org</email></author>' } }),
    atomDoc({ head: { author: '<author><name>R</name><email>R &lt;r@example.org&gt;</email></author>' } }),
    '<author>',
  ],
  [
    'text-type',
    'InvalidMIMEType',
    atomDoc({ entries: [atomEntry({ summary: '<summary>R</summary>', content: '<content type="video/mp4" src="https://example.org/v.mp4"/>' })] }),
    atomDoc({ entries: [atomEntry({ content: '<content type="html" src="https://example.org/a.html"/>' })] }),
    '<content type="html"',
  ],
  ['email-host', 'UnknownHost', atomDoc(), atomDoc({ head: { author: '<author><name>R</name><email>redaction@localhost</email></author>' } }), '<author>'],
  [
    'source-incomplete',
    'MissingSourceElement',
    atomDoc({
      entries: [atomEntry({ extra: '<source><id>tag:example.org,2024-01-01:f</id><title>F</title><updated>2024-11-22T00:00:00Z</updated></source>' })],
    }),
    atomDoc({ entries: [atomEntry({ extra: '<source><title>F</title><updated>2024-11-22T00:00:00Z</updated></source>' })] }),
    '<source>',
  ],
  ['url-absolute', 'RelativeSelf', atomDoc(), atomDoc({ head: { self: '<link rel="self" type="application/atom+xml" href="/atom.xml"/>' } }), 'rel="self"'],
  ['text-type', 'InvalidTextType', atomDoc(), atomDoc({ entries: [atomEntry({ title: '<title type="text/plain">T</title>' })] }), 'text/plain'],
];

describe('lintFeed (Atom 1.0), rules with their W3C class', () => {
  describeClassedRules(lint, classed);

  it.each([
    ['a relative href without xml:base', 'url-absolute', atomDoc({ entries: [atomEntry({ link: '<link rel="alternate" href="/articles/maroc/"/>' })] })],
    ['a blank category term', 'category-term', atomDoc({ entries: [atomEntry({ category: '<category term=" "/>' })] })],
    ['an unregistered link relation', 'link-rel', atomDoc({ entries: [atomEntry({ extra: '<link rel="shortlink" href="https://example.org/s"/>' })] })],
  ])('reports %s as a warning, as the validator does', (_label, code, body) => {
    expect(
      lint(body)
        .filter((d) => d.code === code)
        .map((d) => d.severity),
    ).toEqual(['warning']);
  });
});

const XHTML = 'http://www.w3.org/1999/xhtml';

describe('lintFeed (Atom 1.0), faults named with the class the W3C validator gives them', () => {
  it.each([
    ['a misspelt content type keyword', '<content type="HTML">&lt;p&gt;x&lt;/p&gt;</content>', ['text-type/InvalidMIMEType']],
    [
      'an Atom 0.3 mode on a text construct',
      '<content type="html" mode="escaped">&lt;p&gt;x&lt;/p&gt;</content>',
      ['unexpected-attribute/UnexpectedAttribute'],
    ],
    ['a div outside the XHTML namespace', '<content type="xhtml"><div>x</div></content>', ['xhtml-div/MissingXhtmlDiv']],
    ['text after the XHTML div', `<content type="xhtml"><div xmlns="${XHTML}">a</div>fin</content>`, ['unexpected-text/UnexpectedText']],
    [
      'an element after an empty XHTML div',
      `<content type="xhtml"><div xmlns="${XHTML}"></div><p xmlns="${XHTML}">b</p></content>`,
      ['xhtml-div/MissingXhtmlDiv'],
    ],
    ['two XHTML divs (a warning only)', `<content type="xhtml"><div xmlns="${XHTML}">a</div><div xmlns="${XHTML}">b</div></content>`, []],
  ])('reports %s with that class only', (_label, content, expected) => {
    const found = lint(atomDoc({ entries: [atomEntry({ summary: '', content })] })).filter((d) => d.severity === 'error');
    expect(found.map((d) => `${d.code}/${d.w3c}`)).toEqual(expected);
  });

  it.each([
    ['https://creativecommons.org/licenses/by/4.0/', []],
    ['Attribution-NonCommercial', ['url-invalid/InvalidFullLink']],
  ])('reads creativeCommons:license %s in a feed and an entry as a full URI', (license, expected) => {
    const root = '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:cc="http://backend.userland.com/creativeCommonsRssModule" xml:lang="fr-FR">';
    const body = atomDoc({
      root,
      head: { extra: `<cc:license>${license}</cc:license>` },
      entries: [atomEntry({ extra: `<cc:license>${license}</cc:license>` })],
    });
    const found = lint(body).filter((d) => d.severity === 'error');
    expect(found.map((d) => `${d.code}/${d.w3c}`)).toEqual([...expected, ...expected]);
  });

  it('reports text beside the elements of an entry as UnexpectedText', () => {
    const found = lint(atomDoc({ entries: [atomEntry({ extra: 'texte égaré' })] })).filter((d) => d.severity === 'error');
    expect(found.map((d) => `${d.code}/${d.w3c}`)).toEqual(['unexpected-text/UnexpectedText']);
  });
});
