// article: any title or category name → an ASCII URL slug (`Société` → `societe`, `l’OCP` → `l-ocp`).
import { foldAccents } from '../_lib/fold-accents.ts';

/** Longest slug kept; longer ones are cut on a word boundary. */
export const MAX_SLUG_LENGTH = 80;

// Letters NFKD does not decompose into a base letter plus marks.
const LETTERS: Readonly<Record<string, string>> = {
  œ: 'oe',
  Œ: 'oe',
  æ: 'ae',
  Æ: 'ae',
  ß: 'ss',
  ẞ: 'ss',
  ø: 'o',
  Ø: 'o',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  Ð: 'd',
  þ: 'th',
  Þ: 'th',
  ı: 'i',
  ħ: 'h',
  Ħ: 'h',
};

/** Folds text to a lower-case ASCII slug: accents dropped, `œ` → `oe`, every other run of non-alphanumerics → `-`. */
export function slugify(text: string): string {
  if (typeof text !== 'string') throw new TypeError('slugify: text must be a string');
  const folded = foldAccents(spellOutLetters(text), { compatibility: true })
    .toLowerCase()
    // Apostrophes (’ ' ʼ ‘) separate words like any other non-alphanumeric: `l’OCP` → `l-ocp`.
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return cutSlug(folded);
}

// --- internal ---

/** `œ` → `oe`, `ß` → `ss`, `ø` → `o`…: the letters of {@link LETTERS}, which foldAccents keeps as they are. */
function spellOutLetters(text: string): string {
  return text.replace(/[œŒæÆßẞøØłŁđĐðÐþÞıħĦ]/g, (c) => LETTERS[c] ?? '');
}

function cutSlug(slug: string): string {
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const head = slug.slice(0, MAX_SLUG_LENGTH + 1);
  const boundary = head.lastIndexOf('-');
  // One word longer than the limit has no boundary to cut on: cut it hard.
  const cut = (boundary > 0 ? head.slice(0, boundary) : slug.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/, '');
  // A cut just after an elided article or pronoun (`…-milliards-d` from `d’euros`) reads as a typo: drop it.
  return cut.replace(ELIDED_TAIL, '') || cut;
}

// French elisions that only exist before the next word: d’, l’, j’, m’, n’, s’, t’, c’, qu’, jusqu’, lorsqu’, puisqu’.
const ELIDED_TAIL = /-(?:[dljmnstc]|qu|jusqu|lorsqu|puisqu)$/;
