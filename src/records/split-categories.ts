// records: the dispatch categories line (`InternationalNationalSociété`, `A, B | C`) → category names.
import { foldAccents } from '../_lib/fold-accents.ts';

/**
 * Explicit separators between category names: `,` `|` `·` (and `•`) `/` `;`, with any whitespace around them,
 * and a dash with spaces on both sides (`Politique - Économie`); a dash inside a name (`Île-de-France`) is not one.
 */
const SEPARATORS = /\s*[,|·•/;]\s*|\s+[-–—]\s+/u;

/** A label some wires put before the list: `Catégories : Société, Santé`, `Rubrique: Sport`. */
const LEAD_LABEL = /^(?:cat[ée]gories?|rubriques?|th[èe]mes?|sections?|mots[- ]cl[ée]s|tags?)\s*:\s*/iu;

/**
 * Splits a categories line into names: on explicit separators when there are any, otherwise by
 * recognising `vocabulary` labels (case- and accent-insensitive, longest first) and then lower→upper
 * case boundaries, so `InternationalNationalSociété` gives International, National, Société.
 * @example splitCategoryLine('ÉconomieSociété', []) // ['Économie', 'Société']
 */
export function splitCategoryLine(line: string, vocabulary: readonly string[]): string[] {
  if (typeof line !== 'string') throw new TypeError('splitCategoryLine: line must be a string');
  if (!Array.isArray(vocabulary)) throw new TypeError('splitCategoryLine: vocabulary must be an array');
  const text = line.normalize('NFC').trim().replace(LEAD_LABEL, '');
  if (text === '') return [];
  const vocab = prepareVocabulary(vocabulary);
  if (SEPARATORS.test(text)) {
    // The writer chose separators: keep each piece whole (`Faits divers`), unless it is made
    // entirely of known labels run together (`InternationalNational`).
    return text
      .split(SEPARATORS)
      .map(cleanName)
      .filter((name) => name !== '')
      .flatMap((name) => tileWithVocabulary(name, vocab) ?? [name]);
  }
  return splitRunTogether(text, vocab);
}

// --- internal ---

interface VocabularyEntry {
  readonly folded: string;
}

/** Folds for comparison only: no accents, lower case, one space for any whitespace run. */
function fold(text: string): string {
  return foldAccents(text).toLowerCase().replace(/\s+/gu, ' ');
}

function cleanName(name: string): string {
  return name.trim().replace(/\s+/gu, ' ');
}

function prepareVocabulary(vocabulary: readonly string[]): VocabularyEntry[] {
  const seen = new Set<string>();
  for (const label of vocabulary) {
    if (typeof label !== 'string') continue;
    const folded = fold(cleanName(label.normalize('NFC')));
    if (folded !== '') seen.add(folded);
  }
  // Longest first, so `Économie numérique` wins over `Économie`.
  return [...seen].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map((folded) => ({ folded }));
}

/** Code points of `text` with their folded forms, for matching folded labels against original text. */
function foldChars(text: string): { chars: string[]; folded: string[] } {
  const chars = Array.from(text);
  return { chars, folded: chars.map(fold) };
}

/** End index (in code points) of the longest vocabulary label starting at `start`, or -1. */
function matchAt(folded: readonly string[], start: number, vocab: readonly VocabularyEntry[]): number {
  for (const entry of vocab) {
    let acc = '';
    for (let i = start; i < folded.length; i++) {
      acc += folded[i];
      if (acc === entry.folded) return i + 1;
      if (!entry.folded.startsWith(acc)) break;
    }
  }
  return -1;
}

/** Splits `name` into labels only if it is entirely made of two or more vocabulary labels. */
function tileWithVocabulary(name: string, vocab: readonly VocabularyEntry[]): string[] | undefined {
  if (vocab.length === 0) return undefined;
  const { chars, folded } = foldChars(name);
  const parts: string[] = [];
  let pos = 0;
  while (pos < chars.length) {
    if (/\s/u.test(chars[pos] ?? '')) {
      pos++;
      continue;
    }
    const end = matchAt(folded, pos, vocab);
    if (end < 0) return undefined;
    parts.push(chars.slice(pos, end).join(''));
    pos = end;
  }
  return parts.length >= 2 ? parts : undefined;
}

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /\p{L}/u.test(ch);
}

function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && /\p{Lu}/u.test(ch);
}

function isLower(ch: string | undefined): boolean {
  return ch !== undefined && /\p{Ll}/u.test(ch);
}

/**
 * A label may start here: at the start, after a non-letter, at a lower→upper boundary, or where the
 * previous label ended. This keeps `Sport` from matching inside `Transport`.
 */
function canStartAt(chars: readonly string[], pos: number, lastEnd: number): boolean {
  if (pos === 0 || pos === lastEnd) return true;
  const prev = chars[pos - 1];
  return !isLetter(prev) || (isLower(prev) && isUpper(chars[pos]));
}

/** A label may end here: at the end, before a non-letter or an upper-case letter, or before another label. */
function canEndAt(chars: readonly string[], folded: readonly string[], end: number, vocab: readonly VocabularyEntry[]): boolean {
  const next = chars[end];
  return next === undefined || !isLetter(next) || isUpper(next) || matchAt(folded, end, vocab) >= 0;
}

function splitRunTogether(text: string, vocab: readonly VocabularyEntry[]): string[] {
  const { chars, folded } = foldChars(text);
  const names: string[] = [];
  let pending = '';
  let lastEnd = -1;
  let pos = 0;
  while (pos < chars.length) {
    if (canStartAt(chars, pos, lastEnd)) {
      const end = matchAt(folded, pos, vocab);
      if (end > 0 && canEndAt(chars, folded, end, vocab)) {
        names.push(...splitOnCaseBoundaries(pending));
        pending = '';
        names.push(chars.slice(pos, end).join(''));
        pos = end;
        lastEnd = end;
        continue;
      }
    }
    pending += chars[pos];
    pos++;
  }
  names.push(...splitOnCaseBoundaries(pending));
  return names.map(cleanName).filter((name) => name !== '');
}

/**
 * `ÉconomieSociété` → Économie, Société; `ONUSociété` → ONU, Société. Only letters that touch split:
 * `Île-de-France`, `États-Unis` and `Faits divers` stay whole.
 */
function splitOnCaseBoundaries(text: string): string[] {
  return text.split(/(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/u);
}
