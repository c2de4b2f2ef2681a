// cli: `gazette build` — records → static feeds and pages under --out, streamed to disk and swapped in atomically.
import path from 'node:path';
import { displayPath } from '../../diagnostics.ts';
import { buildStaticSite } from '../../site/static-build.ts';
import { plural, printDiagnostics } from '../report.ts';
import { loadCommandConfig, type CommonArgs } from './load.ts';

/** Arguments of `gazette build`. */
export interface BuildArgs extends CommonArgs {
  out?: string | undefined;
  /** `--no-pages`: feeds only. */
  pages?: boolean | undefined;
  /** `--future`: publish scheduled articles too (a preview). */
  future?: boolean | undefined;
  /** `--clean`: replace an output folder that holds files Gazette did not write. */
  clean?: boolean | undefined;
  /** `--force`: write into an existing folder that is not a previous Gazette output. */
  force?: boolean | undefined;
}

/** Builds and writes the site; 0 only when every record is valid and every feed lints clean. */
export async function runBuild(args: BuildArgs): Promise<number> {
  const config = await loadCommandConfig(args);
  const outDir = args.out ? path.resolve(args.out) : config.outDir;
  const result = await buildStaticSite(config, {
    outDir,
    displayDir: displayPath(config.itemsDir),
    ...(args.pages === undefined ? {} : { pages: args.pages }),
    ...(args.future === undefined ? {} : { future: args.future }),
    ...(args.clean === undefined ? {} : { clean: args.clean }),
    ...(args.force === undefined ? {} : { force: args.force }),
  });
  const errors = printDiagnostics(result.diagnostics);
  if (!result.report) {
    process.stderr.write('nothing written\n');
    return 1;
  }
  for (const note of result.report.notes) process.stderr.write(`${note}\n`);
  for (const { file, due } of result.scheduled) {
    process.stdout.write(`${file}: scheduled for ${due.toISOString()}; build again at or after that time to publish it\n`);
  }
  const { files, written, unchanged } = result.report;
  process.stdout.write(
    `${plural(result.articleCount, 'article')} published, ${plural(files.length, 'file')} in ${displayPath(outDir)}/ (${written} written, ${unchanged} unchanged)\n`,
  );
  return errors > 0 ? 1 : 0;
}
