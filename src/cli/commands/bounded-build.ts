// cli: `gazette build` bounds its own memory, so that no user has to pass a V8 flag for a large archive.
//
// V8 sizes its heap lazily: after each full collection it lets the heap grow to a multiple of what survived, up to
// the limit Node derives from the machine's memory (≈ 4 GB here). A streaming build keeps a few KB per record for
// the whole build, so a 100,000-record build peaked at 2.2 GB of RSS for ≈ 500 MB of live data. Run in a worker
// thread whose old generation is capped at what the archive needs (`resourceLimits`), the same build collects
// sooner and stays under its cap; a build that truly needs more fails with one line that says how to give it more
// (the worker's out-of-memory error), never with V8's crash dump. A heap flag the user set (`--max-old-space-size`
// in the command line or NODE_OPTIONS) is theirs: the build then runs in the process as before.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { countFiles } from '../../_lib/count-files.ts';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { ResolvedConfig } from '../../config/config-schema.ts';
import { GazetteError } from '../../diagnostics.ts';
import { OutputError } from '../../publish/output-error.ts';
import { lockFileOf } from '../../publish/output-lock.ts';
import type { StaticBuildOptions, StaticBuildResult } from '../../site/static-build.ts';
import type { BuildWorkerData, BuildWorkerMessage } from './build-worker.ts';

/**
 * The heap a build gets: a fixed part (the code, the feed documents held until written: 39 feeds of 50 full items
 * are ≈ 30 MB) and a part per record file, above what a build measured it holds (docs/performance.md: ≈ 4.5 KB per
 * record with pages, 2.5 KB feeds only, at 20,000 records) so that V8 still has room to collect without thrashing.
 */
export const HEAP_BASE_MB = 128;
export const HEAP_PER_RECORD_KB = { pages: 6, feeds: 4 } as const;
/** No build gets less. */
export const HEAP_MIN_MB = 192;
/**
 * Below this many record files a build runs in the process: what it holds stays far below any heap V8 would grow
 * to, and a worker would load the pipeline a second time (≈ 0.5 s of CPU).
 */
export const BOUND_FROM_FILES = 5_000;

/** Whether the user chose the heap: `--max-old-space-size` (or its `_` spelling) in node's arguments or NODE_OPTIONS. */
export function heapFlagSet(execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  return [...execArgv, ...(nodeOptions ?? '').split(/\s+/)].some((arg) => /^--max[-_]old[-_]space[-_]size(=|$)/.test(arg));
}

/** The heap (MB) for `records` record files, or undefined when Node's own limit is no larger (nothing to bound). */
export function chooseHeapMb(records: number, pages: boolean, defaultLimitMb: number): number | undefined {
  const perRecordKb = pages ? HEAP_PER_RECORD_KB.pages : HEAP_PER_RECORD_KB.feeds;
  const heapMb = Math.max(HEAP_MIN_MB, HEAP_BASE_MB + Math.ceil((records * perRecordKb) / 1024));
  return heapMb < defaultLimitMb ? heapMb : undefined;
}

/**
 * `buildStaticSite`, in a worker thread with a heap bounded by the archive's size unless the user set one. Only the
 * compiled CLI does so (the TypeScript sources, in tests, build in the process: a worker would load them again).
 */
export async function buildBounded(config: ResolvedConfig, options: StaticBuildOptions): Promise<StaticBuildResult> {
  // The worker's module beside this one; absent from a bundle that does not ship it: then in the process, as before.
  const workerFile = fileURLToPath(new URL('./build-worker.js', import.meta.url));
  const compiled = import.meta.url.endsWith('.js') && existsSync(workerFile);
  // Imported only when the build runs here: the worker loads its own copy of the pipeline.
  const inProcess = async () => (await import('../../site/static-build.ts')).buildStaticSite(config, options);
  if (!compiled || heapFlagSet(process.execArgv, process.env.NODE_OPTIONS)) return inProcess();
  const records = countFiles(options.itemsDir ?? config.itemsDir);
  const heapMb = chooseHeapMb(records, options.pages ?? config.pages, getHeapStatistics().heap_size_limit / 1024 / 1024);
  if (records < BOUND_FROM_FILES || heapMb === undefined) return inProcess();
  // A clock other than the real one is SOURCE_DATE_EPOCH's fixed instant (_lib/build-clock.ts): the worker gets its value.
  const fixedNow = options.now === undefined || options.now === Date.now ? undefined : options.now();
  return buildInWorker(config, options, fixedNow, { mb: heapMb, records }, workerFile);
}

/** Runs the build in a worker whose old generation may not exceed `heap.mb`, chosen for `heap.records` record files. */
export function buildInWorker(
  config: ResolvedConfig,
  options: StaticBuildOptions,
  fixedNow: number | undefined,
  heap: { readonly mb: number; readonly records: number },
  file: string,
): Promise<StaticBuildResult> {
  const { now: _now, onWait, onProgress, ...rest } = options;
  const workerData: BuildWorkerData = { gazetteBuild: true, config, options: rest, fixedNow };
  const worker = new Worker(file, { workerData, resourceLimits: { maxOldGenerationSizeMb: heap.mb } });
  return new Promise<StaticBuildResult>((resolve, reject) => {
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      action();
      void worker.terminate();
    };
    worker.on('message', (message: BuildWorkerMessage) => {
      if ('progress' in message) onProgress?.(...message.progress);
      else if ('waiting' in message) onWait?.(message.waiting);
      else if ('result' in message) settle(() => resolve(message.result));
      else if ('outputError' in message) settle(() => reject(outputErrorOf(message.outputError)));
      else settle(() => reject(new Error(`the build failed (a bug in Gazette):\n${message.bug}`)));
    });
    worker.on('error', (error: Error & { code?: string }) =>
      settle(() => {
        // A stopped worker ran no `finally`: its lock and temporary tree are this process's to remove.
        leftovers(path.resolve(options.outDir ?? config.outDir));
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new GazetteError(
                `the build ran out of memory: its heap of ${heap.mb} MB (chosen for ${countLabel(heap.records, options.pages ?? config.pages)}) is too small for this site; ` +
                  `give it more with NODE_OPTIONS=--max-old-space-size=${heap.mb * 2}`,
              )
            : error,
        );
      }),
    );
    worker.on('exit', (code) => settle(() => reject(new Error(`the build worker exited (code ${code}) without a result`))));
  });
}

// --- internal ---

/** Removes what a stopped build of this process left beside `out`: its lock (`<out>.lock`) and `<out>.tmp-<pid>-…`. */
function leftovers(out: string): void {
  const lock = lockFileOf(out);
  if (readIfExists(lock) === `${process.pid}\n`) rmSync(lock, { force: true });
  const prefix = `${path.basename(out)}.tmp-${process.pid}-`;
  let names: string[] = [];
  try {
    names = readdirSync(path.dirname(out)).filter((name) => name.startsWith(prefix));
  } catch {
    // no parent folder: nothing was written
  }
  for (const name of names) rmSync(path.join(path.dirname(out), name), { recursive: true, force: true });
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function outputErrorOf(error: { readonly message: string; readonly path: string; readonly code: string | undefined }): OutputError {
  return new OutputError(error.message, error.path, error.code);
}

function countLabel(records: number, pages: boolean): string {
  return `${records} record file${records === 1 ? '' : 's'}${pages ? ' with pages' : ', feeds only'}`;
}
