// cli: `gazette check` — validate every record and lint every feed; write nothing (not even the ledger).
import { displayPath } from '../../diagnostics.ts';
import { createSiteBuilder } from '../../site/site-builder.ts';
import { plural, printDiagnostics } from '../report.ts';
import { loadCommandConfig, type CommonArgs } from './load.ts';

/** Arguments of `gazette check`. */
export interface CheckArgs extends CommonArgs {
  /** `--future`: check scheduled articles as if published now. */
  future?: boolean | undefined;
}

/** Validates records and feeds; 0 only when there is no error (warnings alone do not fail). */
export async function runCheck(args: CheckArgs): Promise<number> {
  const config = await loadCommandConfig(args);
  // The ledger is read, not written: what a build would change (moved pages, removed articles) shows as warnings.
  const build = await createSiteBuilder(config, {
    displayDir: displayPath(config.itemsDir),
    ledger: 'read',
    ...(args.future === undefined ? {} : { future: args.future }),
  }).build();
  const errors = printDiagnostics(build.diagnostics);
  for (const { article, due } of build.scheduled) {
    process.stdout.write(`${article.file}: scheduled for ${due.toISOString()}\n`);
  }
  const published = build.feedSet?.articles.length ?? 0;
  const feeds = [...build.documents.values()].filter((d) => !d.contentType.startsWith('text/html')).length;
  process.stdout.write(
    `${plural(build.recordCount, 'record')} read, ${plural(published, 'article')} published, ${plural(build.scheduled.length, 'scheduled article')}, ${plural(feeds, 'feed')} linted${errors > 0 ? '' : ': ok'}\n`,
  );
  return errors > 0 || !build.feedSet ? 1 : 0;
}
