// _lib: how a value of the wrong type is named in a record's messages (`got a list`, `got the number 42`).

/**
 * Names a value for an error message that follows `got`: `a list`, `an object`, `true`, `the number 42`, a string
 * as JSON. The words are the same whatever format the record was written in (a JSON array is `a list` too).
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date object';
  if (typeof value === 'number') return `the number ${String(value)}`;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  return typeof value === 'object' ? 'an object' : typeof value;
}
