// cli: `gazette lint [--json] FILE…` — the feed linter on feed files already written (by Gazette or anyone).
import { readFile } from 'node:fs/promises';
import type { Diagnostic } from '../../diagnostics.ts';
import { lintFeedFile } from '../../lint/lint-file.ts';
import { FORMAT_NAMES, type DocumentFormat } from '../../lint/read-feed.ts';
import { EXIT } from '../command-spec.ts';
import { processIO, type CliIO } from '../io.ts';
import { countDiagnostics, plural, reportDiagnostics } from '../report.ts';

/** Arguments of `gazette lint`: the files, and `--json` for one machine-readable object on stdout. */
export interface LintArgs {
  files: readonly string[];
  json?: boolean;
}

/** One finding as `--json` prints it; `w3c` is the validator's message class, null for Gazette's own rules. */
export interface LintJsonFinding {
  line: number | null;
  severity: 'error' | 'warning';
  rule: string;
  w3c: string | null;
  message: string;
}

/** The one object `gazette lint --json` prints. `format` is null for a file that could not be read. */
export interface LintJsonReport {
  files: { file: string; format: DocumentFormat | null; findings: LintJsonFinding[] }[];
  errors: number;
  warnings: number;
}

/**
 * Lints each file (encoding from its BOM or XML declaration, format from its root element); 0 when none has an
 * error, 1 otherwise, 2 without files. Text mode prints findings on stderr and a count line on stdout; `json` prints
 * exactly one {@link LintJsonReport} on stdout and nothing else.
 */
export async function runLint(args: LintArgs, io: CliIO = processIO()): Promise<number> {
  if (args.files.length === 0) {
    io.stderr.write('gazette lint: name at least one feed file, e.g. gazette lint dist/feed.xml\n');
    return EXIT.usage;
  }
  const report: LintJsonReport = { files: [], errors: 0, warnings: 0 };
  const all: Diagnostic[] = [];
  for (const file of args.files) {
    // Only reading may fail on purpose; a throw from the linter is a bug and reaches main's handler.
    const read = await readFile(file).then(
      (bytes) => ({ bytes }),
      (error: Error) => ({ error }),
    );
    const { format, diagnostics }: { format: DocumentFormat | null; diagnostics: Diagnostic[] } =
      'bytes' in read
        ? lintFeedFile(file, read.bytes)
        : { format: null, diagnostics: [{ severity: 'error', file, code: 'unreadable', message: `cannot read the file: ${read.error.message}` }] };
    all.push(...diagnostics);
    report.files.push({ file, format, findings: diagnostics.map(toJson) });
  }
  ({ errors: report.errors, warnings: report.warnings } = countDiagnostics(all));
  if (args.json) {
    io.stdout.write(`${JSON.stringify(report)}\n`);
  } else {
    // Name the document kind when it is not one Gazette writes (RSS 0.9x/1.0/1.1, Atom entry or 0.3, unknown).
    for (const f of report.files) {
      if (f.format !== null && !['rss', 'atom', 'json'].includes(f.format)) io.stderr.write(`${f.file}: read as ${FORMAT_NAMES[f.format]}\n`);
    }
    reportDiagnostics(io, all);
    io.stdout.write(`${plural(args.files.length, 'feed')} linted${report.errors > 0 ? '' : ': ok'}\n`);
  }
  return report.errors > 0 ? EXIT.invalid : EXIT.ok;
}

// --- internal ---

function toJson(d: Diagnostic): LintJsonFinding {
  return { line: d.line ?? null, severity: d.severity, rule: d.code, w3c: d.w3c ?? null, message: d.message };
}
