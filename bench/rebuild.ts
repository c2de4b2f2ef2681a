// bench: a cold build vs. the incremental rebuild after one edited record (the site builder a live site keeps),
// and the same rebuild through a live site, whose builds run in a worker thread.
// Run: npm run bench:rebuild [-- records]   (default 2,000 records; one process; times printed, never asserted)
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { mustResolveConfig } from '../src/config/config-schema.ts';
import { createLiveSite } from '../src/site/live-site.ts';
import { createSiteBuilder, type SiteBuild } from '../src/site/site-builder.ts';

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
  // Let the files age past the builder's "racy" window, as an archive's files have.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const builder = createSiteBuilder(config, { itemsDir, keepLastGood: true });
  const cold = await timed(() => builder.build());
  console.log(`${RECORDS} records, ${cold.result.documents.size} documents`);
  console.log(`cold build:                    ${ms(cold.ms)}`);

  // Edit a record in the middle of the folder, as an editor fixing a title would; several rounds, median kept.
  const middle = Math.ceil(RECORDS / 2);
  const edited = path.join(itemsDir, recordName(middle));
  const original = await readFile(edited, 'utf8');
  const rebuilds: number[] = [];
  let last: SiteBuild | undefined;
  for (let round = 1; round <= EDITS; round += 1) {
    await writeFile(edited, original.replace(`n° ${middle} :`, `n° ${middle} (correction ${round}) :`));
    const rebuild = await timed(() => builder.build({ changed: [edited] }));
    rebuilds.push(rebuild.ms);
    last = rebuild.result;
  }
  const rebuild = median(rebuilds);
  console.log(`one-edit rebuild (hinted):     ${ms(rebuild)}  (median of ${EDITS}: ${rebuilds.map(ms).join(', ')})`);

  const fresh = await timed(() => createSiteBuilder(config, { itemsDir }).build());
  console.log(`same files, cold builder:      ${ms(fresh.ms)}`);
  console.log(`ratio cold / incremental:      ${(fresh.ms / rebuild).toFixed(1)}×`);
  console.log(`identical output to a cold build: ${sameOutput(last, fresh.result) ? 'yes' : 'NO'}`);

  // The live site: the same rebuild in its worker thread, from the edit to the new snapshot being served.
  const site = createLiveSite(config, { itemsDir });
  await site.ready;
  const live: number[] = [];
  for (let round = 1; round <= EDITS; round += 1) {
    await writeFile(edited, original.replace(`n° ${middle} :`, `n° ${middle} (live ${round}) :`));
    const start = performance.now();
    await site.rebuild({ files: new Set([edited]) });
    live.push(performance.now() - start);
    if (!site.current()?.entries.get('/feed.json')?.identity.toString().includes(`(live ${round})`)) console.log('  (edit not in the main feed)');
  }
  console.log(`live rebuild, edit → served:   ${ms(median(live))}  (median of ${EDITS}: ${live.map(ms).join(', ')})`);
  await site.close();
} finally {
  await rm(root, { recursive: true, force: true });
}

// --- internal ---

async function timed(run: () => Promise<SiteBuild>): Promise<{ ms: number; result: SiteBuild }> {
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

/** Same paths and bytes in both builds, and the same diagnostics. */
function sameOutput(a: SiteBuild | undefined, b: SiteBuild): boolean {
  if (!a || a.documents.size !== b.documents.size) return false;
  for (const [key, doc] of a.documents) if (b.documents.get(key)?.body !== doc.body) return false;
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
