// article: how a wrong value is named in a message (`got a list`, `got the number 42`).

/** Names a value's type for an error message: `a list`, `an object`, `true`, `the number 42`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date object';
  if (typeof value === 'number') return `the number ${String(value)}`;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  return typeof value === 'object' ? 'an object' : typeof value;
}
