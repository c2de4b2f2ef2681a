// bench: writing a static output — the previous writer (every document encoded up front, files written one at a
// time) against openStaticOutput (streamed, bounded concurrency, .gz/.br only for feeds, async zlib), cold and warm.
// Run: npx tsx bench/write-static.ts [pages] [rounds]   (default 10,000 pages + 40 feeds, 3 rounds; times printed, never asserted)
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createSnapshot, type RenderedDocument } from '../src/publish/snapshot.ts';
import { openStaticOutput, toFilePath, type OutputDocument } from '../src/publish/write-static.ts';

const PAGES = Number(process.argv[2] ?? 10_000);
const ROUNDS = Number(process.argv[3] ?? 3);
const FEEDS = 40;
if (!Number.isInteger(PAGES) || PAGES < 1) throw new RangeError(`pages: expected a positive whole number, got ${process.argv[2]}`);

const updated = new Date('2024-11-22T10:00:00Z');
const documents = makeDocuments();
const root = await mkdtemp(path.join(tmpdir(), 'gazette-bench-write-'));
try {
  const old: Sample[] = [];
  const cold: Sample[] = [];
  const warm: Sample[] = [];
  let warmReport = { written: 0, unchanged: 0 };
  await writePreviousWay(documents, path.join(root, 'old')); // so that every measured round replaces an output, as a rebuild does
  for (let round = 1; round <= ROUNDS; round += 1) {
    // Alternate the writers in each round so that the machine's load falls on both alike.
    old.push(await timed(() => writePreviousWay(documents, path.join(root, 'old'))));
    const out = path.join(root, `new-${round}`);
    cold.push(await timed(() => writeNewWay(documents, out)));
    const edited = documents.map((d, i) => (i === Math.floor(PAGES / 2) ? { ...d, body: `${d.body}<p>Correction.</p>` } : d));
    warm.push(
      await timed(async () => {
        warmReport = await writeNewWay(edited, out);
      }),
    );
    await rm(out, { recursive: true, force: true });
  }
  const line = (name: string, xs: Sample[]) => {
    const wall = xs.map((x) => x.wall);
    return (
      `${name.padEnd(48)} wall min ${ms(Math.min(...wall))} median ${ms(median(wall))} max ${ms(Math.max(...wall))}` +
      `  cpu median ${ms(median(xs.map((x) => x.cpu)))}`
    );
  };
  console.log(
    `${PAGES} pages + ${FEEDS} feeds, ${ROUNDS} rounds, output in ${tmpdir()}, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(line('previous writer, replacing its previous output', old));
  console.log(line('openStaticOutput, cold (new folder)', cold));
  console.log(line('openStaticOutput, warm (one page edited)', warm));
  console.log(`  warm build: ${warmReport.written} written, ${warmReport.unchanged} unchanged`);
  const ratio = (a: Sample[], b: Sample[], key: keyof Sample) => (median(a.map((x) => x[key])) / median(b.map((x) => x[key]))).toFixed(2);
  console.log(`ratio cold / previous: wall ${ratio(cold, old, 'wall')}×, cpu ${ratio(cold, old, 'cpu')}×`);
  console.log(`ratio warm / previous: wall ${ratio(warm, old, 'wall')}×, cpu ${ratio(warm, old, 'cpu')}×`);
} finally {
  await rm(root, { recursive: true, force: true });
}

// --- internal ---

function makeDocuments(): RenderedDocument[] {
  const paragraph = (i: number) =>
    `<p>Le conseil municipal de la ville n° ${i} a voté jeudi une réforme du stationnement, « une première », ` +
    `selon l’adjointe chargée des mobilités, qui promet ${i % 97} places de plus d’ici à l’été.</p>`;
  const docs: RenderedDocument[] = [];
  for (let i = 0; i < PAGES; i += 1) {
    const body = `<!doctype html><html lang="fr"><title>Article ${i}</title><h1>Article ${i}</h1>${Array.from({ length: 20 }, (_, j) => paragraph(i * 31 + j)).join('')}</html>`;
    docs.push({ path: `/articles/article-${i}/`, contentType: 'text/html; charset=utf-8', body, lastModified: updated });
  }
  for (let f = 0; f < FEEDS; f += 1) {
    const items = Array.from(
      { length: 50 },
      (_, i) =>
        `<item><title>Article ${f * 50 + i}</title><description><![CDATA[${Array.from({ length: 12 }, (_, j) => paragraph(f * 1000 + i * 12 + j)).join('')}]]></description></item>`,
    );
    const file = ['feed.xml', 'atom.xml', 'feed.json', 'index.xml'][f % 4]!;
    docs.push({
      path: `/categories/c-${Math.floor(f / 4)}/${file}`,
      contentType: 'application/rss+xml; charset=utf-8',
      body: `<rss><channel>${items.join('')}</channel></rss>`,
      lastModified: updated,
    });
  }
  return docs;
}

/** The writer as it was before openStaticOutput: a whole snapshot (three encodings each), then one file at a time. */
async function writePreviousWay(docs: readonly RenderedDocument[], out: string): Promise<void> {
  const snapshot = createSnapshot(docs, { articleCount: docs.length, updated });
  const temp = `${out}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  for (const entry of snapshot.entries.values()) {
    const file = toFilePath(entry.path);
    const target = path.join(temp, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, entry.identity);
    if (/\.(xml|json)$/.test(file)) {
      await writeFile(`${target}.gz`, entry.gzip);
      await writeFile(`${target}.br`, entry.br);
    }
  }
  await rm(out, { recursive: true, force: true });
  await rename(temp, out);
}

async function writeNewWay(docs: readonly RenderedDocument[], out: string): Promise<{ written: number; unchanged: number }> {
  const output = await openStaticOutput(out);
  for (const d of docs) {
    const doc: OutputDocument = { path: d.path, body: d.body, lastModified: d.lastModified, compress: /\.(xml|json)$/.test(d.path) };
    await output.write(doc);
  }
  return output.commit();
}

interface Sample {
  /** Elapsed time, ms. */
  readonly wall: number;
  /** CPU time of the process (main thread and thread pool), ms: less sensitive to other work on the machine. */
  readonly cpu: number;
}

async function timed(run: () => Promise<unknown>): Promise<Sample> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await run();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
}

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function ms(value: number): string {
  return `${Math.round(value)} ms`.padStart(8);
}
