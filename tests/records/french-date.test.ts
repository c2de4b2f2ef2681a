import { describe, expect, it } from 'vitest';
import { parseFrenchDate } from '../../src/records/french-date.ts';
import { DATE_ROWS, WEEKDAY_MATCH_ROWS, WEEKDAY_MISMATCH_ROWS } from '../fixtures/dates.ts';

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
    it.each([
      ['30 février 2024', '"30 février 2024" is not a real date'],
      ['31/04/2024', '"31/04/2024" is not a real date'],
      ['22 novembre 2024 25h00', '"22 novembre 2024 25h00" is not a real date'],
      ['Publié le 30 février 2024', '"Publié le 30 février 2024" is not a real date'],
    ])('names the value %j in the message', (input, expected) => {
      const result = parseFrenchDate(input, { timeZone: 'Europe/Paris' });
      expect(result.ok ? '' : result.message).toContain(expected);
    });
  });

  describe('when the text is not a date at all', () => {
    it('quotes it and shows the expected forms', () => {
      const result = parseFrenchDate('demain matin', { timeZone: 'Europe/Paris' });
      expect(result.ok ? '' : result.message).toBe(
        'could not read "demain matin" as a date; expected e.g. "22 novembre 2024" or "2024-11-22T14:30:00+01:00"',
      );
    });
  });

  describe('when the year is missing', () => {
    it.each(['3 décembre', 'Publié le 3 décembre à 18h05', 'mardi, décembre 3', '3/12'])('says so for %j', (input) => {
      const result = parseFrenchDate(input, { timeZone: 'Europe/Paris' });
      expect(result.ok ? '' : result.message).toBe(`${JSON.stringify(input)} has no year; write it in full, e.g. "22 novembre 2024"`);
    });
  });

  describe('when the written weekday is wrong', () => {
    it.each(WEEKDAY_MISMATCH_ROWS)('still reads %j and reports %s instead of %s', (input, written, actual) => {
      const result = parseFrenchDate(input, { timeZone: 'Europe/Paris' });
      expect(result.ok && result.weekdayMismatch && [result.weekdayMismatch.written, result.weekdayMismatch.actual]).toEqual([
        written,
        actual,
      ]);
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
    it.each([
      ['22 novembre 2024', false, false],
      ['22 novembre 2024 à 14h', true, false],
      ['2024-11-22T14:30:00Z', true, true],
      ['Fri, 22 Nov 2024 14:30:00 +0100', true, true],
      ['3 décembre 2024 à minuit', true, false],
      ['3 décembre 2024 à 18h05 CET', true, true],
      ['3 décembre 2024 à 18h05 (heure de Paris)', true, false],
    ])('says of %j: hasTime %s, hasOffset %s', (input, hasTime, hasOffset) => {
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

  describe('when it is misused', () => {
    it('throws a TypeError for an unknown time zone', () => {
      expect(() => parseFrenchDate('22 novembre 2024', { timeZone: 'Mars/Olympus' })).toThrow(TypeError);
    });

    it('throws a TypeError for text that is not a string', () => {
      expect(() => parseFrenchDate(42 as unknown as string, { timeZone: 'Europe/Paris' })).toThrow(TypeError);
    });
  });
});
