// records: a date as a newsroom writes it (French, ISO 8601 / RFC 3339, RFC 822) → one instant.
//
// DST policy (wall times without an offset are read in the configured IANA zone):
// - a wall time in a spring-forward gap moves forward by the gap length
//   (02:30 on 2025-03-30 in Europe/Paris → 03:30+02:00), like Temporal's `disambiguation: 'compatible'`;
// - a wall time in a fall-back overlap takes the earlier instant, the first occurrence
//   (02:30 on 2025-10-26 in Europe/Paris → 02:30+02:00).
// The offsets come from @date-fns/tz (`tzOffset`, backed by the runtime's IANA data), never from the
// machine's own zone, so the same text gives the same instant on every machine.
import { tzOffset } from '@date-fns/tz';
import { getDaysInMonth } from 'date-fns';
import { fr } from 'date-fns/locale/fr';

/** Options of {@link parseFrenchDate}. */
export interface FrenchDateOptions {
  /** IANA zone in which a date written without an offset is wall time, e.g. `Europe/Paris`. */
  timeZone: string;
}

/** A weekday written in the text that is not the weekday of the date. */
export interface WeekdayMismatch {
  /** The weekday exactly as written, e.g. `jeudi`. */
  written: string;
  /** The real weekday of the date, in French, e.g. `vendredi`. */
  actual: string;
  /** The calendar date as written, `YYYY-MM-DD`. */
  date: string;
}

/** What {@link parseFrenchDate} found: an instant, or why there is none. */
export type FrenchDateResult =
  | { ok: true; date: Date; hasTime: boolean; hasOffset: boolean; weekdayMismatch?: WeekdayMismatch }
  | { ok: false; code: 'date-unreadable' | 'date-impossible'; message: string };

/**
 * Reads one date in any form a record may hold and returns the instant it names.
 * @example parseFrenchDate('1er décembre 2024 à 14 h 30', { timeZone: 'Europe/Paris' }) // 2024-12-01T13:30:00Z
 */
export function parseFrenchDate(text: string, options: FrenchDateOptions): FrenchDateResult {
  if (typeof text !== 'string') throw new TypeError('parseFrenchDate: text must be a string');
  const timeZone = options?.timeZone;
  if (typeof timeZone !== 'string' || Number.isNaN(tzOffset(timeZone, new Date(0)))) {
    throw new TypeError(`parseFrenchDate: options.timeZone must be an IANA time zone, got ${JSON.stringify(timeZone)}`);
  }
  const shown = text.replace(SPACES, ' ').trim();
  const match = DATE_PATTERN.exec(fold(shown));
  const g = match?.groups;
  if (!g) {
    return {
      ok: false,
      code: 'date-unreadable',
      message: `could not read ${JSON.stringify(shown)} as a date; expected e.g. "22 novembre 2024" or "2024-11-22T14:30:00+01:00"`,
    };
  }

  const year = Number(g.aYear ?? g.bYear ?? g.cYear ?? g.dYear);
  const monthWord = g.aMonth ?? g.bMonth;
  const month = monthWord !== undefined ? (MONTHS.get(monthWord) ?? 0) : Number(g.cMonth ?? g.dMonth);
  const day = Number(g.aDay ?? g.bDay ?? g.cDay ?? g.dDay);
  const hourText = g.hour1 ?? g.hour2;
  const hour = Number(hourText ?? 0);
  const minute = Number(g.min1 ?? g.min2 ?? 0);
  const second = Number(g.sec ?? 0);
  const millisecond = g.frac ? Number(g.frac.padEnd(3, '0').slice(0, 3)) : 0;

  const impossible = (reason: string): FrenchDateResult => ({
    ok: false,
    code: 'date-impossible',
    message: `${JSON.stringify(shown)} is not a real date (${reason})`,
  });
  if (month < 1 || month > 12) return impossible(`there is no month ${month}`);
  const daysInMonth = getDaysInMonth(new Date(year, month - 1, 1));
  if (day < 1 || day > daysInMonth) {
    return impossible(`${FRENCH_MONTHS[month - 1]} ${year} has ${daysInMonth} days`);
  }
  if (hour > 23) return impossible(`there is no hour ${hour}`);
  if (minute > 59) return impossible(`there is no minute ${minute}`);
  if (second > 59) return impossible(`there is no second ${second}`);

  const offset = readOffset(g.zone, g.offset);
  if (offset !== undefined && Math.abs(offset) > 18 * 60) return impossible('a UTC offset is at most ±18:00');
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const instant = offset === undefined ? resolveWallTime(wall, timeZone) : wall - offset * MINUTE;

  const result: FrenchDateResult = {
    ok: true,
    date: new Date(instant),
    hasTime: hourText !== undefined,
    hasOffset: offset !== undefined,
  };
  if (g.weekday !== undefined) {
    const written = WEEKDAYS.get(g.weekday);
    const actualIndex = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
    if (written !== actualIndex) {
      result.weekdayMismatch = {
        written: shown.replace(/^le\s+/i, '').split(/[\s,.]/)[0] ?? g.weekday,
        actual: FRENCH_WEEKDAYS[actualIndex] ?? '',
        date: `${String(year)}-${pad(month)}-${pad(day)}`,
      };
    }
  }
  return result;
}

// --- internal ---

const MINUTE = 60_000;
const DAY = 86_400_000;
// NBSP, narrow NBSP, figure/thin/hair spaces and line breaks all read as one space.
const SPACES = /[\s\u00a0\u202f\u2007\u2009\u200a]+/g;

/** Lower case, accents stripped (`Décembre` → `decembre`, `1ᵉʳ` → `1er`), minus signs as `-`. */
function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2212\u2010\u2011]/g, '-')
    .toLowerCase();
}

const FRENCH_MONTHS = Array.from({ length: 12 }, (_, i) => fr.localize.month(i as 0, { width: 'wide' }));
const FRENCH_WEEKDAYS = Array.from({ length: 7 }, (_, i) => fr.localize.day(i as 0, { width: 'wide' }));

/** Month words (folded, without the abbreviation dot) → 1–12: the `fr` locale's names plus common spellings. */
const MONTHS = new Map<string, number>();
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
const WEEKDAYS = new Map<string, number>();
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

/** Named zones an RFC 822 date (RFC 822 §5.1) or a Quebec dispatch (HNE/HAE) may end with, in minutes. */
const ZONES = new Map<string, number>([
  ['z', 0], ['ut', 0], ['utc', 0], ['gmt', 0],
  ['est', -300], ['edt', -240], ['cst', -360], ['cdt', -300], ['mst', -420], ['mdt', -360], ['pst', -480], ['pdt', -420],
  ['hne', -300], ['hae', -240],
]);

const alternation = (words: Iterable<string>): string => [...words].sort((a, b) => b.length - a.length).join('|');

const WEEKDAY = `(?<weekday>${alternation(WEEKDAYS.keys())})(?![a-z])\\.?`;
const month = (name: string): string => `(?<${name}>${alternation(MONTHS.keys())})(?![a-z])\\.?`;
const DATE = [
  `${month('aMonth')}\\s*(?<aDay>\\d{1,2})(?:er)?\\s*,?\\s*(?<aYear>\\d{4})`, // novembre 22, 2024 (wire)
  `(?<bDay>\\d{1,2})(?:er)?\\s*${month('bMonth')}\\s*,?\\s*(?<bYear>\\d{4})`, // 22 novembre 2024, 1er déc. 2024
  `(?<cDay>\\d{1,2})(?<cSep>[/.-])(?<cMonth>\\d{1,2})\\k<cSep>(?<cYear>\\d{4})`, // 22/11/2024: day first
  `(?<dYear>\\d{4})(?<dSep>[/.-])(?<dMonth>\\d{1,2})\\k<dSep>(?<dDay>\\d{1,2})`, // 2024-11-22
].join('|');
const TIME = [
  `(?<hour1>\\d{1,2})\\s*(?:h|heures?)(?:\\s*(?<min1>\\d{2})(?:\\s*(?:min|mn))?)?`, // 14h30, 14 h 30, 14h
  `(?<hour2>\\d{1,2}):(?<min2>\\d{2})(?::(?<sec>\\d{2})(?:[.,](?<frac>\\d{1,9}))?)?`, // 14:30, 14:30:15.250
].join('|');
const ZONE = `(?<zone>${alternation(ZONES.keys())})?\\s*(?<offset>[+-]\\d{1,2}(?::?\\d{2})?)?`;
const DATE_PATTERN = new RegExp(
  `^(?:le\\s+)?(?:${WEEKDAY}\\s*,?\\s+(?:le\\s+)?)?(?:${DATE})` +
    `(?:(?:t|\\s*,\\s*|\\s+)(?:(?:a|at|vers|des)\\s+)?(?:${TIME})\\s*${ZONE})?$`,
);

/** Minutes east of UTC written after the time (`Z`, `+01:00`, `+0100`, `GMT+1`), or undefined for wall time. */
function readOffset(zone: string | undefined, offset: string | undefined): number | undefined {
  if (zone === undefined && offset === undefined) return undefined;
  let minutes = zone === undefined ? 0 : (ZONES.get(zone) ?? 0);
  if (offset !== undefined) {
    const m = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(offset);
    if (m) minutes += (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
  }
  return minutes;
}

/** The instant of a wall time (given as if it were UTC) in `timeZone`, by the DST policy above. */
function resolveWallTime(wall: number, timeZone: string): number {
  // The zone's offsets a day either side bracket any transition near this wall time.
  const before = tzOffset(timeZone, new Date(wall - DAY));
  const after = tzOffset(timeZone, new Date(wall + DAY));
  const candidates = [...new Set([before, after])]
    .map((offset) => wall - offset * MINUTE)
    .filter((instant) => tzOffset(timeZone, new Date(instant)) * MINUTE === wall - instant);
  // Overlap: two candidates, take the first occurrence. Gap: none; the offset in force before the
  // transition carries the wall time forward by the gap length.
  return candidates.length > 0 ? Math.min(...candidates) : wall - before * MINUTE;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
