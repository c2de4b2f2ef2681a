import { describe, expect, it } from 'vitest';
import { parseFrenchDate } from '../../src/records/french-date.ts';
import { casesOf } from '../helpers/cases.ts';

// ECMA-262's Date.UTC and `new Date(y, m, d)` read the years 0–99 as 1900–1999: a record dated 0099 must name 0099
// (then to-article refuses it as a typo, see tests/article/to-article.test.ts), never a day in 1999.
describe('parseFrenchDate, for a year below 100', () => {
  it.each(casesOf('records/french-date-years', 'years below 100', 'string', 'string'))('reads %j as %s', (text, iso) => {
    const result = parseFrenchDate(text, { timeZone: 'UTC' });
    expect(result.ok && result.date.toISOString()).toBe(iso);
  });

  it.each(casesOf('records/french-date-years', 'dates that do not exist', 'string', 'string'))('refuses %j, which does not exist (%s)', (text, reason) => {
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
