// records: *.md (YAML front matter + Markdown body) → RawRecord.
import { isMap, isNode, isScalar, isSeq } from 'yaml';
import type { Node } from 'yaml';
import { createLineLocator } from '../_lib/line-locator.ts';
import { DEFAULT_LIMITS, type RecordLimits } from '../config/config-schema.ts';
import { hasErrors, type Diagnostic, type Result } from '../diagnostics.ts';
import { findDeepMarkdown, findDeepYaml } from './find-deep-nesting.ts';
import type { RawEntryLines, RawField, RawRecord } from './raw-record.ts';
import { normalizeStrings, normalizeText } from './normalize-text.ts';
import { colonHint, parseFrontMatter } from './parse-front-matter.ts';
import { readFlatFrontMatter } from './flat-front-matter.ts';
import { checkBodySize } from './record-limits.ts';

/** Options of {@link parseMarkdown}. */
export interface ParseMarkdownOptions {
  /** Path for messages: `items/2024/maroc.md`. */
  readonly file: string;
  /** Path below the items folder, without extension: `2024/maroc`. */
  readonly relPath: string;
  /** Nesting, alias and body budgets; default {@link DEFAULT_LIMITS}. */
  readonly limits?: RecordLimits;
}

/**
 * Reads `---` YAML front matter and the Markdown body after it. Values keep their YAML 1.2 core
 * types, so an unquoted `date: 2024-11-05` stays the string the editor wrote, never a `Date`; a French title
 * with " : " that YAML refuses unquoted is read as the editor meant it (parse-front-matter.ts).
 */
export function parseMarkdown(text: string, options: ParseMarkdownOptions): Result<RawRecord | undefined> {
  if (typeof text !== 'string') throw new TypeError('parseMarkdown: text must be a string');
  if (typeof options?.file !== 'string') throw new TypeError('parseMarkdown: options.file must be a string');
  const { file, relPath } = options;
  const limits = options.limits ?? DEFAULT_LIMITS;
  const diagnostics: Diagnostic[] = [];
  const fail = (code: string, message: string, line: number, field?: string): Result<undefined> => {
    diagnostics.push({ severity: 'error', file, line, ...(field === undefined ? {} : { field }), code, message });
    return { value: undefined, diagnostics };
  };
  const error = (code: string, message: string, line: number | undefined, field: string): void => {
    diagnostics.push({ severity: 'error', file, ...(line === undefined ? {} : { line }), field, code, message });
  };

  const lines = normalizeText(text).split('\n');
  if (lines.every((l) => l.trim() === '')) return fail('empty-record', 'the file is empty: expected `---` front matter with a title and a date', 1);
  if (lines[0]?.trimEnd() !== '---') {
    return fail('front-matter-missing', 'expected YAML front matter: a first line `---`, the fields (title, date, …), then `---`', 1);
  }
  const closeIndex = lines.findIndex((l, i) => i > 0 && (l.trimEnd() === '---' || l.trimEnd() === '...'));
  if (closeIndex < 0) return fail('front-matter-unclosed', 'the front matter opened on line 1 is never closed with `---`', 1);

  // The YAML starts on file line 2: yaml's line n is file line n + 1.
  const yamlLines = lines.slice(1, closeIndex);
  const fields: Record<string, RawField> = {};
  // Most front matter is flat `key: value` lines: read without yaml, to the same values (flat-front-matter.ts).
  const flat = limits.nestingDepth >= 2 ? readFlatFrontMatter(yamlLines) : undefined;
  if (flat !== undefined) {
    diagnostics.push(...findHashtagComments(yamlLines, file));
    for (const [key, { value, index }] of flat) {
      const normalized = normalizeStrings(value, limits.nestingDepth - 1);
      if (normalized.ok) fields[key] = { value: normalized.value, line: index + 2 };
      else error('too-deep', `nests deeper than ${limits.nestingDepth} levels (limits.nestingDepth), or an alias (*name) contains itself`, index + 2, key);
    }
    return withBody(fields);
  }
  const yamlSource = yamlLines.join('\n');
  // Before yaml's composer, which recurses once per level.
  const deep = findDeepYaml(yamlSource, limits.nestingDepth);
  if (deep !== undefined) {
    return fail(
      'too-deep',
      `the front matter nests deeper than ${limits.nestingDepth} levels (limits.nestingDepth)`,
      createLineLocator(yamlSource, 2).lineOf(deep),
    );
  }
  const parsed = parseFrontMatter(yamlLines);
  const firstError = parsed.doc.errors[0];
  if (firstError) {
    let line = (firstError.pos[0] >= 0 ? parsed.counter.linePos(firstError.pos[0]).line : 1) + 1;
    // yaml reports a missing closing quote or bracket where it gave up; point at the line that opened it.
    line = findOpeningLine(firstError.message, yamlLines, line - 1) ?? line;
    const colon = colonHint(yamlLines[line - 2] ?? '');
    return fail('yaml-syntax', `invalid YAML front matter: ${firstError.message}${colon ? `; ${colon.hint}` : ''}`, line, colon?.field);
  }

  diagnostics.push(...findHashtagComments(yamlLines, file));
  const { doc, counter } = parsed;
  const lineOf = (offset: number | undefined): number | undefined => (offset === undefined ? undefined : counter.linePos(offset).line + 1);
  if (doc.contents !== null && !isMap(doc.contents)) {
    return fail('front-matter-not-mapping', 'the front matter must be `key: value` lines, not a list or a single value', 2);
  }
  for (const pair of doc.contents?.items ?? []) {
    const keyNode = pair.key;
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const valueNode = isNode(pair.value) ? pair.value : undefined;
    // The value's line; for an empty value (`date:`) the key's line.
    const line = lineOf(valueNode?.range?.[0] ?? (isNode(keyNode) ? keyNode.range?.[0] : undefined));
    const field = key.normalize('NFC');
    let value: unknown = null;
    try {
      value = valueNode ? valueNode.toJS(doc, { maxAliasCount: limits.yamlAliases }) : null;
    } catch (cause) {
      // yaml throws a ReferenceError when aliases expand past maxAliasCount (a "billion laughs" bomb).
      if (!(cause instanceof ReferenceError)) throw cause;
      error('yaml-aliases', `its aliases (*name) expand past the limit of ${limits.yamlAliases} (limits.yamlAliases)`, line, field);
      continue;
    }
    // Fields sit one level inside the front matter mapping.
    const normalized = normalizeStrings(value, limits.nestingDepth - 1);
    if (!normalized.ok) {
      error('too-deep', `nests deeper than ${limits.nestingDepth} levels (limits.nestingDepth), or an alias (*name) contains itself`, line, field);
      continue;
    }
    const entries = valueNode ? entryLinesOf(valueNode, lineOf) : undefined;
    fields[field] = entries ? { value: normalized.value, line, entries } : { value: normalized.value, line };
  }
  return withBody(fields);

  function withBody(fields: Record<string, RawField>): Result<RawRecord | undefined> {
    const body = { kind: 'markdown' as const, text: lines.slice(closeIndex + 1).join('\n'), line: closeIndex + 2 };
    diagnostics.push(...checkBodySize(body.text, limits, file, body.line));
    const deepLine = findDeepMarkdown(body.text, limits.nestingDepth);
    if (deepLine !== undefined) {
      error('too-deep', `quotes and lists nest deeper than ${limits.nestingDepth} levels (limits.nestingDepth)`, body.line + deepLine, 'body');
    }
    if (hasErrors(diagnostics)) return { value: undefined, diagnostics };
    return { value: { file, relPath, format: 'md', fields, body }, diagnostics };
  }
}

// --- internal ---

/** The lines of the entries of a YAML list of mappings (RawField.entries); undefined for any other node. */
function entryLinesOf(node: Node, lineOf: (offset: number | undefined) => number | undefined): RawEntryLines[] | undefined {
  if (!isSeq(node) || !node.items.some((item) => isMap(item))) return undefined;
  return node.items.map((item) => {
    const keys: Record<string, number> = {};
    if (isMap(item)) {
      for (const pair of item.items) {
        const at = lineOf((isNode(pair.value) ? pair.value : isNode(pair.key) ? pair.key : undefined)?.range?.[0]);
        if (at !== undefined) keys[String(isScalar(pair.key) ? pair.key.value : pair.key).normalize('NFC')] = at;
      }
    }
    return { line: lineOf(isNode(item) ? item.range?.[0] : undefined), keys };
  });
}

/** 1-based file line of the last line before `beforeLine` that opens the quote or bracket yaml says is unclosed. */
function findOpeningLine(message: string, lines: readonly string[], beforeLine: number): number | undefined {
  const bracket = /end with an? ([\]}])/u.exec(message)?.[1];
  const isQuote = /closing .?quote/iu.test(message);
  if (!bracket && !isQuote) return undefined;
  for (let i = Math.min(beforeLine, lines.length) - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    if (bracket) {
      const open = bracket === ']' ? '[' : '{';
      if (line.split(open).length > line.split(bracket).length) return i + 2;
    } else {
      const m = /^\s*[^\s#][^:]*:\s+(["'])(.*)$/u.exec(line);
      if (m && !(m[2] ?? '').includes(m[1] ?? '')) return i + 2;
    }
  }
  return undefined;
}

/**
 * In YAML ` #` starts a comment, so `title: Le mouvement #MeToo` silently loses `#MeToo`. Warn when a
 * top-level plain value is cut at a `#` glued to a word, which is far more often a hashtag than a comment.
 */
function findHashtagComments(lines: readonly string[], file: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  lines.forEach((line, index) => {
    const m = /^([^\s#'"\-?:][^:]*?):[ \t]+[^\s"'[{|>&*!%@`#][^#]*?\s#[^\s#]/u.exec(line);
    if (m) {
      found.push({
        severity: 'warning',
        file,
        line: index + 2,
        field: m[1] ?? '',
        code: 'yaml-hash-comment',
        message: 'the text after " #" is read as a YAML comment and dropped; quote the value to keep it',
      });
    }
  });
  return found;
}
