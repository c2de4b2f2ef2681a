// cli: `gazette check` — validate every record and lint every feed; write nothing.
import { buildSite } from '../../build-site.ts';
import { displayPath } from '../../diagnostics.ts';
import { processIO, type CliIO } from '../io.ts';
import { countDiagnostics, plural, printJson, reportDiagnostics } from '../report.ts';
import { EXIT } from '../command-spec.ts';
import { loadCommandConfig, type CommonArgs } from './load.ts';

/** Arguments of `gazette check`. */
export interface CheckArgs extends CommonArgs {
  /** One JSON document on stdout instead of lines. */
  json?: boolean | undefined;
  /** Publish (and so lint) articles dated in the future (`--future`). */
  future?: boolean | undefined;
}

/** Validates records and feeds; 0 only when there is no error (warnings alone do not fail). */
export async function runCheck(args: CheckArgs, io: CliIO = processIO()): Promise<number> {
  const config = await loadCommandConfig(args);
  const result = await buildSite(config, { displayDir: displayPath(config.itemsDir) });
  const { errors, warnings } = countDiagnostics(result.diagnostics);
  const published = result.snapshot?.articleCount ?? 0;
  const feeds = result.documents.filter((d) => !d.contentType.startsWith('text/html')).length;
  const status = errors > 0 || !result.snapshot ? EXIT.invalid : EXIT.ok;
  if (args.json) {
    printJson(io, {
      command: 'check',
      ok: status === EXIT.ok,
      counts: { records: result.recordCount, articles: published, feeds, errors, warnings },
      diagnostics: result.diagnostics,
    });
    return status;
  }
  reportDiagnostics(io, result.diagnostics);
  io.stdout.write(
    `${plural(result.recordCount, 'record')} read, ${plural(published, 'article')} published, ${plural(feeds, 'feed')} linted${errors > 0 ? '' : ': ok'}\n`,
  );
  return status;
}
