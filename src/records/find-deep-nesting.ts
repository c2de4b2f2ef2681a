// records: where a record nests deeper than the budget, found by iterative scans BEFORE any recursive parser runs.
//
// jsonc-parser, yaml's composer and marked all descend recursively: 20,000 `[` or `>` overflow the stack. These
// scans use loops and counters only, so no nesting in a file can drive a recursion of ours or reach theirs.
import { Parser } from 'yaml';

export { findDeepJson } from '../_lib/find-deep-json.ts';

/**
 * Offset of the first YAML collection (block or flow map or sequence) deeper than `maxDepth`, if any. Reads yaml's
 * concrete syntax tree, which its parser builds with an explicit stack, and walks it with one of ours.
 */
export function findDeepYaml(source: string, maxDepth: number): number | undefined {
  // A front matter of a few flat fields cannot nest deeply: skip the parse below (≈ 40 % of a record's YAML time).
  if (yamlDepthBound(source) <= maxDepth) return undefined;
  const stack: [CstNode, number][] = [];
  for (const token of new Parser().parse(source)) stack.push([token as CstNode, 0]);
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [node, depth] = next;
    if (node.type === 'document' && isNode(node.value)) {
      stack.push([node.value, depth]);
      continue;
    }
    if (!Array.isArray(node.items)) continue;
    if (depth + 1 > maxDepth) return node.offset;
    for (const item of node.items) {
      if (isNode(item.key)) stack.push([item.key, depth + 1]);
      if (isNode(item.value)) stack.push([item.value, depth + 1]);
    }
  }
  return undefined;
}

/**
 * 0-based index of the first Markdown line whose block quotes and list items (`>`, `-`, `*`, `+`, `1.`) nest deeper
 * than `maxDepth`, counting two columns of indentation before a marker as one more level (how nested lists are written),
 * or whose emphasis delimiters (a run of `*` or `_` beside text; two make one level of `<strong>`) would.
 */
export function findDeepMarkdown(text: string, maxDepth: number): number | undefined {
  let lineIndex = 0;
  let start = 0;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    if (markdownDepth(text, start, stop) > maxDepth || emphasisDepth(text, start, stop) > maxDepth) return lineIndex;
    if (end < 0) break;
    start = end + 1;
    lineIndex++;
  }
  return undefined;
}

// --- internal ---

/**
 * A bound on how deep `source` can nest, from one loop over its characters: 1, plus the most of any line's
 * indentation columns and `-` `?` `:` characters (a nested block collection is indented further, or opens with one
 * of them on its line: `- - a`, `a:` then `- b`), plus every `[` and `{` (flow collections). Quotes and comments only
 * make it larger. tests/records/containment.test.ts checks it with fast-check against the walk of findDeepYaml.
 */
export function yamlDepthBound(source: string): number {
  let flow = 0;
  let deepestLine = 0;
  let line = 0;
  let indenting = true;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) {
      if (line > deepestLine) deepestLine = line;
      line = 0;
      indenting = true;
      continue;
    }
    if (indenting && (c === 0x20 || c === 0x09)) {
      line++;
      continue;
    }
    indenting = false;
    if (c === 0x2d || c === 0x3f || c === 0x3a)
      line++; // - ? :
    else if (c === 0x5b || c === 0x7b) flow++; // [ {
  }
  return 1 + Math.max(deepestLine, line) + flow;
}

/** The part of yaml's CST tokens the walk reads (yaml's `CST.Token` union, loosely). */
interface CstNode {
  readonly type: string;
  readonly offset: number;
  readonly value?: unknown;
  readonly items?: readonly { readonly key?: unknown; readonly value?: unknown }[];
}

function isNode(value: unknown): value is CstNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Container markers at the start of text[start, stop), plus half the columns of indentation between them. */
function markdownDepth(text: string, start: number, stop: number): number {
  let markers = 0;
  let columns = 0;
  let i = start;
  for (;;) {
    while (i < stop && (text[i] === ' ' || text[i] === '\t')) {
      columns += text[i] === '\t' ? 4 : 1;
      i++;
    }
    if (i >= stop) break;
    const c = text[i];
    if (c === '>') {
      markers++;
      i = skipOneSpace(text, i + 1, stop);
      continue;
    }
    let j = i;
    if (c === '-' || c === '*' || c === '+') j = i + 1;
    else {
      while (j < stop && j - i < 9 && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) j++;
      if (j === i || (text[j] !== '.' && text[j] !== ')')) break;
      j++;
    }
    // A list marker is followed by a space, a tab or the end of the line.
    if (j < stop && text[j] !== ' ' && text[j] !== '\t') break;
    markers++;
    i = skipOneSpace(text, j, stop);
  }
  return markers === 0 ? 0 : markers + Math.floor(columns / 2);
}

/**
 * Half the longest run of `*` or `_` on a line that also holds text: marked nests one call per emphasis level and
 * overflows near 5,000. A line of nothing but `*`, `_`, `-` and spaces is a thematic break, never emphasis.
 */
function emphasisDepth(text: string, start: number, stop: number): number {
  let longest = 0;
  let run = 0;
  let runChar = '';
  let hasText = false;
  for (let i = start; i < stop; i++) {
    const c = text[i]!;
    if (c === '*' || c === '_') {
      run = c === runChar ? run + 1 : 1;
      runChar = c;
      if (run > longest) longest = run;
    } else {
      run = 0;
      runChar = '';
      if (c !== ' ' && c !== '\t' && c !== '-') hasText = true;
    }
  }
  return hasText ? Math.ceil(longest / 2) : 0;
}

/** The one space that follows a marker is part of it, not indentation. */
function skipOneSpace(text: string, i: number, stop: number): number {
  return i < stop && (text[i] === ' ' || text[i] === '\t') ? i + 1 : i;
}
