import { describe, expect, it } from 'vitest';
import { lintFeed } from '../../src/lint/lint-feed.ts';
import { NOW, rssDoc, rssItem } from './feed-docs.ts';
import { type ClassedRuleRow, describeClassedRules, describeRules, describeWarnings, type RuleRow, type WarningRow } from './lint-rule-table.ts';

const lint = (body: string) => lintFeed({ path: '/feed.xml', body, format: 'rss', now: NOW });

const rows: RuleRow[] = [
  // channel
  [
    'rss-root',
    rssDoc(),
    rssDoc({
      root: '<rss version="3.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    }),
    '<rss version="3.0"',
  ],
  ['missing-required', rssDoc(), rssDoc({ head: { title: '<!-- no title -->' } }), '<channel>'],
  ['missing-required', rssDoc(), rssDoc({ head: { description: '<!-- none -->' } }), '<channel>'],
  ['self-link-missing', rssDoc(), rssDoc({ head: { self: '<atom:link href="https://example.org/" rel="alternate"/>' } }), '<channel>'],
  ['self-link-type', rssDoc(), rssDoc({ head: { self: '<atom:link href="https://example.org/feed.xml" rel="self" type="application/xml"/>' } }), 'rel="self"'],
  ['language-tag', rssDoc({ head: { language: '<language>fr-CA</language>' } }), rssDoc({ head: { language: '<language>français</language>' } }), '<language>'],
  ['language-tag', rssDoc({ head: { language: '<language>fr</language>' } }), rssDoc({ head: { language: '<language>fr_FR</language>' } }), '<language>'],
  ['url-invalid', rssDoc(), rssDoc({ head: { link: '<link>example.org</link>' } }), '<link>example.org'],
  ['duplicate-element', rssDoc(), rssDoc({ head: { extra: '<title>Deuxième titre</title>' } }), 'Deuxième titre'],
  [
    'author-email',
    rssDoc({ head: { extra: '<managingEditor>redac@example.org (Rédaction)</managingEditor>' } }),
    rssDoc({ head: { extra: '<managingEditor>Rédaction</managingEditor>' } }),
    '<managingEditor>',
  ],
  // items
  [
    'item-title-or-description',
    rssDoc({ items: [rssItem({ title: '<!-- -->' })] }),
    rssDoc({ items: [rssItem({ title: '<!-- -->', description: '<!-- -->', content: '<!-- -->' })] }),
    '<item>',
  ],
  [
    'guid-duplicate',
    rssDoc({ items: [rssItem({}, 0), rssItem({}, 1)] }),
    rssDoc({ items: [rssItem({}, 0), rssItem({ guid: '<guid isPermaLink="false">tag:example.org,2024-01-01:maroc-0</guid>' }, 1)] }),
    'maroc-0</guid>\n<pubDate>Thu',
  ],
  [
    'guid-not-permalink',
    rssDoc({ items: [rssItem({ guid: '<guid>https://example.org/articles/maroc-0/</guid>' })] }),
    rssDoc({ items: [rssItem({ guid: '<guid>tag:example.org,2024-01-01:maroc-0</guid>' })] }),
    '<guid>',
  ],
  ['guid-not-permalink', rssDoc(), rssDoc({ items: [rssItem({ guid: '<guid isPermaLink="true">maroc-0</guid>' })] }), '<guid'],
  ['url-invalid', rssDoc(), rssDoc({ items: [rssItem({ link: '<link>/articles/maroc/</link>' })] }), '<link>/articles'],
  ['url-invalid', rssDoc(), rssDoc({ items: [rssItem({ link: '<link>https://example.org/un article</link>' })] }), '<link>https://example.org/un'],
  [
    'url-invalid',
    rssDoc({ items: [rssItem({ extra: '<enclosure url="https://example.org/a.jpg" length="10" type="image/jpeg"/>' })] }),
    rssDoc({ items: [rssItem({ extra: '<enclosure url="images/a.jpg" length="10" type="image/jpeg"/>' })] }),
    '<enclosure',
  ],
  [
    'url-invalid',
    rssDoc({ items: [rssItem({ extra: '<enclosure url="https://example.org/a.jpg" length="10" type="image/jpeg"/>' })] }),
    rssDoc({ items: [rssItem({ extra: '<enclosure url="ftp://example.org/a.jpg" length="10" type="image/jpeg"/>' })] }),
    '<enclosure',
  ],
  [
    'url-absolute',
    rssDoc({ items: [rssItem({ extra: '<comments>https://example.org/c/</comments>' })] }),
    rssDoc({ items: [rssItem({ extra: '<comments>ftp://example.org/c/</comments>' })] }),
    '<comments>',
  ],
  [
    'author-email',
    rssDoc({ items: [rssItem({ extra: '<author>claire@example.org (Claire Dupont)</author>' })] }),
    rssDoc({ items: [rssItem({ extra: '<author>Claire Dupont</author>' })] }),
    '<author>',
  ],
  [
    'duplicate-element',
    rssDoc({ items: [rssItem({ extra: '<author>claire@example.org</author>' })] }),
    rssDoc({ items: [rssItem({ extra: '<author>claire@example.org</author>\n<author>paul@example.org</author>' })] }),
    '<author>paul',
  ],
  ['duplicate-element', rssDoc(), rssDoc({ items: [rssItem({ extra: '<pubDate>Fri, 22 Nov 2024 10:00:00 +0100</pubDate>' })] }), '10:00:00'],
  ['description-with-content', rssDoc(), rssDoc({ items: [rssItem({ description: '<!-- -->' })] }), '<content:encoded>'],
  ['plain-text', rssDoc(), rssDoc({ items: [rssItem({ title: '<title>&lt;b&gt;Maroc&lt;/b&gt;</title>' })] }), '<title>&lt;b'],
  ['plain-text', rssDoc(), rssDoc({ items: [rssItem({ title: '<title><![CDATA[Maroc <em>chaud</em>]]></title>' })] }), '<title><![CDATA'],
  [
    'plain-text',
    rssDoc({ items: [rssItem({ extra: '<category>Sports &amp; loisirs</category>' })] }),
    rssDoc({ items: [rssItem({ extra: '<category>Soci&amp;eacute;t&amp;eacute;</category>' })] }),
    'Soci&amp;',
  ],
  [
    'plain-text',
    rssDoc({ items: [rssItem({ title: '<title><![CDATA[R&D <Tech> & co]]></title>' })] }),
    rssDoc({ head: { description: '<description>Les &lt;b&gt;dépêches&lt;/b&gt;</description>' } }),
    '<description>Les',
  ],
  // rules of the W3C validator (feedvalidator message names in src/lint)
  [
    'plain-text-unencoded',
    rssDoc({ items: [rssItem({ title: '<title>R&amp;D &#x3C;Tech&gt; : 3 &lt; 4</title>' })] }),
    rssDoc({ items: [rssItem({ title: '<title>R&amp;D &lt;Tech&gt; : 3 &lt; 4</title>' })] }),
    '<title>R&amp;D &lt;Tech',
  ],
  ['plain-text-unencoded', rssDoc(), rssDoc({ items: [rssItem({ extra: '<category><![CDATA[R&D <Tech>]]></category>' })] }), '<category><![CDATA'],
  ['element-undefined', rssDoc({ head: { extra: '<ttl>60</ttl>' } }), rssDoc({ head: { extra: '<updated>2024-11-22T00:00:00Z</updated>' } }), '<updated>'],
  ['element-undefined', rssDoc(), rssDoc({ items: [rssItem({ extra: '<image>https://example.org/a.jpg</image>' })] }), '<image>'],
  [
    'duplicate-semantics',
    rssDoc({ items: [rssItem({ extra: '<dc:subject>Société</dc:subject>' })] }).replace(
      '<category domain="https://example.org/categories/">Société</category>\n',
      '',
    ),
    rssDoc({ items: [rssItem({ extra: '<author>claire@example.org (Claire Dupont)</author>' })] }),
    '<author>claire',
  ],
  ['duplicate-semantics', rssDoc(), rssDoc({ head: { extra: '<dc:language>fr</dc:language>' } }), '<dc:language>'],
  ['guid-missing', rssDoc(), rssDoc({ items: [rssItem({ guid: '<!-- no guid -->' })] }), '<item>'],
  [
    'description-with-content',
    rssDoc(),
    rssDoc({ items: [rssItem({ description: '<!-- -->', extra: '<description>Résumé après coup</description>' })] }),
    '<content:encoded>',
  ],
  [
    'enclosure-attributes',
    rssDoc({ items: [rssItem({ extra: '<enclosure url="https://example.org/a.jpg" length="0" type="image/jpeg"/>' })] }),
    rssDoc({ items: [rssItem({ extra: '<enclosure url="https://example.org/a.jpg" type="image/jpeg"/>' })] }),
    '<enclosure',
  ],
  [
    'enclosure-attributes',
    rssDoc(),
    rssDoc({ items: [rssItem({ extra: '<enclosure url="https://example.org/a.jpg" length="-1" type="image/jpeg"/>' })] }),
    '<enclosure',
  ],
  [
    'enclosure-attributes',
    rssDoc(),
    rssDoc({ items: [rssItem({ extra: '<enclosure url="https://example.org/a.jpg" length="12" type="jpeg image"/>' })] }),
    '<enclosure',
  ],
  [
    'author-email-name',
    rssDoc({ items: [rssItem({ extra: '<author>claire@example.org (Claire Dupont)</author>' })] }),
    rssDoc({ items: [rssItem({ extra: '<author>claire@example.org</author>' })] }),
    '<author>',
  ],
  ['author-email-name', rssDoc(), rssDoc({ head: { extra: '<webMaster>web@example.org</webMaster>' } }), '<webMaster>'],
  ['text-blank', rssDoc(), rssDoc({ items: [rssItem({ title: '<title></title>' })] }), '<title></title>'],
  ['link-type', rssDoc(), rssDoc({ head: { extra: '<atom:link href="https://hub.example.org/" rel="hub" type="hub"/>' } }), 'rel="hub"'],
  [
    'namespace-unknown',
    rssDoc({
      root: '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">',
    }),
    rssDoc({
      root: '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:x="https://example.org/ns">',
    }),
    '<rss',
  ],
];

/** Each code the W3C validator reports as a warning, with a document that raises it. */
const warnings: WarningRow[] = [
  ['plain-text', rssDoc({ items: [rssItem({ title: '<title>&lt;b&gt;Maroc&lt;/b&gt;</title>' })] })],
  ['plain-text-unencoded', rssDoc({ items: [rssItem({ title: '<title>R&amp;D &lt;Tech&gt;</title>' })] })],
  ['duplicate-semantics', rssDoc({ items: [rssItem({ extra: '<author>claire@example.org (Claire Dupont)</author>' })] })],
  ['guid-missing', rssDoc({ items: [rssItem({ guid: '<!-- -->' })] })],
  ['description-with-content', rssDoc({ items: [rssItem({ description: '<!-- -->' })] })],
  ['url-absolute', rssDoc({ items: [rssItem({ extra: '<comments>ftp://example.org/c/</comments>' })] })],
  ['author-email-name', rssDoc({ items: [rssItem({ extra: '<author>claire@example.org</author>' })] })],
  ['text-blank', rssDoc({ items: [rssItem({ title: '<title> </title>' })] })],
  [
    'namespace-unknown',
    rssDoc({
      root: '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:x="urn:x">',
    }),
  ],
];

describe('lintFeed (RSS 2.0)', () => {
  describe('when the feed is valid', () => {
    it('reports nothing', () => {
      expect(lint(rssDoc({ items: [rssItem({}, 0), rssItem({}, 1), rssItem({}, 2)] }))).toEqual([]);
    });
  });

  describeRules(lint, rows);

  describeWarnings(lint, warnings);

  describe('when an item names its authors the way Gazette does', () => {
    it('raises nothing for several dc:creator and no <author>', () => {
      const item = rssItem({ extra: '<dc:creator>Paul Girard</dc:creator>' });
      expect(lint(rssDoc({ items: [item] }))).toEqual([]);
    });
  });

  describe('when a finding is reported', () => {
    it('names the feed path and the element', () => {
      const [finding] = lint(rssDoc({ items: [rssItem({ link: '<link>/articles/maroc/</link>' })] }));
      expect(finding).toMatchObject({ severity: 'error', file: '/feed.xml', field: 'link', code: 'url-invalid', w3c: 'InvalidFullLink' });
    });
  });
});

const classed: ClassedRuleRow[] = [
  ['integer-value', 'InvalidPositiveInteger', rssDoc({ head: { extra: '<ttl>60</ttl>' } }), rssDoc({ head: { extra: '<ttl>0</ttl>' } }), '<ttl>'],
  [
    'missing-required',
    'MissingLink',
    rssDoc({ head: { extra: '<image><url>https://example.org/l.png</url><title>G</title><link>https://example.org/</link></image>' } }),
    rssDoc({ head: { extra: '<image><url>https://example.org/l.png</url><title>G</title></image>' } }),
    '<image>',
  ],
  [
    'image-size',
    'InvalidWidth',
    rssDoc({ head: { extra: '<image><url>https://example.org/l.png</url><title>G</title><link>https://example.org/</link><width>144</width></image>' } }),
    rssDoc({ head: { extra: '<image><url>https://example.org/l.png</url><title>G</title><link>https://example.org/</link><width>145</width></image>' } }),
    '<image>',
  ],
  [
    'form-name',
    'InvalidFormComponentName',
    rssDoc({ head: { extra: '<textInput><title>T</title><description>D</description><name>q</name><link>https://example.org/s</link></textInput>' } }),
    rssDoc({ head: { extra: '<textInput><title>T</title><description>D</description><name>1q</name><link>https://example.org/s</link></textInput>' } }),
    '<textInput>',
  ],
  [
    'missing-attribute',
    'MissingAttribute',
    rssDoc({ head: { extra: '<cloud domain="example.org" port="80" path="/rpc" registerProcedure="p" protocol="xml-rpc"/>' } }),
    rssDoc({ head: { extra: '<cloud domain="example.org" port="80" path="/rpc" protocol="xml-rpc"/>' } }),
    '<cloud',
  ],
  [
    'hour-value',
    'InvalidHour',
    rssDoc({ head: { extra: '<skipHours><hour>0</hour><hour>23</hour></skipHours>' } }),
    rssDoc({ head: { extra: '<skipHours><hour>25</hour></skipHours>' } }),
    '<skipHours>',
  ],
  [
    'duplicate-value',
    'DuplicateValue',
    rssDoc({ head: { extra: '<skipDays><day>Monday</day><day>Sunday</day></skipDays>' } }),
    rssDoc({ head: { extra: '<skipDays><day>Monday</day><day>Monday</day></skipDays>' } }),
    '<skipDays>',
  ],
  ['day-value', 'InvalidDay', rssDoc(), rssDoc({ head: { extra: '<skipDays><day>Lundi</day></skipDays>' } }), '<skipDays>'],
  [
    'date-w3cdtf',
    'InvalidW3CDTFDate',
    rssDoc({ head: { extra: '<dc:date>2024-11-22</dc:date>' } }),
    rssDoc({ head: { extra: '<dc:date>22/11/2024</dc:date>' } }),
    '<dc:date>',
  ],
  [
    'enclosure-attributes',
    'InvalidIntegerAttribute',
    rssDoc(),
    rssDoc({ items: [rssItem({ extra: '<enclosure url="https://example.org/a.jpg" length="1.5" type="image/jpeg"/>' })] }),
    '<enclosure',
  ],
  [
    'enclosure-attributes',
    'UseZeroForUnknown',
    rssDoc(),
    rssDoc({ items: [rssItem({ extra: '<enclosure url="https://example.org/a.jpg" length="-1" type="image/jpeg"/>' })] }),
    '<enclosure',
  ],
  [
    'enclosure-attributes',
    'InvalidMIMEAttribute',
    rssDoc(),
    rssDoc({ items: [rssItem({ extra: '<enclosure url="https://example.org/a.jpg" length="1" type="jpeg"/>' })] }),
    '<enclosure',
  ],
  ['guid-not-permalink', 'InvalidPermalink', rssDoc(), rssDoc({ items: [rssItem({ guid: '<guid>tag:example.org,2024-01-01:maroc-0</guid>' })] }), '<guid>'],
  ['tag-uri', 'InvalidTAG', rssDoc(), rssDoc({ items: [rssItem({ guid: '<guid isPermaLink="false">tag:example.org,2024-01-01:maroc 0</guid>' })] }), '<guid'],
  [
    'unexpected-attribute',
    'UnexpectedAttribute',
    rssDoc(),
    rssDoc({ items: [rssItem({ guid: '<guid ispermalink="false">tag:example.org,2024-01-01:maroc-0</guid>' })] }),
    '<guid',
  ],
  [
    'author-email',
    'InvalidContact',
    rssDoc({ items: [rssItem({ extra: '<author>mailto:claire@example.org (Claire)</author>' })] }),
    rssDoc({ items: [rssItem({ extra: '<author>claire chez example.org (Claire)</author>' })] }),
    '<author>',
  ],
  [
    'author-email-name',
    'EmailFormat',
    rssDoc(),
    rssDoc({ head: { extra: '<managingEditor>Claire &lt;claire@example.org&gt;</managingEditor>' } }),
    '<managingEditor>',
  ],
  ['url-invalid', 'InvalidFullLink', rssDoc(), rssDoc({ items: [rssItem({ extra: '<source url="/flux.xml">AFP</source>' })] }), '<source'],
  ['plain-text', 'ContainsHTML', rssDoc(), rssDoc({ items: [rssItem({ extra: '<dc:creator>Jos&amp;eacute; Martin</dc:creator>' })] }), 'Jos&amp;'],
  [
    'duplicate-semantics',
    'DuplicateItemSemantics',
    rssDoc(),
    rssDoc({ items: [rssItem({ extra: '<dc:date>2024-11-22T00:00:00+01:00</dc:date>' })] }),
    '<dc:date>',
  ],
  ['text-blank', 'NotBlank', rssDoc(), rssDoc({ items: [rssItem({ extra: '<category> </category>' })] }), '<category> </category>'],
  [
    'date-rfc822-form',
    'ProblematicalRFC822Date',
    rssDoc(),
    rssDoc({ items: [rssItem({ pubDate: '<pubDate>Fri (vendredi) , 22 Nov 2024 00:00:00 +0100</pubDate>' })] }),
    '(vendredi)',
  ],
  [
    'date-rfc822-form',
    'ProblematicalRFC822Date',
    rssDoc(),
    rssDoc({ items: [rssItem({ pubDate: '<pubDate>Fri, 22 Nov 2024 00:00:00 +0100 (CET)</pubDate>' })] }),
    '(CET)',
  ],
];

/** The RSS 2.0 root with the older modules the validator checks (Creative Commons, blogChannel, Geo, Trackback, admin). */
const MODULES_ROOT =
  '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:cc="http://backend.userland.com/creativeCommonsRssModule" xmlns:blogChannel="http://backend.userland.com/blogChannelModule" xmlns:geo="http://www.w3.org/2003/01/geo/wgs84_pos#" xmlns:trackback="http://madskills.com/public/xml/rss/module/trackback/" xmlns:admin="http://webns.net/mvcb/" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">';
const withModules = (head: string, item = '') => rssDoc({ root: MODULES_ROOT, head: { extra: head }, items: [rssItem({ extra: item })] });

/** Module values and attributes, as the validator checks them (extension.py, base.py). */
classed.push(
  [
    'url-invalid',
    'InvalidFullLink',
    withModules(
      '<cc:license>https://creativecommons.org/licenses/by/4.0/</cc:license>',
      '<cc:license>https://creativecommons.org/licenses/by/4.0/</cc:license>',
    ),
    withModules('', '<cc:license>by-sa</cc:license>'),
    '<cc:license>by-sa',
  ],
  [
    'url-invalid',
    'InvalidFullLink',
    withModules('<blogChannel:blink>https://example.com/</blogChannel:blink>'),
    withModules('<blogChannel:blink>example.com</blogChannel:blink>'),
    'example.com<',
  ],
  [
    'duplicate-element',
    'DuplicateElement',
    withModules('<admin:errorReportsTo rdf:resource="mailto:redaction@example.org"/>'),
    withModules('<admin:errorReportsTo rdf:resource="mailto:a@example.org"/>\n<admin:errorReportsTo rdf:resource="mailto:b@example.org"/>'),
    'mailto:b@',
  ],
  [
    'coordinate',
    'InvalidLatitude',
    withModules('', '<geo:lat>-90</geo:lat>\n<geo:long>180.0</geo:long>'),
    withModules('', '<geo:lat>91.048</geo:lat>'),
    '<geo:lat>',
  ],
  ['coordinate', 'InvalidLongitude', withModules('', '<geo:long>-118.2473</geo:long>'), withModules('', '<geo:long>nord</geo:long>'), '<geo:long>'],
  [
    'url-invalid',
    'InvalidFullLink',
    withModules('', '<trackback:about>https://example.org/tb?id=1</trackback:about>'),
    withModules('', '<trackback:about rdf:resource="https://example.org/tb?id=1"/>'),
    '<trackback:about',
  ],
  ['unexpected-attribute', 'UnexpectedAttribute', rssDoc(), rssDoc({ items: [rssItem({ title: '<title lang="fr">Maroc</title>' })] }), '<title lang'],
  [
    'unexpected-attribute',
    'UnexpectedAttribute',
    rssDoc({ head: { extra: '<cloud domain="rpc.example.org" port="80" path="/RPC2" registerProcedure="p" protocol="xml-rpc"/>' } }),
    rssDoc({ head: { extra: '<image url="https://example.org/logo.png"><title>G</title><link>https://example.org/</link></image>' } }),
    '<image url',
  ],
);

describe('lintFeed (RSS 2.0), rules with their W3C class', () => {
  describeClassedRules(lint, classed);

  it.each([
    [
      'two enclosures',
      'enclosure-duplicate',
      rssDoc({
        items: [
          rssItem({
            extra:
              '<enclosure url="https://example.org/a.jpg" length="1" type="image/jpeg"/>\n<enclosure url="https://example.org/b.jpg" length="1" type="image/jpeg"/>',
          }),
        ],
      }),
    ],
    ['an empty guid', 'guid-empty', rssDoc({ items: [rssItem({ guid: '<guid isPermaLink="false"></guid>' })] })],
    ['an ftp: link', 'url-absolute', rssDoc({ items: [rssItem({ link: '<link>ftp://example.org/a.txt</link>' })] })],
    ['a C1 control character', 'c1-control', rssDoc({ items: [rssItem({ title: '<title>l\u0092été</title>' })] })],
  ])('reports %s as a warning only, as the validator does', (_label, code, body) => {
    const found = lint(body);
    expect(found.filter((d) => d.code === code).map((d) => d.severity)).toEqual(['warning']);
    expect(found.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('reads a self link without a type as a warning, one with another type as an error', () => {
    const untyped = lint(rssDoc({ head: { self: '<atom:link href="https://example.org/feed.xml" rel="self"/>' } }));
    expect(untyped.filter((d) => d.code === 'self-link-type').map((d) => d.severity)).toEqual(['warning']);
    const atomTyped = lint(rssDoc({ head: { self: '<atom:link href="https://example.org/feed.xml" rel="self" type="application/atom+xml"/>' } }));
    expect(atomTyped.filter((d) => d.code === 'self-link-type').map((d) => d.severity)).toEqual(['error']);
  });

  it.each([
    ['0.91', 'plain text: markup is shown, not run', [], ['plain-text']],
    ['0.92', 'HTML', ['unsafe-element'], []],
  ])('reads an RSS %s item description as %s', (version, _label, errors, warnings) => {
    const body = rssDoc({
      root: `<rss version="${version}" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">`,
      head: { self: '<!-- -->' },
      items: [rssItem({ guid: '<!-- -->', description: '<description>&lt;script&gt;x()&lt;/script&gt;</description>' })],
    });
    const found = lintFeed({ path: '/f.xml', body, format: 'rss-0.9x', now: NOW });
    expect(found.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(errors);
    expect(found.filter((d) => d.code === 'plain-text').map((d) => d.code)).toEqual(warnings);
  });

  it('reads RSS 0.91 with the RSS 2.0 rules, without asking for RSS 2.0 additions', () => {
    const body = rssDoc({
      root: '<rss version="0.91" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
      head: { self: '<!-- -->' },
      items: [rssItem({ guid: '<!-- -->' })],
    });
    expect(lintFeed({ path: '/f.xml', body, format: 'rss-0.9x', now: NOW })).toEqual([]);
  });
});

describe('lintFeed (RSS 2.0), faults named with the class the W3C validator gives them', () => {
  it.each([
    [
      'an invalid isPermaLink (no permalink then)',
      rssDoc({ items: [rssItem({ guid: '<guid isPermaLink="">maroc-1</guid>' })] }),
      ['guid-permalink-value/InvalidBooleanAttribute'],
    ],
    [
      'an enclosure URL with a space',
      rssDoc({ items: [rssItem({ extra: '<enclosure url="https://example.org/a.mp3 mp3" length="1" type="audio/mpeg"/>' })] }),
      ['url-invalid/InvalidURLAttribute'],
    ],
    [
      'a relative enclosure URL',
      rssDoc({ items: [rssItem({ extra: '<enclosure url="/a.mp3" length="1" type="audio/mpeg"/>' })] }),
      ['url-invalid/InvalidURLAttribute'],
    ],
    [
      'an <rss> without version',
      rssDoc({
        root: '<rss xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
      }),
      ['missing-attribute/MissingAttribute'],
    ],
    ['a lower-case <textinput>', rssDoc({ head: { extra: '<textinput>\n</textinput>' } }), ['element-undefined/UndefinedElement']],
    [
      'eight days to skip',
      rssDoc({
        head: {
          extra:
            '<skipDays><day>Monday</day><day>Tuesday</day><day>Wednesday</day><day>Thursday</day><day>Friday</day><day>Saturday</day><day>Sunday</day><day>Monday</day></skipDays>',
        },
      }),
      ['skip-count/EightDaysAWeek', 'duplicate-value/DuplicateValue'],
    ],
    [
      'twenty-five hours to skip',
      rssDoc({ head: { extra: `<skipHours>${Array.from({ length: 24 }, (_, h) => `<hour>${h}</hour>`).join('')}<hour>1</hour></skipHours>` } }),
      ['skip-count/NotEnoughHoursInTheDay', 'duplicate-value/DuplicateValue'],
    ],
    [
      'an <rss> in a namespace',
      rssDoc({
        root: '<rss version="2.0" xmlns="https://example.org/ns/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
      }),
      ['rss-root/InvalidNamespace'],
    ],
    ['a <blink> in the channel', rssDoc({ head: { extra: '<blink>https://example.org/</blink>' } }), ['element-undefined/NoBlink']],
    ['text beside the channel elements', rssDoc({ head: { extra: 'texte égaré' } }), ['unexpected-text/UnexpectedText']],
  ])('reports %s with that class only', (_label, body, expected) => {
    const found = lint(body).filter((d) => d.severity === 'error');
    expect(found.map((d) => `${d.code}/${d.w3c}`)).toEqual(expected);
  });
});
