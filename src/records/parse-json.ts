// records: *.json (one article object; body in `body` as Markdown or in `html`) → RawRecord.
import { getNodeValue, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node, ParseError } from 'jsonc-parser';
import { describeValue } from '../_lib/describe-value.ts';
import { createLineLocator } from '../_lib/line-locator.ts';
import { DEFAULT_LIMITS, type RecordLimits } from '../config/config-schema.ts';
import { hasErrors, type Diagnostic, type Result } from '../diagnostics.ts';
import { findDeepJson, findDeepMarkdown } from './find-deep-nesting.ts';
import type { RawEntryLines, RawField, RawRecord, RecordBody } from './raw-record.ts';
import { normalizeStrings } from './normalize-text.ts';
import { checkBodySize } from './record-limits.ts';

/** Options of {@link parseJson}. */
export interface ParseJsonOptions {
  /** Path for messages: `items/2024/maroc.json`. */
  readonly file: string;
  /** Path below the items folder, without extension: `2024/maroc`. */
  readonly relPath: string;
  /** Nesting and body budgets; default {@link DEFAULT_LIMITS}. */
  readonly limits?: RecordLimits;
}

/**
 * Reads one JSON object. Every key becomes a field with its line, except `body` (Markdown) and `html`,
 * which become the record body; when both are present `html` wins, with a warning.
 */
export function parseJson(text: string, options: ParseJsonOptions): Result<RawRecord | undefined> {
  if (typeof text !== 'string') throw new TypeError('parseJson: text must be a string');
  if (typeof options?.file !== 'string') throw new TypeError('parseJson: options.file must be a string');
  const { file, relPath } = options;
  const limits = options.limits ?? DEFAULT_LIMITS;
  const diagnostics: Diagnostic[] = [];
  const report = (severity: Diagnostic['severity'], code: string, message: string, line: number, field?: string): void => {
    diagnostics.push({ severity, file, line, code, message, ...(field === undefined ? {} : { field }) });
  };

  // Only the BOM is stripped: offsets must match the text, and strings are NFC-normalised after parsing
  // (so `\u0301` escapes are normalised too).
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const { lineOf, columnOf } = createLineLocator(source);
  if (source.trim() === '') {
    report('error', 'empty-record', 'the file is empty: expected a JSON object with a title and a date', 1);
    return { value: undefined, diagnostics };
  }
  // jsonc-parser descends recursively: measure the nesting first, with a loop.
  const deep = findDeepJson(source, limits.nestingDepth);
  if (deep !== undefined) {
    report('error', 'too-deep', `the JSON nests deeper than ${limits.nestingDepth} levels (limits.nestingDepth)`, lineOf(deep));
    return { value: undefined, diagnostics };
  }
  const errors: ParseError[] = [];
  const root = parseTree(source, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const firstError = errors[0];
  if (firstError) {
    const column = columnOf(firstError.offset);
    report('error', 'json-syntax', `invalid JSON at column ${column}: ${describeJsonError(firstError)}`, lineOf(firstError.offset));
    return { value: undefined, diagnostics };
  }
  if (root?.type !== 'object') {
    report('error', 'not-an-object', `expected a JSON object ({ "title": …, "date": … }), got ${root?.type ?? 'nothing'}`, 1);
    return { value: undefined, diagnostics };
  }

  const fields: Record<string, RawField> = {};
  const seen = new Map<string, number>();
  for (const property of root.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (keyNode === undefined || valueNode === undefined) continue;
    const key = String(keyNode.value).normalize('NFC');
    const line = lineOf(valueNode.offset);
    const previous = seen.get(key);
    if (previous !== undefined) {
      // JSON.parse keeps the last duplicate; do the same but say so.
      report('warning', 'duplicate-key', `"${key}" is also set on line ${previous}; the last value is used`, line, key);
    }
    seen.set(key, line);
    const normalized = normalizeStrings(getNodeValue(valueNode), limits.nestingDepth - 1);
    if (!normalized.ok) {
      report('error', 'too-deep', `nests deeper than ${limits.nestingDepth} levels (limits.nestingDepth)`, line, key);
      continue;
    }
    const entries = entryLinesOf(valueNode, lineOf);
    fields[key] = entries ? { value: normalized.value, line, entries } : { value: normalized.value, line };
  }

  const body = takeBody(fields, report);
  if (body === undefined) return { value: undefined, diagnostics };
  if (body.kind === 'markdown' || body.kind === 'html') {
    const text = body.kind === 'markdown' ? body.text : body.html;
    diagnostics.push(...checkBodySize(text, limits, file, body.line, body.kind === 'html' ? 'html' : 'body'));
    const deepLine = body.kind === 'markdown' ? findDeepMarkdown(text, limits.nestingDepth) : undefined;
    if (deepLine !== undefined) {
      report('error', 'too-deep', `quotes and lists nest deeper than ${limits.nestingDepth} levels (limits.nestingDepth)`, body.line, 'body');
    }
  }
  if (hasErrors(diagnostics)) return { value: undefined, diagnostics };
  return { value: { file, relPath, format: 'json', fields, body }, diagnostics };
}

// --- internal ---

/** The lines of the entries of a JSON array of objects (RawField.entries); undefined for any other node. */
function entryLinesOf(node: Node, lineOf: (offset: number) => number): RawEntryLines[] | undefined {
  const items = node.type === 'array' ? (node.children ?? []) : [];
  if (!items.some((item) => item.type === 'object')) return undefined;
  return items.map((item) => {
    const keys: Record<string, number> = {};
    for (const property of item.type === 'object' ? (item.children ?? []) : []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (keyNode !== undefined) keys[String(keyNode.value).normalize('NFC')] = lineOf((valueNode ?? keyNode).offset);
    }
    return { line: lineOf(item.offset), keys };
  });
}

type Report = (severity: Diagnostic['severity'], code: string, message: string, line: number, field?: string) => void;

/** Moves `body` / `html` out of the fields into a RecordBody; undefined when one is not a string. */
function takeBody(fields: Record<string, RawField>, report: Report): RecordBody | undefined {
  const candidates: Record<'body' | 'html', { text: string; line: number } | undefined> = { body: undefined, html: undefined };
  let ok = true;
  for (const key of ['body', 'html'] as const) {
    const field = fields[key];
    if (field === undefined) continue;
    delete fields[key];
    // `null` is how many exporters write "no body": treat it as absent.
    if (field.value === null) continue;
    const line = field.line ?? 1;
    if (typeof field.value !== 'string') {
      const kind = key === 'body' ? 'Markdown' : 'HTML';
      report('error', 'body-not-string', `expected the ${kind} text as a string, got ${describeValue(field.value)}`, line, key);
      ok = false;
      continue;
    }
    candidates[key] = { text: field.value, line };
  }
  if (!ok) return undefined;
  const { body, html } = candidates;
  if (html && body) {
    report('warning', 'body-and-html', 'both "body" and "html" are set; "html" is used and "body" ignored', body.line, 'body');
  }
  if (html) return { kind: 'html', html: html.text, line: html.line };
  if (body) return { kind: 'markdown', text: body.text, line: body.line };
  return { kind: 'none' };
}

function describeJsonError(error: ParseError): string {
  const code = printParseErrorCode(error.error);
  // jsonc-parser's codes are identifiers (`CommaExpected`); make them readable.
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
