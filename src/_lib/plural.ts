// _lib: a count and its noun, in the plural when the count is not one (`3 errors`, `1 warning`, `0 documents`).

/** `3 errors`, `1 warning`, `0 records`: English plural by an `s`, as every message of Gazette's words need. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
