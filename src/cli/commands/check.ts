// cli: `gazette check` — validate every record and lint every feed; write nothing.
import { buildSite } from '../../site/build-site.ts';
import { displayPath } from '../../diagnostics.ts';
import { plural, printDiagnostics } from '../report.ts';
import { loadCommandConfig, type CommonArgs } from './load.ts';

/** Validates records and feeds; 0 only when there is no error (warnings alone do not fail). */
export async function runCheck(args: CommonArgs): Promise<number> {
  const config = await loadCommandConfig(args);
  const result = await buildSite(config, { displayDir: displayPath(config.itemsDir) });
  const errors = printDiagnostics(result.diagnostics);
  const published = result.snapshot?.articleCount ?? 0;
  const feeds = result.documents.filter((d) => !d.contentType.startsWith('text/html')).length;
  process.stdout.write(
    `${plural(result.recordCount, 'record')} read, ${plural(published, 'article')} published, ${plural(feeds, 'feed')} linted${errors > 0 ? '' : ': ok'}\n`,
  );
  return errors > 0 || !result.snapshot ? 1 : 0;
}
