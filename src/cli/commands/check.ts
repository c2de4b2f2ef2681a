// cli: `gazette check` — validate every record and lint every feed; write nothing (not even the ledger).
import { formatDiagnostic } from '../../diagnostics.ts';
import { createSiteBuilder } from '../../site/site-builder.ts';
import { EXIT } from '../command-spec.ts';
import { processIO, type CliIO } from '../io.ts';
import { countDiagnostics, plural, printJson, reportDiagnostics } from '../report.ts';
import type { BuildSettingsInput } from '../../site/build-settings.ts';
import { loadCommandConfig, type CommonArgs } from './load.ts';
import { commandSettings } from './settings.ts';
import { readBuildClock } from '../../_lib/build-clock.ts';
import { isFeedFormatType } from '../../_lib/feed-formats.ts';
import { isSitemapPartPath, NEWS_SITEMAP_PATH, OPML_PATH, SITEMAP_PATH } from '../../_lib/site-paths.ts';
import type { Diagnostic } from '../../diagnostics.ts';
import { lintSitemap } from '../../lint/lint-sitemap.ts';
import type { RenderedDocument } from '../../render/rendered-document.ts';

/** Arguments of `gazette check`. */
export interface CheckArgs extends CommonArgs {
  /** One JSON document on stdout instead of lines. */
  json?: boolean | undefined;
  /** The build settings the command line gives (command-spec.ts flagSettings: `--future`, `--no-ledger`). */
  settings?: BuildSettingsInput | undefined;
}

/** Validates records and feeds; 0 only when there is no error (warnings alone do not fail). */
export async function runCheck(args: CheckArgs, io: CliIO = processIO()): Promise<number> {
  // The clock a build would have (SOURCE_DATE_EPOCH, else now): the same news sitemap and schedule as `gazette build`.
  const clock = readBuildClock(io.env);
  if ('error' in clock) {
    io.stderr.write(`gazette check: ${clock.error}\n`);
    return EXIT.usage;
  }
  const config = await loadCommandConfig(args);
  // The ledger is read, not written: what a build would change (a moved page, a removed article) shows as a warning.
  const { settings, ledger } = commandSettings(config, 'check', args.settings);
  const build = await createSiteBuilder(config, {
    ...settings,
    now: clock.now,
    // The CLI's process does nothing else meanwhile: synchronous reads (site-builder.ts, syncReads).
    syncReads: true,
  }).build();
  // The sitemaps and the OPML list the build would write: linted (sitemaps) and reported with their entry counts.
  const reach = describeReach(build.documents.values(), config.siteUrl);
  const diagnostics = reach.diagnostics.length === 0 ? build.diagnostics : [...build.diagnostics, ...reach.diagnostics];
  const { errors, warnings } = countDiagnostics(diagnostics);
  const published = build.feedSet?.articles.length ?? 0;
  const feeds = [...build.documents.values()].filter((d) => isFeedFormatType(d.contentType)).length;
  const scheduled = build.scheduled.map((s) => ({ file: s.article.file, due: s.due.toISOString() }));
  const status = errors > 0 || !build.feedSet ? EXIT.invalid : EXIT.ok;
  if (args.json) {
    printJson(io, {
      command: 'check',
      ok: status === EXIT.ok,
      counts: { records: build.recordCount, articles: published, scheduled: scheduled.length, feeds, errors, warnings },
      scheduled,
      files: reach.files,
      diagnostics,
      ...(ledger.diagnostics.length > 0 ? { notes: ledger.diagnostics.map(formatDiagnostic) } : {}),
    });
    return status;
  }
  // Not a finding about the records (it counts neither as an error nor as a warning): said once, first.
  for (const d of ledger.diagnostics) io.stderr.write(`${formatDiagnostic(d)}\n`);
  reportDiagnostics(io, diagnostics);
  for (const { file, due } of scheduled) io.stdout.write(`${file}: scheduled for ${due}\n`);
  for (const { path, entries, unit } of reach.files) io.stdout.write(`would write ${path.slice(1)}: ${plural(entries, unit)}\n`);
  io.stdout.write(
    `${plural(build.recordCount, 'record')} read, ${plural(published, 'article')} published, ${plural(scheduled.length, 'scheduled article')}, ${plural(feeds, 'feed')} linted${errors > 0 ? '' : ': ok'}\n`,
  );
  return status;
}

/** The sitemaps (index and parts included) and feeds.opml among `documents`: how many entries each lists, and the sitemap lint's findings. */
function describeReach(
  documents: Iterable<RenderedDocument>,
  siteUrl: string,
): { files: { path: string; entries: number; unit: string }[]; diagnostics: Diagnostic[] } {
  const files: { path: string; entries: number; unit: string }[] = [];
  const diagnostics: Diagnostic[] = [];
  const count = (body: string, tag: string) => body.split(tag).length - 1;
  for (const doc of documents) {
    if (doc.path === OPML_PATH) files.push({ path: doc.path, entries: count(doc.body, '<outline '), unit: 'feed' });
    if (doc.path !== SITEMAP_PATH && doc.path !== NEWS_SITEMAP_PATH && !isSitemapPartPath(doc.path)) continue;
    const index = doc.body.includes('<sitemapindex');
    files.push({ path: doc.path, entries: count(doc.body, index ? '<sitemap>' : '<url>'), unit: index ? 'sitemap' : 'URL' });
    diagnostics.push(...lintSitemap(doc.path.slice(1), doc.body, siteUrl));
  }
  return { files, diagnostics };
}
