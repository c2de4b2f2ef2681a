// site: a pool of page workers for `gazette build` (issue 20, step 9; the `pageWorkers` build setting) — article
// pages made from their records on other threads, batched, each page's text returned to the main thread, which
// writes it (so the output and its manifest are the writer's as without the pool). Off by default: on this project's
// 2-core machine it does not pay (docs/performance.md, "A page-rendering pool").
import { startWorkerModule } from '../_lib/source-worker.ts';
import type { Article } from '../article/article.ts';
import type { ResolvedConfig } from '../config/config-schema.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { FeedSet } from '../feed-set/feed-set.ts';
import type { RecordFile } from '../records/read-items.ts';
import { navigationCategories } from '../render/html-layout.ts';

/** One article page to make: the light article the build published and its record file. */
export interface PageJob {
  readonly article: Article;
  readonly file: RecordFile;
}

/** A page's text; `changed`: the record no longer reads as the build read it; `error`: rendering threw; `lost`: its worker stopped (render it here). */
export type PageResult = { readonly body: string } | { readonly changed: true } | { readonly error: string } | { readonly lost: string };

export interface PagePool {
  render(job: PageJob): Promise<PageResult>;
  close(): Promise<void>;
}

/** Jobs per message: a message costs ≈ 0.1 ms each way; a batch of pages ≈ 5–10 ms of work. */
const BATCH = 16;
/** Batches a worker holds at once: one in work, one waiting, so it never idles between replies. */
const IN_FLIGHT = 2;

/**
 * What the writer does with a worker's result: write its text, report the record (a `record-changed` diagnostic as
 * record-cache.ts readBody words it, or `page-failed` with the worker's error), or — `lost` — render it itself.
 */
export function pageOutcome(job: PageJob, result: PageResult): { readonly body: string } | { readonly diagnostic: Diagnostic } | undefined {
  if ('body' in result) return { body: result.body };
  if ('lost' in result) return undefined;
  const file = job.article.file;
  const [code, message] =
    'changed' in result
      ? (['record-changed', 'changed since the build read it: its page was not written; build again'] as const)
      : (['page-failed', `its page could not be rendered: ${result.error}`] as const);
  return { diagnostic: { severity: 'error', file, code, source: 'record', message } };
}

/**
 * What the frame of an article page reads of the feed set, and nothing more (each worker gets a copy): the main
 * feed without its articles (the autodiscovery links and the footer) and the categories the navigation shows.
 */
export function pageFrameSet(feedSet: FeedSet, config: ResolvedConfig): FeedSet {
  const nav = navigationCategories(feedSet, config);
  return { main: { ...feedSet.main, articles: [] }, categories: nav.map((f) => ({ ...f, articles: [] })), authors: [], articles: [] };
}

export function createPagePool(config: ResolvedConfig, frame: FeedSet, count: number): PagePool {
  type Waiting = { readonly job: PageJob; readonly resolve: (result: PageResult) => void };
  const queue: Waiting[] = [];
  let nextId = 0;
  const workers = Array.from({ length: count }, () => {
    const worker = startWorkerModule('page-worker', import.meta.url, { workerData: { config, frame } });
    const batches = new Map<number, Waiting[]>();
    let stopped: string | undefined;
    const entry = { worker, batches, isStopped: () => stopped !== undefined };
    worker.on('message', ({ id, results }: { id: number; results: PageResult[] }) => {
      const batch = batches.get(id);
      batches.delete(id);
      for (const [index, waiting] of (batch ?? []).entries()) waiting.resolve(results[index] ?? { lost: 'no reply' });
      pump();
    });
    const stop = (why: string) => {
      if (stopped !== undefined) return;
      stopped = why;
      // Its pages are made on the main thread instead: a dead worker loses none.
      for (const batch of batches.values()) for (const waiting of batch) waiting.resolve({ lost: why });
      batches.clear();
      pump();
    };
    worker.on('error', (error) => stop(`the page worker failed: ${error.message}`));
    worker.on('exit', (code) => stop(`the page worker exited (code ${code})`));
    return entry;
  });
  const live = () => workers.filter((w) => !w.isStopped());

  const pump = () => {
    if (live().length === 0) {
      for (const waiting of queue.splice(0)) waiting.resolve({ lost: 'no page worker is running' });
      return;
    }
    for (const w of live()) {
      // Full batches while it has room; a short one only to a worker with nothing to do.
      while (queue.length >= (w.batches.size === 0 ? 1 : BATCH) && w.batches.size < IN_FLIGHT) {
        const batch = queue.splice(0, BATCH);
        const id = nextId++;
        try {
          w.worker.postMessage({ id, jobs: batch.map((b) => b.job) });
          w.batches.set(id, batch);
        } catch (error) {
          // A job that cannot be cloned (not plain data): rendered by the writer, as a stopped worker's are.
          for (const waiting of batch) waiting.resolve({ lost: error instanceof Error ? error.message : String(error) });
        }
      }
    }
  };

  return {
    render(job) {
      return new Promise((resolve) => {
        queue.push({ job, resolve });
        // Once the caller's synchronous run of jobs is queued: batches are then full where they can be.
        queueMicrotask(pump);
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}
