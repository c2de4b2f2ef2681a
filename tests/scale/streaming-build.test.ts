// gazette build streams: a large archive builds under a heap far too small to hold its bodies or its pages.
//
// Smoke size of the 100,000-article goal (docs/performance.md): 20,000 seeded records. Held at once, their rendered
// bodies alone need more than the heap given here (the build that kept them peaked at 944 MB and died under a 400 MB
// heap); a streaming build keeps metadata only, so it completes, and its peak memory is reported and bounded.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus, type Corpus } from '../../bench/corpus.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/gazette.js');
const PRELOAD = path.join(import.meta.dirname, '_lib/report-peak-memory.mjs');
const RECORDS = Number(process.env.GAZETTE_SCALE_RECORDS ?? 20_000);
const MB = 1024 * 1024;

/** The cases: what is built, the V8 heap it gets (MB), the peak RSS it must stay under (MB). */
const CASES = [
  { name: 'the full site (feeds and one page per article)', args: [] as string[], heapMb: 256, peakMb: 600, pages: true },
  { name: 'feeds only', args: ['--no-pages'], heapMb: 128, peakMb: 400, pages: false },
];

let corpus: Corpus;
beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'lib/cli/main.js'))) throw new Error('lib/ is missing: run `npm run build` first (the test runs the compiled CLI)');
  corpus = await writeCorpus({ size: RECORDS, seed: 7 });
}, 300_000);
afterAll(async () => {
  if (corpus) await rm(corpus.root, { recursive: true, force: true });
});

describe.each(CASES)(`gazette build of ${RECORDS} records, $name`, ({ args, heapMb, peakMb, pages }) => {
  const out = () => path.join(corpus.root, pages ? 'dist-full' : 'dist-feeds');
  let result: { code: number; stderr: string; peak: number };

  beforeAll(async () => {
    const peakFile = path.join(corpus.root, `peak-${pages}`);
    const run = promisify(execFile);
    const argv = [`--max-old-space-size=${heapMb}`, '--import', PRELOAD, BIN, 'build', ...args, '--config', corpus.configFile, '--out', out()];
    const options = { cwd: corpus.root, env: { ...process.env, GAZETTE_PEAK_RSS_FILE: peakFile, NO_COLOR: '1' }, maxBuffer: 64 * MB };
    const code = await run(process.execPath, argv, options).then(
      () => 0,
      (error: { code?: number; signal?: string }) => error.code ?? 128,
    );
    const stderr = code === 0 ? '' : 'see above';
    const peak = existsSync(peakFile) ? Number(await readFile(peakFile, 'utf8')) : Number.NaN;
    result = { code, stderr, peak };
  }, 600_000);

  it(`completes under a ${heapMb} MB heap`, () => {
    expect(result.code).toBe(0);
  });

  it(`peaks under ${peakMb} MB of resident memory`, () => {
    console.log(`${RECORDS} records, ${pages ? 'full site' : 'feeds only'}: peak RSS ${(result.peak / MB).toFixed(0)} MB (heap cap ${heapMb} MB)`);
    expect(result.peak).toBeLessThan(peakMb * MB);
  });

  it('writes every article page, or none when feeds only', async () => {
    const folders = await readdir(path.join(out(), 'articles')).catch(() => []);
    expect(folders.length).toBe(pages ? RECORDS : 0);
  });

  it('writes a main feed that a parser reads, newest article first', async () => {
    const feed = await new Parser().parseString(await readFile(path.join(out(), 'feed.xml'), 'utf8'));
    const newest = [...corpus.records].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))[0];
    expect(feed.items.length).toBe(50);
    expect(feed.items[0]?.title).toBe(newest?.title);
  });
});
