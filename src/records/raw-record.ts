// records: the shape every loader (md, json, txt) produces: raw field values with their line numbers.

/** Which loader read the file. */
export type RecordFormat = 'md' | 'json' | 'txt';

/** One field as written in the file, before validation. */
export interface RawField {
  /** The value as parsed: strings stay strings (dates are never turned into Date here). */
  readonly value: unknown;
  /** 1-based line in the file where the field's value starts, when known. */
  readonly line: number | undefined;
  /**
   * For a list of mappings (`corrections: [{ date, text }]`): where each entry starts and, per key, where its value
   * starts, so a message can name `corrections[2].date` at its own line. Absent for any other value.
   */
  readonly entries?: readonly RawEntryLines[];
}

/** Lines of one entry of a list field (see {@link RawField.entries}). */
export interface RawEntryLines {
  /** 1-based line where the entry starts, when known. */
  readonly line: number | undefined;
  /** 1-based line of each key's value in the entry. */
  readonly keys: Readonly<Record<string, number>>;
}

/** One block of a wire dispatch body (`*.txt`). */
export interface DispatchBlock {
  /** `kicker`: an ALL-CAPS banner line; `heading`: a short line without closing punctuation before a paragraph. */
  readonly kind: 'kicker' | 'heading' | 'paragraph';
  /** The text exactly as written (NFC-normalised), without the trailing newline. */
  readonly text: string;
  /** 1-based line where the block starts. */
  readonly line: number;
}

/** The body of a record, in the form it was written. */
export type RecordBody =
  | { readonly kind: 'markdown'; readonly text: string; readonly line: number }
  | { readonly kind: 'html'; readonly html: string; readonly line: number }
  | { readonly kind: 'blocks'; readonly blocks: readonly DispatchBlock[]; readonly line: number }
  | { readonly kind: 'none' };

/** A record as read from disk: not yet validated or normalised. */
export interface RawRecord {
  /** Path for messages, relative to the working directory when possible: `items/2024/maroc.txt`. */
  readonly file: string;
  /** Path below the items folder without extension, `/`-separated: `2024/maroc`. The default article id. */
  readonly relPath: string;
  readonly format: RecordFormat;
  /**
   * Every key of the front matter / JSON object, known or not (`title`, `date`, `categories`, …).
   * For `*.txt`: `date` (line 1, string), `categories` (line 2, already split into a string[]), `title`.
   */
  readonly fields: Readonly<Record<string, RawField>>;
  readonly body: RecordBody;
}
