// lint: the collector every rule writes its findings into, one per feed document.
import type { Diagnostic, Severity } from '../diagnostics.ts';

/** Collects findings about one feed document (`file` is the feed path, e.g. `dist/feed.xml`). */
export interface LintReport {
  readonly file: string;
  readonly diagnostics: Diagnostic[];
  /** Adds an error. */
  error(code: string, line: number | undefined, field: string | undefined, message: string): void;
  /** Adds a warning. */
  warning(code: string, line: number | undefined, field: string | undefined, message: string): void;
}

/** Creates an empty report for `file`. */
export function createLintReport(file: string): LintReport {
  const diagnostics: Diagnostic[] = [];
  const add = (severity: Severity) => (code: string, line: number | undefined, field: string | undefined, message: string) => {
    diagnostics.push({
      severity,
      file,
      ...(line !== undefined ? { line } : {}),
      ...(field !== undefined ? { field } : {}),
      code,
      message,
    });
  };
  return { file, diagnostics, error: add('error'), warning: add('warning') };
}

/** Returns a function mapping an offset in `text` to its 1-based line (binary search over newline offsets). */
export function indexLines(text: string, firstLine = 1): (offset: number) => number {
  const breaks: number[] = [];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) breaks.push(i);
  return (offset: number) => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return firstLine + lo;
  };
}
