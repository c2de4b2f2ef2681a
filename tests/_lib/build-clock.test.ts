import { describe, expect, it } from 'vitest';
import { readBuildClock } from '../../src/_lib/build-clock.ts';

describe('readBuildClock', () => {
  it.each([
    ['1732276800', 1_732_276_800_000],
    [' 0 ', 0],
  ])('reads SOURCE_DATE_EPOCH=%j as a fixed clock', (written, ms) => {
    const clock = readBuildClock({ SOURCE_DATE_EPOCH: written });
    expect('now' in clock && [clock.now(), clock.now()]).toEqual([ms, ms]);
  });

  it.each([[undefined], ['']])('uses the real clock when SOURCE_DATE_EPOCH is %j', (written) => {
    expect(readBuildClock({ SOURCE_DATE_EPOCH: written })).toEqual({ now: Date.now });
  });

  it.each(['demain', '1.5', '-1', '1e9', '2024-11-22'])('refuses SOURCE_DATE_EPOCH=%j in one line', (written) => {
    expect(readBuildClock({ SOURCE_DATE_EPOCH: written })).toEqual({
      error: `SOURCE_DATE_EPOCH must be an integer number of seconds since 1970-01-01T00:00:00Z, got ${JSON.stringify(written)}`,
    });
  });
});
