import { describe, expect, it } from 'vitest';
import { tzOffset } from '@date-fns/tz';
import { DATELINE_CITIES, ZONE_OFFSETS, ZONE_REGIONS } from '../../src/_lib/french-locale.ts';
import { parseFrenchDate } from '../../src/records/french-date.ts';
import { formatFrenchDate, formatFrenchTime } from '../../src/render/french-date-format.ts';
import { DATE_ROWS, WEEKDAY_MATCH_ROWS, WEEKDAY_MISMATCH_ROWS } from '../fixtures/dates.ts';
import { casesOf } from '../helpers/cases.ts';

const readable = DATE_ROWS.filter(([, , expected]) => !expected.startsWith('date-'));
const failing = DATE_ROWS.filter(([, , expected]) => expected.startsWith('date-'));

describe('parseFrenchDate', () => {
  describe('when the text names a real date', () => {
    it.each(readable)('reads %j in %s as %s', (input, timeZone, expected) => {
      const result = parseFrenchDate(input, { timeZone });
      // Expected values are explicit instants, so the machine's own zone can never make this pass by accident.
      expect(result.ok && result.date.toISOString()).toBe(new Date(expected).toISOString());
    });
  });

  describe('when the text cannot be a date', () => {
    it.each(failing)('rejects %j in %s as %s', (input, timeZone, expected) => {
      const result = parseFrenchDate(input, { timeZone });
      expect(result.ok ? 'ok' : result.code).toBe(expected);
    });
  });

  describe('when the date does not exist', () => {
    it.each(casesOf('records/french-date', 'dates that do not exist', 'string', 'string'))('names the value %j in the message', (input, expected) => {
      const result = parseFrenchDate(input, { timeZone: 'Europe/Paris' });
      expect(result.ok ? '' : result.message).toContain(expected);
    });
  });

  describe('when the text is not a date at all', () => {
    it.each(casesOf('records/french-date', 'not dates', 'string'))('quotes %j and shows the expected forms', (input) => {
      const result = parseFrenchDate(input, { timeZone: 'Europe/Paris' });
      expect(result.ok ? '' : result.message).toBe(
        `could not read ${JSON.stringify(input)} as a date; expected e.g. "22 novembre 2024" or "2024-11-22T14:30:00+01:00"`,
      );
    });
  });

  describe('when the year is missing', () => {
    it.each(casesOf('records/french-date', 'no year', 'string'))('says so for %j', (input) => {
      const result = parseFrenchDate(input, { timeZone: 'Europe/Paris' });
      expect(result.ok ? '' : result.message).toBe(`${JSON.stringify(input)} has no year; write it in full, e.g. "22 novembre 2024"`);
    });
  });

  describe('when the date is relative to the day it was written', () => {
    it.each(casesOf('records/french-date', 'relative dates', 'string'))('says its year is missing for %j', (input) => {
      const result = parseFrenchDate(input, { timeZone: 'Europe/Paris' });
      expect(result.ok ? '' : result.message).toBe(
        `${JSON.stringify(input)} is relative to the day it was written, so its year is missing; write the date in full, e.g. "22 novembre 2024"`,
      );
    });
  });

  describe('when two fixed offsets disagree', () => {
    it.each(casesOf('records/french-date', 'offsets that disagree', 'string'))('names the conflict for %j', (input) => {
      const result = parseFrenchDate(input, { timeZone: 'Europe/Paris' });
      expect(result.ok ? '' : result.message).toBe(`${JSON.stringify(input)} names two different UTC offsets; keep the one that is right`);
    });
  });

  describe('when an update note follows the date', () => {
    it.each(casesOf('records/french-date', 'update notes', 'string', 'string', 'string'))('gives the update of %j in %s as %s', (input, timeZone, expected) => {
      const result = parseFrenchDate(input, { timeZone });
      expect(result.ok && result.updated?.toISOString()).toBe(new Date(expected).toISOString());
    });

    it.each(casesOf('records/french-date', 'notes without an update', 'string'))('gives no update for %j', (input) => {
      const result = parseFrenchDate(input, { timeZone: 'Europe/Paris' });
      expect(result.ok && 'updated' in result).toBe(false);
    });

    it('says when the update comes before the publication', () => {
      const input = '22 novembre 2024 à 23 h 50 (mis à jour à 0 h 10)';
      const result = parseFrenchDate(input, { timeZone: 'Europe/Paris' });
      expect(result.ok ? '' : result.message).toBe(`${JSON.stringify(input)}: the update is before the publication; give the update its own date`);
    });
  });

  describe('when the written weekday is wrong', () => {
    it.each(WEEKDAY_MISMATCH_ROWS)('still reads %j and reports %s instead of %s', (input, written, actual) => {
      const result = parseFrenchDate(input, { timeZone: 'Europe/Paris' });
      expect(result.ok && result.weekdayMismatch && [result.weekdayMismatch.written, result.weekdayMismatch.actual]).toEqual([written, actual]);
    });

    it('gives the calendar date as written, not the UTC one', () => {
      const result = parseFrenchDate('jeudi, novembre 22, 2024', { timeZone: 'Europe/Paris' });
      expect(result.ok && result.weekdayMismatch?.date).toBe('2024-11-22');
    });
  });

  describe('when the written weekday is right', () => {
    it.each(WEEKDAY_MATCH_ROWS)('reports no mismatch for %j', (input) => {
      const result = parseFrenchDate(input, { timeZone: 'Europe/Paris' });
      expect(result.ok && result.weekdayMismatch).toBeUndefined();
    });
  });

  describe('when it reports what was written', () => {
    const whatWasWritten = casesOf('records/french-date', 'what was written', 'string', 'boolean', 'boolean');
    it.each(whatWasWritten)('says of %j: hasTime %s, hasOffset %s', (input, hasTime, hasOffset) => {
      const result = parseFrenchDate(input, { timeZone: 'Europe/Paris' });
      expect(result.ok && [result.hasTime, result.hasOffset]).toEqual([hasTime, hasOffset]);
    });
  });

  describe('when the machine runs in another zone', () => {
    it('reads wall time in the configured zone only', () => {
      // process.env.TZ is fixed per process; the same text in two configured zones must differ by
      // exactly the zones' offset difference, whatever the machine's zone is.
      const paris = parseFrenchDate('22 novembre 2024 14h30', { timeZone: 'Europe/Paris' });
      const montreal = parseFrenchDate('22 novembre 2024 14h30', { timeZone: 'America/Montreal' });
      expect(paris.ok && montreal.ok && montreal.date.getTime() - paris.date.getTime()).toBe(6 * 3_600_000);
    });

    it('gives the UTC instant for a UTC zone', () => {
      const result = parseFrenchDate('1er janvier 2025', { timeZone: 'UTC' });
      expect(result.ok && result.date.getTime()).toBe(Date.UTC(2025, 0, 1));
    });
  });

  // The pages print `vendredi 22 novembre 2024 à 14 h 30` in the site's zone: the parser must give back the
  // same instant, through the shared locale. In a fall-back hour the printed text names two instants, and the
  // parser takes the earlier one (see the DST policy), so the later one reads an hour early.
  describe('when it reads what the pages print', () => {
    const HOUR = 3_600_000;
    const STEP = 5 * HOUR + 17 * 60_000; // whole minutes, drifting across every hour of the day
    const print = (date: Date, zone: string) => [formatFrenchDate(date, zone), formatFrenchTime(date, zone)].filter(Boolean).join(' ');
    it.each(casesOf('records/french-date', 'what the pages print', 'string'))('gives back every instant of 2024–2025 in %s', (zone) => {
      const wrong: string[] = [];
      for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2026, 0, 1); t += STEP) {
        const text = print(new Date(t), zone);
        const expected = print(new Date(t - HOUR), zone) === text ? t - HOUR : t;
        const result = parseFrenchDate(text, { timeZone: zone });
        if (!result.ok || result.date.getTime() !== expected) wrong.push(`${new Date(t).toISOString()} → ${text}`);
      }
      expect(wrong).toEqual([]);
    });
  });

  // Every entry of the locale's zone tables, read in a sentence: the data cannot hold a typo that no row covers.
  describe('when it reads the zones of the French locale', () => {
    const wall = Date.UTC(2024, 10, 22, 14, 30);
    const inZone = (zone: string) => wall - tzOffset(zone, new Date(wall)) * 60_000;

    it.each(ZONE_OFFSETS.flatMap(([words, offset]) => words.map((word) => [word, offset] as const)))(
      'reads "14 h 30 %s" at the fixed offset %i',
      (word, offset) => {
        const result = parseFrenchDate(`22 novembre 2024 à 14 h 30 ${word}`, { timeZone: 'Asia/Tokyo' });
        expect(result.ok && result.date.getTime()).toBe(wall - offset * 60_000);
      },
    );

    it.each(ZONE_REGIONS.flatMap(({ words, timeZone }) => words.map((word) => [word, timeZone] as const)))(
      'reads "14 h 30 (%s)" on the wall clock of %s',
      (word, timeZone) => {
        const result = parseFrenchDate(`22 novembre 2024 à 14 h 30 (${word})`, { timeZone: 'Asia/Tokyo' });
        expect(result.ok && result.date.getTime()).toBe(inZone(timeZone));
      },
    );

    it.each(DATELINE_CITIES.map(([city, timeZone]) => [city.toUpperCase(), timeZone] as const))(
      'reads "%s, le 22 novembre 2024 à 14 h 30" on the wall clock of %s',
      (city, timeZone) => {
        const result = parseFrenchDate(`${city}, le 22 novembre 2024 à 14 h 30`, { timeZone: 'Asia/Tokyo' });
        expect(result.ok && result.date.getTime()).toBe(inZone(timeZone));
      },
    );
  });

  describe('when it is misused', () => {
    it('throws a TypeError for an unknown time zone', () => {
      expect(() => parseFrenchDate('22 novembre 2024', { timeZone: 'Mars/Olympus' })).toThrow(TypeError);
    });

    it('throws a TypeError for text that is not a string', () => {
      expect(() => parseFrenchDate(42 as unknown as string, { timeZone: 'Europe/Paris' })).toThrow(TypeError);
    });
  });
});
