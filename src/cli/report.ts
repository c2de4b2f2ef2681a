// cli: diagnostics → the lines a person reads (coloured on a terminal) or one JSON document for CI.
import { formatDiagnostic, type Diagnostic } from '../diagnostics.ts';
import { colorEnabled, paint, type CliIO, type OutStream } from './io.ts';
import { plural } from '../_lib/plural.ts';

/**
 * Prints every diagnostic as `file:line field: message` on `out`, then a count line; returns the error count.
 * `color` marks errors red and warnings yellow (callers pass {@link colorEnabled} of the stream).
 */
export function printDiagnostics(diagnostics: readonly Diagnostic[], out: OutStream = process.stderr, color = false): number {
  for (const d of diagnostics) {
    const line = formatDiagnostic(d);
    out.write(`${color ? paint(line, d.severity === 'error' ? 'red' : 'yellow', true) : line}\n`);
  }
  const { errors, warnings } = countDiagnostics(diagnostics);
  if (diagnostics.length > 0) out.write(`${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n`);
  return errors;
}

/** Errors and warnings in a list of diagnostics. */
export function countDiagnostics(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { errors, warnings: diagnostics.length - errors };
}

/** The `--json` document of check, build and lint: what a CI job needs to fail a step or annotate files. */
export interface JsonReport {
  readonly command: string;
  /** Same verdict as the exit status: true exactly when it is 0. */
  readonly ok: boolean;
  readonly counts: Readonly<Record<string, number>> & { readonly errors: number; readonly warnings: number };
  readonly diagnostics: readonly Diagnostic[];
  /** Anything else the command reports, e.g. build's `outDir` and `files`. */
  readonly [key: string]: unknown;
}

/** Writes a {@link JsonReport} as one JSON document followed by a newline. */
export function printJson(io: CliIO, report: JsonReport): void {
  io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

/** Human diagnostics on stderr, coloured when stderr is a terminal and NO_COLOR is unset; returns the error count. */
export function reportDiagnostics(io: CliIO, diagnostics: readonly Diagnostic[]): number {
  return printDiagnostics(diagnostics, io.stderr, colorEnabled(io.stderr, io.env));
}

export { plural };
