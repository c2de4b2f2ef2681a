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
// Around the date itself, only closed lists of words are accepted (_lib/french-locale.ts), so prose that
// merely contains a date stays unreadable:
// - a dateline: a capitalised place, then `, le`, `,` or a dash (`Abidjan, le`, `PARIS,`, `MONTRÉAL —`);
//   a known city's zone (`DATELINE_CITIES`) is the wall clock of a time after it, any other place is ignored;
// - a lead-in: `Publié le`, `Mis à jour le :`, `Le` … (`DATE_LEAD_INS`), with or without a colon;
// - the date: French words, day-first numbers (`22/11/2024`; `22/11/24` and `22.11.24` are 2000–2099), ISO 8601 extended (`2024-11-22T14:30`) or basic (`20241122T1430Z`);
// - after the date, a time joined by a space, `,`, `-`, `–`, `|` or `à`: `14h30`, `14 h 30 min`, `8 heures 30`,
//   `14:30`, `midi` (12:00) and `minuit` (00:00 at the start of that day), then a zone (`CET`, `HNE`, `UTC+2`);
// - the time may come first instead: `18h05, le 3 décembre 2024`;
// - trailing notes: a zone, an agency (`(AFP)`) or `mis à jour` in parentheses, an update time
//   (`(mis à jour à 16 h 05)`, or on the same line after `|`, `·` or a spaced dash: `| Mis à jour le 16 juillet 2025
//   à 08:10`), or a zone phrase (`heure de Paris`, `HE`, `heure normale de l'Est`), whose zone
//   then replaces the configured one for wall time. An explicit offset or zone abbreviation always wins; two
//   different fixed offsets are unreadable. A sentence-final period or dash is dropped.
// Relative dates (`hier`, `mardi dernier`, `le 22 novembre dernier`) are never read: their year depends on
// the day they were written, so they get a message saying so.
import { tzOffset } from '@date-fns/tz';
import { utcTime } from '../_lib/utc-time.ts';
import {
  AGENCIES,
  CITY_ZONES,
  DATE_LEAD_INS,
  DATE_NOTES,
  FRENCH_MONTHS,
  FRENCH_WEEKDAYS,
  MONTHS,
  RELATIVE_WORDS,
  WEEKDAYS,
  ZONES,
  ZONE_NOTES,
  fold,
  type ZoneNote,
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
  | {
      ok: true;
      /** The instant of publication: the first date of the text. */
      date: Date;
      hasTime: boolean;
      hasOffset: boolean;
      weekdayMismatch?: WeekdayMismatch;
      /** The instant of an update note after the date, `(mis à jour à 16 h 05)`: never before `date`. */
      updated?: Date;
    }
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
  const unreadable = (message: string): FrenchDateResult => ({ ok: false, code: 'date-unreadable', message });
  const impossible = (reason: string): FrenchDateResult => ({
    ok: false,
    code: 'date-impossible',
    message: `${JSON.stringify(shown)} is not a real date (${reason})`,
  });

  const { rest, cityZone } = splitDateline(shown.replace(FINAL_PUNCTUATION, ''));
  const { core, note, update, refused } = unwrap(fold(rest));
  const fields = refused ? undefined : readFields(core);
  if (!fields) return unreadable(explainUnreadable(core, shown));
  const { year, month, day } = fields;

  if (month < 1 || month > 12) {
    // 8 digits with no month in the middle are another order (`22112024`), not an ISO 8601 date.
    if (fields.basic) return unreadable(explainUnreadable(core, shown));
    return impossible(`there is no month ${month}`);
  }
  const wrongPart = checkDay(year, month, day) ?? checkTime(fields);
  if (wrongPart) return impossible(wrongPart);

  let offset = readOffset(fields.zone, fields.offset);
  if (offset !== undefined && Math.abs(offset) > 18 * 60) return impossible('a UTC offset is at most ±18:00');
  if (note && 'offset' in note) {
    if (offset !== undefined && offset !== note.offset) {
      return unreadable(`${JSON.stringify(shown)} names two different UTC offsets; keep the one that is right`);
    }
    offset = note.offset;
  }
  const noteZone = note && 'timeZone' in note ? zoneOfNote(note, timeZone, year) : undefined;
  const wallZone = noteZone ?? (fields.hasTime ? cityZone : undefined) ?? timeZone;
  const instant = toInstant(fields, offset, wallZone);

  const result: FrenchDateResult = { ok: true, date: new Date(instant), hasTime: fields.hasTime, hasOffset: offset !== undefined };
  const weekdayMismatch = findWeekdayMismatch(fields, shown);
  if (weekdayMismatch) result.weekdayMismatch = weekdayMismatch;
  if (update !== undefined) {
    // A time alone in the note is read on the dateline city's clock even when the date has no time.
    const updated = readUpdate(update, fields, offset, noteZone ?? cityZone ?? timeZone);
    if (updated === 'unreadable') return unreadable(explainUnreadable(core, shown));
    if (typeof updated === 'string') return impossible(updated);
    if (updated < instant) {
      return unreadable(`${JSON.stringify(shown)}: the update is before the publication; give the update its own date`);
    }
    result.updated = new Date(updated);
  }
  return result;
}

// --- internal ---

const MINUTE = 60_000;
const DAY = 86_400_000;
// NBSP, narrow NBSP, figure/thin/hair spaces and line breaks all read as one space.
const SPACES = /[\s\u00a0\u202f\u2007\u2009\u200a]+/g;
// A sentence-final period (`… à 14 h 30.`), but not a second dot (`…`), or the dash after a dateline that
// opens the story (`PARIS, 22 nov. 2024 (AFP) - Le texte`).
const FINAL_PUNCTUATION = /(?<=[^.\s])\.$|\s+[-–—]{1,2}$/;

/** The calendar date and time of the text, before any zone is applied. */
interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  hasTime: boolean;
  /** A zone abbreviation (folded), e.g. `hne`, `z`. */
  zone: string | undefined;
  /** A numeric offset as written, e.g. `+01:00`, `-5`. */
  offset: string | undefined;
  /** The weekday word (folded), e.g. `vendredi`. */
  weekday: string | undefined;
  /** ISO 8601 basic format (`20241122T1430Z`). */
  basic: boolean;
}

const escapeRegExp = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (words: Iterable<string>): string =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
/** The same pattern with its named groups made anonymous, to embed it twice in one RegExp. */
const anonymous = (pattern: string): string => pattern.replace(/\(\?<\w+>/g, '(?:');

const WEEKDAY = `(?<weekday>${alternation(WEEKDAYS.keys())})(?![a-z])\\.?`;
const month = (name: string): string => `(?<${name}>${alternation(MONTHS.keys())})(?![a-z])\\.?`;
const DATE = [
  `${month('aMonth')}\\s*(?<aDay>\\d{1,2})(?:er)?\\s*,?\\s*(?<aYear>\\d{4})`, // novembre 22, 2024 (wire)
  `(?<bDay>\\d{1,2})(?:er)?\\s*${month('bMonth')}\\s*,?\\s*(?<bYear>\\d{4})`, // 22 novembre 2024, 1er déc. 2024
  `(?<cDay>\\d{1,2})(?:er)?(?<cSep>[/.-])(?<cMonth>\\d{1,2})\\k<cSep>(?<cYear>\\d{4})`, // 22/11/2024: day first
  `(?<dYear>\\d{4})(?<dSep>[/.-])(?<dMonth>\\d{1,2})\\k<dSep>(?<dDay>\\d{1,2})`, // 2024-11-22
  // 22/11/24, 22.11.24 (20 Minutes, Swiss sites): day first, year 20YY. Not with `-`, where `24-11-22` reads year first.
  `(?<eDay>\\d{1,2})(?<eSep>[/.])(?<eMonth>\\d{1,2})\\k<eSep>(?<eYear>\\d{2})(?!\\d)`,
].join('|');
// The day-month forms without a year (`22 novembre`, `le 22 novembre dernier`): never a date, only a better message.
const YEARLESS_DATE =
  `(?:${month('aMonth')}\\s*\\d{1,2}(?:er)?|\\d{1,2}(?:er)?\\s*${month('bMonth')}|\\d{1,2}(?:er)?/\\d{1,2})` +
  '(?:\\s+(?:dernier|derniere|prochain|prochaine|passe|passee))?';
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
  new RegExp(`^(?:${WEEKDAY}\\s*,?\\s+(?:le\\s+)?)?(?:${date})(?:(?:t|\\s*[,|-]\\s*|\\s+)${AT}(?:${TIME})\\s*${ZONE})?$`);
const DATE_PATTERN = withDate(DATE);
const YEARLESS_PATTERN = withDate(YEARLESS_DATE);
// ISO 8601 basic format (§4.1.2.2, §4.2.2.2): `20241122`, `20241122T1430Z`, `20241122T143000+0100`. Basic and
// extended are not mixed (ISO 8601 §4.3.3), so `20241122T14:30` stays unreadable.
const BASIC_PATTERN = new RegExp(
  '^(?<year>\\d{4})(?<month>\\d{2})(?<day>\\d{2})' +
    '(?:t(?<hour>\\d{2})(?:(?<minute>\\d{2})(?:(?<second>\\d{2})(?:[.,](?<frac>\\d{1,9}))?)?)?' +
    '(?:(?<utc>z)|(?<offset>[+-]\\d{2}(?:\\d{2})?))?)?$',
);
// An update note's time alone: `à 16 h 05`, `16:05 HNE`.
const TIME_ONLY_PATTERN = new RegExp(`^${AT}(?:${TIME})\\s*${ZONE}$`);

const SEPARATOR = '(?:\\s*:\\s*|\\s+)';
const LEAD_IN = new RegExp(`^(?:(?:${alternation(DATE_LEAD_INS)})${SEPARATOR})?(?:le${SEPARATOR})?`);
const ZONE_NOTE = alternation(ZONE_NOTES.keys());
const TRAILING_NOTE = new RegExp(
  `(?:\\s*[,|-]?\\s*\\((?:${alternation(DATE_NOTES)}|${alternation(AGENCIES)}|(?<note>${ZONE_NOTE})` +
    `|(?<zone>(?:${ZONE_WORD})(?:\\s*${OFFSET})?|${OFFSET})|(?:${alternation(DATE_NOTES)})(?<update>${SEPARATOR}[^()]+))\\)` +
    `|(?:\\s*[,|-]\\s*|\\s+)(?<bareNote>${ZONE_NOTE})` +
    // A byline and its update on one line: `Publié le … à 23:45 | Mis à jour le 16 juillet 2025 à 08:10`.
    `|\\s*[|·•]\\s*(?:${alternation(DATE_NOTES)})(?<lineUpdate>${SEPARATOR}[^()|]+)|\\s+[-–—]\\s+(?:${alternation(DATE_NOTES)})(?<dashUpdate>${SEPARATOR}[^()|]+))$`,
);
const TIME_FIRST = new RegExp(`^${AT}(?<time>(?:${anonymous(TIME)})(?:\\s*${anonymous(ZONE)}))(?:\\s*[,|]\\s*|\\s+)(?:le\\s+)?(?<date>.+)$`);
const RELATIVE = new RegExp(`(?:^|[^a-z'-])(?:${alternation(RELATIVE_WORDS)})(?![a-z'])`);
const BARE_WEEKDAY = new RegExp(`^(?:ce\\s+)?(?:${alternation(WEEKDAYS.keys())})(?![a-z])`);

// A dateline, matched on the text as written since it needs the capitals: place names (`Trois-Rivières`,
// `Côte d'Ivoire`, `N.-B.`) with their small linking words, an optional region or agency in parentheses,
// then `,` (`Abidjan, le`, `PARIS,`) or a dash with an optional `, region` before it (`MONCTON, N.-B. —`).
const NAME = "\\p{Lu}[\\p{L}\\p{M}'’.]*(?:-[\\p{L}\\p{M}'’.]+)*";
const LINK = "(?:de|du|des|la|le|les|sur|sous|en|au|aux|d['’]|l['’])";
const PLACE_NAME = `${NAME}(?:\\s+(?:${LINK}\\s*)?${NAME}){0,4}`;
const DATELINE = new RegExp(
  `^(?<place>${PLACE_NAME})(?:\\s*\\(\\p{Lu}[^()]*\\))?` + `(?:(?:\\s*,\\s*${PLACE_NAME})?(?:\\s+-{1,2}\\s+|\\s*[—–]\\s*)|\\s*,\\s*)(?<rest>\\S.*)$`,
  'u',
);
// Words that open a date, not a place: `Vendredi, novembre 22`, `Hier, le …`, `Publié, le …`.
const NOT_PLACES = new Set<string>([...WEEKDAYS.keys(), ...MONTHS.keys(), ...RELATIVE_WORDS, ...DATE_LEAD_INS, ...DATE_NOTES]);

/** The text after a dateline (`Abidjan, le 22 novembre 2024` → `le 22 novembre 2024`), and the zone of a known city. */
function splitDateline(text: string): { rest: string; cityZone: string | undefined } {
  const m = DATELINE.exec(text)?.groups;
  const place = m?.place === undefined ? '' : fold(m.place).replace(/\.$/, '');
  if (!m?.rest || NOT_PLACES.has(place) || NOT_PLACES.has(place.split(/[\s-]/)[0] ?? '')) return { rest: text, cityZone: undefined };
  return { rest: m.rest, cityZone: CITY_ZONES.get(place) };
}

const MAX_NOTES = 8;

/**
 * The folded text reduced to `[date] [time] [zone]`: lead-in and trailing notes removed (a zone in
 * parentheses kept bare), a time written first moved after the date; plus the zone note and the update note.
 * `refused` (the text is no date) when it holds two update notes or more than MAX_NOTES notes.
 */
function unwrap(folded: string): { core: string; note: ZoneNote | undefined; update: string | undefined; refused: boolean } {
  let core = folded.replace(LEAD_IN, '');
  let note: ZoneNote | undefined;
  let update: string | undefined;
  let refused = false;
  // Each pass removes one note from the end and shortens the text, so the loop ends; a date carries a few
  // notes at most, and each pass scans the text, so a run of them past MAX_NOTES is not read as a date.
  let passes = 0;
  for (let found = TRAILING_NOTE.exec(core); found?.groups; found = TRAILING_NOTE.exec(core)) {
    if ((passes += 1) > MAX_NOTES) return { core: folded, note: undefined, update: undefined, refused: true };
    const { note: zoneNote, bareNote, zone, lineUpdate, dashUpdate } = found.groups;
    const updateNote = found.groups.update ?? lineUpdate ?? dashUpdate;
    core = core.slice(0, found.index) + (zone === undefined ? '' : ` ${zone}`);
    // Read from the end: the last zone note of the text wins.
    note ??= ZONE_NOTES.get(zoneNote ?? bareNote ?? '');
    if (updateNote !== undefined) {
      refused ||= update !== undefined;
      update = updateNote;
    }
  }
  const timeFirst = TIME_FIRST.exec(core)?.groups;
  if (timeFirst) core = `${timeFirst.date} ${timeFirst.time}`;
  return { core, note, update, refused };
}

/** The fields of `[date] [time] [zone]`, or undefined when it is no date this parser reads. */
function readFields(core: string): Fields | undefined {
  const b = BASIC_PATTERN.exec(core)?.groups;
  if (b) {
    return {
      year: Number(b.year),
      month: Number(b.month),
      day: Number(b.day),
      hour: Number(b.hour ?? 0),
      minute: Number(b.minute ?? 0),
      second: Number(b.second ?? 0),
      millisecond: toMilliseconds(b.frac),
      hasTime: b.hour !== undefined,
      zone: b.utc,
      offset: b.offset,
      weekday: undefined,
      basic: true,
    };
  }
  const g = DATE_PATTERN.exec(core)?.groups;
  if (!g) return undefined;
  const monthWord = g.aMonth ?? g.bMonth;
  return {
    year: g.eYear !== undefined ? 2000 + Number(g.eYear) : Number(g.aYear ?? g.bYear ?? g.cYear ?? g.dYear),
    month: monthWord !== undefined ? (MONTHS.get(monthWord) ?? 0) : Number(g.cMonth ?? g.dMonth ?? g.eMonth),
    day: Number(g.aDay ?? g.bDay ?? g.cDay ?? g.dDay ?? g.eDay),
    ...readTime(g),
    weekday: g.weekday,
    basic: false,
  };
}

/** The time fields of a match of {@link TIME} and {@link ZONE}. */
function readTime(g: Record<string, string | undefined>): Omit<Fields, 'year' | 'month' | 'day' | 'weekday' | 'basic'> {
  const hourText = g.hour1 ?? g.hour2;
  return {
    hour: g.noon === 'midi' ? 12 : Number(hourText ?? 0),
    minute: Number(g.min1 ?? g.min2 ?? 0),
    second: Number(g.sec ?? 0),
    millisecond: toMilliseconds(g.frac),
    hasTime: hourText !== undefined || g.noon !== undefined,
    zone: g.zone,
    offset: g.offset,
  };
}

function toMilliseconds(frac: string | undefined): number {
  return frac ? Number(frac.padEnd(3, '0').slice(0, 3)) : 0;
}

/** The weekday written in `shown` when it is not the weekday of the date, or undefined. */
function findWeekdayMismatch({ year, month, day, weekday }: Fields, shown: string): WeekdayMismatch | undefined {
  if (weekday === undefined) return undefined;
  const actualIndex = new Date(utcTime(year, month - 1, day)).getUTCDay();
  if (WEEKDAYS.get(weekday) === actualIndex) return undefined;
  return {
    // The first word that folds to the weekday: datelines, lead-ins and times never do.
    written: shown.split(/[\s,.]+/).find((word) => fold(word) === weekday) ?? weekday,
    actual: FRENCH_WEEKDAYS[actualIndex] ?? '',
    date: `${String(year)}-${pad(month)}-${pad(day)}`,
  };
}

/** Why the day is not in the month, or undefined. */
function checkDay(year: number, month: number, day: number): string | undefined {
  const daysInMonth = new Date(utcTime(year, month, 0)).getUTCDate();
  return day < 1 || day > daysInMonth ? `${FRENCH_MONTHS[month - 1]} ${year} has ${daysInMonth} days` : undefined;
}

/** Why the time does not exist, or undefined. */
function checkTime({ hour, minute, second }: Pick<Fields, 'hour' | 'minute' | 'second'>): string | undefined {
  if (hour > 23) return `there is no hour ${hour}`;
  if (minute > 59) return `there is no minute ${minute}`;
  if (second > 59) return `there is no second ${second}`;
  return undefined;
}

/** The message for a text that is no date: the year is missing, the date is relative, or it is not a date at all. */
function explainUnreadable(core: string, shown: string): string {
  const quoted = JSON.stringify(shown);
  if (YEARLESS_PATTERN.test(core)) return `${quoted} has no year; write it in full, e.g. "22 novembre 2024"`;
  if (RELATIVE.test(core) || (BARE_WEEKDAY.test(core) && !/\d{4}/.test(core))) {
    return `${quoted} is relative to the day it was written, so its year is missing; write the date in full, e.g. "22 novembre 2024"`;
  }
  return `could not read ${quoted} as a date; expected e.g. "22 novembre 2024" or "2024-11-22T14:30:00+01:00"`;
}

/**
 * The IANA zone a wall-clock note names. A Canadian region's word (`heure du Centre`) names the site's own
 * zone when the site is in that region (an America/ zone with the region's standard offset in January), so
 * that Regina, which keeps standard time all year, reads its own clock; otherwise the region's main city.
 */
function zoneOfNote(note: { timeZone: string | undefined; standardOffset?: number }, timeZone: string, year: number): string | undefined {
  const inRegion =
    note.standardOffset !== undefined && timeZone.startsWith('America/') && tzOffset(timeZone, new Date(utcTime(year, 0, 15))) === note.standardOffset;
  return inRegion ? timeZone : note.timeZone;
}

/** The instant of the fields, at `offset` minutes east of UTC, or as wall time in `wallZone`. */
function toInstant(
  f: Pick<Fields, 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'millisecond'>,
  offset: number | undefined,
  wallZone: string,
): number {
  const wall = utcTime(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, f.millisecond);
  return offset === undefined ? resolveWallTime(wall, wallZone) : wall - offset * MINUTE;
}

/**
 * The instant of an update note (`à 16 h 05`, `le 23 novembre 2024 à 8 h`, after its opening words): a time
 * alone is on the publication's day, and a note without a zone is in the publication's zone. A string says
 * why there is none: `unreadable`, or the reason the date is impossible.
 */
function readUpdate(note: string, published: Fields, offset: number | undefined, wallZone: string): number | string {
  const text = note
    .replace(/^(?:\s*:\s*|\s+)/, '')
    .replace(/^le\s+/, '')
    .trim();
  const timeOnly = TIME_ONLY_PATTERN.exec(text)?.groups;
  const fields = timeOnly ? { ...published, ...readTime(timeOnly) } : readFields(text);
  if (!fields || fields.basic) return 'unreadable';
  if (fields.month < 1 || fields.month > 12) return `there is no month ${fields.month}`;
  const wrongPart = checkDay(fields.year, fields.month, fields.day) ?? checkTime(fields);
  if (wrongPart) return wrongPart;
  const own = readOffset(fields.zone, fields.offset);
  if (own !== undefined && Math.abs(own) > 18 * 60) return 'a UTC offset is at most ±18:00';
  return toInstant(fields, own ?? offset, wallZone);
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
