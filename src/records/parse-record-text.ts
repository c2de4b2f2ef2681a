// records: one record file's bytes → RawRecord, with no I/O and no module state (safe to run in a worker thread).
import { internalError } from '../_lib/internal-error.ts';
import { createLineLocator } from '../_lib/line-locator.ts';
import { DEFAULT_LIMITS, type RecordLimits } from '../config/config-schema.ts';
import { hasErrors, type Diagnostic, type Result } from '../diagnostics.ts';
import { decodeText } from './decode-text.ts';
import { parseDispatch } from './parse-dispatch.ts';
import { parseJson } from './parse-json.ts';
import { parseMarkdown } from './parse-markdown.ts';
import type { RawRecord, RecordFormat } from './raw-record.ts';
import { checkRecordSize } from './record-limits.ts';

/** Options of {@link parseRecordText}: plain data only, so they can be posted to a worker. */
export interface ParseRecordTextOptions {
  /** Path shown in diagnostics and `RawRecord.file`: `items/2024/maroc.txt`. */
  readonly file: string;
  /** Path below the items folder without extension: `2024/maroc`. */
  readonly relPath: string;
  readonly format: RecordFormat;
  /** Configured category labels, to split run-together dispatch categories. */
  readonly vocabulary: readonly string[];
  /** Size, nesting and alias budgets; default {@link DEFAULT_LIMITS}. */
  readonly limits?: RecordLimits;
}

/**
 * Decodes and parses one record. Never throws for content: every problem is a diagnostic, and an exception no
 * content should cause is an `internal-error` diagnostic for this record only. A record with any error has no value.
 */
export function parseRecordText(bytes: Uint8Array, options: ParseRecordTextOptions): Result<RawRecord | undefined> {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('parseRecordText: bytes must be a Uint8Array');
  if (typeof options?.file !== 'string' || typeof options.relPath !== 'string') {
    throw new TypeError('parseRecordText: options.file and options.relPath must be strings');
  }
  const { file, relPath, format, vocabulary } = options;
  const limits = options.limits ?? DEFAULT_LIMITS;
  try {
    const tooLarge = checkRecordSize(bytes.length, limits, file);
    if (tooLarge.length > 0) return { value: undefined, diagnostics: tooLarge };
    const { text, notes } = decodeText(bytes);
    const diagnostics: Diagnostic[] = notes.map((n) => ({
      severity: n.severity,
      file,
      code: n.code,
      message: n.message,
      ...(n.line === undefined ? {} : { line: n.line }),
    }));
    diagnostics.push(...findNul(text, file));
    const parsed =
      format === 'txt'
        ? parseDispatch(text, { file, relPath, vocabulary, limits })
        : format === 'json'
          ? parseJson(text, { file, relPath, limits })
          : parseMarkdown(text, { file, relPath, limits });
    diagnostics.push(...parsed.diagnostics);
    // Parsed anyway, so every problem is reported at once; but bytes that did not decode skip the record.
    const value = hasErrors(diagnostics) ? undefined : parsed.value;
    return { value, diagnostics };
  } catch (error) {
    return { value: undefined, diagnostics: [internalError(file, error)] };
  }
}

// --- internal ---

/** NUL never belongs in a text record: a binary file or a broken export. One error, naming the first lines. */
function findNul(text: string, file: string): Diagnostic[] {
  if (!text.includes('\u0000')) return [];
  const { lineOf } = createLineLocator(text);
  const lines: number[] = [];
  for (let i = text.indexOf('\u0000'); i !== -1 && lines.length <= 10; i = text.indexOf('\u0000', i + 1)) {
    const line = lineOf(i);
    if (lines.at(-1) !== line) lines.push(line);
  }
  const shown = lines.slice(0, 10).join(', ') + (lines.length > 10 ? ', …' : '');
  return [
    {
      severity: 'error',
      file,
      line: lines[0] ?? 1,
      code: 'nul-byte',
      message: `the file holds NUL bytes (line${lines.length > 1 ? 's' : ''} ${shown}): it is binary or was saved in an encoding Gazette cannot read; save it as UTF-8 text`,
    },
  ];
}
