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

/**
 * A parsed document, or the first well-formedness error with its position. The column of an error sax finds is the
 * one after the character that gave it away; the column of one of the checks sax lacks (a second root element, a
 * repeated attribute, `<` in an attribute value) is that of the offending character.
 */
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
  const { lineOf, columnOf } = createLineLocator(body);
  /** Records an error sax does not find, at the 0-based `offset` in `body`, and stops the parse like `onerror`. */
  const fail = (offset: number, message: string): never => {
    error ??= { line: lineOf(offset), column: columnOf(offset), message };
    throw new Error(message);
  };
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
  let writtenAttributeCount = 0;
  // XML 1.0 §2.1: document ::= prolog element Misc*; strict sax still opens a second element after the root.
  parser.onopentagstart = (tag) => {
    if (stack.length === 0 && root) fail(tagOffset(), `Second root element: ${JSON.stringify(tag.name)}`);
    writtenAttributeCount = 0;
  };
  // With xmlns, sax emits every attribute as written, repeats included, just before `onopentag`.
  parser.onattribute = () => {
    writtenAttributeCount++;
  };
  parser.onopentag = (tag) => {
    const qt = tag as sax.QualifiedTag;
    if (writtenAttributeCount > 0 && mayBreakAttributeRules(qt, writtenAttributeCount)) {
      // `position` is just past the `>`: read the start tag as written to find the offending attribute.
      checkAttributes(body.slice(tagOffset(), parser.position), qt, tagOffset(), fail);
    }
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
  } catch (e) {
    if (!error) throw e; // a bug here, not a malformed document: never hand back a tree cut short
    // otherwise reported through onerror or fail
  }
  if (error) return { error };
  if (!root) return { error: { line: 1, column: 1, message: 'no root element' } };
  return { root };
}

/** One attribute of a start tag as written: its name and raw (undecoded) value, with their offsets in the tag. */
interface WrittenAttribute {
  readonly name: string;
  readonly nameOffset: number;
  readonly rawValue: string;
  readonly valueOffset: number;
}

/** `name = "value"` or `name = 'value'`, the only shape strict sax lets through to `onopentag`. */
const WRITTEN_ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * Whether `tag` may break a rule of {@link checkAttributes}, judged from what sax gives (cheap, so most tags skip
 * reading their text again): `written` counts the attributes as written, where sax's map keeps one per name, and a
 * decoded value holds `<` when the raw one does (or when it holds `&lt;`, which the check then accepts).
 */
function mayBreakAttributeRules(tag: sax.QualifiedTag, written: number): boolean {
  const attributes = Object.values(tag.attributes);
  if (attributes.length !== written) return true;
  let prefixed = 0;
  for (const attribute of attributes) {
    if (attribute.value.includes('<')) return true;
    if (attribute.prefix !== '') prefixed++;
  }
  // Only prefixed attributes can share an expanded name under different names.
  return prefixed > 1 && new Set(attributes.map((a) => `{${a.uri}}${a.local}`)).size < attributes.length;
}

/**
 * The well-formedness rules on attributes that sax does not check, in document order: XML 1.0 §3.1 WFC Unique Att
 * Spec (sax keeps the last of two `b="…"`), Namespaces in XML 1.0 §6.3 Attributes Unique (`a:z` and `b:z` with `a`
 * and `b` bound to the same URI), and §3.1 AttValue `[^<&"]` (sax takes a raw `<` in a value). `startTag` is the
 * tag as written, from its `<` at `offset` in the document; `fail` reports at a document offset and throws.
 */
function checkAttributes(startTag: string, tag: sax.QualifiedTag, offset: number, fail: (offset: number, message: string) => never): void {
  const names = new Set<string>();
  const expandedNames = new Map<string, string>();
  for (const attribute of writtenAttributes(startTag, tag.name)) {
    const { name, nameOffset, rawValue, valueOffset } = attribute;
    if (names.has(name)) fail(offset + nameOffset, `Repeated attribute: ${JSON.stringify(name)}`);
    names.add(name);
    const { uri, local } = tag.attributes[name]!;
    const expanded = `{${uri}}${local}`;
    const earlier = expandedNames.get(expanded);
    if (earlier !== undefined) {
      fail(
        offset + nameOffset,
        `Repeated attribute: ${JSON.stringify(name)} and ${JSON.stringify(earlier)} are both ${JSON.stringify(local)} in namespace ${JSON.stringify(uri)}`,
      );
    }
    expandedNames.set(expanded, name);
    const lt = rawValue.indexOf('<');
    if (lt !== -1) fail(offset + valueOffset + lt, `Unescaped "<" in the value of attribute ${JSON.stringify(name)}`);
  }
}

/** Every attribute of `startTag` (`<name …>` as written, already checked by strict sax) in order, repeats included. */
function writtenAttributes(startTag: string, tagName: string): WrittenAttribute[] {
  // Read after the name (sax lets whitespace sit between `<` and the name); a value never holds its own quote.
  const afterName = startTag.indexOf(tagName) + tagName.length;
  return [...startTag.slice(afterName).matchAll(WRITTEN_ATTRIBUTE)].map((m) => {
    const rawValue = m[2] ?? m[3] ?? '';
    const nameOffset = afterName + m.index;
    // The value ends one character before the match does (its closing quote).
    return { name: m[1]!, nameOffset, rawValue, valueOffset: nameOffset + m[0].length - 1 - rawValue.length };
  });
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
