// Test helpers: the feed documents of the lint rule tables, written as data (tests/fixtures/cases/lint/*.json).
// A document is what differs from the valid one of feed-docs.ts: `{}` is rssDoc() (or atomDoc()); `root` and
// `head` replace those parts; `items` (`entries`) lists each item's replaced parts, `n` varying its id and date.
import { atomDoc, atomEntry, rssDoc, rssItem } from './feed-docs.ts';

/** What each format's documents are made of: the head's parts, the list's key and each item's or entry's parts. */
const FORMATS = {
  rss: {
    head: ['title', 'link', 'description', 'self', 'language', 'extra'],
    list: 'items',
    parts: ['title', 'link', 'guid', 'pubDate', 'category', 'description', 'content', 'extra'],
    doc: rssDoc,
    part: rssItem,
  },
  atom: {
    head: ['id', 'title', 'updated', 'self', 'author', 'extra'],
    list: 'entries',
    parts: ['id', 'title', 'updated', 'published', 'link', 'category', 'summary', 'content', 'extra'],
    doc: atomDoc,
    part: atomEntry,
  },
} as const;

/** The RSS 2.0 document a row's data describes; throws naming the part that is not one of feed-docs.ts. */
export const rssDocOf = (spec: unknown): string => documentOf('rss', spec);

/** The Atom 1.0 document a row's data describes; throws naming the part that is not one of feed-docs.ts. */
export const atomDocOf = (spec: unknown): string => documentOf('atom', spec);

// --- internal ---

function documentOf(format: keyof typeof FORMATS, spec: unknown): string {
  const { head, list, parts, doc, part } = FORMATS[format];
  const given = objectOf(spec, 'document');
  const options: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(given)) {
    if (key === 'root') options.root = stringOf(value, 'root');
    else if (key === 'head') options.head = readParts(value, head, 'head').parts;
    else if (key === list && Array.isArray(value)) {
      options[list] = value.map((each, i) => {
        const { n, parts: read } = readParts(each, parts, `${list}[${i}]`);
        return part(read, n);
      });
    } else throw new Error(`document: ${JSON.stringify(key)} is not root, head or ${list} (an array)`);
  }
  return doc(options);
}

function readParts(value: unknown, keys: readonly string[], where: string): { n: number; parts: Record<string, string> } {
  const object = objectOf(value, where);
  const parts: Record<string, string> = {};
  let n = 0;
  for (const [key, part] of Object.entries(object)) {
    if (key === 'n' && where !== 'head' && Number.isInteger(part)) n = part as number;
    else if (keys.includes(key)) parts[key] = stringOf(part, `${where}.${key}`);
    else throw new Error(`${where}: unknown part ${JSON.stringify(key)} (${keys.join(', ')}${where === 'head' ? '' : ', n'})`);
  }
  return { n, parts };
}

function objectOf(value: unknown, where: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${where}: expected an object, got ${JSON.stringify(value)}`);
  return value as Record<string, unknown>;
}

function stringOf(value: unknown, where: string): string {
  if (typeof value !== 'string') throw new Error(`${where}: expected a string, got ${JSON.stringify(value)}`);
  return value;
}
