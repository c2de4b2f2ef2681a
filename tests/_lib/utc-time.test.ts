import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utcTime } from '../../src/_lib/utc-time.ts';
import { checkProperty } from '../helpers/property.ts';

describe('utcTime', () => {
  it.each([
    // the years Date.UTC maps to 1900–1999 (ECMA-262 MakeFullYear)
    [[99, 5, 1], '0099-06-01T00:00:00.000Z'],
    [[0, 0, 1], '0000-01-01T00:00:00.000Z'],
    [[1, 0, 1, 12, 30, 15, 250], '0001-01-01T12:30:15.250Z'],
    [[0, 1, 29], '0000-02-29T00:00:00.000Z'],
    [[-1, 11, 31], '-000001-12-31T00:00:00.000Z'],
    // rollover as in Date.UTC: day 0 is the last day of the month before
    [[100, 2, 0], '0100-02-28T00:00:00.000Z'],
    [[2024, 2, 0], '2024-02-29T00:00:00.000Z'],
    [[2024, 10, 22, 14, 30], '2024-11-22T14:30:00.000Z'],
  ] as const)('makes %j %s', (args, iso) => {
    expect(new Date(utcTime(...(args as unknown as Parameters<typeof utcTime>))).toISOString()).toBe(iso);
  });

  it('equals Date.UTC for every year from 100 on', () => {
    const fields = fc.tuple(
      fc.integer({ min: 100, max: 9999 }),
      fc.integer({ min: 0, max: 11 }),
      fc.integer({ min: 0, max: 32 }),
      fc.integer({ min: 0, max: 23 }),
      fc.integer({ min: 0, max: 59 }),
      fc.integer({ min: 0, max: 59 }),
      fc.integer({ min: 0, max: 999 }),
    );
    checkProperty(
      fc.property(fields, (f) => utcTime(...f) === Date.UTC(...f)),
      2000,
    );
  });
});
