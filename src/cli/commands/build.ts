// cli: `gazette build` — records → static feeds and pages under --out, written atomically.
import path from 'node:path';
import { buildSite } from '../../site/build-site.ts';
import { writeStaticSite } from '../../publish/write-static.ts';
import { displayPath } from '../../diagnostics.ts';
import { plural, printDiagnostics } from '../report.ts';
import { loadCommandConfig, type CommonArgs } from './load.ts';

/** Arguments of `gazette build`. */
export interface BuildArgs extends CommonArgs {
  out?: string | undefined;
}

/** Builds and writes the site; 0 only when every record is valid and every feed lints clean. */
export async function runBuild(args: BuildArgs): Promise<number> {
  const config = await loadCommandConfig(args);
  const outDir = args.out ? path.resolve(args.out) : config.outDir;
  const result = await buildSite(config, { displayDir: displayPath(config.itemsDir) });
  const errors = printDiagnostics(result.diagnostics);
  if (!result.snapshot) {
    process.stderr.write('nothing written\n');
    return 1;
  }
  const { files } = await writeStaticSite(result.snapshot, outDir, { itemsDir: config.itemsDir });
  process.stdout.write(
    `${plural(result.snapshot.articleCount, 'article')} published, ${plural(files.length, 'file')} written to ${displayPath(outDir)}/\n`,
  );
  return errors > 0 ? 1 : 0;
}
