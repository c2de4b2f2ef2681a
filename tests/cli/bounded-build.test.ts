// gazette build bounds its own heap: the choice of the heap, and the build in a worker thread (the compiled worker
// module of lib/, as the bin runs it) — same output as in the process, one clear line when the heap is too small.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildInWorker, chooseHeapMb, heapFlagSet } from '../../src/cli/commands/bounded-build.ts';
import { GazetteError } from '../../src/diagnostics.ts';
import { isOutputError } from '../../src/publish/write-static.ts';
import { buildStaticSite } from '../../src/site/static-build.ts';
import { makeConfig } from '../helpers/factories.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { ROOT } from './_lib/run.ts';

const WORKER = path.join(ROOT, 'lib/cli/commands/build-worker.js');
const ITEMS = path.join(ROOT, 'tests/fixtures/items');
const config = makeConfig();

describe('heapFlagSet', () => {
  it.each([
    { execArgv: [], nodeOptions: undefined, set: false },
    { execArgv: ['--max-old-space-size=700'], nodeOptions: undefined, set: true },
    { execArgv: ['--max_old_space_size=700'], nodeOptions: undefined, set: true },
    { execArgv: [], nodeOptions: '--enable-source-maps --max-old-space-size=512', set: true },
    { execArgv: [], nodeOptions: '--max-old-space-size 512', set: true },
    { execArgv: ['--max-semi-space-size=64'], nodeOptions: '--enable-source-maps', set: false },
  ])('says $set for $execArgv and NODE_OPTIONS $nodeOptions', ({ execArgv, nodeOptions, set }) => {
    expect(heapFlagSet(execArgv, nodeOptions)).toBe(set);
  });
});

describe('chooseHeapMb', () => {
  it.each([
    { records: 100, pages: true, limit: 4144, heap: 192 },
    { records: 20_000, pages: true, limit: 4144, heap: 246 },
    { records: 20_000, pages: false, limit: 4144, heap: 207 },
    { records: 100_000, pages: true, limit: 4144, heap: 714 },
    { records: 100_000, pages: false, limit: 4144, heap: 519 },
    { records: 1_000_000, pages: true, limit: 4144, heap: undefined },
  ])('gives $heap MB for $records records (pages: $pages) under a default limit of $limit MB', ({ records, pages, limit, heap }) => {
    expect(chooseHeapMb(records, pages, limit)).toBe(heap);
  });
});

// The builds in workers run at once (describe.concurrent), each in its own folder: a worker thread's build leaves
// this thread waiting.
describe.concurrent('buildInWorker', () => {
  const ownDir = async (onTestFinished: (fn: () => Promise<void>) => void) => {
    const made = await makeTempDir('gazette-bounded-');
    onTestFinished(made.remove);
    return made.dir;
  };
  const options = (out: string) => ({
    itemsDir: ITEMS,
    outDir: out,
    ledger: 'off' as const,
    cacheDir: false as const,
    now: () => Date.parse('2024-12-01T00:00:00Z'),
  });

  it('writes the same files, with the same feed bytes, as the build in the process', async ({ expect, onTestFinished }) => {
    const dir = await ownDir(onTestFinished);
    const [inWorker, inProcess] = [path.join(dir, 'worker'), path.join(dir, 'process')];
    const progress: number[] = [];
    const [viaWorker, here] = await Promise.all([
      buildInWorker(
        config,
        { ...options(inWorker), onProgress: (done) => progress.push(done) },
        Date.parse('2024-12-01T00:00:00Z'),
        { mb: 256, records: 3 },
        WORKER,
      ),
      buildStaticSite(config, options(inProcess)),
    ]);
    expect(viaWorker.report?.files).toEqual(here.report?.files);
    expect(viaWorker.diagnostics).toEqual(here.diagnostics);
    expect(await readFile(path.join(inWorker, 'feed.xml'), 'utf8')).toBe(await readFile(path.join(inProcess, 'feed.xml'), 'utf8'));
    expect(progress.at(-1)).toBe(here.recordCount);
  });

  it('fails with one line that names the heap and how to give more, and leaves no lock or temporary folder', async ({ expect, onTestFinished }) => {
    const dir = await ownDir(onTestFinished);
    const out = path.join(dir, 'small');
    const failure = await buildInWorker(config, options(out), undefined, { mb: 8, records: 3 }, WORKER).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GazetteError);
    expect((failure as Error).message).toMatch(
      /^the build ran out of memory: its heap of 8 MB \(chosen for 3 record files with pages\) .* NODE_OPTIONS=--max-old-space-size=16$/,
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it('gives back the writer’s refusal as an OutputError, as the build in the process does', async ({ expect }) => {
    const failure = await buildInWorker(config, options(ITEMS), undefined, { mb: 256, records: 3 }, WORKER).catch((error: unknown) => error);
    expect(isOutputError(failure)).toBe(true);
    expect((failure as Error).message).toContain('items');
  });
});
