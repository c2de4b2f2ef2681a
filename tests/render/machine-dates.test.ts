import { describe, expect, it } from 'vitest';
import { formatRfc3339 } from '../../src/render/machine-dates.ts';

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
