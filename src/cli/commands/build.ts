// cli: `gazette build` — records → static feeds and pages under --out, written atomically.
import path from 'node:path';
import { buildSite } from '../../build-site.ts';
import { writeStaticSite } from '../../publish/write-static.ts';
import { displayPath } from '../../diagnostics.ts';
import { processIO, type CliIO } from '../io.ts';
import { countDiagnostics, plural, printJson, reportDiagnostics } from '../report.ts';
import { EXIT } from '../command-spec.ts';
import { loadCommandConfig, type CommonArgs } from './load.ts';

/** Arguments of `gazette build`. */
export interface BuildArgs extends CommonArgs {
  out?: string | undefined;
  /** One JSON document on stdout instead of lines. */
  json?: boolean | undefined;
  /** HTML pages beside the feeds (`--no-pages` → false). Default true. */
  pages?: boolean | undefined;
  /** Publish articles dated in the future (`--future`). */
  future?: boolean | undefined;
  /** Start from an empty build cache (`--clean`). */
  clean?: boolean | undefined;
  /** Write even when a record has an error (`--force`). */
  force?: boolean | undefined;
}

/** Builds and writes the site; 0 only when every record is valid and every feed lints clean. */
export async function runBuild(args: BuildArgs, io: CliIO = processIO()): Promise<number> {
  const config = await loadCommandConfig(args);
  const outDir = args.out ? path.resolve(args.out) : config.outDir;
  const result = await buildSite(config, { displayDir: displayPath(config.itemsDir) });
  const { errors, warnings } = countDiagnostics(result.diagnostics);
  const counts = { records: result.recordCount, articles: result.snapshot?.articleCount ?? 0, errors, warnings };
  if (!args.json) reportDiagnostics(io, result.diagnostics);

  let files: string[] = [];
  if (result.snapshot) {
    try {
      ({ files } = await writeStaticSite(result.snapshot, outDir, { itemsDir: config.itemsDir }));
    } catch (error) {
      // writeStaticSite refuses a folder it must not replace (the working directory, a parent, the items folder).
      if (!(error instanceof TypeError && /^outDir /.test(error.message))) throw error;
      io.stderr.write(`gazette build: refused output folder ${displayPath(outDir)}: ${error.message.replace(/^outDir /, '')}\n`);
      return args.out ? EXIT.usage : EXIT.invalid;
    }
  }
  const status = errors > 0 || !result.snapshot ? EXIT.invalid : EXIT.ok;
  if (args.json) {
    printJson(io, {
      command: 'build',
      ok: status === EXIT.ok,
      counts: { ...counts, files: files.length },
      outDir: result.snapshot ? displayPath(outDir) : null,
      diagnostics: result.diagnostics,
    });
  } else if (!result.snapshot) {
    io.stderr.write('nothing written\n');
  } else {
    io.stdout.write(`${plural(counts.articles, 'article')} published, ${plural(files.length, 'file')} written to ${displayPath(outDir)}/\n`);
  }
  return status;
}
