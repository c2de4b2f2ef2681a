// bench: the publication ledger's cost per live edit and its heap — the journal (ledger-store.ts) against the whole-
// file rewrite of 68862ce (its ledger.ts taken from git and run in the same process, alternating, same machine).
// Run: npx tsx bench/ledger.ts [-- --size 10000 --runs 20] [-- --smoke]
// Per edit: one entry of the ledger changed, then the old writeLedger (warm: its line and text caches filled, as a
// live site runs) or the new store.save (an append); wall time and process.cpuUsage (user+system), medians.
// Heap: each side in its own `node --expose-gc` child, heapUsed after gc with the ledger read, then after one save.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Ledger, LedgerEntry } from '../src/lifecycle/ledger.ts';
import { openLedgerStore } from '../src/lifecycle/ledger-store.ts';
import { describeMachine, formatMs, printTable, ratio, readBenchArgs, summarize } from './_lib/stats.ts';

const BASE = '68862ce';
const ROOT = path.resolve(import.meta.dirname, '..');

interface OldLedgerModule {
  readLedger(itemsDir: string): Promise<{ value: Ledger }>;
  writeLedger(itemsDir: string, ledger: Ledger): Promise<boolean>;
  serializeLedger(ledger: Ledger): string;
}

/** A ledger of `size` entries shaped like a newsroom's: dated ids, URL guids, one page path, a few distinct seconds. */
function makeLedger(size: number): Map<string, LedgerEntry> {
  const ledger = new Map<string, LedgerEntry>();
  const start = Date.parse('2024-01-01T06:00:00Z');
  for (let n = 0; n < size; n += 1) {
    const id = `2024/${String((n % 12) + 1).padStart(2, '0')}/article-de-la-redaction-numero-${n}`;
    // Half published by the site's first build (one second), the others one by one afterwards.
    const published = new Date(n % 2 === 0 ? start : start + n * 60_000);
    const entry: LedgerEntry = {
      id,
      guid: `https://www.lecourrier.fr/articles/article-de-la-redaction-numero-${n}/`,
      published,
      hash: randomBytes(32).toString('hex'),
      place: randomBytes(8).toString('hex'),
      paths: [`/articles/article-de-la-redaction-numero-${n}/`],
      aliases: [],
    };
    ledger.set(id, entry);
  }
  return ledger;
}

/** The ledger with one entry corrected now (a new object, as applyLedger makes it). */
function edit(ledger: Ledger, round: number): Map<string, LedgerEntry> {
  const next = new Map(ledger);
  const ids = [...ledger.keys()];
  const id = ids[(round * 7919) % ids.length]!;
  next.set(id, { ...ledger.get(id)!, hash: randomBytes(32).toString('hex'), updated: new Date(Date.parse('2025-01-01T00:00:00Z') + round * 1000) });
  return next;
}

/** The 68862ce ledger.ts and what it imports at run time, copied out of git into `dir`. */
async function loadOld(dir: string): Promise<OldLedgerModule> {
  for (const file of ['src/lifecycle/ledger.ts', 'src/_lib/floor-to-second.ts']) {
    await mkdir(path.join(dir, path.dirname(file)), { recursive: true });
    await writeFile(path.join(dir, file), execFileSync('git', ['show', `${BASE}:${file}`], { cwd: ROOT }));
  }
  return (await import(path.join(dir, 'src/lifecycle/ledger.ts'))) as OldLedgerModule;
}

function measure<T>(work: () => Promise<T>): Promise<{ ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  return work().then(() => {
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    return { ms, cpuMs: (used.user + used.system) / 1000 };
  });
}

/** Child mode: prints heapUsed (bytes) with the ledger of `dir`/items read, then after one edit saved. */
async function heapChild(side: string, dir: string): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with --expose-gc');
  const old = side === 'old' ? await loadOld(path.join(dir, 'old-src')) : undefined;
  const items = path.join(dir, 'items');
  gc();
  const before = process.memoryUsage().heapUsed;
  const store = openLedgerStore(items);
  let ledger: Ledger = old ? (await old.readLedger(items)).value : (await store.read()).value;
  gc();
  const read = process.memoryUsage().heapUsed - before;
  ledger = edit(ledger, 1);
  if (old) await old.writeLedger(items, ledger);
  else await store.save(ledger);
  gc();
  const saved = process.memoryUsage().heapUsed - before;
  console.log(JSON.stringify({ read, saved, size: ledger.size }));
}

const child = process.env.LEDGER_BENCH_CHILD;
if (child !== undefined) {
  const [side, dir] = child.split(':');
  await heapChild(side!, dir!);
  process.exit(0);
}

const { size, runs, smoke } = readBenchArgs({ size: 10_000, runs: 20, smokeSize: 200 });
console.log(`bench:ledger — ${size} entries, ${runs} edit(s) each way, alternating${smoke ? ' (smoke)' : ''}; ${describeMachine()}`);
const root = await mkdtemp(path.join(tmpdir(), 'gazette-bench-ledger-'));
try {
  const old = await loadOld(path.join(root, 'old-src'));
  const [oldItems, newItems] = [path.join(root, 'old'), path.join(root, 'new')];
  await mkdir(oldItems);
  await mkdir(newItems);
  const start = makeLedger(size);
  await writeFile(path.join(oldItems, '.published.json'), old.serializeLedger(start));
  await writeFile(path.join(newItems, '.published.json'), old.serializeLedger(start));
  // Warm-up: the old side fills its caches (every line, the file's text) as a live site's first write does.
  let oldLedger: Ledger = (await old.readLedger(oldItems)).value;
  await old.writeLedger(oldItems, (oldLedger = edit(oldLedger, 0)));
  const store = openLedgerStore(newItems);
  let newLedger: Ledger = (await store.read()).value;
  await store.save((newLedger = edit(newLedger, 0)));
  const samples = { old: [] as { ms: number; cpuMs: number }[], new: [] as { ms: number; cpuMs: number }[] };
  for (let round = 1; round <= runs; round += 1) {
    oldLedger = edit(oldLedger, round);
    newLedger = edit(newLedger, round);
    const sides = [
      async () => samples.old.push(await measure(() => old.writeLedger(oldItems, oldLedger))),
      async () => samples.new.push(await measure(() => store.save(newLedger))),
    ];
    for (const side of round % 2 === 0 ? sides : sides.reverse()) await side();
  }
  const compaction = await measure(() => store.save(newLedger, { compact: true }));
  const med = (list: { ms: number; cpuMs: number }[], key: 'ms' | 'cpuMs') => summarize(list.map((s) => s[key])).median;
  printTable(
    ['one live edit, ledger write', 'wall p50', 'CPU p50 (user+sys)'],
    [
      [`${BASE}: whole file rewritten`, formatMs(med(samples.old, 'ms')), formatMs(med(samples.old, 'cpuMs'))],
      ['journal: changed entry appended', formatMs(med(samples.new, 'ms')), formatMs(med(samples.new, 'cpuMs'))],
      ['ratio new/old', ratio(med(samples.new, 'ms'), med(samples.old, 'ms')), ratio(med(samples.new, 'cpuMs'), med(samples.old, 'cpuMs'))],
      ['(compaction, once per static build or 1,000 edits)', formatMs(compaction.ms), formatMs(compaction.cpuMs)],
    ],
  );

  const heapRows: string[][] = [];
  for (const entries of smoke ? [size] : [10_000, 100_000]) {
    const dir = path.join(root, `heap-${entries}`);
    await mkdir(path.join(dir, 'items'), { recursive: true });
    await writeFile(path.join(dir, 'items', '.published.json'), old.serializeLedger(makeLedger(entries)));
    const result: Record<string, { read: number; saved: number }> = {};
    for (const side of ['old', 'new']) {
      const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(ROOT, 'bench/ledger.ts')], {
        cwd: ROOT,
        env: { ...process.env, LEDGER_BENCH_CHILD: `${side}:${dir}` },
        encoding: 'utf8',
      });
      result[side] = JSON.parse(out.trim().split('\n').at(-1)!);
      await rm(path.join(dir, 'items', '.published.journal'), { force: true });
    }
    const perEntry = (bytes: number) => `${Math.round(bytes / entries)} B/entry (${(bytes / 1024 / 1024).toFixed(1)} MB)`;
    heapRows.push([`${entries}`, perEntry(result.old!.read), perEntry(result.old!.saved), perEntry(result.new!.read), perEntry(result.new!.saved)]);
  }
  printTable(['entries', `${BASE} read`, `${BASE} after a write`, 'journal read', 'journal after a write'], heapRows);
} finally {
  await rm(root, { recursive: true, force: true });
}
