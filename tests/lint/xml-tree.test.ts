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
    it.each(casesOf('lint/xml-tree', 'not well-formed', 'string', 'string', 'json'))('reports %s as the first error, with its position', (_, xml, error) => {
      expect(parseXmlTree(xml)).toEqual({ error });
    });
  });

  describe('when the document comes close to those errors but is well-formed', () => {
    it.each(casesOf('lint/xml-tree', 'well-formed', 'string', 'string', 'string', 'json'))('accepts %s', (_, xml, name, attributes) => {
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
