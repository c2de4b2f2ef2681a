import { describe, expect, it } from 'vitest';
import { formatRfc3339, formatRfc822, newestDate } from '../../src/render/machine-dates.ts';

describe('formatRfc822', () => {
  it.each([
    // winter (CET, +01:00) and summer (CEST, +02:00) Paris instants, written in GMT with English names
    ['2024-11-22T00:00:00+01:00', 'Thu, 21 Nov 2024 23:00:00 GMT'],
    ['2024-07-14T10:00:00+02:00', 'Sun, 14 Jul 2024 08:00:00 GMT'],
    ['2024-03-31T03:30:00+02:00', 'Sun, 31 Mar 2024 01:30:00 GMT'],
    ['2024-02-29T23:59:59+01:00', 'Thu, 29 Feb 2024 22:59:59 GMT'],
  ])('writes %s as %s', (iso, expected) => {
    expect(formatRfc822(new Date(iso))).toBe(expected);
  });

  it('throws a TypeError for an invalid Date', () => {
    expect(() => formatRfc822(new Date('30 février 2024'))).toThrow(TypeError);
  });
});

describe('formatRfc3339', () => {
  it.each([
    ['2024-11-22T00:00:00+01:00', '2024-11-21T23:00:00.000Z'],
    ['2024-07-14T10:00:00.250+02:00', '2024-07-14T08:00:00.250Z'],
  ])('writes %s as %s', (iso, expected) => {
    expect(formatRfc3339(new Date(iso))).toBe(expected);
  });

  it('throws a TypeError for an invalid Date', () => {
    expect(() => formatRfc3339(new Date(Number.NaN))).toThrow(TypeError);
  });
});

describe('newestDate', () => {
  it('picks the latest instant', () => {
    expect(newestDate([new Date(1000), new Date(3000), new Date(2000)])).toEqual(new Date(3000));
  });

  it('is undefined for no dates', () => {
    expect(newestDate([])).toBeUndefined();
  });
});
