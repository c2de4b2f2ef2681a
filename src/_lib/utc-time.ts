// _lib: the instant of a UTC calendar date and time, for every year a text may write (0099 included).

/**
 * `Date.UTC` without its two-digit-year rule: ECMA-262 (§21.4.3.4, MakeFullYear) maps the years 0–99 to 1900–1999,
 * so `Date.UTC(99, 5, 1)` is 1999-06-01 and a record dated `0099-06-01` would name a day 1,900 years later.
 * `setUTCFullYear` takes the year as it is. Out-of-range months, days and times roll over as in `Date.UTC`.
 * @example new Date(utcTime(99, 5, 1)).toISOString() // '0099-06-01T00:00:00.000Z'
 */
export function utcTime(year: number, monthIndex: number, day = 1, hour = 0, minute = 0, second = 0, millisecond = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  date.setUTCHours(hour, minute, second, millisecond);
  return date.getTime();
}
