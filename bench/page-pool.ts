// bench: the page-rendering pool (issue 20, step 9; the `pageWorkers` build setting, site/page-pool.ts) — a cold
// static build of the same corpus with 0, 1, 2… page workers, alternating in every round, each a fresh process of
// the compiled library (lib/bundle/index.js: run `npm run build` first) under GNU time: wall, user, system, peak RSS.
//   npx tsx bench/page-pool.ts [--size 2000] [--runs 3] [--workers 0,1,2] [--dir /dev/shm] [--smoke]
// Also checks that every run wrote the same files, byte for byte, as the first (without the pool).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from './corpus.ts';
import { PROJECT_ROOT } from './_lib/gazette.ts';

const { values } = parseArgs({
  options: { size: { type: 'string' }, runs: { type: 'string' }, workers: { type: 'string' }, dir: { type: 'string' }, smoke: { type: 'boolean' } },
});
const size = values.smoke ? 20 : Number(values.size ?? 2000);
const runs = values.smoke ? 1 : Number(values.runs ?? 3);
const counts = (values.workers ?? '0,1,2').split(',').map(Number);
const library = path.join(PROJECT_ROOT, 'lib/bundle/index.js');
if (!existsSync(library)) throw new Error('bench/page-pool.ts runs the compiled library: npm run build first');
const root = mkdtempSync(path.join(values.dir ?? os.tmpdir(), 'gazette-pool-'));
const corpus = await writeCorpus({ size, seed: 1, dir: root });

/** Clock ticks per second of /proc's times (`getconf CLK_TCK`). */
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

type Run = { wall: number; user: number; sys: number; rss: number; main: number };

/** One cold build in its own process: seconds of wall, user and system time, of the main thread's CPU, peak RSS in MB. */
function build(workers: number, outDir: string): Run {
  rmSync(outDir, { recursive: true, force: true });
  const script = `import { loadConfig, buildStaticSite } from ${JSON.stringify(library)};
const config = await loadConfig({ file: ${JSON.stringify(corpus.configFile)} });
const result = await buildStaticSite(config, { outDir: ${JSON.stringify(outDir)}, ledger: 'off', cacheDir: false, syncReads: true, pageWorkers: ${workers} });
if (result.diagnostics.some((d) => d.severity === 'error')) { console.error(JSON.stringify(result.diagnostics)); process.exit(1); }
// The main thread's own CPU time (its task's utime + stime, clock ticks): the build's critical path on an idle machine.
const fields = (await import('node:fs')).readFileSync('/proc/self/task/' + process.pid + '/stat', 'utf8').split(') ')[1].split(' ');
console.log(JSON.stringify({ main: (Number(fields[11]) + Number(fields[12])) / ${CLOCK_TICKS} }));`;
  const timeFile = path.join(root, 'time.txt');
  // A file, not `node -e`: a worker inherits the process's execArgv, and `-e` in it stops the page workers from
  // starting (the build then renders every page on its main thread, as it does when a worker fails).
  const scriptFile = path.join(root, 'build.mjs');
  writeFileSync(scriptFile, script);
  const run = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', '-o', timeFile, process.execPath, scriptFile], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`build with ${workers} workers failed: ${run.stderr}`);
  const [wall, user, sys, kb] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  const { main } = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { main: number };
  return { wall: wall!, user: user!, sys: sys!, rss: kb! / 1024, main };
}

const rows = new Map<number, Run[]>(counts.map((n) => [n, []]));
const reference = path.join(root, 'reference');
build(0, reference);
for (let round = 0; round < runs; round++) {
  // Alternate the order each round so neither side always follows the other on a loaded machine.
  for (const n of round % 2 === 0 ? counts : [...counts].reverse()) {
    const out = path.join(root, `out-${n}`);
    rows.get(n)!.push(build(n, out));
    execFileSync('diff', ['-r', reference, out]);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(
  `${size} records, ${runs} runs each, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}; output identical to 0 workers (diff -r)`,
);
console.log('| page workers | wall (runs) | user + sys, all threads (runs) | main thread CPU (runs) | medians: wall / CPU / main thread | peak RSS |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const [n, list] of rows) {
  const cpu = list.map((r) => r.user + r.sys);
  const f = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(' / ');
  const main = list.map((r) => r.main);
  const medians = [list.map((r) => r.wall), cpu, main].map((xs) => median(xs).toFixed(2)).join(' / ');
  console.log(`| ${n} | ${f(list.map((r) => r.wall))} s | ${f(cpu)} s | ${f(main)} s | ${medians} s | ${Math.max(...list.map((r) => r.rss)).toFixed(0)} MB |`);
}
rmSync(root, { recursive: true, force: true });
