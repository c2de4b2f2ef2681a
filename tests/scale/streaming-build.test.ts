// gazette build streams and bounds its own heap: a large archive builds with no V8 flag, within a memory bound.
//
// Smoke size of the 100,000-article goal (docs/performance.md: ≤ 1 GB full, ≤ 300 MB feeds only, at Node's default
// heap): 20,000 seeded records. Held at once, their rendered bodies alone would need more than the bound (the build
// that kept them peaked at 944 MB); a streaming build keeps metadata only, and the CLI caps the heap of the worker that
// builds (cli/commands/bounded-build.ts), so V8 collects instead of growing. Its peak memory is reported and bounded.
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
const PEAK_FULL_MB = 540;
const PEAK_FEEDS_MB = 360;

/**
 * The cases: what is built and the peak RSS it must stay under (MB), with no heap flag. The goal at 100,000 records is
 * 1 GB full and 300 MB feeds only; a build's fixed part (Node and the worker, 39 feeds of full items held until
 * written, the 64 MB of record bytes a full build keeps for its pages, the compression of 32 files at once) is ≈ 320 MB
 * full, so the full goal gives ≈ 460 MB at 20,000 (measured 439–465 MB over this stop's runs; 0.96 GiB at 100,000).
 * Feeds only, the goal would give ≈ 220 MB and is not met (284–315 MB at 20,000 over this stop's runs, 650 MB at
 * 100,000: docs/performance.md): the bound is what holds now. Each bound is ≈ 15 % over the highest peak seen here: room for the run-to-run
 * spread and another machine's threads, so that CI fails on a regression, not on noise.
 */
const CASES = [
  { name: 'the full site (feeds and one page per article)', args: [] as string[], peakMb: PEAK_FULL_MB, pages: true },
  { name: 'feeds only', args: ['--no-pages'], peakMb: PEAK_FEEDS_MB, pages: false },
];

let corpus: Corpus;
beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'lib/cli/main.js'))) throw new Error('lib/ is missing: run `npm run build` first (the test runs the compiled CLI)');
  corpus = await writeCorpus({ size: RECORDS, seed: 7 });
}, 300_000);
afterAll(async () => {
  if (corpus) await rm(corpus.root, { recursive: true, force: true });
});

describe.each(CASES)(`gazette build of ${RECORDS} records, $name`, ({ args, peakMb, pages }) => {
  const out = () => path.join(corpus.root, pages ? 'dist-full' : 'dist-feeds');
  let result: { code: number; stderr: string; peak: number };

  beforeAll(async () => {
    const peakFile = path.join(corpus.root, `peak-${pages}`);
    const run = promisify(execFile);
    // No heap flag, none inherited: the build bounds its own heap.
    const argv = ['--import', PRELOAD, BIN, 'build', ...args, '--config', corpus.configFile, '--out', out()];
    const env = { ...process.env, GAZETTE_PEAK_RSS_FILE: peakFile, NO_COLOR: '1', NODE_OPTIONS: withoutHeapFlag(process.env.NODE_OPTIONS) };
    const options = { cwd: corpus.root, env, maxBuffer: 64 * MB };
    const code = await run(process.execPath, argv, options).then(
      () => 0,
      (error: { code?: number; signal?: string }) => error.code ?? 128,
    );
    const stderr = code === 0 ? '' : 'see above';
    const peak = existsSync(peakFile) ? Number(await readFile(peakFile, 'utf8')) : Number.NaN;
    result = { code, stderr, peak };
  }, 600_000);

  it('completes with no heap flag', () => {
    expect(result.code).toBe(0);
  });

  it(`peaks under ${peakMb} MB of resident memory`, () => {
    console.log(`${RECORDS} records, ${pages ? 'full site' : 'feeds only'}: peak RSS ${(result.peak / MB).toFixed(0)} MB (bound ${peakMb} MB)`);
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

/** NODE_OPTIONS without a heap flag (a developer's own would hide what the build does by itself). */
function withoutHeapFlag(options: string | undefined): string {
  return (options ?? '')
    .split(/\s+/)
    .filter((option) => !/^--max[-_]old[-_]space[-_]size/.test(option))
    .join(' ');
}
