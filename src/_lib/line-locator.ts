// _lib: 0-based offsets in a text → line and column numbers, for every diagnostic that names a line.

/** Maps 0-based UTF-16 offsets in one text to lines and columns; built once per text by {@link createLineLocator}. */
export interface LineLocator {
  /** The line holding `offset`: `firstLine` for offsets before the first LF (so 1 unless told otherwise). */
  readonly lineOf: (offset: number) => number;
  /** The 1-based column of `offset` in its line, counted in UTF-16 code units. */
  readonly columnOf: (offset: number) => number;
}

/**
 * Indexes the line starts of `text` once (only LF ends a line: callers normalise CRLF and CR first), then answers
 * each offset with a binary search. An offset at an LF belongs to the line the LF ends; `firstLine` numbers the
 * first line when `text` is an excerpt that starts further down a file.
 * @example createLineLocator('ab\ncd').lineOf(3) // 2
 */
export function createLineLocator(text: string, firstLine = 1): LineLocator {
  if (typeof text !== 'string') throw new TypeError('createLineLocator: text must be a string');
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const indexOf = (offset: number): number => lastStartAtOrBefore(starts, offset);
  return {
    lineOf: (offset) => firstLine + indexOf(offset),
    columnOf: (offset) => offset - starts[indexOf(offset)]! + 1,
  };
}

// --- internal ---

/** Index of the last entry of the ascending `starts` (whose first entry is 0) that is ≤ `offset`; 0 below it. */
function lastStartAtOrBefore(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
