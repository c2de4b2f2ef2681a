// cli: `gazette check` — validate every record and lint every feed; write nothing (not even the ledger).
import { displayPath, formatDiagnostic } from '../../diagnostics.ts';
import { createSiteBuilder } from '../../site/site-builder.ts';
import { EXIT } from '../command-spec.ts';
import { processIO, type CliIO } from '../io.ts';
import { countDiagnostics, plural, printJson, reportDiagnostics } from '../report.ts';
import { commandLedger, loadCommandConfig, type CommonArgs } from './load.ts';

/** Arguments of `gazette check`. */
export interface CheckArgs extends CommonArgs {
  /** One JSON document on stdout instead of lines. */
  json?: boolean | undefined;
  /** Check scheduled articles as if published now (`--future`). */
  future?: boolean | undefined;
  /** `--no-ledger` → false: do not read the publication ledger. Default `config.ledger`. */
  ledger?: boolean | undefined;
}

/** Validates records and feeds; 0 only when there is no error (warnings alone do not fail). */
export async function runCheck(args: CheckArgs, io: CliIO = processIO()): Promise<number> {
  const config = await loadCommandConfig(args);
  // The ledger is read, not written: what a build would change (a moved page, a removed article) shows as a warning.
  const ledger = commandLedger(config, 'read', args.ledger);
  const build = await createSiteBuilder(config, {
    displayDir: displayPath(config.itemsDir),
    ledger: ledger.mode,
    // The CLI's process does nothing else meanwhile: synchronous reads (site-builder.ts, syncReads).
    syncReads: true,
    ...(args.future === undefined ? {} : { future: args.future }),
  }).build();
  const { errors, warnings } = countDiagnostics(build.diagnostics);
  const published = build.feedSet?.articles.length ?? 0;
  const feeds = [...build.documents.values()].filter((d) => !d.contentType.startsWith('text/html')).length;
  const scheduled = build.scheduled.map((s) => ({ file: s.article.file, due: s.due.toISOString() }));
  const status = errors > 0 || !build.feedSet ? EXIT.invalid : EXIT.ok;
  if (args.json) {
    printJson(io, {
      command: 'check',
      ok: status === EXIT.ok,
      counts: { records: build.recordCount, articles: published, scheduled: scheduled.length, feeds, errors, warnings },
      scheduled,
      diagnostics: build.diagnostics,
      ...(ledger.diagnostics.length > 0 ? { notes: ledger.diagnostics.map(formatDiagnostic) } : {}),
    });
    return status;
  }
  // Not a finding about the records (it counts neither as an error nor as a warning): said once, first.
  for (const d of ledger.diagnostics) io.stderr.write(`${formatDiagnostic(d)}\n`);
  reportDiagnostics(io, build.diagnostics);
  for (const { file, due } of scheduled) io.stdout.write(`${file}: scheduled for ${due}\n`);
  io.stdout.write(
    `${plural(build.recordCount, 'record')} read, ${plural(published, 'article')} published, ${plural(scheduled.length, 'scheduled article')}, ${plural(feeds, 'feed')} linted${errors > 0 ? '' : ': ok'}\n`,
  );
  return status;
}
