// bench: `gazette build` cold, warm after a one-file edit, and feeds only, against Hugo and `cat` of the same files.
// Run: npm run bench:build [-- --size 10000 --runs 3 --dir /dev/shm --heap 1024] [-- --smoke]
// --heap MB runs every gazette build with --max-old-space-size=MB: a build that streams completes within it.
// Every process is timed and its peak RSS read by GNU time; the tools run alternately in each round, so a
// busy neighbour slows all of them alike. Times are printed, never asserted.
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { editRecordText, writeCorpus, type Corpus } from './corpus.ts';
import { buildSupports, hasCommand, runGazette, runMeasured, type ProcessRun } from './_lib/gazette.ts';
import { writeHugoSite, type HugoSite } from './_lib/hugo-site.ts';
import { describeMachine, formatBytes, formatMs, printTable, ratio, readBenchArgs, summarize } from './_lib/stats.ts';

const { size, runs, smoke, extra } = readBenchArgs({ size: 10_000, runs: 3, smokeSize: 100 });

const noPages = await buildSupports('--no-pages');
const hugo = hasCommand('hugo');
const heapNote = typeof extra.heap === 'string' ? `, gazette heap limited to ${extra.heap} MB` : '';
console.log(`bench:build — ${size} records, ${runs} run(s)${heapNote}${smoke ? ' (smoke)' : ''}; ${describeMachine()}`);
if (!noPages) console.log('note: gazette build has no --no-pages yet: the feeds-only rows are skipped');
if (!hugo) console.log('note: hugo is not installed (apt-get install -y hugo): the Hugo rows are skipped');

const corpus = await writeCorpus({ size, seed: 1, ...(typeof extra.dir === 'string' ? { dir: await freshDir(extra.dir, size) } : {}) });
const site = hugo ? await writeHugoSite(corpus) : undefined;
const keep = new Set(['items', 'feed.config.mjs', 'hugo']);
const samples = new Map<string, ProcessRun[]>();
let failures = 0;

try {
  // Empty build: the fixed cost of every command (loader, modules, config).
  const empty = await writeCorpus({ size: 1, dir: path.join(corpus.root, 'empty') });
  await rm(empty.itemsDir, { recursive: true, force: true });
  await mkdir(empty.itemsDir);
  keep.add('empty');

  const edited = corpus.files[Math.floor(corpus.files.length / 2)]!;
  const editedPath = path.join(corpus.itemsDir, edited);
  const original = await readFile(editedPath, 'utf8');
  for (let round = 1; round <= runs; round += 1) {
    await record('gazette empty build', () => runGazette(['build', '--config', empty.configFile], gazetteEnv(empty)));
    await record('gazette cold, full site', async () => (await resetForCold(corpus), runGazette(['build', '--config', corpus.configFile], gazetteEnv(corpus))));
    // Warm: the same process start, the previous output and whatever cache the build keeps, one record edited.
    await writeFile(editedPath, editRecordText(edited, original, round));
    await record('gazette warm, one edit', () => runGazette(['build', '--config', corpus.configFile], gazetteEnv(corpus)));
    if (site) await record('hugo, full site', () => runHugo(site, site.fullConfig));
    if (noPages) {
      await record(
        'gazette cold, feeds only',
        async () => (await resetForCold(corpus), runGazette(['build', '--no-pages', '--config', corpus.configFile], gazetteEnv(corpus))),
      );
    }
    if (site) await record('hugo, feeds only', () => runHugo(site, site.feedsConfig));
    await record('cat of the records', () => runMeasured('sh', ['-c', `find "${corpus.itemsDir}" -type f -print0 | xargs -0 cat > /dev/null`]));
  }
  await writeFile(editedPath, original);

  const rows = [...samples].map(([name, list]) => {
    const time = summarize(list.map((r) => r.ms));
    const rss = summarize(list.map((r) => r.peakRss));
    return [name, formatMs(time.min), formatMs(time.median), formatMs(time.max), formatBytes(rss.median), formatBytes(rss.max)];
  });
  console.log();
  printTable(['work', 'min', 'median', 'max', 'peak RSS (median)', 'peak RSS (max)'], rows);
  const median = (name: string) => (samples.has(name) ? summarize(samples.get(name)!.map((r) => r.ms)).median : undefined);
  console.log();
  printTable(
    ['ratio (medians)', 'value', 'goal (docs/performance.md)'],
    [
      ['gazette full / hugo full', ratio(median('gazette cold, full site'), median('hugo, full site')), '≤ 0.6×'],
      ['gazette feeds only / hugo feeds only', ratio(median('gazette cold, feeds only'), median('hugo, feeds only')), '≤ 0.5×'],
      ['gazette feeds only / cat', ratio(median('gazette cold, feeds only'), median('cat of the records')), ''],
      ['gazette full / cat', ratio(median('gazette cold, full site'), median('cat of the records')), ''],
      ['gazette warm (one edit) / cold', ratio(median('gazette warm, one edit'), median('gazette cold, full site')), '≤ 0.1×'],
    ],
  );
} finally {
  await rm(corpus.root, { recursive: true, force: true });
}
if (failures > 0) {
  console.error(`${failures} run(s) failed`);
  process.exitCode = 1;
}

// --- internal ---

async function record(name: string, run: () => Promise<ProcessRun>): Promise<void> {
  const result = await run();
  if (result.code !== 0) {
    failures += 1;
    console.error(`${name}: exit ${result.code}\n${result.stdout.slice(-2000)}${result.stderr.slice(-2000)}`);
  }
  if (!samples.has(name)) samples.set(name, []);
  samples.get(name)!.push(result);
  if (!smoke) console.log(`  ${name}: ${formatMs(result.ms)}, ${formatBytes(result.peakRss)}`);
}

/** Removes the output and anything a build left beside the records (a cache folder), for a cold build. */
async function resetForCold(target: Corpus): Promise<void> {
  for (const name of await readdir(target.root)) {
    if (!keep.has(name)) await rm(path.join(target.root, name), { recursive: true, force: true });
  }
}

/** Builds run from the corpus folder, with the user cache folder inside it, so a cold build finds no cache. */
function gazetteEnv(target: Corpus): { cwd: string; env: NodeJS.ProcessEnv } {
  const heap = typeof extra.heap === 'string' ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${Number(extra.heap)}`.trim() } : {};
  return { cwd: target.root, env: { ...process.env, XDG_CACHE_HOME: path.join(target.root, '.cache'), ...heap } };
}

function runHugo(hugoSite: HugoSite, config: string): Promise<ProcessRun> {
  const out = path.join(corpus.root, 'hugo-out');
  return rm(out, { recursive: true, force: true }).then(() =>
    runMeasured('hugo', ['--source', hugoSite.dir, '--config', config, '--destination', out, '--cacheDir', path.join(corpus.root, 'hugo-cache'), '--quiet']),
  );
}

async function freshDir(parent: string, records: number): Promise<string> {
  return mkdtemp(path.join(path.resolve(parent), `gazette-corpus-${records}-`));
}
