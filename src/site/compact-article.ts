// site: the form in which a build holds an article between its passes: the same values, in as few bytes as V8 allows.
//
// A streaming build keeps one light article per record for the whole build (100,000 of them for a large archive), so
// what each one weighs is the build's memory (docs/performance.md). Three things make a plain copy heavier than it
// needs to be: strings the parsers cut out of a record's text are V8 "sliced strings" that keep the whole text alive
// (~10 KB for a 60-byte title); a string made from a two-byte one stays two-byte even when every character is ASCII
// (a slug folded from a title with `’`, its URL: twice the bytes); and every article repeats a few shared values (an
// empty list, its file's display path, `updated` equal to `date`).

/** An empty list shared by every held value that has none (never mutated: articles are read-only). */
const EMPTY: readonly never[] = Object.freeze([]);

/** Latin-1 only: a one-byte V8 string can hold it. */
const LATIN1 = /^[\0-\xff]*$/;

/**
 * A copy of `value` that shares nothing with the text it was parsed from: every string its own flat, narrowest
 * string, every empty list {@link EMPTY}, Dates copied (one Date for two equal instants of one object), other
 * values as they are. For the plain data of records and articles (objects, arrays, strings, numbers, Dates).
 */
export function compactCopy<T>(value: T): T {
  return copy(value) as T;
}

/** `text` as a fresh flat string (no slice of a larger one), one byte per character when it allows. */
export function ownString(text: string): string {
  if (text.length === 0) return '';
  // latin1 round trip: exact for U+0000–U+00FF and always one-byte; JSON's is exact for any string (lone surrogates too).
  return LATIN1.test(text) ? Buffer.from(text, 'latin1').toString('latin1') : (JSON.parse(JSON.stringify(text)) as string);
}

// --- internal ---

function copy(value: unknown): unknown {
  if (typeof value === 'string') return ownString(value);
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date) return new Date(value.getTime());
  if (Array.isArray(value)) return value.length === 0 ? EMPTY : value.map(copy);
  const out: Record<string, unknown> = {};
  let firstDate: Date | undefined;
  for (const [key, field] of Object.entries(value)) {
    // An article's `updated` equals its `date` unless the record says otherwise: one Date object for both.
    if (field instanceof Date && firstDate !== undefined && firstDate.getTime() === field.getTime()) {
      out[key] = firstDate;
      continue;
    }
    out[key] = copy(field);
    if (field instanceof Date && firstDate === undefined) firstDate = out[key] as Date;
  }
  return out;
}
