// Start-up time of the `gazette` bin: `--help`, `--version` and `build` of the embedded items/, each run as a child
// process, interleaved round by round so that a busy machine slows every variant alike; medians and ratios.
//   npm run bench:startup                        this checkout (needs `npm run build`)
//   npm run bench:startup -- --before DIR        also a checkout to compare with (e.g. an older commit's tree)
//   npm run bench:startup -- --runs 15
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { before: { type: 'string' }, runs: { type: 'string', default: '10' } } });
const runs = Number(values.runs);
const here = path.resolve(import.meta.dirname, '..');
const out = mkdtempSync(path.join(tmpdir(), 'gazette-startup-'));

// The same config as feed.config.ts, as plain JavaScript: what `build` costs without the TypeScript config loader.
const { default: raw } = (await import(path.join(here, 'feed.config.ts'))) as { default: Record<string, unknown> };
const mjsConfig = path.join(out, 'feed.config.mjs');
writeFileSync(mjsConfig, `export default ${JSON.stringify({ ...raw, itemsDir: path.join(here, 'items') })};\n`);

interface Case {
  name: string;
  args: (root: string) => string[];
  /** Only for this checkout (an older one may not take these arguments). */
  afterOnly?: boolean;
}
const CASES: readonly Case[] = [
  { name: '--help', args: () => ['--help'] },
  { name: '--version', args: () => ['--version'] },
  { name: 'build items/', args: (root) => ['build', '--out', path.join(out, path.basename(root))] },
  { name: 'build, .mjs config', args: () => ['build', '--config', mjsConfig, '--out', path.join(out, 'mjs')], afterOnly: true },
];

const allTrees = [...(values.before ? [{ label: 'before', root: path.resolve(values.before) }] : []), { label: 'after', root: here }];
const treesOf = (c: Case) => (c.afterOnly ? allTrees.filter((t) => t.label === 'after') : allTrees);

/** Exit statuses seen per case and tree: an older tree may answer a flag it lacks with a usage error (2). */
const statuses = new Map<string, Set<number | null>>();

/** Wall time of one run in milliseconds. */
function time(root: string, args: string[], key = ''): number {
  const start = process.hrtime.bigint();
  const { status } = spawnSync(process.execPath, [path.join(root, 'bin/gazette.js'), ...args], { cwd: root, stdio: 'ignore' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  statuses.set(key, (statuses.get(key) ?? new Set()).add(status));
  return ms;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const samples = new Map<string, number[]>();
for (const c of CASES) for (const t of treesOf(c)) time(t.root, c.args(t.root)); // warm the disk cache once
for (let round = 0; round < runs; round++) {
  for (const c of CASES) {
    for (const t of treesOf(c)) {
      const key = `${c.name}\t${t.label}`;
      samples.set(key, [...(samples.get(key) ?? []), time(t.root, c.args(t.root), key)]);
    }
  }
}
rmSync(out, { recursive: true, force: true });

console.log(`median wall time of ${runs} runs each (node ${process.version})`);
for (const c of CASES) {
  const trees = treesOf(c);
  const medians = trees.map((t) => median(samples.get(`${c.name}\t${t.label}`)!));
  const cells = trees
    .map((t, i) => {
      const exits = [...statuses.get(`${c.name}\t${t.label}`)!].filter((x) => x !== 0);
      return `${t.label} ${medians[i]!.toFixed(0)} ms${exits.length ? ` (exit ${exits.join('/')})` : ''}`;
    })
    .join(', ');
  const ratio = medians.length === 2 ? `, ${(medians[0]! / medians[1]!).toFixed(1)}× faster` : '';
  console.log(`  ${c.name.padEnd(20)} ${cells}${ratio}`);
}
