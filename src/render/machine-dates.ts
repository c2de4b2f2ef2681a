// render: machine-readable dates for feeds — never localised, never a zone name other than GMT/Z.

/** Throws a TypeError naming `what` unless `date` is a valid Date: an invalid Date is a bug upstream, not content. */
export function assertValidDate(date: unknown, what = 'date'): asserts date is Date {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new TypeError(`${what}: expected a valid Date, got ${String(date)}`);
  }
}

/** RFC 3339 date for Atom and JSON Feed, in UTC with `Z`: `2024-11-21T23:00:00.000Z` (same form as `feed`'s Atom). */
export function formatRfc3339(date: Date): string {
  assertValidDate(date);
  return date.toISOString();
}
