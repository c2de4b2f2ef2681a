// diagnostics: what every stage reports about bad content, and the few errors that are thrown.
import path from 'node:path';

/** How bad a finding is: an `error` skips the record (or fails `check`), a `warning` only informs. */
export type Severity = 'error' | 'warning';

/** Where a finding comes from: a record file, a rendered feed (lint), or the configuration. */
export type DiagnosticSource = 'record' | 'feed' | 'config';

/** One finding about one place in one input file. */
export interface Diagnostic {
  /** `error` skips the record; `warning` does not. */
  readonly severity: Severity;
  /** Path as the user typed it or relative to the working directory, e.g. `items/2024/maroc.txt`. */
  readonly file: string;
  /** 1-based line of the offending value, when known. */
  readonly line?: number;
  /** Field name (`date`, `categories`, …) or element name for feed lint findings. */
  readonly field?: string;
  /** Stable machine-readable name, e.g. `date-impossible`, `unknown-key`. */
  readonly code: string;
  /** Human sentence, without the file/line/field prefix. */
  readonly message: string;
  /** What it is about; set by the pipeline (src/site/) on every finding it reports. */
  readonly source?: DiagnosticSource;
  /** Feed lint: the W3C Feed Validation Service message class the finding implements (`InvalidRFC2822Date`…). */
  readonly w3c?: string;
  /** True when the finding depends on the current time (a date ahead of now): it may expire, so it is never cached. */
  readonly clock?: boolean;
}

/** A stage's output: its value plus everything it found wrong on the way. */
export interface Result<T> {
  readonly value: T;
  readonly diagnostics: readonly Diagnostic[];
}

/** True when any of the diagnostics is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** `items/x.md:3 date: "30 février 2024" is not a real date` (warnings say so). */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line === undefined ? d.file : `${d.file}:${d.line}`;
  const field = d.field ? ` ${d.field}:` : '';
  const tag = d.severity === 'warning' ? ' warning:' : '';
  return `${where}${field}${tag} ${d.message}`;
}

/** A path as messages show it: relative to the working directory, or absolute when it lies outside. */
export function displayPath(target: string): string {
  const relative = path.relative(process.cwd(), target);
  return relative === '' ? '.' : relative.startsWith('..') && path.isAbsolute(target) ? target : relative;
}

/** Base class of the errors Gazette throws on purpose (a bad config, a refused output folder): print the message, no stack. */
export class GazetteError extends Error {
  override name = 'GazetteError';
}

/** One or more invalid configuration fields; `problems` has one line per field. */
export class ConfigError extends GazetteError {
  override name = 'ConfigError';
  readonly file: string;
  readonly problems: readonly string[];

  constructor(file: string, problems: readonly string[]) {
    super(`${file}: invalid configuration\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.file = file;
    this.problems = problems;
  }
}

/** Type guard for the errors above: print their message, no stack. */
export function isGazetteError(error: unknown): error is GazetteError {
  return error instanceof GazetteError;
}
