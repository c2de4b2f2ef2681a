// _lib: text → the same text without accents, the one place Gazette strips diacritics (slugs, date words, categories).

/** Options of {@link foldAccents}. */
export interface FoldAccentsOptions {
  /**
   * Also fold compatibility forms, with NFKD instead of NFD: `1ᵉʳ` → `1er`, `ﬁ` → `fi`, `²` → `2`, NBSP → space.
   * Default false: only canonical decompositions, so a letter loses its accents and nothing else changes.
   */
  readonly compatibility?: boolean;
}

/**
 * Removes accents and every other combining mark (`Société` → `Societe`) by decomposing the text
 * (Unicode UAX #15, https://unicode.org/reports/tr15/) and dropping the marks (`\p{M}`). Case is kept, and so are
 * letters that do not decompose into a base letter and marks (`œ`, `æ`, `ß`, `ø`, `ł`): callers that need them in
 * ASCII spell them out themselves (`slugify`).
 * @example foldAccents('Décembre') // 'Decembre'
 */
export function foldAccents(text: string, options: FoldAccentsOptions = {}): string {
  if (typeof text !== 'string') throw new TypeError(`foldAccents: text must be a string, got ${typeof text}`);
  return text.normalize(options.compatibility === true ? 'NFKD' : 'NFD').replace(MARKS, '');
}

// --- internal ---

const MARKS = /\p{M}+/gu;
