// bench: the CPU of one live edit in the rebuild engine, in-process, as a live site drives it (lazy pages, the ledger
// updated, the file settled), one title edit of one of the five newest records at a time.
// Run: npx tsx bench/edit.ts [--size 10000] [--edits 20] [--base DIR] [--rounds 1]
// With --base (a checkout of another head with node_modules), each round runs the base and this head in turn, each
// in its own child process on its own copy of the same seeded corpus, and prints both medians: a same-run comparison.
// Times are printed, never asserted. One head alone, profiled: node --cpu-prof --import tsx bench/edit.ts --child <head>
// (with --expose-gc it also prints the heap held after the edits).
import { execFileSync } from 'node:child_process';
import { readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { editRecordText, writeCorpus } from './corpus.ts';
import { percentile } from './_lib/stats.ts';

const HERE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '10000' },
    edits: { type: 'string', default: '20' },
    base: { type: 'string' },
    rounds: { type: 'string', default: '1' },
    child: { type: 'string' },
  },
});
const size = Number(values.size);
const edits = Number(values.edits);

if (values.child !== undefined) await child(values.child);
else parent();

function parent(): void {
  const heads = values.base === undefined ? [HERE] : [path.resolve(values.base), HERE];
  const results = new Map<string, number[]>(heads.map((head) => [head, []]));
  for (let round = 1; round <= Number(values.rounds); round += 1) {
    for (const head of heads) {
      const load = loadavg()[0]!.toFixed(1);
      const out = execFileSync(
        process.execPath,
        [...process.execArgv, fileURLToPath(import.meta.url), '--child', head, '--size', String(size), '--edits', String(edits)],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
          maxBuffer: 1 << 24,
        },
      );
      const line = out.trim().split('\n').at(-1)!;
      console.log(`round ${round} ${head === HERE ? 'this head' : 'base'} (load ${load}): ${line}`);
      results.get(head)!.push(...(JSON.parse(line.slice(line.indexOf('{'))).cpu as number[]));
    }
  }
  for (const [head, cpus] of results) {
    const sorted = [...cpus].sort((a, b) => a - b);
    console.log(
      `${head === HERE ? 'this head' : `base ${head}`}: CPU per edit p50 ${percentile(sorted, 50).toFixed(0)} ms, p95 ${percentile(sorted, 95).toFixed(0)} ms (${sorted.length} edits)`,
    );
  }
}

/** One head: a corpus, a first build, then the edits, each timed in CPU (user + system) of this process. */
async function child(head: string): Promise<void> {
  const { loadConfig } = await import(path.join(head, 'src/config/load-config.ts'));
  const { createRebuildEngine } = await import(path.join(head, 'src/site/rebuild-engine.ts'));
  const corpus = await writeCorpus({ size, seed: 5 });
  try {
    const config = await loadConfig({ file: corpus.configFile });
    const newest = [...corpus.records].sort((a, b) => (a.date < b.date ? 1 : -1)).slice(0, 5);
    const originals = new Map(await Promise.all(newest.map(async (r) => [r.file, await readFile(path.join(corpus.itemsDir, r.file), 'utf8')] as const)));
    const engine = createRebuildEngine();
    const request = { itemsDir: corpus.itemsDir, displayDir: 'items', lazyPages: true, ledger: 'update', mountPath: '', config };
    await engine.build({ ...request, now: Date.now() });
    const past = Date.now() - 60_000;
    const cpu: number[] = [];
    const documents: number[] = [];
    for (let round = 1; round <= edits; round += 1) {
      const record = newest[round % newest.length]!;
      const file = path.join(corpus.itemsDir, record.file);
      await writeFile(file, editRecordText(record.file, originals.get(record.file)!, round));
      // Dated in the past: the builder's racy-file rule reads it at once, so only the build's own CPU is timed.
      const when = new Date(past + round * 1000);
      await utimes(file, when, when);
      const before = process.cpuUsage();
      const reply = await engine.build({ ...request, changed: [file], now: Date.now() });
      const used = process.cpuUsage(before);
      cpu.push(Math.round((used.user + used.system) / 100) / 10);
      documents.push(reply.changed.length);
    }
    const sorted = [...cpu].sort((a, b) => a - b);
    // With --expose-gc: the heap the engine holds after the edits (what a live site keeps between edits).
    const gc = (globalThis as { gc?: () => void }).gc;
    if (gc) {
      gc();
      // The engine is named after the collection, so what it holds is still reachable when the heap is measured.
      console.error(`heap after the edits: ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(1)} MB, ${engine ? 'the engine held' : ''}`);
    }
    console.log(`p50 ${percentile(sorted, 50)} ms p95 ${percentile(sorted, 95)} ms ${JSON.stringify({ cpu, documents })}`);
  } finally {
    await rm(corpus.root, { recursive: true, force: true });
  }
}
