import { describe, expect, it } from 'vitest';
import { parseFrenchDate } from '../../src/records/french-date.ts';

// ECMA-262's Date.UTC and `new Date(y, m, d)` read the years 0–99 as 1900–1999: a record dated 0099 must name 0099
// (then to-article refuses it as a typo, see tests/article/to-article.test.ts), never a day in 1999.
describe('parseFrenchDate, for a year below 100', () => {
  it.each([
    ['0099-06-01T12:00:00Z', '0099-06-01T12:00:00.000Z'],
    ['0099-06-01', '0099-06-01T00:00:00.000Z'],
    ['0001-01-01', '0001-01-01T00:00:00.000Z'],
    ['1er juin 0099', '0099-06-01T00:00:00.000Z'],
    ['01/06/0099 à 14h30', '0099-06-01T14:30:00.000Z'],
    ['29 février 0000', '0000-02-29T00:00:00.000Z'],
    ['29 février 0004', '0004-02-29T00:00:00.000Z'],
  ])('reads %j as %s', (text, iso) => {
    const result = parseFrenchDate(text, { timeZone: 'UTC' });
    expect(result.ok && result.date.toISOString()).toBe(iso);
  });

  it.each([
    // 0 is a leap year in the proleptic Gregorian calendar, 1900 is not; 100 is not either
    ['29 février 0100', 'février 100 has 28 days'],
    ['29 février 0099', 'février 99 has 28 days'],
  ])('refuses %j, which does not exist (%s)', (text, reason) => {
    expect(parseFrenchDate(text, { timeZone: 'UTC' })).toMatchObject({ ok: false, code: 'date-impossible', message: expect.stringContaining(reason) });
  });

  it.each([
    // 1 January 0001 is a Monday (proleptic Gregorian), 1 January 1901 a Tuesday
    ['lundi 1er janvier 0001', undefined],
    ['mardi 1er janvier 0001', 'lundi'],
  ])('checks the weekday of %j against the year as written (mismatch: %s)', (text, actual) => {
    const result = parseFrenchDate(text, { timeZone: 'UTC' });
    expect(result.ok && result.weekdayMismatch?.actual).toBe(actual);
  });
});
