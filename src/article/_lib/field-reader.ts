// article: reads the fields of one RawRecord and collects what is wrong with them as diagnostics naming file, line and field.
import { hasErrors, type Diagnostic, type Severity } from '../../diagnostics.ts';
import type { RawRecord } from '../../records/raw-record.ts';
import { cleanXmlText } from '../xml-text.ts';
import { describeValue } from '../../_lib/describe-value.ts';

/** Receives one finding about one field, already bound to that field. */
export type FieldReport = (severity: Severity, code: string, message: string) => void;

/**
 * The fields of one record, read one at a time; every problem met is kept in `diagnostics`.
 * `Field` names the keys the caller reads, so that a misspelt key is a compile error and not a field left out.
 */
export interface FieldReader<Field extends string = string> {
  /** Every finding so far, in the order it was reported. */
  readonly diagnostics: readonly Diagnostic[];
  /** The value as written; `undefined` when left out, null or blank text (YAML writes `updated:` with nothing after it). */
  value(field: Field): unknown;
  /** The value as one line of XML-safe NFC text; a wrong type is an error and reads as `undefined`. */
  text(field: Field): string | undefined;
  /**
   * Records a finding about `field` at `line`, else at the line of its value (line 1, where the record opens, when it
   * is left out). `field` may name a part of a key: `corrections[2].date`.
   */
  report(severity: Severity, field: string, code: string, message: string, line?: number): void;
  /** {@link report}, bound to one field: for readers that know nothing of records (`readAuthors`). */
  reporter(field: Field): FieldReport;
  /** True once any finding is an error: the record is then skipped. */
  hasErrors(): boolean;
}

/** A reader of `record`'s fields with no finding yet. */
export function createFieldReader<Field extends string = string>(record: RawRecord): FieldReader<Field> {
  const diagnostics: Diagnostic[] = [];

  const report = (severity: Severity, field: string, code: string, message: string, at?: number): void => {
    const written = record.fields[field];
    const line = at ?? (written === undefined ? 1 : written.line);
    diagnostics.push({ severity, file: record.file, ...(line === undefined ? {} : { line }), field, code, message });
  };

  const value = (field: string): unknown => {
    const written = record.fields[field]?.value;
    return written === null || (typeof written === 'string' && written.trim() === '') ? undefined : written;
  };

  const text = (field: string): string | undefined => {
    const written = value(field);
    if (written === undefined) return undefined;
    // YAML reads an unquoted `title: 1984` as a number; its text is still what the editor meant.
    if (typeof written === 'number' && Number.isFinite(written)) return String(written);
    if (typeof written === 'string')
      return cleanXmlText(written.normalize('NFC'))
        .replace(/[ \t\r\n]+/g, ' ')
        .trim();
    report('error', field, 'wrong-type', `expected text, got ${describeValue(written)}`);
    return undefined;
  };

  return {
    diagnostics,
    value,
    text,
    report,
    reporter: (field) => (severity, code, message) => report(severity, field, code, message),
    hasErrors: () => hasErrors(diagnostics),
  };
}
