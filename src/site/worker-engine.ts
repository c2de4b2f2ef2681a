// site: a RebuildEngine that runs in a worker thread, with a time and a memory budget per build.
import { countFiles } from '../_lib/count-files.ts';
import { startWorkerModule } from '../_lib/source-worker.ts';
import type { Worker } from 'node:worker_threads';
import type { BuildReply, BuildRequest, ChangedDocument, CompressedBodies, PageReply, PageRequest, RebuildEngine } from './rebuild-engine.ts';
import type { PostedDocument, PostedEncodings, WorkerReply } from './rebuild-worker.ts';

/** Options of {@link createWorkerEngine}. */
export interface WorkerEngineOptions {
  /** A build still running after this long is abandoned: the worker is stopped and the next build starts a new one. */
  readonly timeoutMs: number;
  /**
   * Heap budget of the worker (MB), or how to work it out when a worker starts (from the data: see workerHeapMb). A
   * build that exceeds it fails instead of taking the server down, and the next worker gets twice the budget.
   */
  readonly memoryMb: number | (() => number);
}

/**
 * The worker heap a live site's builds need, from the data rather than a 2 GB guess: 256 MB plus 16 KB per file below
 * `itemsDir` (counted when a worker starts; measured in docs/performance.md). A missing folder counts none.
 */
export function workerHeapMb(itemsDir: string): number {
  // Unreadable now: 0 files, the floor (the build says why).
  return 256 + Math.ceil((countFiles(itemsDir) * 16) / 1024);
}

/**
 * Builds in a worker thread started on first use. A worker that dies (budget exceeded, crash) rejects the build in
 * flight; the next build starts a fresh worker, whose first reply is a full one.
 */
export function createWorkerEngine(options: WorkerEngineOptions): RebuildEngine & { close(): Promise<void> } {
  if (!(options.timeoutMs > 0)) throw new RangeError('timeoutMs must be positive');
  if (typeof options.memoryMb === 'number' && !(options.memoryMb > 0)) throw new RangeError('memoryMb must be positive');
  let worker: Worker | undefined;
  let nextId = 1;
  // Each request and build id with the worker it went to: a stopped worker fails only its own, not those of the fresh
  // worker that may have started already (an abandoned worker's exit comes after the next request).
  const pending = new Map<number, { owner: Worker; resolve: (reply: Answer) => void; reject: (error: Error) => void }>();
  // Per build id, the feeds whose .gz/.br are still to come from the worker, by path.
  const awaited = new Map<number, { owner: Worker; byPath: Map<string, (made: CompressedBodies | undefined) => void> }>();
  let grow = 1; // doubled after each worker that ran out of heap

  /** Fails what `owner` was asked (everything without one). */
  const failAll = (error: Error, owner?: Worker): void => {
    for (const [id, { owner: to, reject }] of pending) {
      if (owner !== undefined && to !== owner) continue;
      pending.delete(id);
      reject(error);
    }
    // Encodings that will never come: their entries compress on use instead.
    for (const [id, { owner: from, byPath }] of awaited) {
      if (owner !== undefined && from !== owner) continue;
      awaited.delete(id);
      for (const settle of byPath.values()) settle(undefined);
    }
  };

  const start = (): Worker => {
    const budget = (typeof options.memoryMb === 'number' ? options.memoryMb : options.memoryMb()) * grow;
    const resourceLimits = { maxOldGenerationSizeMb: budget };
    const started = startWorkerModule('rebuild-worker', import.meta.url, { resourceLimits });
    started.unref();
    started.on('message', (message: WorkerReply | PostedEncodings) => {
      if ('encoded' in message) return settleEncodings(message);
      const waiter = pending.get(message.id);
      if (!waiter) return;
      // Registered now, before the encodings' message (posted after this one) can be handled.
      const answer: Answer =
        'reply' in message
          ? { id: message.id, reply: { ...message.reply, changed: withEncodings(started, message.id, message.reply.changed) } }
          : 'page' in message
            ? { id: message.id, page: { built: message.page.built, doc: message.page.doc && madeDocument(message.page.doc) } }
            : message;
      pending.delete(message.id);
      if (pending.size === 0) started.unref();
      if ('error' in message) waiter.reject(new Error(`the rebuild failed (a bug in Gazette): ${message.error}`));
      else waiter.resolve(answer);
    });
    started.on('error', (error: Error & { code?: string }) => {
      if (worker === started) worker = undefined;
      if (error.code !== 'ERR_WORKER_OUT_OF_MEMORY') return failAll(new Error(`the rebuild worker stopped: ${error.message}`), started);
      grow *= 2;
      failAll(new Error(`the rebuild worker ran out of its ${budget} MB heap; the next build starts one with ${budget * 2} MB`), started);
    });
    started.on('exit', (code) => {
      if (worker === started) worker = undefined;
      failAll(new Error(`the rebuild worker exited (code ${code})`), started);
    });
    return started;
  };

  /** Posts one message to the worker (started if needed); resolves with its reply. */
  const ask = (message: { build: BuildRequest } | { page: PageRequest }, timeoutMs: number | undefined): Promise<Answer> => {
    worker ??= start();
    const current = worker;
    const id = nextId++;
    current.ref(); // a request in flight keeps the process alive; an idle worker does not
    return new Promise<Answer>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      if (timeoutMs !== undefined) {
        timer = setTimeout(() => {
          if (!pending.has(id)) return;
          pending.delete(id);
          reject(new Error(`the rebuild took longer than ${Math.round(timeoutMs / 1000)} s and was abandoned`));
          if (worker === current) worker = undefined;
          void current.terminate();
        }, timeoutMs);
        timer.unref();
      }
      pending.set(id, {
        owner: current,
        resolve: (reply) => {
          clearTimeout(timer);
          resolve(reply);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      current.postMessage({ id, ...message });
    });
  };

  const settleEncodings = ({ id, encoded }: PostedEncodings): void => {
    const byPath = awaited.get(id)?.byPath;
    awaited.delete(id);
    for (const { path, gzip, br } of encoded) byPath?.get(path)?.({ gzip, br });
    for (const settle of byPath?.values() ?? []) settle(undefined); // a feed it could not compress: made on use
  };

  /** The posted documents as the engine's: each feed's encodings a promise its later message settles. */
  const withEncodings = (owner: Worker, id: number, posted: Extract<WorkerReply, { reply: unknown }>['reply']['changed']): ChangedDocument[] => {
    const byPath = new Map<string, (made: CompressedBodies | undefined) => void>();
    const changed = posted.map(({ encodingsFollow, ...doc }) => {
      if (!encodingsFollow) return doc;
      return { ...doc, encodings: new Promise<CompressedBodies | undefined>((resolve) => byPath.set(doc.path, resolve)) };
    });
    if (byPath.size > 0) awaited.set(id, { owner, byPath });
    return changed;
  };

  return {
    async build(request: BuildRequest): Promise<BuildReply> {
      const reply = await ask({ build: request }, options.timeoutMs);
      if (!('reply' in reply)) throw new Error('the rebuild worker answered a build with something else');
      return reply.reply;
    },
    // A page waits behind a build in flight (one thread); it has no budget of its own: a worker that dies fails it.
    async renderPage(request: PageRequest): Promise<PageReply> {
      const reply = await ask({ page: request }, undefined);
      if (!('page' in reply)) throw new Error('the rebuild worker answered a page with something else');
      return reply.page;
    },
    async close() {
      const current = worker;
      worker = undefined;
      if (current) await current.terminate();
      failAll(new Error('the live site was closed'));
    },
  };
}

// --- internal ---

/** A worker's reply as the engine's callers see it: a build's feeds with their encodings to come as promises. */
type Answer = Extract<WorkerReply, { error: string }> | { readonly id: number; readonly reply: BuildReply } | { readonly id: number; readonly page: PageReply };

/** A posted page with its encodings made (a sitemap) as the engine's document, or without (an HTML page). */
function madeDocument({ gzip, br, encodingsFollow: _, ...doc }: PostedDocument): ChangedDocument {
  return gzip && br ? { ...doc, encodings: Promise.resolve({ gzip, br }) } : doc;
}
