// records: front matter lines → a YAML document, reading French titles with " : " as the editor meant them.
//
// French typography puts a space before a colon (`title: Municipales : la liste d'union l'emporte`), and YAML
// reads `: ` inside a plain (unquoted) value as the start of a nested mapping, which it refuses in that place
// ("Nested mappings are not allowed in compact mappings", YAML 1.2 §7.3.3: a plain scalar holds no ": ").
// Only a line YAML refuses for exactly that reason is read otherwise: a top-level `key: value` whose value is
// plain takes the rest of the line as text (up to a ` #` comment, as YAML's own comments go, §6.6). Quoted
// values, flow collections, block scalars, indented lines, a value that goes on over the next lines and every line
// YAML accepts keep YAML's reading.
import { LineCounter, parseDocument } from 'yaml';
import type { Document } from 'yaml';

/** A parsed front matter and the lines it was parsed from. */
export interface FrontMatter {
  readonly doc: Document;
  readonly counter: LineCounter;
  /** 0-based indexes of the lines read as text despite a ": " in their plain value. */
  readonly repaired: readonly number[];
}

/** Parses the front matter lines (YAML 1.2, core schema) and reads refused `key: a : b` lines as text. */
export function parseFrontMatter(lines: readonly string[]): FrontMatter {
  let current = lines;
  let parsed = parseYaml(current.join('\n'));
  const repaired = new Set<number>();
  // yaml reports every refused line in one parse, so one pass quotes them all; a second one is for a line that
  // yaml only reaches once the first is read. Past MAX_PASSES, what is still refused is an error like any other.
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const fixes = new Map<number, string>();
    for (const error of parsed.doc.errors) {
      if (error.code !== 'BLOCK_AS_IMPLICIT_KEY' || error.pos[0] < 0) continue;
      const index = parsed.counter.linePos(error.pos[0]).line - 1;
      const quoted = repaired.has(index) || continues(current, index) ? undefined : quoteColonValue(current[index] ?? '');
      if (quoted !== undefined) fixes.set(index, quoted);
    }
    if (fixes.size === 0) break;
    current = current.map((line, index) => fixes.get(index) ?? line);
    for (const index of fixes.keys()) repaired.add(index);
    parsed = parseYaml(current.join('\n'));
  }
  return { ...parsed, repaired: [...repaired].sort((a, b) => a - b) };
}

/**
 * How to fix a line YAML refuses when its value holds ": " (the value in double quotes), or undefined when the line
 * is no top-level `key: value` with such a value.
 */
export function colonHint(line: string): { field: string; hint: string } | undefined {
  const m = KEY_VALUE.exec(line)?.groups;
  const value = m?.value?.trim() ?? '';
  if (!m?.key || !/:(?:\s|$)/u.test(value)) return undefined;
  return { field: m.key, hint: `put the value in double quotes (mettez la valeur entre guillemets): ${m.key}: ${JSON.stringify(value)}` };
}

// --- internal ---

const MAX_PASSES = 4;

function parseYaml(source: string): { doc: Document; counter: LineCounter } {
  const counter = new LineCounter();
  // YAML 1.2 core schema (yaml's default): no timestamp type, so dates stay strings.
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false, schema: 'core', version: '1.2' });
  return { doc, counter };
}

// A top-level key (column 0, plain, no ": " inside), its colon, then the value. YAML 1.2 §7.3.3: a plain scalar
// never starts with an indicator (`"'[]{},#&*!|>%@` and the backquote), nor with `-`, `?` or `:` and a space.
const KEY_VALUE = /^(?<key>[^\s#'"?:\-[\]{},&*!|>%@`][^:]*?)[ \t]*:[ \t]+(?<value>\S.*)$/u;
const PLAIN_START = /^(?![-?:](?:[ \t]|$))[^#'"[\]{},&*!|>%@`]/u;

/** True when the plain value on line `index` goes on over the indented lines after it: not "the rest of the line". */
function continues(lines: readonly string[], index: number): boolean {
  for (let i = index + 1; i < lines.length; i++) {
    const next = lines[i] ?? '';
    if (next.trim() !== '') return /^[ \t]+[^\s#]/u.test(next);
  }
  return false;
}

/** `key: "value"` for a top-level plain value holding ": " that reads alone as that text, else undefined. */
function quoteColonValue(line: string): string | undefined {
  const m = KEY_VALUE.exec(line)?.groups;
  if (!m?.key || m.value === undefined || !PLAIN_START.test(m.value)) return undefined;
  // YAML §6.6: ` #` starts a comment, in a plain value as anywhere else.
  const text = m.value.replace(/[ \t]#.*$/u, '').trimEnd();
  if (!/:(?:[ \t]|$)/u.test(text)) return undefined;
  // A double-quoted YAML scalar accepts JSON string syntax (YAML 1.2 is a superset of JSON).
  const quoted = `${m.key}: ${JSON.stringify(text)}`;
  const alone = parseYaml(quoted).doc;
  const read: unknown = alone.errors.length === 0 ? alone.toJS() : undefined;
  return typeof read === 'object' && read !== null && (read as Record<string, unknown>)[m.key] === text ? quoted : undefined;
}
