// cli: `gazette build` — records → static feeds and pages under --out, streamed to disk and swapped in atomically.
import path from 'node:path';
import { displayPath, formatDiagnostic } from '../../diagnostics.ts';
import { isOutputError } from '../../publish/write-static.ts';
import { readBuildClock } from '../../_lib/build-clock.ts';
import { EXIT } from '../command-spec.ts';
import { processIO, type CliIO } from '../io.ts';
import { ProgressLine } from '../progress-line.ts';
import { buildBounded } from './bounded-build.ts';
import { countDiagnostics, plural, printJson, reportDiagnostics } from '../report.ts';
import type { BuildSettingsInput } from '../../site/build-settings.ts';
import { loadCommandConfig, type CommonArgs } from './load.ts';
import { commandSettings } from './settings.ts';

/** Arguments of `gazette build`. */
export interface BuildArgs extends CommonArgs {
  out?: string | undefined;
  /** One JSON document on stdout instead of lines. */
  json?: boolean | undefined;
  /** Replace an output folder that holds files Gazette did not write (`--clean`). */
  clean?: boolean | undefined;
  /** Write into an existing folder that is not a previous Gazette output (`--force`). */
  force?: boolean | undefined;
  /** `--best`: the smallest `.gz`/`.br` (gzip 9, brotli 11) instead of gzip 6 and brotli 5. */
  best?: boolean | undefined;
  /** `--no-wait` → false: exit 1 at once when another build is writing the same output folder. */
  wait?: boolean | undefined;
  /** The build settings the command line gives (command-spec.ts flagSettings: `--no-pages`, `--future`, `--no-ledger`). */
  settings?: BuildSettingsInput | undefined;
}

/** Builds and writes the site; 0 only when every record is valid and every feed lints clean. */
export async function runBuild(args: BuildArgs, io: CliIO = processIO()): Promise<number> {
  const clock = readBuildClock(io.env);
  if ('error' in clock) {
    io.stderr.write(`gazette build: ${clock.error}\n`);
    return EXIT.usage;
  }
  const config = await loadCommandConfig(args);
  const outDir = args.out ? path.resolve(args.out) : config.outDir;
  // A self-rewriting line on a terminal for large builds (stderr, so --json and pipes stay clean).
  const progress = new ProgressLine(io.stderr, 'gazette build: records');
  const { settings, ledger } = commandSettings(config, 'build', args.settings);
  let result;
  try {
    // In a worker thread with a heap fit for the archive, unless the user set one (bounded-build.ts).
    result = await buildBounded(config, {
      ...settings,
      wait: args.wait,
      onWait: (pid) => io.stderr.write(`gazette build: ${displayPath(outDir)}/ is being written by another build (pid ${pid}); waiting for it\n`),
      onProgress: progress.update,
      now: clock.now,
      outDir,
      clean: args.clean,
      force: args.force,
      compression: args.best ? 'best' : 'standard',
      // The CLI's process does nothing else meanwhile: synchronous reads (site-builder.ts, syncReads).
      syncReads: true,
    });
  } catch (error) {
    progress.end();
    // The writer refuses a folder it must not replace, and names a full disk or a missing permission: one line.
    if (!isOutputError(error)) throw error;
    io.stderr.write(`gazette build: ${error.message}\n`);
    // A refused --out folder is a wrong command line (2); a full disk or a permission is the machine's state (1).
    return error.code === undefined && args.out ? EXIT.usage : EXIT.invalid;
  }
  progress.end();
  const { errors, warnings } = countDiagnostics(result.diagnostics);
  const report = result.report;
  const counts = { records: result.recordCount, articles: result.articleCount, errors, warnings };
  const status = errors > 0 || !report ? EXIT.invalid : EXIT.ok;
  const scheduled = result.scheduled.map((s) => ({ file: s.file, due: s.due.toISOString() }));
  if (args.json) {
    printJson(io, {
      command: 'build',
      ok: status === EXIT.ok,
      counts: { ...counts, files: report?.files.length ?? 0, written: report?.written ?? 0, unchanged: report?.unchanged ?? 0 },
      outDir: report ? displayPath(outDir) : null,
      scheduled,
      diagnostics: result.diagnostics,
      ...(ledger.diagnostics.length > 0 ? { notes: ledger.diagnostics.map(formatDiagnostic) } : {}),
    });
    return status;
  }
  // Not a finding about the records (it counts neither as an error nor as a warning): said once, first.
  for (const d of ledger.diagnostics) io.stderr.write(`${formatDiagnostic(d)}\n`);
  reportDiagnostics(io, result.diagnostics);
  if (!report) {
    io.stderr.write('nothing written\n');
    return status;
  }
  for (const note of report.notes) io.stderr.write(`${note}\n`);
  for (const { file, due } of scheduled) {
    io.stdout.write(`${file}: scheduled for ${due}; build again at or after that time to publish it\n`);
  }
  io.stdout.write(
    `${plural(counts.articles, 'article')} published, ${plural(report.files.length, 'file')} in ${displayPath(outDir)}/ (${report.written} written, ${report.unchanged} unchanged)\n`,
  );
  return status;
}
