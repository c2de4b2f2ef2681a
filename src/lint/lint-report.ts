// lint: the collector every rule writes its findings into, one per feed document.
import type { Diagnostic, Severity } from '../diagnostics.ts';
import { CLOCK_RULES, w3cClassOf } from './rules.ts';

/** Collects findings about one feed document (`file` is the feed path, e.g. `dist/feed.xml`). */
export interface LintReport {
  readonly file: string;
  readonly diagnostics: Diagnostic[];
  /** Adds an error; `w3c` overrides the rule's catalog class (`RULE_W3C`) with a more precise one. */
  error(code: string, line: number | undefined, field: string | undefined, message: string, w3c?: string | null): void;
  /** Adds a warning; `w3c` as for {@link LintReport.error}. */
  warning(code: string, line: number | undefined, field: string | undefined, message: string, w3c?: string | null): void;
}

/**
 * Creates an empty report for `file`. Each finding carries the W3C class of its rule unless `options.w3c` is false
 * (JSON Feed: the validator has no such format).
 */
export function createLintReport(file: string, options: { w3c?: boolean } = {}): LintReport {
  const diagnostics: Diagnostic[] = [];
  const withW3c = options.w3c ?? true;
  const add = (severity: Severity) => (code: string, line: number | undefined, field: string | undefined, message: string, w3c?: string | null) => {
    const cls = w3c === undefined ? w3cClassOf(code) : w3c;
    diagnostics.push({
      severity,
      file,
      ...(line !== undefined ? { line } : {}),
      ...(field !== undefined ? { field } : {}),
      code,
      message,
      ...(withW3c && cls !== null ? { w3c: cls } : {}),
      ...(CLOCK_RULES.has(code) ? { clock: true } : {}),
    });
  };
  return { file, diagnostics, error: add('error'), warning: add('warning') };
}
