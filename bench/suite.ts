// Wall time of the unit suite (`vitest run --project unit`, what `npm test` runs) in this checkout against another,
// run after run alternately so that a busy machine slows both alike; medians, per-test times and the ratio. Issue 17's
// goal: the suite no slower than at its start (0ac68e4).
//   npm run bench:suite -- --before DIR            DIR: a checkout with its own node_modules (and lib/ built)
//   npm run bench:suite -- --before DIR --runs 5
// Each run is vitest's own: its summary line gives the tests passed and its Duration (from its start to its end).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { before: { type: 'string' }, runs: { type: 'string', default: '3' } } });
if (values.before === undefined) {
  console.error('bench:suite: --before DIR is required (a checkout to compare with, with its node_modules)');
  process.exit(2);
}
const runs = Number(values.runs);
const trees = [
  { label: 'before', root: path.resolve(values.before) },
  { label: 'after', root: path.resolve(import.meta.dirname, '..') },
];

interface Run {
  readonly seconds: number;
  readonly tests: number;
}

/** One whole unit suite in `root`; throws when a test fails (a slower suite that fails is no measure). */
function runSuite(root: string): Run {
  const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
  const { stdout, status } = spawnSync(process.execPath, [vitest, 'run', '--project', 'unit'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (status !== 0) throw new Error(`the unit suite of ${root} failed (exit ${status}):\n${stdout.slice(-2000)}`);
  const duration = /Duration\s+([\d.]+)(m?s)/.exec(stdout);
  const passed = /Tests\s+(\d+) passed/.exec(stdout);
  if (!duration || !passed) throw new Error(`no vitest summary in the output of ${root}`);
  return { seconds: Number(duration[1]) / (duration[2] === 'ms' ? 1000 : 1), tests: Number(passed[1]) };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const seen = new Map<string, Run[]>(trees.map((t) => [t.label, []]));
for (let round = 1; round <= runs; round++) {
  for (const tree of trees) {
    const run = runSuite(tree.root);
    seen.get(tree.label)!.push(run);
    console.error(`round ${round}/${runs} ${tree.label}: ${run.seconds.toFixed(2)} s, ${run.tests} tests`);
  }
}

const rows = trees.map((t) => {
  const list = seen.get(t.label)!;
  const seconds = median(list.map((r) => r.seconds));
  const tests = list[0]!.tests;
  return { ...t, seconds, tests, perTestMs: (seconds * 1000) / tests, all: list.map((r) => r.seconds.toFixed(1)).join(' / ') };
});
const [before, after] = rows as [(typeof rows)[number], (typeof rows)[number]];
console.log('| unit suite | tests | Duration, each run | median | per test |');
console.log('| --- | --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.label} (${r.root}) | ${r.tests} | ${r.all} s | ${r.seconds.toFixed(2)} s | ${r.perTestMs.toFixed(1)} ms |`);
console.log(
  `\nratio after / before: ${(after.seconds / before.seconds).toFixed(2)}× (goal ≤ 1.00×); per test ${(after.perTestMs / before.perTestMs).toFixed(2)}×`,
);
