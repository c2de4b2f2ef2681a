import { describe, expect, it } from 'vitest';
import { lintFeedFile } from '../../src/lint/lint-file.ts';
import { decodeFeed, detectFormat, type DocumentFormat } from '../../src/lint/read-feed.ts';
import { atomDoc, NOW, rssDoc } from './feed-docs.ts';

const ATOM = 'xmlns="http://www.w3.org/2005/Atom"';
const RDF = 'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"';

// [label, document, format] — the format comes from the root element, whatever comes before it.
const formats: [string, string, DocumentFormat][] = [
  ['an RSS 2.0 feed', '<rss version="2.0"><channel/></rss>', 'rss'],
  ['an Atom feed after a comment holding "<"', `<?xml version="1.0"?>\n<!-- Author: Sam <sam@example.org> -->\n<feed ${ATOM}/>`, 'atom'],
  [
    'an Atom feed after a PI, a doctype with an internal subset and comments',
    `<?xml version="1.0"?><?xml-stylesheet href="a.xsl"?><!DOCTYPE feed [<!ENTITY x "<rss>"><!-- ] > --> ]><!-- <rss> --><feed ${ATOM}/>`,
    'atom',
  ],
  ['a prefixed Atom feed', '<a:feed xmlns:a="http://www.w3.org/2005/Atom"/>', 'atom'],
  ['an Atom entry document', `<entry ${ATOM}/>`, 'atom-entry'],
  ['an Atom 0.3 feed', '<feed version="0.3" xmlns="http://purl.org/atom/ns#"/>', 'atom-0.3'],
  ['an Atom feed in no namespace', '<feed/>', 'unknown'],
  ['RSS 0.91', '<rss version="0.91"><channel/></rss>', 'rss-0.9x'],
  ['RSS 0.92', "<rss version='0.92'><channel/></rss>", 'rss-0.9x'],
  ['RSS 1.0', `<rdf:RDF ${RDF} xmlns="http://purl.org/rss/1.0/"/>`, 'rss-1.0'],
  ['RSS 1.1', '<Channel xmlns="http://purl.org/net/rss1.1#"/>', 'rss-1.1'],
  ['JSON Feed after a BOM and blank lines', '\uFEFF\n\n{"version":"https://jsonfeed.org/version/1.1"}', 'json'],
  ['an HTML page', '<!DOCTYPE html><html></html>', 'unknown'],
];

// [label, bytes, expected text fragment, encoding]
const encodings: [string, Uint8Array, string, string][] = [
  ['UTF-8 without declaration', Buffer.from('<t>été</t>', 'utf8'), 'été', 'utf-8'],
  ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<t>été</t>', 'utf8')]), '<t>été', 'utf-8'],
  [
    'UTF-16 LE with a BOM',
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<?xml version="1.0" encoding="utf-16"?><t>été</t>', 'utf16le')]),
    '<t>été',
    'utf-16le',
  ],
  ['UTF-16 BE with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('<t>été</t>', 'utf16le').swap16()]), '<t>été', 'utf-16be'],
  ['UTF-16 LE without a BOM', Buffer.from('<?xml version="1.0"?><t>été</t>', 'utf16le'), 'été', 'utf-16le'],
  ['ISO-8859-1 declared', Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><t>été</t>', 'latin1'), 'été', 'iso-8859-1'],
  [
    'ISO-8859-15 declared (€ at 0xA4)',
    Buffer.concat([Buffer.from('<?xml version="1.0" encoding="iso-8859-15"?><t>'), Buffer.from([0xa4]), Buffer.from('</t>')]),
    '€',
    'iso-8859-15',
  ],
  [
    'Windows-1252 declared (’ at 0x92)',
    Buffer.concat([Buffer.from("<?xml version='1.0' encoding='windows-1252'?><t>l"), Buffer.from([0x92]), Buffer.from('été</t>', 'latin1')]),
    'l’été',
    'windows-1252',
  ],
];

describe('detectFormat', () => {
  it.each(formats)('reads %s', (_label, text, format) => {
    expect(detectFormat(text)).toBe(format);
  });
});

describe('decodeFeed', () => {
  it.each(encodings)('decodes %s', (_label, bytes, fragment, encoding) => {
    const decoded = decodeFeed(bytes);
    expect(decoded.text).toContain(fragment);
    expect(decoded.text.startsWith('\uFEFF')).toBe(false);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.problems).toEqual([]);
  });

  it.each([
    ['an unknown label', Buffer.from('<?xml version="1.0" encoding="x-gazette"?><t/>'), 'encoding-unknown'],
    [
      'a UTF-8 BOM with a Latin-1 declaration',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<?xml version="1.0" encoding="iso-8859-1"?><t/>')]),
      'encoding-mismatch',
    ],
    ['UTF-16 declared without UTF-16 bytes', Buffer.from('<?xml version="1.0" encoding="UTF-16"?><t/>'), 'encoding-mismatch'],
  ])('reports %s', (_label, bytes, code) => {
    expect(decodeFeed(bytes).problems.map((p) => p.code)).toEqual([code]);
  });
});

describe('lintFeedFile', () => {
  const lint = (bytes: Uint8Array) => lintFeedFile('/f.xml', bytes, { now: NOW });

  it.each([
    ['UTF-16 LE with a BOM', (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s.replace('utf-8', 'utf-16'), 'utf16le')])],
    ['UTF-16 BE with a BOM', (s: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s.replace('utf-8', 'utf-16'), 'utf16le').swap16()])],
    ['ISO-8859-1 declared', (s: string) => Buffer.from(s.replace('utf-8', 'ISO-8859-1').replace(/[’«»\u00a0]/g, '"'), 'latin1')],
  ])('lints a valid feed in %s without findings and keeps its accents', (_label, encode) => {
    for (const doc of [rssDoc(), atomDoc()]) {
      const found = lint(encode(doc));
      expect(found.diagnostics).toEqual([]);
    }
  });

  it('lints an Atom feed whose leading comment holds "<" as Atom', () => {
    const found = lint(Buffer.from(atomDoc().replace('?>', '?>\n<!-- Auteur : Claire <claire@example.org> -->')));
    expect(found.format).toBe('atom');
    expect(found.diagnostics).toEqual([]);
  });

  it('expands entities declared in the internal DTD subset, and only those', () => {
    const dtd = '<!DOCTYPE rss [<!ENTITY eacute "&#233;"><!ENTITY ext SYSTEM "https://example.org/e.ent">]>';
    const ok = rssDoc().replace('?>', `?>\n${dtd}`).replace('Gazette de test', 'Caf&eacute;');
    expect(lint(Buffer.from(ok)).diagnostics).toEqual([]);
    const external = rssDoc().replace('?>', `?>\n${dtd}`).replace('Gazette de test', 'Caf&ext;');
    expect(lint(Buffer.from(external)).diagnostics.map((d) => d.code)).toEqual(['xml-malformed']);
  });

  it.each([
    [
      'RSS 0.91 with the Netscape DTD and an HTML entity',
      '<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://www.rssboard.org/rss-0.91.dtd">\n<rss version="0.91"><channel><title>Caf&eacute;</title><link>https://example.org/</link><description>D</description><language>fr</language>\n<item><title>T</title><link>https://example.org/a</link></item></channel></rss>',
      'rss-0.9x',
      [],
    ],
    [
      'RSS 0.91 with the Netscape DTD at its old, gone address',
      '<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss version="0.91"><channel><title>Caf&eacute;</title><link>https://example.org/</link><description>D</description><language>fr</language>\n<item><title>T</title><link>https://example.org/a</link></item></channel></rss>',
      'rss-0.9x',
      [['doctype', 'DeprecatedDTD']],
    ],
    [
      'RSS 0.92 with the RSS 0.91 DTD',
      '<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://www.rssboard.org/rss-0.91.dtd">\n<rss version="0.92"><channel><title>Caf&eacute;</title><link>https://example.org/</link><description>D</description><language>fr</language>\n<item><title>T</title><link>https://example.org/a</link></item></channel></rss>',
      'rss-0.9x',
      [['doctype', 'InvalidDoctype']],
    ],
    [
      'an undefined entity with an external DTD, which the validator skips',
      '<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "https://example.org/rss.dtd">\n<rss version="0.92"><channel><title>Caf&eacute;</title><link>https://example.org/</link><description>D</description></channel></rss>',
      'rss-0.9x',
      [['xml-malformed', 'UndefinedNamedEntity']],
    ],
    [
      'RSS 1.0',
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel rdf:about="https://example.org/"><title>T</title><link>https://example.org/</link><description>D</description><items/></channel>\n<item rdf:about="https://example.org/a"><title>A</title><link>https://example.org/a</link><dc:date>2024-11-22T10:00:00+01:00</dc:date></item>\n</rdf:RDF>',
      'rss-1.0',
      [],
    ],
    [
      'RSS 1.0 without item link and with a bad dc:date',
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel rdf:about="https://example.org/"><title>T</title><link>https://example.org/</link><description>D</description><items/></channel>\n<item rdf:about="https://example.org/a"><title>A</title><dc:date>22/11/2024</dc:date></item>\n</rdf:RDF>',
      'rss-1.0',
      [
        ['missing-required', 'MissingLink'],
        ['date-w3cdtf', 'InvalidW3CDTFDate'],
      ],
    ],
    [
      'an Atom entry document',
      `<entry ${ATOM}><id>tag:example.org,2024-01-01:a</id><title>T</title><updated>2024-11-22T00:00:00Z</updated><author><name>R</name></author><link href="https://example.org/a"/></entry>`,
      'atom-entry',
      [],
    ],
    [
      'an Atom entry document without author',
      `<entry ${ATOM}><id>tag:example.org,2024-01-01:a</id><title>T</title><updated>2024-11-22T00:00:00Z</updated><link href="https://example.org/a"/></entry>`,
      'atom-entry',
      [['author-missing', 'MissingElement']],
    ],
    ['Atom 0.3', '<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>T</title></feed>', 'atom-0.3', [['feed-format', 'ObsoleteNamespace']]],
    ['an Atom feed in no namespace', '<feed><title>T</title></feed>', 'unknown', [['atom-root', 'MissingNamespace']]],
    ['an HTML page', '<html><body/></html>', 'unknown', [['feed-format', 'UndefinedElement']]],
  ])('names and lints %s', (_label, text, format, findings) => {
    const found = lint(Buffer.from(text));
    expect(found.format).toBe(format);
    expect(found.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.w3c])).toEqual(findings);
  });

  it('lints 10,000 nested elements without overflowing the stack', () => {
    const depth = 10_000;
    const nested = `${'<x:n>'.repeat(depth)}${'</x:n>'.repeat(depth)}`;
    const doc = atomDoc({ root: `<feed ${ATOM} xmlns:x="https://example.org/ns" xml:lang="fr-FR">`, head: { extra: nested } });
    const found = lint(Buffer.from(doc));
    expect(found.format).toBe('atom');
    expect(found.diagnostics.map((d) => d.code)).toEqual(['namespace-unknown']);
  });
});
