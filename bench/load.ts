import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { editRecordText, writeCorpus } from './corpus.ts';
import { hasCommand, readVmKb, runText, startServe } from './_lib/gazette.ts';
import { describeMachine, formatBytes, formatMs, printTable, ratio, readBenchArgs } from './_lib/stats.ts';

const { size, runs, smoke, extra } = readBenchArgs({ size: 10_000, runs: 1, smokeSize: 60 });
const seconds = Number(extra.seconds ?? (smoke ? 2 : 30));
const CONNECTIONS = 200;
const EDIT_EVERY_MS = 1000;
const FEED = '/feed.xml';

console.log(`bench:load — ${size} records, wrk -t2 -c${CONNECTIONS} -d${seconds}s on ${FEED} (gzip), ${runs} run(s) of each${smoke ? ' (smoke)' : ''}`);
console.log(describeMachine());
if (!hasCommand('wrk')) {
  console.log('wrk is not installed (apt-get install -y wrk): nothing to measure');
  process.exit(0);
}
const corpus = await writeCorpus({ size, seed: 7 });
const newest = [...corpus.records].sort((a, b) => (a.date < b.date ? 1 : -1)).slice(0, 5);
const originals = new Map(await Promise.all(newest.map(async (r) => [r.file, await readFile(path.join(corpus.itemsDir, r.file), 'utf8')] as const)));
const server = await startServe({ config: corpus.configFile });
interface Sample {
  readonly rps: number;
  readonly p99Ms: number;
  readonly rssGrowth: number;
  readonly edits: number;
}
const samples = { quiet: [] as Sample[], edits: [] as Sample[] };
let round = 0;
try {
  await untilServed();
  for (let run = 0; run < runs; run += 1) {
    samples.quiet.push(await measure(false));
    samples.edits.push(await measure(true));
  }
} finally {
  await server.stop();
  await rm(corpus.root, { recursive: true, force: true });
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const of = (list: readonly Sample[], key: keyof Sample) => median(list.map((s) => s[key]));
console.log();
printTable(
  ['run (medians)', 'req/s', 'p99', 'RSS growth', 'edits made'],
  (['quiet', 'edits'] as const).map((name) => [
    name === 'quiet' ? 'no edits' : `an edit every ${EDIT_EVERY_MS / 1000} s`,
    of(samples[name], 'rps').toFixed(0),
    formatMs(of(samples[name], 'p99Ms')),
    formatBytes(of(samples[name], 'rssGrowth')),
    String(of(samples[name], 'edits')),
  ]),
);
console.log();
printTable(
  ['ratio (edits / no edits)', 'value', 'goal'],
  [
    ['throughput', ratio(of(samples.edits, 'rps'), of(samples.quiet, 'rps')), '≥ 0.8×'],
    ['p99 latency', ratio(of(samples.edits, 'p99Ms'), of(samples.quiet, 'p99Ms')), '≤ 2×'],
    ['RSS growth while edited', formatBytes(of(samples.edits, 'rssGrowth')), '≤ 100 MB'],
  ],
);

/** One wrk run, with an edit every second during it when `editing`; the server's RSS before and after. */
async function measure(editing: boolean): Promise<Sample> {
  const rssBefore = readVmKb(server.pid, 'VmRSS') * 1024;
  let edits = 0;
  let stop = false;
  const editor = (async () => {
    while (editing && !stop) {
      round += 1;
      const record = newest[round % newest.length]!;
      await writeFile(path.join(corpus.itemsDir, record.file), editRecordText(record.file, originals.get(record.file)!, round));
      edits += 1;
      await sleep(EDIT_EVERY_MS);
    }
  })();
  const output = await runText('wrk', ['-t2', `-c${CONNECTIONS}`, `-d${seconds}s`, '--latency', '-H', 'accept-encoding: gzip', `${server.origin}${FEED}`]);
  stop = true;
  await editor;
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(output);
  const p99 = /^\s+99%\s+([\d.]+)(us|ms|s)\b/m.exec(output);
  if (!rps || !p99) throw new Error(`wrk printed no Requests/sec or 99% line:\n${output}`);
  const unit = { us: 0.001, ms: 1, s: 1000 }[p99[2] as 'us' | 'ms' | 's'];
  return { rps: Number(rps[1]), p99Ms: Number(p99[1]) * unit, rssGrowth: readVmKb(server.pid, 'VmRSS') * 1024 - rssBefore, edits };
}

/** Waits for the first 200 of the feed (the first build done). */
async function untilServed(): Promise<void> {
  for (;;) {
    const response = await fetch(`${server.origin}${FEED}`).catch(() => undefined);
    if (response?.status === 200) return;
    await sleep(50);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
