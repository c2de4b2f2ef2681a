// records: the words parseFrenchDate knows, folded for matching: the French ones from _lib/french-locale.ts,
// plus the English names and zones of RFC 822 dates.
import { foldAccents } from '../_lib/fold-accents.ts';
import {
  DATE_LEAD_INS as LEAD_IN_WORDS,
  DATELINE_CITIES,
  MONTH_ABBREVIATIONS,
  MONTH_NAMES,
  NEWS_AGENCIES,
  PLACE_ZONES as PLACE_PHRASES,
  RELATIVE_WORDS as RELATIVE_PHRASES,
  UPDATE_WORDS,
  WEEKDAY_ABBREVIATIONS,
  WEEKDAY_NAMES,
  ZONE_OFFSETS,
  ZONE_REGIONS,
} from '../_lib/french-locale.ts';

/** Lower case, accents stripped (`Décembre` → `decembre`, `1ᵉʳ` → `1er`), dashes as `-`, apostrophes as `'`. */
export function fold(text: string): string {
  return foldAccents(text, { compatibility: true })
    .replace(/[\u2212\u2010\u2011\u2013\u2014]/g, '-')
    .replace(/[\u2019\u02bc]/g, "'")
    .toLowerCase();
}

/** `janvier` … `décembre`, for messages. */
export const FRENCH_MONTHS: readonly string[] = MONTH_NAMES;
/** `dimanche` … `samedi`: index 0 is Sunday, like `Date#getUTCDay`. */
export const FRENCH_WEEKDAYS: readonly string[] = WEEKDAY_NAMES;

/** Month words (folded, without the abbreviation dot) → 1–12: French names and abbreviations, then English ones. */
export const MONTHS = new Map<string, number>();
MONTH_NAMES.forEach((name, i) => {
  for (const word of [name, ...(MONTH_ABBREVIATIONS[i] ?? [])]) MONTHS.set(fold(word), i + 1);
});
// The English names of RFC 822 dates (`Fri, 22 Nov 2024`).
const ENGLISH_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
ENGLISH_MONTHS.forEach((name, i) => {
  for (const word of [name, name.slice(0, 3)]) if (!MONTHS.has(word)) MONTHS.set(word, i + 1);
});

/** Weekday words (folded) → 0 (Sunday) … 6, French and English, full and abbreviated. */
export const WEEKDAYS = new Map<string, number>();
WEEKDAY_NAMES.forEach((name, i) => {
  WEEKDAYS.set(fold(name), i);
  WEEKDAYS.set(fold(WEEKDAY_ABBREVIATIONS[i] ?? name), i);
});
const ENGLISH_WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
ENGLISH_WEEKDAYS.forEach((name, i) => {
  WEEKDAYS.set(name, i);
  WEEKDAYS.set(name.slice(0, 3), i);
});

/**
 * Zone abbreviations that may follow a time, in minutes east of UTC: RFC 822 §5.1 (`GMT`, `EST`…), `UTC`,
 * Central European time in English (`CET`/`CEST`), and the French ones of the locale (`HEC`, `HNE`, `HAP`, `TU`…).
 * Each names a fixed offset, so it is honoured as written.
 */
export const ZONES = new Map<string, number>([
  ['z', 0],
  ['ut', 0],
  ['utc', 0],
  ['gmt', 0],
  ['est', -300],
  ['edt', -240],
  ['cst', -360],
  ['cdt', -300],
  ['mst', -420],
  ['mdt', -360],
  ['pst', -480],
  ['pdt', -420],
  ['cet', 60],
  ['cest', 120],
]);
for (const [words, offset] of ZONE_OFFSETS) {
  for (const word of words) if (!word.includes(' ')) ZONES.set(fold(word), offset);
}

/** Lead-ins before a date (folded): `Publié le`, `Mis à jour le`, `MàJ le`. */
export const DATE_LEAD_INS: readonly string[] = LEAD_IN_WORDS.map(fold);

/** Words opening an update note (folded): `(mis à jour)`, `(actualisé à 16 h 05)`. */
export const DATE_NOTES: readonly string[] = UPDATE_WORDS.map(fold);

/**
 * What a zone note after a time says (folded note → meaning): a fixed offset (`heure normale de l'Est`), or the
 * wall clock of an IANA zone (`heure de Paris`, `HE`; undefined: the site's own zone), with the standard offset
 * of a Canadian region so that a site in that region reads it as its own clock.
 */
export type ZoneNote = { offset: number } | { timeZone: string | undefined; standardOffset?: number };

/** Zone notes, folded → meaning: place phrases, regional zone words and abbreviations, fixed-offset phrases. */
export const ZONE_NOTES = new Map<string, ZoneNote>();
for (const [phrase, timeZone] of PLACE_PHRASES) ZONE_NOTES.set(fold(phrase), { timeZone });
for (const { words, timeZone, standardOffset } of ZONE_REGIONS) {
  for (const word of words) ZONE_NOTES.set(fold(word), { timeZone, standardOffset });
}
for (const [words, offset] of ZONE_OFFSETS) {
  for (const word of words) if (word.includes(' ')) ZONE_NOTES.set(fold(word), { offset });
}

/** Dateline cities (folded) → IANA zone. */
export const CITY_ZONES = new Map<string, string>(DATELINE_CITIES.map(([city, timeZone]) => [fold(city), timeZone]));

/** News agencies (folded), as they appear in parentheses after a dateline. */
export const AGENCIES: readonly string[] = NEWS_AGENCIES.map(fold);

/** Relative words (folded): `hier`, `dernier`, `il y a`. */
export const RELATIVE_WORDS: readonly string[] = RELATIVE_PHRASES.map(fold);
