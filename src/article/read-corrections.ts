// article: the `corrections` field (`[{ date, text }]`, a list of correction notes) → Correction[].
//
// The text is plain text, never Markdown or HTML: a note is one factual sentence ("Une version précédente
// indiquait…"), and plain text is the one form that reads the same on the page, in every feed reader and in a
// screen reader; renderers escape it. A note dated before the article is kept (it is public text) with a warning.
// A note dated after the build is not scheduled: site/editor-warnings.ts warns about it (it needs the clock).
import type { Severity } from '../diagnostics.ts';
import { describeValue } from '../_lib/describe-value.ts';
import type { RawField } from '../records/raw-record.ts';
import type { Correction } from './article.ts';
import { readDateValue } from './_lib/read-date.ts';
import { cleanXmlText } from './xml-text.ts';

/** Options of {@link readCorrections}. */
export interface ReadCorrectionsOptions {
  /** The article's publication date, when valid: a note before it is a warning. */
  readonly date: Date | undefined;
  /** The zone of a date without an offset (config `timeZone`). */
  readonly timeZone: string;
  /** Receives each finding, naming the part of the field (`corrections[2].date`) and its line when known. */
  readonly report: (severity: Severity, field: string, code: string, message: string, line?: number) => void;
}

/** Reads every note in record order; a wrong entry is an error (the record is skipped) and is left out. */
export function readCorrections(field: RawField | undefined, options: ReadCorrectionsOptions): Correction[] {
  const value = field?.value;
  if (value === undefined || value === null) return [];
  const listed = Array.isArray(value);
  const entries: unknown[] = listed ? value : [value];
  const notes: Note[] = [];
  entries.forEach((entry, index) => {
    const lines = listed ? field?.entries?.[index] : field?.entries?.[0];
    const name = `corrections[${index + 1}]`;
    const at = (key?: string): number | undefined => (key === undefined ? undefined : lines?.keys[key]) ?? lines?.line ?? field?.line;
    const report = (severity: Severity, key: string | undefined, code: string, message: string) =>
      options.report(severity, key === undefined ? name : `${name}.${key}`, code, message, at(key));
    const note = readNote(entry, options, report);
    const line = at('date');
    if (note) notes.push(line === undefined ? note : { ...note, line });
  });
  return withKeys(notes);
}

/** The latest of `updated` and the notes' dates: what a page and the feeds show as the article's modification. */
export function latestUpdate(updated: Date, corrections: readonly Pick<Correction, 'date'>[]): Date {
  let latest = updated;
  for (const { date } of corrections) if (date.getTime() > latest.getTime()) latest = date;
  return latest;
}

// --- internal ---

const KNOWN_KEYS = ['date', 'text'];

type Note = { readonly date: Date; readonly text: string; readonly line?: number };

type EntryReport = (severity: Severity, key: string | undefined, code: string, message: string) => void;

function readNote(entry: unknown, options: ReadCorrectionsOptions, report: EntryReport): { date: Date; text: string } | undefined {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry) || entry instanceof Date) {
    report('error', undefined, 'wrong-type', `expected { date, text }, e.g. { date: "23 novembre 2024", text: "…" }, got ${describeValue(entry)}`);
    return undefined;
  }
  const fields = entry as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    if (!KNOWN_KEYS.includes(key)) report('warning', key, 'unknown-key', `unknown key "${key}", ignored (known: ${KNOWN_KEYS.join(', ')})`);
  }
  const written = fields.date === null || (typeof fields.date === 'string' && fields.date.trim() === '') ? undefined : fields.date;
  if (written === undefined) report('error', 'date', 'missing-field', 'required: when the correction was made, e.g. "23 novembre 2024"');
  const date = readDateValue(written, options.timeZone, (severity, code, message) => report(severity, 'date', code, message));
  const text = typeof fields.text === 'string' ? clean(fields.text) : undefined;
  if (text === undefined || text === '') {
    const got = fields.text === undefined ? 'nothing' : describeValue(fields.text);
    report('error', 'text', fields.text === undefined ? 'missing-field' : 'wrong-type', `required: the note as plain text, got ${got}`);
  }
  if (date === undefined || text === undefined || text === '') return undefined;
  if (options.date && date.getTime() < options.date.getTime()) {
    report(
      'warning',
      'date',
      'correction-before-date',
      `${date.toISOString()} is before the publication date ${options.date.toISOString()}; the note is shown as dated, check the date`,
    );
  }
  return { date, text };
}

/** Each note's key (Correction.key): its UTC instant, numbered from the second note of the same instant on. */
function withKeys(notes: readonly Note[]): Correction[] {
  const seen = new Map<string, number>();
  return notes.map(({ date, text, line }) => {
    const instant = date
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z')
      .replace(/[-:]/g, '');
    const count = (seen.get(instant) ?? 0) + 1;
    seen.set(instant, count);
    const key = count === 1 ? instant : `${instant}-${count}`;
    return line === undefined ? { date, text, key } : { date, text, key, line };
  });
}

/** One line of XML-safe NFC text, as every text field of a record (article/_lib/field-reader.ts). */
function clean(text: string): string {
  return cleanXmlText(text.normalize('NFC'))
    .replace(/[ \t\r\n]+/g, ' ')
    .trim();
}
