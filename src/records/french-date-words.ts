// records: the words parseFrenchDate knows (months, weekdays, zones, a newsroom's lead-ins and notes), folded.
import { fr } from 'date-fns/locale/fr';

/** Lower case, accents stripped (`Décembre` → `decembre`, `1ᵉʳ` → `1er`), minus signs and dashes as `-`. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2212\u2010\u2011\u2013\u2014]/g, '-')
    .toLowerCase();
}

/** `janvier` … `décembre`, as the `fr` locale writes them. */
export const FRENCH_MONTHS = Array.from({ length: 12 }, (_, i) => fr.localize.month(i as 0, { width: 'wide' }));
/** `dimanche` … `samedi`: index 0 is Sunday, like `Date#getUTCDay`. */
export const FRENCH_WEEKDAYS = Array.from({ length: 7 }, (_, i) => fr.localize.day(i as 0, { width: 'wide' }));

/** Month words (folded, without the abbreviation dot) → 1–12: the `fr` locale's names plus common spellings. */
export const MONTHS = new Map<string, number>();
for (let i = 0; i < 12; i += 1) {
  for (const width of ['wide', 'abbreviated'] as const) {
    MONTHS.set(fold(fr.localize.month(i as 0, { width })).replace(/\.$/, ''), i + 1);
  }
}
// Abbreviations seen in dispatches, and the English names of RFC 822 dates (`Fri, 22 Nov 2024`).
const EXTRA_MONTHS: Array<[string, number]> = [
  ['jan', 1], ['fev', 2], ['mar', 3], ['juil', 7], ['aou', 8],
  ['sep', 9], ['sept', 9], ['nov', 11], ['dec', 12],
  ['january', 1], ['feb', 2], ['february', 2], ['march', 3], ['apr', 4], ['april', 4], ['may', 5],
  ['jun', 6], ['june', 6], ['jul', 7], ['july', 7], ['aug', 8], ['august', 8], ['september', 9],
  ['october', 10], ['november', 11], ['december', 12],
];
for (const [word, month] of EXTRA_MONTHS) if (!MONTHS.has(word)) MONTHS.set(word, month);

/** Weekday words (folded) → 0 (Sunday) … 6. */
export const WEEKDAYS = new Map<string, number>();
for (let i = 0; i < 7; i += 1) {
  const name = fold(FRENCH_WEEKDAYS[i] ?? '');
  WEEKDAYS.set(name, i);
  WEEKDAYS.set(name.slice(0, 3), i);
}
const ENGLISH_WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
ENGLISH_WEEKDAYS.forEach((name, i) => {
  WEEKDAYS.set(name, i);
  WEEKDAYS.set(name.slice(0, 3), i);
});

/**
 * Zone abbreviations that may follow a time, in minutes east of UTC: RFC 822 §5.1 (`GMT`, `EST`…),
 * Central European time in English and French (`CET`/`CEST`, `HEC`/`HNEC`/`HAEC`), Quebec's `HNE`/`HAE`,
 * and French `TU` (temps universel). Each names a fixed offset, so it is honoured as written.
 */
export const ZONES = new Map<string, number>([
  ['z', 0], ['ut', 0], ['utc', 0], ['gmt', 0], ['tu', 0],
  ['est', -300], ['edt', -240], ['cst', -360], ['cdt', -300], ['mst', -420], ['mdt', -360], ['pst', -480], ['pdt', -420],
  ['hne', -300], ['hae', -240],
  ['cet', 60], ['cest', 120], ['hec', 60], ['hnec', 60], ['haec', 120],
]);

/**
 * Words a newsroom writes before a date (folded, before an optional `le`): `Publié le`, `Mis à jour le`, `MàJ le`.
 * Only these: other leading words (`Il était une fois le …`) leave the text unreadable.
 */
export const DATE_LEAD_INS = [
  'publie', 'publiee', 'paru', 'parue', 'mis en ligne', 'mise en ligne',
  'mis a jour', 'mise a jour', 'derniere mise a jour', 'maj', 'modifie', 'modifiee', 'actualise', 'actualisee',
];

/**
 * Notes a newsroom puts in parentheses after a date, which say which date it is but not when:
 * `(mis à jour)`. Parenthesised text not listed here (`(environ)`, `(à confirmer)`) leaves the text unreadable.
 */
export const DATE_NOTES = ['mis a jour', 'mise a jour', 'maj', 'actualise', 'modifie'];

/**
 * Place notes after a time, with or without parentheses, and the IANA zone whose wall time they name
 * (undefined: the configured zone). `18h05 (heure de Paris)` is Paris wall time even for a Montreal site.
 */
export const PLACE_ZONES = new Map<string, string | undefined>([
  ['heure de paris', 'Europe/Paris'], ['heure de france', 'Europe/Paris'], ['heure francaise', 'Europe/Paris'],
  ['heure de montreal', 'America/Toronto'], ['heure du quebec', 'America/Toronto'],
  ['heure locale', undefined],
]);
