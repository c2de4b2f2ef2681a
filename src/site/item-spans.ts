// site: a rendered feed document → the lines each of its items spans, to tell which article a lint finding is about.
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import sax from 'sax';
import { createLineLocator } from '../_lib/line-locator.ts';
import type { FeedFormat } from '../lint/lint-feed.ts';
import { ATOM_NS } from '../lint/namespaces.ts';

/** Lines of one part of a document, both ends included (1-based). */
export interface LineSpan {
  readonly first: number;
  readonly last: number;
}

/** Where one item (RSS `<item>`, Atom `<entry>`, JSON Feed `items[i]`) lies, and each of its fields. */
export interface ItemSpan extends LineSpan {
  /** Its child elements (`title`, `content:encoded`…) or members (`content_html`…) in document order. */
  readonly fields: readonly (LineSpan & { readonly name: string })[];
}

/** The items of a feed document in document order. */
export interface ItemSpans {
  readonly items: readonly ItemSpan[];
  /**
   * False for a malformed document: `items` then holds those read before its error, the one the error cut short
   * running to the error's line (the finding on that line is about that item); the items after it are not known.
   */
  readonly complete: boolean;
}

/** Where each item of a feed document lies; never throws on a malformed document. */
export function findItemSpans(body: string, format: FeedFormat): ItemSpans {
  if (typeof body !== 'string') throw new TypeError('findItemSpans: body must be a string');
  return format === 'json' ? jsonItemSpans(body) : xmlItemSpans(body, format);
}

/** The span holding `line`, if any. */
export function spanAt<T extends LineSpan>(spans: readonly T[], line: number): T | undefined {
  return spans.find((s) => s.first <= line && line <= s.last);
}

// --- internal ---

interface OpenSpan {
  first: number;
  last: number;
  readonly fields: { name: string; first: number; last: number }[];
}

/** RSS 2.0 `rss/channel/item`, Atom 1.0 `feed/entry` (RFC 4287 §4.1.2), read with sax as the linter does. */
function xmlItemSpans(body: string, format: 'rss' | 'atom'): ItemSpans {
  const parser = sax.parser(true, { xmlns: true, position: true });
  const stack: string[] = [];
  const items: OpenSpan[] = [];
  let item: OpenSpan | undefined;
  let field: { name: string; first: number; last: number } | undefined;
  const { lineOf } = createLineLocator(body);
  const line = () => parser.line + 1;
  /** The line of the `<` of the start tag sax has just read (a tag may span lines; lint names that line). */
  const tagLine = () => lineOf(parser.startTagPosition - 1);
  const isItem = (tag: sax.QualifiedTag) =>
    format === 'rss'
      ? stack.length === 2 && stack[0] === 'rss' && stack[1] === 'channel' && tag.local === 'item' && tag.uri === ''
      : stack.length === 1 && stack[0] === `{${ATOM_NS}}feed` && tag.local === 'entry' && tag.uri === ATOM_NS;
  parser.onopentag = (node) => {
    const tag = node as sax.QualifiedTag;
    if (isItem(tag)) {
      item = { first: tagLine(), last: line(), fields: [] };
      items.push(item);
    } else if (item && stack.length === (format === 'rss' ? 3 : 2)) {
      field = { name: tag.name, first: tagLine(), last: line() };
      item.fields.push(field);
    }
    stack.push(tag.uri === '' ? tag.local : `{${tag.uri}}${tag.local}`);
  };
  parser.onclosetag = () => {
    stack.pop();
    if (field && stack.length === (format === 'rss' ? 3 : 2)) {
      field.last = line();
      field = undefined;
    } else if (item && stack.length === (format === 'rss' ? 2 : 1)) {
      item.last = line();
      item = undefined;
    }
  };
  parser.onerror = (error) => {
    // The item and field the error cut short run to its line (sax's line is where it gave up).
    if (field) field.last = line();
    if (item) item.last = line();
    throw error;
  };
  try {
    parser.write(body).close();
  } catch {
    return { items, complete: false }; // malformed: the spans read so far
  }
  return { items, complete: true };
}

/** JSON Feed 1.1 `items` (https://www.jsonfeed.org/version/1.1/#items-a-name-items-a). */
function jsonItemSpans(body: string): ItemSpans {
  const errors: ParseError[] = [];
  const root = parseTree(body, errors, { disallowComments: true, allowTrailingComma: false });
  const items = root?.type === 'object' ? root.children?.find((p) => p.children?.[0]?.value === 'items')?.children?.[1] : undefined;
  if (items?.type !== 'array') return { items: [], complete: errors.length === 0 };
  const { lineOf } = createLineLocator(body);
  const span = (node: Node) => ({ first: lineOf(node.offset), last: lineOf(node.offset + Math.max(0, node.length - 1)) });
  const spans = (items.children ?? []).map((item) => ({
    ...span(item),
    fields: (item.type === 'object' ? (item.children ?? []) : []).map((member) => ({ name: String(member.children?.[0]?.value), ...span(member) })),
  }));
  if (errors.length === 0) return { items: spans, complete: true };
  // jsonc-parser reads on past an error, but what it makes of the text after it may not be the items written there.
  const error = lineOf(errors[0]!.offset);
  return { items: spans.filter((s) => s.first <= error), complete: false };
}
