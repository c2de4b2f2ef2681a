// lint: feed document text → a small namespace-aware element tree with line numbers (sax, strict mode).
import sax from 'sax';
import { createLineLocator } from '../_lib/line-locator.ts';

/** One attribute as written, with its namespace resolved. */
export interface XmlAttribute {
  readonly name: string;
  readonly local: string;
  readonly uri: string;
  readonly value: string;
}

/** One element: qualified and local name, namespace URI, attributes, children and text, where it starts. */
export interface XmlElement {
  /** Name as written, e.g. `content:encoded`. */
  readonly name: string;
  readonly local: string;
  /** Namespace URI, `''` for none. */
  readonly uri: string;
  readonly attributes: ReadonlyMap<string, XmlAttribute>;
  /** Child elements in document order. */
  readonly children: XmlElement[];
  /** Child elements and text chunks in document order (for XHTML content). */
  readonly nodes: (XmlElement | string)[];
  /** 1-based line of the `<` of the start tag. */
  readonly line: number;
  /** 1-based line where the element's content starts (after the start tag's `>`). */
  contentLine: number;
  /** 1-based line of the end of the element (its end tag, or the `/>` of an empty-element tag). */
  endLine: number;
  /** Own text and CDATA, concatenated, entities decoded. */
  text: string;
}

/** A parsed document, or the first well-formedness error with its position. */
export type XmlParseResult =
  | { readonly root: XmlElement; readonly error?: undefined }
  | { readonly root?: undefined; readonly error: { readonly line: number; readonly column: number; readonly message: string } };

/** Parses `body` strictly (XML 1.0 + Namespaces); never throws on bad input. */
export function parseXmlTree(body: string): XmlParseResult {
  if (typeof body !== 'string') throw new TypeError('parseXmlTree: body must be a string');
  // strictEntities: only the five XML entities; `&eacute;` is an HTML entity and breaks the document (XML 1.0 §4.1).
  const options: sax.SAXOptions & { strictEntities: boolean } = { xmlns: true, position: true, strictEntities: true };
  const parser = sax.parser(true, options);
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let error: { line: number; column: number; message: string } | undefined;
  const { lineOf } = createLineLocator(body);
  /** 0-based offset of the `<` of the tag sax is reading (its `startTagPosition` counts that `<` too). */
  const tagOffset = (): number => parser.startTagPosition - 1;

  parser.onerror = (e: Error) => {
    // sax appends "\nLine: …\nColumn: …\nChar: …"; keep the first sentence only.
    error ??= { line: parser.line + 1, column: parser.column + 1, message: e.message.split('\n')[0] ?? e.message };
    throw e; // stop parsing: one malformed-document finding is enough
  };
  // Internal DTD entities (`<!ENTITY eacute "&#233;">`) are declared before the root: the validator (expat) expands
  // them, and so do we. External ones (SYSTEM/PUBLIC) are never fetched, so a reference to one stays an error. The
  // RSS 0.91 DTD from Netscape declares the HTML entities, which the validator then accepts too.
  parser.ondoctype = (doctype: string) => {
    const entities = (parser as unknown as { ENTITIES: Record<string, string> }).ENTITIES;
    if (/-\/\/Netscape Communications\/\/DTD RSS 0\.91\/\/EN/.test(doctype)) {
      const html = (sax as unknown as { ENTITIES: Record<string, string | number> }).ENTITIES;
      for (const [name, value] of Object.entries(html)) entities[name] = typeof value === 'number' ? String.fromCodePoint(value) : value;
    }
    for (const m of doctype.matchAll(/<!ENTITY\s+([A-Za-z_:][\w.:-]*)\s+(?:"([^"]*)"|'([^']*)')\s*>/g)) {
      entities[m[1]!] = decodeCharacterReferences(m[2] ?? m[3] ?? '');
    }
  };
  parser.onopentag = (tag) => {
    const qt = tag as sax.QualifiedTag;
    const attributes = new Map<string, XmlAttribute>();
    for (const [name, attr] of Object.entries(qt.attributes)) {
      attributes.set(name, { name, local: attr.local, uri: attr.uri, value: attr.value });
    }
    const element: XmlElement = {
      name: qt.name,
      local: qt.local,
      uri: qt.uri,
      attributes,
      children: [],
      nodes: [],
      // The line of the `<`: sax's own line has moved on when a line break ends the name (`<title⏎ lang="fr">`).
      line: lineOf(tagOffset()),
      contentLine: parser.line + 1,
      endLine: parser.line + 1,
      text: '',
    };
    const parent = stack.at(-1);
    if (parent) {
      parent.children.push(element);
      parent.nodes.push(element);
    } else root ??= element;
    stack.push(element);
  };
  parser.onclosetag = () => {
    const closed = stack.pop();
    if (closed) closed.endLine = parser.line + 1;
  };
  const addText = (text: string) => {
    const current = stack.at(-1);
    if (!current) return;
    current.text += text;
    current.nodes.push(text);
  };
  parser.ontext = addText;
  parser.oncdata = addText;

  try {
    parser.write(body).close();
  } catch {
    // reported through onerror
  }
  if (error) return { error };
  if (!root) return { error: { line: 1, column: 1, message: 'no root element' } };
  return { root };
}

/** `&#233;` and `&#xE9;` in an entity's replacement text → the characters. */
function decodeCharacterReferences(value: string): string {
  return value.replace(/&#(x[0-9a-fA-F]+|\d+);/g, (whole, ref: string) => {
    const code = ref.startsWith('x') ? Number.parseInt(ref.slice(1), 16) : Number(ref);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Every element under `root` (root included) in document order, without recursion (any depth). */
export function descendants(root: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const stack: XmlElement[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    out.push(el);
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]!);
  }
  return out;
}

/** The first child named `local` in namespace `uri` (default: no namespace). */
export function findChild(parent: XmlElement, local: string, uri = ''): XmlElement | undefined {
  return parent.children.find((c) => c.local === local && c.uri === uri);
}

/** Every child named `local` in namespace `uri` (default: no namespace). */
export function findChildren(parent: XmlElement, local: string, uri = ''): XmlElement[] {
  return parent.children.filter((c) => c.local === local && c.uri === uri);
}

/** The value of an attribute without a namespace prefix. */
export function attributeOf(element: XmlElement, name: string): string | undefined {
  return element.attributes.get(name)?.value;
}
