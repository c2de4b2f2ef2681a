// Direct tests of the lint's XML tree: namespaces, text and CDATA, entities, line numbers, and the first error.
import { describe, expect, it } from 'vitest';
import { attributeOf, descendants, findChild, findChildren, parseXmlTree, type XmlElement } from '../../src/lint/xml-tree.ts';

const CONTENT_NS = 'http://purl.org/rss/1.0/modules/content/';
const ATOM_NS = 'http://www.w3.org/2005/Atom';

/** The root of a document that must parse; the test fails with the parser's error otherwise. */
function rootOf(xml: string): XmlElement {
  const parsed = parseXmlTree(xml);
  expect(parsed.error).toBeUndefined();
  return parsed.root!;
}

describe('parseXmlTree', () => {
  describe('when elements and attributes have namespaces', () => {
    const root = rootOf(
      `<rss xmlns:content="${CONTENT_NS}" xmlns:atom="${ATOM_NS}" version="2.0" xml:lang="fr">`
      + `<channel><atom:link rel="self" href="https://example.org/feed.xml"/><item><content:encoded>x</content:encoded></item></channel></rss>`,
    );
    const [link, item] = root.children[0]!.children;

    it.each([
      ['an element without a prefix or default namespace', root, ['rss', 'rss', '']],
      ['a prefixed element', link!, ['atom:link', 'link', ATOM_NS]],
      ['a nested prefixed element', item!.children[0]!, ['content:encoded', 'encoded', CONTENT_NS]],
    ])('names %s by qualified name, local name and URI', (_, element, expected) => {
      expect([element.name, element.local, element.uri]).toEqual(expected);
    });

    it.each([
      ['version', { name: 'version', local: 'version', uri: '', value: '2.0' }],
      ['xml:lang', { name: 'xml:lang', local: 'lang', uri: 'http://www.w3.org/XML/1998/namespace', value: 'fr' }],
      ['xmlns:atom', { name: 'xmlns:atom', local: 'atom', uri: 'http://www.w3.org/2000/xmlns/', value: ATOM_NS }],
    ])('resolves the attribute %s', (name, expected) => {
      expect(root.attributes.get(name)).toEqual(expected);
    });

    it('gives a default namespace to the element and its children, never to unprefixed attributes', () => {
      const feed = rootOf(`<feed xmlns="${ATOM_NS}"><entry xml:base="https://example.org/"><title type="text">t</title></entry></feed>`);
      const title = feed.children[0]!.children[0]!;
      expect([feed.uri, title.uri, title.attributes.get('type')?.uri]).toEqual([ATOM_NS, ATOM_NS, '']);
    });
  });

  describe('when an element holds text', () => {
    it.each([
      ['plain text', '<a>Société</a>', 'Société', ['Société']],
      ['the five XML entities', '<a>&amp;&lt;&gt;&quot;&apos;</a>', '&<>"\'', ['&<>"\'']],
      ['decimal and hexadecimal character references', '<a>&#233;&#xE9;&#x1F600;</a>', 'éé😀', ['éé😀']],
      ['CDATA, kept raw', '<a><![CDATA[<b>R&D</b> &amp;]]></a>', '<b>R&D</b> &amp;', ['<b>R&D</b> &amp;']],
      ['text around CDATA split to hold "]]>"', '<a>t<![CDATA[x]]]]><![CDATA[>y]]>u</a>', 'tx]]>yu', ['t', 'x]]', '>y', 'u']],
      ['whitespace as written', '<a> \n\t</a>', ' \n\t', [' \n\t']],
    ])('gives %s', (_, xml, text, nodes) => {
      const root = rootOf(xml);
      expect([root.text, root.nodes]).toEqual([text, nodes]);
    });

    it('keeps child elements out of its own text and lists every node in document order', () => {
      const root = rootOf('<p>un <em>deux</em> trois</p>');
      expect([root.text, root.nodes.map((n) => (typeof n === 'string' ? n : `<${n.name}>`)), root.children[0]!.text])
        .toEqual(['un  trois', ['un ', '<em>', ' trois'], 'deux']);
    });
  });

  describe('when the document declares entities', () => {
    it.each([
      ['an internal entity, expanded', '<!DOCTYPE a [<!ENTITY eacute "&#233;">]><a>&eacute;t&eacute;</a>', 'été'],
      ['an internal entity in single quotes', "<!DOCTYPE a [<!ENTITY nom 'Gazette'>]><a>&nom;</a>", 'Gazette'],
      ['the HTML entities of the Netscape RSS 0.91 DTD', '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss>&eacute;&nbsp;</rss>', 'é\u00a0'],
    ])('reads %s', (_, xml, text) => {
      expect(rootOf(xml).text).toBe(text);
    });
  });

  describe('when it gives line numbers', () => {
    const xml = [
      '<?xml version="1.0"?>', // 1
      '<rss version="2.0">', // 2
      '  <channel>', // 3
      '    <title', // 4
      '      lang="fr">Titre</title>', // 5
      '    <item><guid/>', // 6
      '    </item>', // 7
      '  </channel>', // 8
      '</rss>', // 9
    ].join('\n');
    const byName = new Map(descendants(rootOf(xml)).map((e) => [e.name, e]));

    it.each([
      // name, line of `<`, line after the start tag's `>`, line of the end
      ['rss', 2, 2, 9],
      ['channel', 3, 3, 8],
      ['title', 4, 5, 5], // a start tag over two lines, its name ending the first
      ['item', 6, 6, 7],
      ['guid', 6, 6, 6],
    ])('places <%s> at line %i, its content at %i and its end at %i', (name, line, contentLine, endLine) => {
      const element = byName.get(name)!;
      expect([element.line, element.contentLine, element.endLine]).toEqual([line, contentLine, endLine]);
    });

    it.each([
      ['a name that ends the line, then "/>"', '<r>\n<a\n/></r>', 2],
      ['a name that ends a CRLF line', '<r>\r\n<a\r\n b="1"/></r>', 2],
      ['after an attribute value over two lines', '<r x="1\n2">\n<a/></r>', 3],
      ['after a comment over three lines', '<!--\n\n-->\n<r><a/></r>', 4],
      ['after CDATA holding a line break and "<"', '<r><![CDATA[<\n]]><a/></r>', 2],
      ['after a byte order mark', '\uFEFF<r><a/></r>', 1],
    ])('places <a> %s at the line of its `<`', (_, xml, line) => {
      expect(findChild(rootOf(xml), 'a')?.line).toBe(line);
    });
  });

  describe('when the document is not well-formed', () => {
    it.each([
      ['an empty text', '', { line: 1, column: 1, message: 'no root element' }],
      ['only whitespace', '  \n ', { line: 1, column: 1, message: 'no root element' }],
      ['an unclosed root', '<a>', { line: 1, column: 4, message: 'Unclosed root tag' }],
      ['a mismatched end tag', '<a></b>', { line: 1, column: 8, message: 'Unexpected close tag' }],
      ['a mismatched end tag on a later line', '<a>\n<b>\n</a>', { line: 3, column: 5, message: 'Unexpected close tag' }],
      ['an HTML entity', '<a>&eacute;</a>', { line: 1, column: 12, message: 'Invalid character entity' }],
      ['a reference to NUL', '<a>&#0;</a>', { line: 1, column: 8, message: 'Invalid character entity' }],
      ['an external entity, never fetched', '<!DOCTYPE a [<!ENTITY ext SYSTEM "file:///etc/passwd">]><a>&ext;</a>', { line: 1, column: 65, message: 'Invalid character entity' }],
      ['text after the root', '<a>x</a>junk', { line: 1, column: 10, message: 'Text data outside of root node.' }],
      ['an unbound prefix', '<a:b/>', { line: 1, column: 7, message: 'Unbound namespace prefix: "a:b"' }],
    ])('reports %s as the first error, with its position', (_, xml, error) => {
      expect(parseXmlTree(xml)).toEqual({ error });
    });

    // Known gaps: XML 1.0 forbids these (§2.1 one root element, WFC Unique Att Spec, §3.1 AttValue excludes `<`),
    // and expat (the W3C validator's parser) refuses them, but sax in strict mode lets them through.
    it.fails.each([
      ['a second root element', '<a>x</a><b/>'],
      ['a repeated attribute', '<a b="1" b="2"/>'],
      ['"<" in an attribute value', '<a x="1<2"/>'],
    ])('reports %s', (_, xml) => {
      expect(parseXmlTree(xml).error).toBeTypeOf('object');
    });
  });

  describe('when misused', () => {
    it('throws a TypeError for a non-string body', () => {
      expect(() => parseXmlTree(undefined as unknown as string)).toThrow(TypeError);
    });
  });
});

describe('the tree helpers', () => {
  const root = rootOf(`<feed xmlns="${ATOM_NS}" xmlns:x="urn:x"><entry n="1"><x:entry/></entry><entry n="2"/><title>t</title></feed>`);

  it('list every element in document order, the root first', () => {
    expect(descendants(root).map((e) => `${e.name}${attributeOf(e, 'n') ?? ''}`)).toEqual(['feed', 'entry1', 'x:entry', 'entry2', 'title']);
  });

  it('walk a tree deeper than the call stack would allow', () => {
    const depth = 20_000;
    expect(descendants(rootOf(`${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}`))).toHaveLength(depth);
  });

  it.each([
    ['entry', ATOM_NS, ['1', '2']],
    ['entry', 'urn:x', []],
    ['entry', '', []],
    ['title', ATOM_NS, [undefined]],
  ])('find the children named %s in %j', (local, uri, ns) => {
    expect([findChildren(root, local, uri).map((e) => attributeOf(e, 'n')), findChild(root, local, uri) === findChildren(root, local, uri)[0]])
      .toEqual([ns, true]);
  });

  it('read an attribute without a prefix, and nothing for one that is absent', () => {
    expect([attributeOf(root, 'xmlns'), attributeOf(root, 'n')]).toEqual([ATOM_NS, undefined]);
  });
});
