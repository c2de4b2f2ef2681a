// lint: machine dates in feeds — RFC 822 for RSS, RFC 3339 for Atom and JSON Feed — and their plausibility.
import { utcTime } from '../_lib/utc-time.ts';
import type { LintReport } from './lint-report.ts';

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ZONES: Record<string, number> = { ut: 0, gmt: 0, z: 0, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420 };
const DAY_MS = 86_400_000;
/** Feeds older than this are almost surely a parse or clock mistake (the W3C validator's "implausible date"). */
const EARLIEST = utcTime(1990, 0, 1);

/**
 * RFC 822 §5 as amended by RFC 1123 §5.2.14 (four-digit years) and the RSS 2.0 profile:
 * `[Day, ]DD Mon YY[YY] hh:mm[:ss] zone`, English names only, zone a numeric offset, UT/GMT/Z,
 * a US zone or a military letter. `UTC`, `CET`, `CEST` and French names are not RFC 822.
 */
const RFC822 = /^(?:([^\s,\d]+)\s*,\s*)?(\d{1,2})\s+([^\s,\d]+)\s+(\d{2}|\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s+([+-]\d{4}|[A-Za-z]+)$/;

/**
 * The RFC 2822 §3.3 form of an RFC 822 date — capitalised English names, four-digit year, single spaces, a zone in
 * whole or half hours or a named US/GMT zone — which every reader parses. Other RFC 822 dates (two-digit years,
 * military zones, `+0545`) parse in some readers only.
 */
const RFC2822_FORM =
  /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}(?::\d{2})? (?:[+-]\d{2}[03]0|UT|GMT|[ECMP][SD]T|Z)$/;

/** Parses an RFC 822 date; reports `date-rfc822`, `date-weekday`, `date-rfc822-form`; returns the instant when valid. */
export function checkRfc822Date(report: LintReport, value: string, line: number, field: string): Date | undefined {
  const text = value.trim();
  // RFC 822 §3.4.3: parenthesised comments (`+0100 (CET)`) are white space; the validator strips them too, then warns.
  let stripped = text.replace(/\\./g, '');
  for (let previous = ''; previous !== stripped; ) [previous, stripped] = [stripped, stripped.replace(/\([^()]*\)/g, ' ')];
  stripped = stripped.replace(/\s+/g, ' ').trim();
  const m = RFC822.exec(stripped);
  const bad = (why: string) => {
    report.error('date-rfc822', line, field, `"${text}" is not an RFC 822 date (${why}); write e.g. "Fri, 22 Nov 2024 00:00:00 +0100"`);
    return undefined;
  };
  if (!m) return bad('expected "Day, DD Mon YYYY hh:mm:ss +hhmm" with English names');
  const [, dayName, dd, monName, yy, hh, mi, ss, zone] = m as unknown as string[];
  const month = MONTHS.indexOf(monName!.toLowerCase());
  if (month < 0) return bad(`"${monName}" is not an English month abbreviation`);
  if (dayName !== undefined && !DAYS.includes(dayName.toLowerCase())) return bad(`"${dayName}" is not an English day abbreviation`);
  // RFC 2822 §4.3: two-digit years below 50 are 20xx, the others 19xx.
  const year = yy!.length === 2 ? (Number(yy) < 50 ? 2000 + Number(yy) : 1900 + Number(yy)) : Number(yy);
  const day = Number(dd);
  const [hour, minute, second] = [Number(hh), Number(mi), Number(ss ?? '0')];
  if (hour > 23 || minute > 59 || second > 60) return bad('time out of range');
  const local = utcTime(year, month, day, hour, minute, Math.min(second, 59));
  const civil = new Date(local);
  if (civil.getUTCDate() !== day || civil.getUTCMonth() !== month) return bad(`${monName} ${year} has no day ${day}`);
  let weekdayOk = true;
  if (dayName !== undefined && DAYS[civil.getUTCDay()] !== dayName.toLowerCase()) {
    const actual = DAYS[civil.getUTCDay()]!;
    report.error('date-weekday', line, field, `"${text}": ${day} ${monName} ${year} is a ${actual[0]!.toUpperCase()}${actual.slice(1)}, not a ${dayName}`);
    weekdayOk = false;
  }
  let offset: number;
  if (/^[+-]\d{4}$/.test(zone!)) {
    const sign = zone!.startsWith('-') ? -1 : 1;
    const oh = Number(zone!.slice(1, 3));
    const om = Number(zone!.slice(3, 5));
    if (om > 59) return bad(`offset "${zone}" has more than 59 minutes`);
    offset = sign * (oh * 60 + om);
  } else if (ZONES[zone!.toLowerCase()] !== undefined) {
    offset = ZONES[zone!.toLowerCase()]!;
  } else if (/^[A-IK-Za-ik-z]$/.test(zone!)) {
    offset = 0; // RFC 1123 §5.2.14: military zones are unreliable; treat as UT
  } else {
    return bad(`"${zone}" is not an RFC 822 zone; use a numeric offset such as +0100 or GMT`);
  }
  if (weekdayOk && !RFC2822_FORM.test(text)) {
    // feedvalidator: ProblematicalRFC822Date
    report.warning(
      'date-rfc822-form',
      line,
      field,
      `"${text}" is RFC 822 but not in the form every reader parses; write e.g. "Fri, 22 Nov 2024 00:00:00 +0100"`,
    );
  }
  return new Date(local - offset * 60_000);
}

/** RFC 3339 §5.6 date-time with a mandatory offset (`Z` or ±hh:mm), as Atom (RFC 4287 §3.3) and JSON Feed require. */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/;

/** Parses an RFC 3339 date-time; reports `date-rfc3339`; returns the instant when valid. */
export function checkRfc3339Date(report: LintReport, value: string, line: number | undefined, field: string): Date | undefined {
  const m = RFC3339.exec(value);
  const bad = (why: string) => {
    report.error('date-rfc3339', line, field, `"${value}" is not an RFC 3339 date-time (${why}); write e.g. "2024-11-22T00:00:00+01:00"`);
    return undefined;
  };
  if (!m) return bad('expected YYYY-MM-DDThh:mm:ss with Z or ±hh:mm');
  const [, y, mo, d, h, mi, s, , zone, oh, om] = m as unknown as string[];
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  if (hour > 23 || minute > 59 || second > 60) return bad('time out of range');
  if (oh !== undefined && (Number(oh) > 23 || Number(om) > 59)) return bad('offset out of range');
  const local = utcTime(year, month - 1, day, hour, minute, Math.min(second, 59));
  const civil = new Date(local);
  if (month < 1 || month > 12 || civil.getUTCDate() !== day) return bad('no such day');
  const offset = zone === 'Z' ? 0 : (zone!.startsWith('-') ? -1 : 1) * (Number(oh) * 60 + Number(om));
  return new Date(local - offset * 60_000);
}

/** Warns (`date-future`, `date-too-old`) about a date more than a day after `now` or before 1990. */
export function checkPlausibleDate(report: LintReport, date: Date, now: Date, line: number | undefined, field: string): void {
  if (date.getTime() > now.getTime() + DAY_MS) {
    report.warning('date-future', line, field, `${date.toISOString()} is more than a day in the future`);
  } else if (date.getTime() < EARLIEST) {
    report.warning('date-too-old', line, field, `${date.toISOString()} is before 1990, which is implausible for a feed`);
  }
}

/** W3C-DTF (https://www.w3.org/TR/NOTE-datetime), as Dublin Core `dc:date` uses: a year, month, day, then a time with a zone. */
const W3CDTF = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d*)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;

/** Parses a W3C-DTF date; reports `date-w3cdtf` (feedvalidator: InvalidW3CDTFDate); returns the instant when valid. */
export function checkW3cdtfDate(report: LintReport, value: string, line: number, field: string): Date | undefined {
  const m = W3CDTF.exec(value);
  const bad = (why: string) => {
    report.error('date-w3cdtf', line, field, `"${value}" is not a W3C-DTF date (${why}); write e.g. "2024-11-22T00:00:00+01:00"`);
    return undefined;
  };
  if (!m) return bad('expected YYYY-MM-DD, optionally Thh:mm[:ss] with Z or ±hh:mm');
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', zone] = m as unknown as string[];
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  if (hour > 23 || minute > 59 || second > 60) return bad('time out of range');
  const local = utcTime(year, month - 1, day, hour, minute, Math.min(second, 59));
  if (month < 1 || month > 12 || new Date(local).getUTCDate() !== day) return bad('no such day');
  const offset = zone === undefined || zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  return new Date(local - offset * 60_000);
}
