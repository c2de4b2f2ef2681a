// render: Date → the French human date shown in HTML pages (`vendredi 22 novembre 2024`).
import { TZDate } from '@date-fns/tz';
// The one function's module, not date-fns' index (≈ 300 modules: ≈ 0.1 s to load in every process and worker).
import { format } from 'date-fns/format';
import { fr } from 'date-fns/locale/fr';
import { FIRST_OF_MONTH, MONTH_NAMES, WEEKDAY_NAMES } from '../_lib/french-locale.ts';

/**
 * Formats `date` as a French long date in `timeZone`: `vendredi 22 novembre 2024`, `dimanche 1er décembre 2024`.
 * @example formatFrenchDate(new Date('2024-11-21T23:30:00Z'), 'Europe/Paris') // 'vendredi 22 novembre 2024'
 */
export function formatFrenchDate(date: Date, timeZone: string): string {
  const wall = toWallTime(date, timeZone);
  if (wall === undefined) {
    const first = new TZDate(date.getTime(), timeZone).getDate() === 1;
    return formatSlowly(date, timeZone, first ? `EEEE '${FIRST_OF_MONTH}' MMMM yyyy` : 'EEEE d MMMM yyyy');
  }
  // French writes the first day of the month as an ordinal, « le 1er décembre », every other day as a cardinal
  // (Imprimerie nationale, Lexique des règles typographiques). date-fns' `do` would give « 22e », so not used.
  const day = wall.getUTCDate() === 1 ? FIRST_OF_MONTH : String(wall.getUTCDate());
  return `${WEEKDAY_NAMES[wall.getUTCDay()]} ${day} ${MONTH_NAMES[wall.getUTCMonth()]} ${yearOf(wall)}`;
}

/** The wall time in `timeZone` as French newsrooms write it, `à 14 h 30` or `à 9 h`; undefined at exactly midnight. */
export function formatFrenchTime(date: Date, timeZone: string): string | undefined {
  const wall = toWallTime(date, timeZone);
  // TZDate's local getters read its wall clock, as the UTC getters of `wall` do.
  const zoned = wall ?? new TZDate(date.getTime(), timeZone);
  const [hours, minutes] = wall ? [wall.getUTCHours(), wall.getUTCMinutes()] : [zoned.getHours(), zoned.getMinutes()];
  // A date written without a time is read as 00:00 in the configured time zone: showing « à 0 h » would invent a time.
  if (hours === 0 && minutes === 0) return undefined;
  // French newsroom style: « 14 h 30 », « 9 h », never « 14:30 » or « 14h00 ».
  return minutes === 0 ? `à ${hours} h` : `à ${hours} h ${pad2(minutes)}`;
}

/** RFC 3339 with the numeric offset of `timeZone` at that instant, for `<time datetime>`: `2024-11-22T00:00:00+01:00`. */
export function formatZonedRfc3339(date: Date, timeZone: string): string {
  const wall = toWallTime(date, timeZone);
  if (wall === undefined) return formatSlowly(date, timeZone, "yyyy-MM-dd'T'HH:mm:ssXXX");
  const offset = (wall.getTime() - date.getTime()) / 60_000;
  // date-fns' `XXX` writes a zero offset as `Z` (RFC 3339 §4.3 allows both); kept, so pages do not change.
  const zone = offset === 0 ? 'Z' : `${offset < 0 ? '-' : '+'}${pad2(Math.trunc(Math.abs(offset) / 60))}:${pad2(Math.abs(offset) % 60)}`;
  return (
    `${yearOf(wall)}-${pad2(wall.getUTCMonth() + 1)}-${pad2(wall.getUTCDate())}` +
    `T${pad2(wall.getUTCHours())}:${pad2(wall.getUTCMinutes())}:${pad2(wall.getUTCSeconds())}${zone}`
  );
}

/** The calendar month of `date` on the wall clock of `timeZone`: `{ year: 2024, month: 11 }` (month 1–12). */
export function zonedYearMonth(date: Date, timeZone: string): { readonly year: number; readonly month: number } {
  const wall = toWallTime(date, timeZone);
  if (wall) return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1 };
  const zoned = new TZDate(date.getTime(), timeZone);
  return { year: zoned.getFullYear(), month: zoned.getMonth() + 1 };
}

/** A month as a French heading writes it: `novembre 2024` (month 1–12; month names take no capital in French). */
export function formatFrenchMonth(year: number, month: number): string {
  const name = MONTH_NAMES[month - 1];
  if (name === undefined || !Number.isInteger(year)) throw new RangeError(`month: expected 1–12 and a whole year, got ${month}/${year}`);
  return `${name} ${String(year).padStart(4, '0')}`;
}

// --- internal ---

/**
 * One offset formatter per zone. Building an `Intl.DateTimeFormat` costs ~0.1 ms, which made date-fns + TZDate
 * (and the zone check) the largest cost of rendering 2,000 article pages; formatting with a kept one costs µs.
 */
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The wall-clock fields of `date` in `timeZone`, as the UTC fields of a shifted Date — the very shift TZDate
 * applies, from the same `longOffset` text (so the same ICU data). Undefined for the cases where date-fns
 * would print something else than this arithmetic: offsets with seconds (local mean time before ~1911),
 * offsets between -01:00 and 00:00 (its parser loses the sign of `-00:25`), and years it would not write
 * with four digits. Those rare dates go through date-fns itself, so no output byte changes.
 */
function toWallTime(date: Date, timeZone: string): Date | undefined {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new TypeError(`date: expected a valid Date, got ${String(date)}`);
  }
  const text = offsetFormatOf(timeZone).format(date);
  const m = /GMT(?:([+-])(\d\d):(\d\d))?$/.exec(text);
  if (!m) return undefined;
  const minutes = m[1] === undefined ? 0 : (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  if (minutes < 0 && minutes > -60) return undefined;
  const wall = new Date(date.getTime() + minutes * 60_000);
  const year = wall.getUTCFullYear();
  return year >= 1 && year <= 9999 ? wall : undefined;
}

function offsetFormatOf(timeZone: string): Intl.DateTimeFormat {
  const known = offsetFormats.get(timeZone);
  if (known) return known;
  let created: Intl.DateTimeFormat;
  try {
    if (typeof timeZone !== 'string' || timeZone === '') throw new RangeError('empty');
    created = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
  } catch {
    throw new TypeError(`timeZone: expected an IANA time zone such as "Europe/Paris", got ${JSON.stringify(timeZone)}`);
  }
  // A site has one zone, tests a handful: the map stays tiny, but a caller looping over zones must not grow it forever.
  if (offsetFormats.size >= 64) offsetFormats.clear();
  offsetFormats.set(timeZone, created);
  return created;
}

/** The original date-fns + TZDate formatting, for the dates {@link toWallTime} leaves out. */
function formatSlowly(date: Date, timeZone: string, pattern: string): string {
  return format(new TZDate(date.getTime(), timeZone), pattern, { locale: fr });
}

function yearOf(wall: Date): string {
  return String(wall.getUTCFullYear()).padStart(4, '0');
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
