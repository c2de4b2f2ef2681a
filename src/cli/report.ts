// cli: diagnostics → the lines a person reads, plus a one-line count.
import { formatDiagnostic, type Diagnostic } from '../diagnostics.ts';

/** Prints every diagnostic as `file:line field: message` on stderr, then a count line; returns the error count. */
export function printDiagnostics(diagnostics: readonly Diagnostic[], out: NodeJS.WritableStream = process.stderr): number {
  for (const d of diagnostics) out.write(`${formatDiagnostic(d)}\n`);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length > 0) out.write(`${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n`);
  return errors;
}

/** `3 errors`, `1 warning`, `0 records`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
