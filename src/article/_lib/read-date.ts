// article: one date value of a record (`date`, `updated`, a correction's `date`) → Date, with its findings.
import { describeValue } from '../../_lib/describe-value.ts';
import { parseFrenchDate } from '../../records/french-date.ts';
import type { FieldReport } from './field-reader.ts';
import { explainUnpublishableYear } from './publishable-year.ts';

/**
 * A date as records write it: French or ISO text (read in `timeZone` when it has no offset), a Date, or an epoch
 * number. A wrong value is an error through `report` and reads as undefined; a weekday that does not match is a
 * warning. A year no feed can carry (`0099-06-01`, year 10000) is refused: see publishable-year.ts.
 */
export function readDateValue(value: unknown, timeZone: string, report: FieldReport): Date | undefined {
  const date = readAnyDate(value, timeZone, report);
  const wrongYear = date && explainUnpublishableYear(date);
  if (!wrongYear) return date;
  report('error', 'date-year', `${JSON.stringify(value)} ${wrongYear}`);
  return undefined;
}

// --- internal ---

function readAnyDate(value: unknown, timeZone: string, report: FieldReport): Date | undefined {
  if (value === undefined) return undefined;
  if (value instanceof Date) {
    if (!Number.isNaN(value.getTime())) return value;
    report('error', 'date-impossible', 'is not a real date');
    return undefined;
  }
  if (typeof value === 'number') return readEpoch(value, (message) => report('error', 'wrong-type', message));
  if (typeof value !== 'string') {
    report('error', 'wrong-type', `expected a date such as "22 novembre 2024", got ${describeValue(value)}`);
    return undefined;
  }
  const result = parseFrenchDate(value, { timeZone });
  if (!result.ok) {
    report('error', result.code, result.message);
    return undefined;
  }
  const mismatch = result.weekdayMismatch;
  if (mismatch) {
    report('warning', 'weekday-mismatch', `weekday "${mismatch.written}" does not match ${mismatch.date}, which is a ${mismatch.actual}`);
  }
  return result.date;
}

/** A number is an epoch: milliseconds from 1e11 up (after 1973), seconds from 1e8 (after 1973) below that. */
function readEpoch(value: number, fail: (message: string) => void): Date | undefined {
  const ms = Math.abs(value) >= 1e11 ? value : Math.abs(value) >= 1e8 ? value * 1000 : Number.NaN;
  const date = new Date(ms);
  if (Number.isFinite(value) && !Number.isNaN(date.getTime())) return date;
  fail(`expected a date such as "22 novembre 2024", got ${describeValue(value)}`);
  return undefined;
}
