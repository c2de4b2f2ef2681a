// records: *.txt wire dispatch (French date line, categories line, blank line, title, body) → RawRecord.
import { DEFAULT_LIMITS, type RecordLimits } from '../config/config-schema.ts';
import type { Diagnostic, Result } from '../diagnostics.ts';
import { checkBodySize } from './record-limits.ts';
import type { DispatchBlock, RawField, RawRecord, RecordBody } from './raw-record.ts';
import { normalizeText, splitLines } from './normalize-text.ts';
import { splitCategoryLine } from './split-categories.ts';
import { classifyBodyLines } from './classify-dispatch-lines.ts';

/** Options of {@link parseDispatch}. */
export interface ParseDispatchOptions {
  /** Path for messages: `items/2024/maroc.txt`. */
  readonly file: string;
  /** Path below the items folder, without extension: `2024/maroc`. */
  readonly relPath: string;
  /** Configured category labels, used to split run-together names (`InternationalNational`). */
  readonly vocabulary: readonly string[];
  /** Body budget; default {@link DEFAULT_LIMITS}. */
  readonly limits?: RecordLimits;
}

/**
 * Reads a wire dispatch: line 1 the French date (kept raw), line 2 the categories, a blank line,
 * the title, then body blocks (kickers, headings, paragraphs).
 * Errors (no record): an empty file, no title. Warnings: a blank or empty line 2 (no categories), no
 * blank line before the title, no body (body `none`). Blank lines before line 1 or the title are fine.
 */
export function parseDispatch(text: string, options: ParseDispatchOptions): Result<RawRecord | undefined> {
  if (typeof text !== 'string') throw new TypeError('parseDispatch: text must be a string');
  if (typeof options?.file !== 'string') throw new TypeError('parseDispatch: options.file must be a string');
  const { file, relPath, vocabulary } = options;
  const diagnostics: Diagnostic[] = [];
  const report = (severity: Diagnostic['severity'], code: string, message: string, line?: number, field?: string): void => {
    diagnostics.push({ severity, file, code, message, ...(line === undefined ? {} : { line }), ...(field ? { field } : {}) });
  };

  const lines = splitLines(normalizeText(text));
  const nextNonBlank = (from: number): number => {
    let i = from;
    while (i < lines.length && lines[i] === '') i++;
    return i;
  };

  // Line 1: the date. Leading blank lines are tolerated; the date is the first non-blank line.
  const dateIndex = nextNonBlank(0);
  if (dateIndex >= lines.length) {
    report('error', 'empty-record', 'the file is empty: expected a date line, a categories line, a blank line and a title', 1);
    return { value: undefined, diagnostics };
  }
  const fields: Record<string, RawField> = {
    date: { value: (lines[dateIndex] ?? '').trim(), line: dateIndex + 1 },
  };

  // Line 2: the categories. A blank line 2 means the dispatch carries none.
  const categoriesIndex = dateIndex + 1;
  let titleSearchFrom: number;
  const categoriesLine = lines[categoriesIndex];
  if (categoriesLine === undefined || categoriesLine.trim() === '') {
    fields.categories = { value: [], line: categoriesIndex + 1 };
    report('warning', 'categories-missing', 'line 2 should list the categories; the dispatch has none', categoriesIndex + 1, 'categories');
    titleSearchFrom = categoriesIndex;
  } else {
    const categories = splitCategoryLine(categoriesLine, vocabulary);
    fields.categories = { value: categories, line: categoriesIndex + 1 };
    if (categories.length === 0) {
      report('warning', 'categories-missing', `no category name in ${JSON.stringify(categoriesLine.trim())}`, categoriesIndex + 1, 'categories');
    }
    titleSearchFrom = categoriesIndex + 1;
    if (lines[titleSearchFrom] !== undefined && lines[titleSearchFrom] !== '') {
      report('warning', 'blank-line-missing', 'expected a blank line between the categories and the title', titleSearchFrom + 1, 'title');
    }
  }

  // The title: the next non-blank line (extra blank lines before it are fine).
  const titleIndex = nextNonBlank(titleSearchFrom);
  const titleLine = lines[titleIndex];
  if (titleLine === undefined) {
    report('error', 'title-missing', 'no title: expected a title line after the categories and a blank line', titleSearchFrom + 1, 'title');
    return { value: undefined, diagnostics };
  }
  fields.title = { value: titleLine.trim(), line: titleIndex + 1 };

  const tooLarge = checkBodySize(lines.slice(titleIndex + 1).join('\n'), options.limits ?? DEFAULT_LIMITS, file, titleIndex + 2);
  if (tooLarge.length > 0) return { value: undefined, diagnostics: [...diagnostics, ...tooLarge] };
  const blocks = toBlocks(lines, titleIndex + 1);
  let body: RecordBody;
  const first = blocks[0];
  if (first === undefined) {
    report('warning', 'body-missing', 'the dispatch has a title but no body text', titleIndex + 1);
    body = { kind: 'none' };
  } else {
    body = { kind: 'blocks', blocks, line: first.line };
  }
  return { value: { file, relPath, format: 'txt', fields, body }, diagnostics };
}

// --- internal ---

/** Groups the body lines into blank-line-separated blocks, then classifies them. */
function toBlocks(lines: readonly string[], from: number): DispatchBlock[] {
  const groups: { text: string; line: number }[][] = [];
  let current: { text: string; line: number }[] = [];
  for (let i = from; i < lines.length; i++) {
    const text = lines[i] ?? '';
    if (text.trim() === '') {
      // Runs of blank lines collapse: an empty group is never pushed.
      if (current.length > 0) groups.push(current);
      current = [];
    } else {
      current.push({ text, line: i + 1 });
    }
  }
  if (current.length > 0) groups.push(current);
  return classifyBodyLines(groups);
}
