// bench: a cold build vs. the rebuild after one edited record, with the build cache a live site keeps.
// Run: npm run bench:rebuild [-- records]   (default 2,000 records; one process; times printed, never asserted)
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildSite, type BuildResult } from '../src/site/build-site.ts';
import { mustResolveConfig } from '../src/config/config-schema.ts';
import { createBuildCache } from '../src/site/build-cache.ts';

const RECORDS = Number(process.argv[2] ?? 2000);
const EDITS = 5;
if (!Number.isInteger(RECORDS) || RECORDS < 1) throw new RangeError(`records: expected a positive whole number, got ${process.argv[2]}`);

const config = mustResolveConfig({
  title: 'Banc d’essai',
  siteUrl: 'https://bench.example.org',
  categories: {
    international: { label: 'International' },
    national: { label: 'National' },
    societe: { label: 'Société' },
    economie: { label: 'Économie' },
    culture: { label: 'Culture' },
    sport: { label: 'Sport' },
  },
});
const root = await mkdtemp(path.join(tmpdir(), 'gazette-rebuild-'));
const itemsDir = path.join(root, 'items');
try {
  await writeRecords(itemsDir, RECORDS);
  const cache = createBuildCache();
  const cold = await timed(() => buildSite(config, { itemsDir, cache }));
  console.log(`${RECORDS} records, ${cold.result.documents.length} documents`);
  console.log(`cold build:                  ${ms(cold.ms)}`);

  // Edit a record in the middle of the folder, as an editor fixing a title would; several rounds, median kept.
  const middle = Math.ceil(RECORDS / 2);
  const edited = path.join(itemsDir, recordName(middle));
  const original = await readFile(edited, 'utf8');
  const rebuilds: number[] = [];
  let last: BuildResult | undefined;
  for (let round = 1; round <= EDITS; round += 1) {
    await writeFile(edited, original.replace(`n° ${middle} :`, `n° ${middle} (correction ${round}) :`));
    const rebuild = await timed(() => buildSite(config, { itemsDir, cache }));
    rebuilds.push(rebuild.ms);
    last = rebuild.result;
  }
  const rebuild = median(rebuilds);
  console.log(`one-edit rebuild (cached):   ${ms(rebuild)}  (median of ${EDITS}: ${rebuilds.map(ms).join(', ')})`);

  // The same files without a cache: what the rebuild would cost with a warm process alone, and the reference bytes.
  const uncached = await timed(() => buildSite(config, { itemsDir }));
  console.log(`same rebuild without cache:  ${ms(uncached.ms)}`);
  console.log(`ratio cold / cached rebuild: ${(cold.ms / rebuild).toFixed(1)}×`);
  console.log(`identical output to an uncached build: ${sameOutput(last, uncached.result) ? 'yes' : 'NO'}`);
} finally {
  await rm(root, { recursive: true, force: true });
}

// --- internal ---

async function timed(run: () => Promise<BuildResult>): Promise<{ ms: number; result: BuildResult }> {
  const start = performance.now();
  const result = await run();
  return { ms: performance.now() - start, result };
}

function ms(value: number): string {
  return `${value.toFixed(0)} ms`;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Same paths, bytes and ETags in both snapshots, and the same record diagnostics. */
function sameOutput(a: BuildResult | undefined, b: BuildResult): boolean {
  if (!a?.snapshot || !b.snapshot || a.snapshot.entries.size !== b.snapshot.entries.size) return false;
  for (const [key, entry] of a.snapshot.entries) {
    const other = b.snapshot.entries.get(key);
    if (!other || !entry.identity.equals(other.identity) || !entry.gzip.equals(other.gzip) || !entry.br.equals(other.br)) return false;
    if (JSON.stringify(entry.etags) !== JSON.stringify(other.etags)) return false;
  }
  return JSON.stringify(a.diagnostics) === JSON.stringify(b.diagnostics);
}

function recordName(i: number): string {
  const ext = i % 10 === 0 ? 'json' : i % 10 === 5 ? 'txt' : 'md';
  return `${String(Math.floor(i / 100)).padStart(3, '0')}/depeche-${i}.${ext}`;
}

/** Records of ~4 KB in the three formats (8 in 10 Markdown), two categories each, dates spread over 2024. */
async function writeRecords(dir: string, count: number): Promise<void> {
  const names = ['International', 'National', 'Société', 'Économie', 'Culture', 'Sport'];
  const months = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
  const paragraph = 'La rédaction suit « l’actualité » de près : élus, associations et habitants s’expriment, etc. '.repeat(8);
  for (let i = 1; i <= count; i += 1) {
    const file = path.join(dir, recordName(i));
    await mkdir(path.dirname(file), { recursive: true });
    const month = i % 12;
    const day = (i % 28) + 1;
    const title = `Dépêche n° ${i} : la séance du conseil`;
    const categories = [names[i % names.length]!, names[(i * 7 + 3) % names.length]!];
    if (file.endsWith('.txt')) {
      const body = Array.from({ length: 4 }, (_, k) => `Partie ${k + 1}\n${paragraph}\n`).join('\n');
      await writeFile(file, `${day} ${months[month]} 2024 à 8 h ${String(i % 60).padStart(2, '0')}\n${categories.join(' · ')}\n\n${title}\n\n${body}`);
    } else if (file.endsWith('.json')) {
      const body = Array.from({ length: 4 }, (_, k) => `## Partie ${k + 1}\n\n${paragraph}\n`).join('\n');
      const date = `2024-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}T08:${String(i % 60).padStart(2, '0')}:00+01:00`;
      await writeFile(file, `${JSON.stringify({ title, date, categories, author: 'La rédaction', body }, null, 2)}\n`);
    } else {
      const body = Array.from({ length: 4 }, (_, k) => `## Partie ${k + 1}\n\n${paragraph}\n`).join('\n');
      const date = `2024-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')} 08:${String(i % 60).padStart(2, '0')}`;
      await writeFile(file, `---\ntitle: "${title}"\ndate: ${date}\ncategories: [${categories.join(', ')}]\n---\n\n${body}`);
    }
  }
}
