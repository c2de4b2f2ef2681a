// records: the size limits every loader checks (limits.recordBytes, limits.bodyBytes), with one wording.
import type { RecordLimits } from '../config/config-schema.ts';
import type { Diagnostic } from '../diagnostics.ts';

/** An error when `body` is over `limits.bodyBytes` in UTF-8, naming its first line; none otherwise. */
export function checkBodySize(body: string, limits: RecordLimits, file: string, line: number, field = 'body'): Diagnostic[] {
  // A UTF-8 byte is at most one UTF-16 unit, and a unit at most three bytes: only count when it can matter.
  if (body.length * 3 <= limits.bodyBytes) return [];
  const bytes = Buffer.byteLength(body, 'utf8');
  if (bytes <= limits.bodyBytes) return [];
  return [
    {
      severity: 'error',
      file,
      line,
      field,
      code: 'body-too-large',
      message: `the body is ${formatCount(bytes)} bytes; the limit is ${formatCount(limits.bodyBytes)} (limits.bodyBytes)`,
    },
  ];
}

/** An error when a record file of `bytes` bytes is over `limits.recordBytes`; none otherwise. */
export function checkRecordSize(bytes: number, limits: RecordLimits, file: string): Diagnostic[] {
  if (bytes <= limits.recordBytes) return [];
  return [
    {
      severity: 'error',
      file,
      code: 'record-too-large',
      message: `the file is ${formatCount(bytes)} bytes; the limit is ${formatCount(limits.recordBytes)} (limits.recordBytes)`,
    },
  ];
}

/** `2,000,000`: the same on every machine, whatever its locale. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
