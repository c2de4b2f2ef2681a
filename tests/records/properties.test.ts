// Properties of parseFrenchDate over generated instants: it reads back what the pages print, to the precision printed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFrenchDate } from '../../src/records/french-date.ts';
import { formatFrenchDate, formatFrenchTime, formatZonedRfc3339 } from '../../src/render/french-date-format.ts';
import { checkProperty } from '../helpers/property.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const PARIS = 'Europe/Paris';

/** What an article page prints: `vendredi 22 novembre 2024 à 14 h 30`, or the date alone at midnight. */
function printFrench(date: Date, timeZone: string): string {
  return [formatFrenchDate(date, timeZone), formatFrenchTime(date, timeZone)].filter(Boolean).join(' ');
}

/**
 * Europe/Paris's changes of time since 1996 (EU rule): 01:00 UTC on the last Sunday of March (02:00 → 03:00)
 * and of October (03:00 → 02:00). Worked out here from the calendar, not from the zone data the code reads.
 */
function parisChanges(year: number): { spring: number; autumn: number } {
  const lastSunday = (month: number) => {
    const last = new Date(Date.UTC(year, month + 1, 0, 1));
    return last.getTime() - last.getUTCDay() * 24 * HOUR;
  };
  return { spring: lastSunday(2), autumn: lastSunday(9) };
}

/** Any instant from 1996 to 2099, to the millisecond. */
const anyInstant = fc.integer({ min: Date.UTC(1996, 0, 1), max: Date.UTC(2100, 0, 1) - 1 });
/** An instant within two hours of one of Paris's changes of time: the gap, the repeated hour and their edges. */
const nearChange = fc.tuple(fc.integer({ min: 1996, max: 2099 }), fc.boolean(), fc.integer({ min: -2 * HOUR, max: 2 * HOUR })).map(([year, spring, delta]) => {
  const { spring: s, autumn: a } = parisChanges(year);
  return (spring ? s : a) + delta;
});
const parisInstant = fc.oneof(
  anyInstant,
  nearChange,
  nearChange.map((t) => Math.floor(t / MINUTE) * MINUTE),
);

describe('parseFrenchDate, for any instant printed by the pages in Europe/Paris', () => {
  it('gives back the instant to the minute; in the repeated autumn hour, its first occurrence', () => {
    checkProperty(
      fc.property(parisInstant, (t) => {
        const minute = Math.floor(t / MINUTE) * MINUTE;
        const { autumn } = parisChanges(new Date(t).getUTCFullYear());
        // 01:00–02:00 UTC on that Sunday prints as 02:xx, like 00:00–01:00 UTC: the DST policy reads the first.
        const expected = minute >= autumn && minute < autumn + HOUR ? minute - HOUR : minute;
        const text = printFrench(new Date(t), PARIS);
        const result = parseFrenchDate(text, { timeZone: PARIS });
        expect(result.ok && { time: result.date.getTime(), weekdayMismatch: result.weekdayMismatch }, text).toEqual({
          time: expected,
          weekdayMismatch: undefined,
        });
      }),
      1500,
    );
  });

  it('gives back the instant to the second from the RFC 3339 text of <time datetime>, repeated hour included', () => {
    checkProperty(
      fc.property(parisInstant, (t) => {
        const text = formatZonedRfc3339(new Date(t), PARIS);
        const result = parseFrenchDate(text, { timeZone: PARIS });
        expect(result.ok && result.date.getTime(), text).toBe(Math.floor(t / 1000) * 1000);
      }),
      1000,
    );
  });
});

describe('parseFrenchDate, for any instant printed in a zone whose clocks change', () => {
  // Zones whose changes fall at midnight (Santiago, Havana, Beirut), last 30 minutes (Lord Howe) or sit on a
  // 45-minute offset (Chatham): printing what was read prints the same text again.
  const zone = fc.constantFrom(PARIS, 'America/Santiago', 'America/Havana', 'Asia/Beirut', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/St_Johns');
  const instant = fc.integer({ min: Date.UTC(1996, 0, 1), max: Date.UTC(2040, 0, 1) });

  it('reads a text that prints as itself', () => {
    checkProperty(
      fc.property(zone, instant, (timeZone, t) => {
        const text = printFrench(new Date(t), timeZone);
        const result = parseFrenchDate(text, { timeZone });
        expect(result.ok && printFrench(result.date, timeZone), `${timeZone} ${new Date(t).toISOString()}`).toBe(text);
      }),
      1500,
    );
  });
});
