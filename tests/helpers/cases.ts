// Test helper: the case tables of table-driven tests, kept as data in tests/fixtures/cases/<area>/<name>.json.
import { readFileSync } from 'node:fs';

/**
 * What a column holds. JSON has no `undefined`, Date, RegExp or function: a table that needs one stays in its test
 * file, except `undefined` for a string: `string|undefined` reads JSON `null` as `undefined`. `string?` is a string or
 * `null`; `strings` an array of strings; `json` any JSON value, typed by the caller.
 */
export type CaseKind = 'string' | 'string?' | 'string|undefined' | 'number' | 'boolean' | 'strings' | 'json';

type ValueOf<K extends CaseKind> = K extends 'string'
  ? string
  : K extends 'string?'
    ? string | null
    : K extends 'string|undefined'
      ? string | undefined
      : K extends 'number'
        ? number
        : K extends 'boolean'
          ? boolean
          : K extends 'strings'
            ? string[]
            : unknown;

/** One row of a table whose columns hold `Kinds`. */
export type CaseRow<Kinds extends readonly CaseKind[]> = { -readonly [I in keyof Kinds]: ValueOf<Kinds[I]> };

const FOLDER = new URL('../fixtures/cases/', import.meta.url);
const files = new Map<string, Record<string, unknown>>();

/**
 * The rows of table `table` in tests/fixtures/cases/`file`.json, each checked against `kinds`, for `it.each`.
 * A file is an object of tables; a table is an array of rows (arrays), where a string stands for a comment that
 * groups the rows below it (JSON has none). A missing file or table, or a row of another shape, throws naming the
 * file, the table, the row and the column.
 * @example it.each(casesOf('article/slug', 'French text', 'string', 'string'))('folds %j to %j', (text, slug) => …)
 */
export function casesOf<const Kinds extends readonly CaseKind[]>(file: string, table: string, ...kinds: Kinds): CaseRow<Kinds>[] {
  const where = `tests/fixtures/cases/${file}.json`;
  const rows = readCaseFile(file)[table];
  if (!Array.isArray(rows)) throw new Error(`${where}: no table ${JSON.stringify(table)} (an array of rows)`);
  const picked = rows.filter((row) => typeof row !== 'string');
  if (picked.length === 0) throw new Error(`${where} ${JSON.stringify(table)}: the table has no rows`);
  picked.forEach((row, index) => {
    const at = `${where} ${JSON.stringify(table)} row ${index + 1}`;
    if (!Array.isArray(row) || row.length !== kinds.length) throw new Error(`${at}: expected an array of ${kinds.length} values, got ${JSON.stringify(row)}`);
    row.forEach((value, column) => {
      if (!isKind(value, kinds[column]!)) throw new Error(`${at} column ${column + 1}: expected ${kinds[column]}, got ${JSON.stringify(value)}`);
    });
  });
  // A copy per call: a test that changes its row cannot change another test's.
  return structuredClone(picked).map((row: unknown[]) =>
    row.map((value, column) => (value === null && kinds[column] === 'string|undefined' ? undefined : value)),
  ) as CaseRow<Kinds>[];
}

// --- internal ---

function readCaseFile(file: string): Record<string, unknown> {
  const known = files.get(file);
  if (known !== undefined) return known;
  const where = `tests/fixtures/cases/${file}.json`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(new URL(`${file}.json`, FOLDER), 'utf8'));
  } catch (error) {
    throw new Error(`${where}: ${(error as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`${where}: expected an object of tables`);
  files.set(file, parsed as Record<string, unknown>);
  return parsed as Record<string, unknown>;
}

function isKind(value: unknown, kind: CaseKind): boolean {
  switch (kind) {
    case 'string':
      return typeof value === 'string';
    case 'string?':
    case 'string|undefined':
      return value === null || typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'strings':
      return Array.isArray(value) && value.every((item) => typeof item === 'string');
    case 'json':
      return value !== undefined;
  }
}
