// cli: `gazette ping` — after a static build is uploaded, tell every WebSub hub which feeds changed.
// The hub fetches each feed as soon as it is told, so this runs after the upload: `gazette build && <upload> && gazette ping`.
import path from 'node:path';
import { isFeedFileName } from '../../_lib/feed-formats.ts';
import { displayPath } from '../../diagnostics.ts';
import { MANIFEST_NAME, readManifest } from '../../publish/output-manifest.ts';
import { describeFailure, publishToHub, type PublishOptions } from '../../publish/websub.ts';
import { GAZETTE_VERSION } from '../../_lib/version.ts';
import { EXIT } from '../command-spec.ts';
import { processIO, type CliIO } from '../io.ts';
import { plural } from '../report.ts';
import { loadCommandConfig } from './load.ts';
import { encodePath, siteUrlOf } from '../../_lib/site-paths.ts';

/** Arguments of `gazette ping`. */
export interface PingArgs {
  config?: string | undefined;
  /** The output folder of the build (`--out`); default config.outDir. */
  out?: string | undefined;
  /** Every feed of the output, not only those the last build changed (`--all`). */
  all?: boolean | undefined;
  /** Time limit and backoff of each request (tests pass short ones). */
  publish?: PublishOptions | undefined;
}

/** Pings every hub for the feeds the last build changed; 0 when every hub answered 2xx, else 1. */
export async function runPing(args: PingArgs, io: CliIO = processIO()): Promise<number> {
  const config = await loadCommandConfig({ config: args.config });
  const outDir = args.out ? path.resolve(args.out) : path.resolve(config.outDir);
  const where = displayPath(outDir);
  if (config.hub.length === 0) {
    io.stdout.write('gazette ping: no hub in the config (hub); nothing to tell\n');
    return EXIT.ok;
  }
  const manifest = await readManifest(outDir);
  if (manifest.state !== 'valid') {
    const why = manifest.state === 'missing' ? `has no ${MANIFEST_NAME}` : `has an unreadable ${MANIFEST_NAME}: ${manifest.reason}`;
    io.stderr.write(`gazette ping: ${where} ${why}; run gazette build first\n`);
    return EXIT.invalid;
  }
  // A manifest from before the list was kept cannot say what changed: every feed then counts as changed.
  const names = args.all || manifest.changedFeeds === undefined ? [...manifest.entries.keys()].filter(isFeedFileName) : manifest.changedFeeds;
  if (names.length === 0) {
    io.stdout.write(`gazette ping: the last build into ${where} changed no feed; nothing to tell (--all tells of every feed)\n`);
    return EXIT.ok;
  }
  const topics = [...names].sort().map((name) => siteUrlOf(config.siteUrl, encodePath(`/${name}`)));
  const publish = { userAgent: `Gazette/${GAZETTE_VERSION}`, ...args.publish };
  const results = await Promise.all(config.hub.map((hub) => publishToHub(hub, topics, publish)));
  for (const result of results) {
    if (result.ok) io.stdout.write(`hub ${result.hub}: told of ${plural(topics.length, 'feed')} (${result.status})\n`);
    else io.stderr.write(`gazette ping: ${describeFailure(result)}\n`);
  }
  return results.every((r) => r.ok) ? EXIT.ok : EXIT.invalid;
}
