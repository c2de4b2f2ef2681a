// records: a date as a newsroom writes it (French, ISO 8601 / RFC 3339, RFC 822) → one instant.
//
// DST policy (wall times without an offset are read in the configured IANA zone):
// - a wall time in a spring-forward gap moves forward by the gap length
//   (02:30 on 2025-03-30 in Europe/Paris → 03:30+02:00), like Temporal's `disambiguation: 'compatible'`;
// - a wall time in a fall-back overlap takes the earlier instant, the first occurrence
//   (02:30 on 2025-10-26 in Europe/Paris → 02:30+02:00).
// The offsets come from @date-fns/tz (`tzOffset`, backed by the runtime's IANA data), never from the
// machine's own zone, so the same text gives the same instant on every machine.
//
// Around the date itself, only closed lists of words are accepted (french-date-words.ts), so prose that
// merely contains a date stays unreadable:
// - a lead-in: `Publié le`, `Mis à jour le`, `Le` … (`DATE_LEAD_INS`);
// - after the date, a time joined by a space, `,`, `-`, `–` or `à`: `14h30`, `14 h 30 min`, `8 heures 30`,
//   `14:30`, `midi` (12:00) and `minuit` (00:00 at the start of that day), then a zone (`CET`, `UTC+2`);
// - the time may come first instead: `18h05, le 3 décembre 2024`;
// - trailing notes: a zone or `mis à jour` in parentheses, or a place (`heure de Paris`), whose zone then
//   replaces the configured one for wall time. An explicit offset or zone abbreviation always wins.
import { tzOffset } from '@date-fns/tz';
import { getDaysInMonth } from 'date-fns';
import {
  DATE_LEAD_INS, DATE_NOTES, FRENCH_MONTHS, FRENCH_WEEKDAYS, MONTHS, PLACE_ZONES, WEEKDAYS, ZONES, fold,
} from './french-date-words.ts';

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
  const { core, placeZone } = unwrap(fold(shown));
  const g = DATE_PATTERN.exec(core)?.groups;
  if (!g) {
    return {
      ok: false,
      code: 'date-unreadable',
      message: YEARLESS_PATTERN.test(core)
        ? `${JSON.stringify(shown)} has no year; write it in full, e.g. "22 novembre 2024"`
        : `could not read ${JSON.stringify(shown)} as a date; expected e.g. "22 novembre 2024" or "2024-11-22T14:30:00+01:00"`,
    };
  }

  const year = Number(g.aYear ?? g.bYear ?? g.cYear ?? g.dYear);
  const monthWord = g.aMonth ?? g.bMonth;
  const month = monthWord !== undefined ? (MONTHS.get(monthWord) ?? 0) : Number(g.cMonth ?? g.dMonth);
  const day = Number(g.aDay ?? g.bDay ?? g.cDay ?? g.dDay);
  const hourText = g.hour1 ?? g.hour2;
  const hour = g.noon === 'midi' ? 12 : Number(hourText ?? 0);
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
  const instant = offset === undefined ? resolveWallTime(wall, placeZone ?? timeZone) : wall - offset * MINUTE;

  const result: FrenchDateResult = {
    ok: true,
    date: new Date(instant),
    hasTime: hourText !== undefined || g.noon !== undefined,
    hasOffset: offset !== undefined,
  };
  if (g.weekday !== undefined) {
    const written = WEEKDAYS.get(g.weekday);
    const actualIndex = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
    if (written !== actualIndex) {
      result.weekdayMismatch = {
        // The first word that folds to the weekday: lead-ins and times never do.
        written: shown.split(/[\s,.]+/).find((word) => fold(word) === g.weekday) ?? g.weekday,
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

const alternation = (words: Iterable<string>): string => [...words].sort((a, b) => b.length - a.length).join('|');
/** The same pattern with its named groups made anonymous, to embed it twice in one RegExp. */
const anonymous = (pattern: string): string => pattern.replace(/\(\?<\w+>/g, '(?:');

const WEEKDAY = `(?<weekday>${alternation(WEEKDAYS.keys())})(?![a-z])\\.?`;
const month = (name: string): string => `(?<${name}>${alternation(MONTHS.keys())})(?![a-z])\\.?`;
const DATE = [
  `${month('aMonth')}\\s*(?<aDay>\\d{1,2})(?:er)?\\s*,?\\s*(?<aYear>\\d{4})`, // novembre 22, 2024 (wire)
  `(?<bDay>\\d{1,2})(?:er)?\\s*${month('bMonth')}\\s*,?\\s*(?<bYear>\\d{4})`, // 22 novembre 2024, 1er déc. 2024
  `(?<cDay>\\d{1,2})(?:er)?(?<cSep>[/.-])(?<cMonth>\\d{1,2})\\k<cSep>(?<cYear>\\d{4})`, // 22/11/2024: day first
  `(?<dYear>\\d{4})(?<dSep>[/.-])(?<dMonth>\\d{1,2})\\k<dSep>(?<dDay>\\d{1,2})`, // 2024-11-22
].join('|');
// The day-month forms without a year: never a date, only a better message.
const YEARLESS_DATE = `${month('aMonth')}\\s*\\d{1,2}(?:er)?|\\d{1,2}(?:er)?\\s*${month('bMonth')}|\\d{1,2}(?:er)?/\\d{1,2}`;
const TIME = [
  `(?<hour1>\\d{1,2})\\s*(?:h|heures?)(?:\\s*(?<min1>\\d{2})(?:\\s*(?:minutes?|min|mn))?)?`, // 14h30, 8 heures 30
  `(?<hour2>\\d{1,2}):(?<min2>\\d{2})(?::(?<sec>\\d{2})(?:[.,](?<frac>\\d{1,9}))?)?`, // 14:30, 14:30:15.250
  `(?<noon>midi|minuit)`,
].join('|');
const ZONE_WORD = alternation(ZONES.keys());
const OFFSET = '[+-]\\d{1,2}(?::?\\d{2})?';
const ZONE = `(?<zone>${ZONE_WORD})?\\s*(?<offset>${OFFSET})?`;
const AT = '(?:(?:a|at|vers|des)\\s+)?';
// `[date] [time]` after unwrap(); the date may open with a weekday (`vendredi, novembre 22, 2024`).
const withDate = (date: string): RegExp =>
  new RegExp(`^(?:${WEEKDAY}\\s*,?\\s+(?:le\\s+)?)?(?:${date})(?:(?:t|\\s*[,-]\\s*|\\s+)${AT}(?:${TIME})\\s*${ZONE})?$`);
const DATE_PATTERN = withDate(DATE);
const YEARLESS_PATTERN = withDate(YEARLESS_DATE);

const LEAD_IN = new RegExp(`^(?:(?:${alternation(DATE_LEAD_INS)})(?:\\s*:)?\\s+)?(?:le\\s+)?`);
const PLACE = alternation(PLACE_ZONES.keys());
const TRAILING_NOTE = new RegExp(
  `(?:\\s*[,-]?\\s*\\((?:${alternation(DATE_NOTES)}|(?<place>${PLACE})|(?<zone>(?:${ZONE_WORD})(?:\\s*${OFFSET})?|${OFFSET}))\\)` +
    `|(?:\\s*[,-]\\s*|\\s+)(?<barePlace>${PLACE}))$`,
);
const TIME_FIRST = new RegExp(`^${AT}(?<time>(?:${anonymous(TIME)})(?:\\s*${anonymous(ZONE)}))(?:\\s*,\\s*|\\s+)(?:le\\s+)?(?<date>.+)$`);

/**
 * The folded text reduced to `[date] [time] [zone]`: lead-in and trailing notes removed (a zone in
 * parentheses kept bare), a time written first moved after the date; plus the zone a place note names.
 */
function unwrap(folded: string): { core: string; placeZone: string | undefined } {
  let core = folded.replace(LEAD_IN, '');
  let placeZone: string | undefined;
  // Each pass removes one note from the end and shortens the text, so the loop ends.
  for (let note = TRAILING_NOTE.exec(core); note?.groups; note = TRAILING_NOTE.exec(core)) {
    const { place, barePlace, zone } = note.groups;
    core = core.slice(0, note.index) + (zone === undefined ? '' : ` ${zone}`);
    placeZone ??= PLACE_ZONES.get(place ?? barePlace ?? '');
  }
  const timeFirst = TIME_FIRST.exec(core)?.groups;
  if (timeFirst) core = `${timeFirst.date} ${timeFirst.time}`;
  return { core, placeZone };
}

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
