// bench: a cold build vs. the incremental rebuild after one edited record (the site builder a live site keeps),
// and the same rebuild through a live site, whose builds run in a worker thread.
// Run: npm run bench:rebuild [-- records]   (default 2,000 records of bench/corpus.ts; one process; times printed, never asserted)
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config/load-config.ts';
import { createLiveSite } from '../src/site/live-site.ts';
import { createSiteBuilder, type SiteBuild } from '../src/site/site-builder.ts';
import { writeCorpus } from './corpus.ts';
import { formatMs, summarize } from './_lib/stats.ts';

const RECORDS = Number(process.argv[2] ?? 2000);
const EDITS = 5;
if (!Number.isInteger(RECORDS) || RECORDS < 1) throw new RangeError(`records: expected a positive whole number, got ${process.argv[2]}`);

const corpus = await writeCorpus({ size: RECORDS });
const config = await loadConfig({ file: corpus.configFile });
const itemsDir = corpus.itemsDir;
try {
  // Let the files age past the builder's "racy" window, as an archive's files have.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const builder = createSiteBuilder(config, { itemsDir, keepLastGood: true });
  const cold = await timed(() => builder.build());
  console.log(`${RECORDS} records, ${cold.result.documents.size} documents`);
  console.log(`cold build:                    ${formatMs(cold.ms)}`);

  // Correct a record in the middle of the folder, as an editor would; several rounds, median kept.
  const edited = path.join(itemsDir, corpus.files[Math.floor(RECORDS / 2)]!);
  const original = await readFile(edited, 'utf8');
  const rebuilds: number[] = [];
  let last: SiteBuild | undefined;
  for (let round = 1; round <= EDITS; round += 1) {
    await writeFile(edited, `${original}\nCorrection ${round}.\n`);
    const rebuild = await timed(() => builder.build({ changed: [edited] }));
    rebuilds.push(rebuild.ms);
    last = rebuild.result;
  }
  const rebuild = summarize(rebuilds).median;
  console.log(`one-edit rebuild (hinted):     ${formatMs(rebuild)}  (median of ${EDITS}: ${rebuilds.map(formatMs).join(', ')})`);

  const fresh = await timed(() => createSiteBuilder(config, { itemsDir }).build());
  console.log(`same files, cold builder:      ${formatMs(fresh.ms)}`);
  console.log(`ratio cold / incremental:      ${(fresh.ms / rebuild).toFixed(1)}×`);
  console.log(`identical output to a cold build: ${sameOutput(last, fresh.result) ? 'yes' : 'NO'}`);

  // The live site: the same rebuild in its worker thread, from the edit to the new snapshot being served.
  const site = createLiveSite(config, { itemsDir, ledger: 'off' });
  await site.ready;
  const live: number[] = [];
  for (let round = 1; round <= EDITS; round += 1) {
    await writeFile(edited, `${original}\nCorrection en direct ${round}.\n`);
    const start = performance.now();
    await site.rebuild({ files: new Set([edited]) });
    live.push(performance.now() - start);
  }
  console.log(`live rebuild, edit → served:   ${formatMs(summarize(live).median)}  (median of ${EDITS}: ${live.map(formatMs).join(', ')})`);
  await site.close();
} finally {
  await rm(corpus.root, { recursive: true, force: true });
}

// --- internal ---

async function timed(run: () => Promise<SiteBuild>): Promise<{ ms: number; result: SiteBuild }> {
  const start = performance.now();
  const result = await run();
  return { ms: performance.now() - start, result };
}

/** Same paths and bytes in both builds, and the same diagnostics. */
function sameOutput(a: SiteBuild | undefined, b: SiteBuild): boolean {
  if (!a || a.documents.size !== b.documents.size) return false;
  for (const [key, doc] of a.documents) if (b.documents.get(key)?.body !== doc.body) return false;
  return JSON.stringify(a.diagnostics) === JSON.stringify(b.diagnostics);
}
