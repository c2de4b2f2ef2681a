// article: the years a published date may have, and why another one is refused.

/** The first year a record may be dated: an earlier one is almost surely a typo (`0024`, `224` for 2024). */
export const FIRST_YEAR = 1000;
/** The last year RFC 3339 (`date-fullyear = 4DIGIT`) and RSS's RFC 822 dates (RFC 1123 §5.2.14) can write. */
export const LAST_YEAR = 9999;

/**
 * Why `date` cannot be published, or undefined. Feeds write machine dates in UTC (render/machine-dates.ts), so the
 * UTC year is the one checked: RSS needs four digits (RFC 822 as amended by RFC 1123 §5.2.14) and Atom's RFC 3339
 * allows 0000–9999 only; a year before {@link FIRST_YEAR} fits them but is not a newsroom's date.
 */
export function explainUnpublishableYear(date: Date): string | undefined {
  const year = date.getUTCFullYear();
  if (year < FIRST_YEAR) {
    return `is before the year ${FIRST_YEAR}, which is almost surely a typo; write the year in full, e.g. "22 novembre 2024" or "2024-11-22"`;
  }
  if (year > LAST_YEAR) return `is after the year ${LAST_YEAR} (in UTC), which RSS and Atom dates cannot write`;
  return undefined;
}
