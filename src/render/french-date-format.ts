// render: Date → the French human date shown in HTML pages (`vendredi 22 novembre 2024`).
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { fr } from 'date-fns/locale/fr';

/**
 * Formats `date` as a French long date in `timeZone`: `vendredi 22 novembre 2024`, `dimanche 1er décembre 2024`.
 * @example formatFrenchDate(new Date('2024-11-21T23:30:00Z'), 'Europe/Paris') // 'vendredi 22 novembre 2024'
 */
export function formatFrenchDate(date: Date, timeZone: string): string {
  const zoned = toZoned(date, timeZone);
  // French writes the first day of the month as an ordinal, « le 1er décembre », every other day as a cardinal
  // (Imprimerie nationale, Lexique des règles typographiques). date-fns' `do` would give « 22e », so not used.
  const pattern = zoned.getDate() === 1 ? "EEEE '1er' MMMM yyyy" : 'EEEE d MMMM yyyy';
  return format(zoned, pattern, { locale: fr });
}

/**
 * Formats `date` like {@link formatFrenchDate}, followed by the wall time when it is not midnight:
 * `vendredi 22 novembre 2024 à 14 h 30`, `… à 9 h` (a date-only record stays `vendredi 22 novembre 2024`).
 */
export function formatFrenchDateTime(date: Date, timeZone: string): string {
  const time = formatFrenchTime(date, timeZone);
  const day = formatFrenchDate(date, timeZone);
  return time === undefined ? day : `${day} ${time}`;
}

/** The wall time in `timeZone` as French newsrooms write it, `à 14 h 30` or `à 9 h`; undefined at exactly midnight. */
export function formatFrenchTime(date: Date, timeZone: string): string | undefined {
  const zoned = toZoned(date, timeZone);
  const hours = zoned.getHours();
  const minutes = zoned.getMinutes();
  // Records without a time are stored as 00:00 local (DESIGN.md, Dates): showing « à 0 h » would invent a time.
  if (hours === 0 && minutes === 0) return undefined;
  // French newsroom style: « 14 h 30 », « 9 h », never « 14:30 » or « 14h00 ».
  return minutes === 0 ? `à ${hours} h` : `à ${hours} h ${String(minutes).padStart(2, '0')}`;
}

/** RFC 3339 with the numeric offset of `timeZone` at that instant, for `<time datetime>`: `2024-11-22T00:00:00+01:00`. */
export function formatZonedRfc3339(date: Date, timeZone: string): string {
  return format(toZoned(date, timeZone), "yyyy-MM-dd'T'HH:mm:ssXXX");
}

// --- internal ---

function toZoned(date: Date, timeZone: string): TZDate {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new TypeError(`date: expected a valid Date, got ${String(date)}`);
  }
  if (!isTimeZone(timeZone)) {
    throw new TypeError(`timeZone: expected an IANA time zone such as "Europe/Paris", got ${JSON.stringify(timeZone)}`);
  }
  return new TZDate(date.getTime(), timeZone);
}

function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
