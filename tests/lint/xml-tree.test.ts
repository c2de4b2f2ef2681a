// Direct tests of the lint's XML tree: namespaces, text and CDATA, entities, line numbers, and the first error.
import { describe, expect, it } from 'vitest';
import { attributeOf, descendants, findChild, findChildren, parseXmlTree, type XmlElement } from '../../src/lint/xml-tree.ts';
import { casesOf } from '../helpers/cases.ts';

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
      `<rss xmlns:content="${CONTENT_NS}" xmlns:atom="${ATOM_NS}" version="2.0" xml:lang="fr">` +
        `<channel><atom:link rel="self" href="https://example.org/feed.xml"/><item><content:encoded>x</content:encoded></item></channel></rss>`,
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
    it.each(casesOf('lint/xml-tree', 'text', 'string', 'string', 'string', 'strings'))('gives %s', (_, xml, text, nodes) => {
      const root = rootOf(xml);
      expect([root.text, root.nodes]).toEqual([text, nodes]);
    });

    it('keeps child elements out of its own text and lists every node in document order', () => {
      const root = rootOf('<p>un <em>deux</em> trois</p>');
      expect([root.text, root.nodes.map((n) => (typeof n === 'string' ? n : `<${n.name}>`)), root.children[0]!.text]).toEqual([
        'un  trois',
        ['un ', '<em>', ' trois'],
        'deux',
      ]);
    });
  });

  describe('when the document declares entities', () => {
    it.each(casesOf('lint/xml-tree', 'entities', 'string', 'string', 'string'))('reads %s', (_, xml, text) => {
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

    const lineNumbers = casesOf('lint/xml-tree', 'line numbers', 'string', 'number', 'number', 'number');

    it.each(lineNumbers)('places <%s> at line %i, its content at %i and its end at %i', (name, line, contentLine, endLine) => {
      const element = byName.get(name)!;
      expect([element.line, element.contentLine, element.endLine]).toEqual([line, contentLine, endLine]);
    });

    it.each(casesOf('lint/xml-tree', 'line of the start tag', 'string', 'string', 'number'))('places <a> %s at the line of its `<`', (_, xml, line) => {
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
      [
        'an external entity, never fetched',
        '<!DOCTYPE a [<!ENTITY ext SYSTEM "file:///etc/passwd">]><a>&ext;</a>',
        { line: 1, column: 65, message: 'Invalid character entity' },
      ],
      ['text after the root', '<a>x</a>junk', { line: 1, column: 10, message: 'Text data outside of root node.' }],
      ['an unbound prefix', '<a:b/>', { line: 1, column: 7, message: 'Unbound namespace prefix: "a:b"' }],
      // Strict sax lets the rest through; XML 1.0 and expat (the W3C validator's parser) refuse them. Their column is
      // that of the offending character: the second root's `<`, the repeated name's first letter, the raw `<`.
      // XML 1.0 §2.1: document ::= prolog element Misc*
      ['a second root element', '<a>x</a><b/>', { line: 1, column: 9, message: 'Second root element: "b"' }],
      ['a second root after an empty root', '<a/>\n<b>x</b>', { line: 2, column: 1, message: 'Second root element: "b"' }],
      ['a second root after a comment', '<a/><!-- c -->\n  <a/>', { line: 2, column: 3, message: 'Second root element: "a"' }],
      // XML 1.0 §3.1 WFC Unique Att Spec
      ['a repeated attribute', '<a b="1" b="2"/>', { line: 1, column: 10, message: 'Repeated attribute: "b"' }],
      ['a repeated attribute on a later line', '<a\n  b="1"\n  b="1">x</a>', { line: 3, column: 3, message: 'Repeated attribute: "b"' }],
      ['a repeated attribute on a child', '<r><a x="1" b=\'2\' x="3"/></r>', { line: 1, column: 19, message: 'Repeated attribute: "x"' }],
      ['a repeated prefixed attribute', '<a xmlns:p="urn:p" p:b="1" p:b="2"/>', { line: 1, column: 28, message: 'Repeated attribute: "p:b"' }],
      ['a repeated namespace declaration', '<a xmlns:p="urn:p" xmlns:p="urn:p"/>', { line: 1, column: 20, message: 'Repeated attribute: "xmlns:p"' }],
      ['a repeated default namespace', '<a xmlns="urn:a" xmlns="urn:b"/>', { line: 1, column: 18, message: 'Repeated attribute: "xmlns"' }],
      // Namespaces in XML 1.0 §6.3 Attributes Unique: two prefixes bound to one URI give one expanded name
      [
        'two prefixes bound to the same URI, with the same local name',
        '<x xmlns:a="urn:u" xmlns:b="urn:u" a:z="1" b:z="2"/>',
        { line: 1, column: 44, message: 'Repeated attribute: "b:z" and "a:z" are both "z" in namespace "urn:u"' },
      ],
      // XML 1.0 §3.1 AttValue ::= '"' ([^<&"] | Reference)* '"' | "'" ([^<&'] | Reference)* "'"
      ['"<" in an attribute value', '<a x="1<2"/>', { line: 1, column: 8, message: 'Unescaped "<" in the value of attribute "x"' }],
      ['"<" in a single-quoted value', "<a y='ok' x='<b>'/>", { line: 1, column: 14, message: 'Unescaped "<" in the value of attribute "x"' }],
      ['"<" on the second line of a value', '<r>\n<a x="1\n  <2">t</a></r>', { line: 3, column: 3, message: 'Unescaped "<" in the value of attribute "x"' }],
      ['"<" after "&lt;" in one value', '<a x="&lt;<"/>', { line: 1, column: 11, message: 'Unescaped "<" in the value of attribute "x"' }],
      ['"<" before a repeated attribute', '<a x="<" x="1"/>', { line: 1, column: 7, message: 'Unescaped "<" in the value of attribute "x"' }],
    ])('reports %s as the first error, with its position', (_, xml, error) => {
      expect(parseXmlTree(xml)).toEqual({ error });
    });
  });

  describe('when the document comes close to those errors but is well-formed', () => {
    it.each([
      ['"&lt;" in an attribute value', '<a x="1&lt;2"/>', 'a', { x: '1<2' }],
      ['">" in an attribute value', '<a x="1>2" y=\'/>\'/>', 'a', { x: '1>2', y: '/>' }],
      ['a value that reads like a repeated attribute', '<a x=\' b="1"\' b="2"/>', 'a', { x: ' b="1"', b: '2' }],
      ['a value holding the tag name and "="', '<a x="a=a" a="x"/>', 'a', { x: 'a=a', a: 'x' }],
      ['whitespace around "="', '<a\n  x =\n "1"\ty\t=\t\'2\'/>', 'a', { x: '1', y: '2' }],
      ['the same local name with and without a prefix', '<x xmlns:a="urn:a" z="1" a:z="2"/>', 'x', { 'xmlns:a': 'urn:a', z: '1', 'a:z': '2' }],
      [
        'the same local name in two namespaces',
        '<x xmlns:a="urn:a" xmlns:b="urn:b" a:z="1" b:z="2"/>',
        'x',
        { 'xmlns:a': 'urn:a', 'xmlns:b': 'urn:b', 'a:z': '1', 'b:z': '2' },
      ],
      [
        'a default namespace and a prefix bound to one URI',
        '<x xmlns="urn:u" xmlns:u="urn:u" u:z="1" z="2"/>',
        'x',
        { xmlns: 'urn:u', 'xmlns:u': 'urn:u', 'u:z': '1', z: '2' },
      ],
      ['a comment, a processing instruction and whitespace after the root', '<a b="1"/>\n<!-- <c/> -->\n<?pi <c/>?>\n \t\n', 'a', { b: '1' }],
      ['"<" in CDATA, a comment and a processing instruction', '<a><![CDATA[<b x="<">]]><!-- < --><?pi < ?></a>', 'a', {}],
    ])('accepts %s', (_, xml, name, attributes) => {
      const root = rootOf(xml);
      expect([root.name, Object.fromEntries([...root.attributes].map(([k, a]) => [k, a.value]))]).toEqual([name, attributes]);
    });

    it('accepts the same attribute on an element and its child', () => {
      const root = rootOf('<a b="1"><a b="2"/></a>');
      expect([attributeOf(root, 'b'), attributeOf(root.children[0]!, 'b')]).toEqual(['1', '2']);
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
    expect([findChildren(root, local, uri).map((e) => attributeOf(e, 'n')), findChild(root, local, uri) === findChildren(root, local, uri)[0]]).toEqual([
      ns,
      true,
    ]);
  });

  it('read an attribute without a prefix, and nothing for one that is absent', () => {
    expect([attributeOf(root, 'xmlns'), attributeOf(root, 'n')]).toEqual([ATOM_NS, undefined]);
  });
});
