// render: machine-readable dates for feeds — never localised, never a zone name other than GMT/Z.

/** Throws a TypeError naming `what` unless `date` is a valid Date: an invalid Date is a bug upstream, not content. */
export function assertValidDate(date: unknown, what = 'date'): asserts date is Date {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new TypeError(`${what}: expected a valid Date, got ${String(date)}`);
  }
}

/**
 * RFC 822 / RFC 1123 date for RSS, in English and GMT: `Thu, 21 Nov 2024 23:00:00 GMT`.
 * `toUTCString()` is what the `feed` package writes too (ECMA-262 §21.4.4.43 fixes its English form).
 */
export function formatRfc822(date: Date): string {
  assertValidDate(date);
  return date.toUTCString();
}

/** RFC 3339 date for Atom and JSON Feed, in UTC with `Z`: `2024-11-21T23:00:00.000Z` (same form as `feed`'s Atom). */
export function formatRfc3339(date: Date): string {
  assertValidDate(date);
  return date.toISOString();
}

/** The newest of `dates`, or undefined when there are none. */
export function newestDate(dates: Iterable<Date>): Date | undefined {
  let newest: Date | undefined;
  for (const d of dates) {
    assertValidDate(d);
    if (newest === undefined || d.getTime() > newest.getTime()) newest = d;
  }
  return newest === undefined ? undefined : new Date(newest.getTime());
}
