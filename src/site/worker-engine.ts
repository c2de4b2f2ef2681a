// site: a RebuildEngine that runs in a worker thread, with a time and a memory budget per build.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BuildReply, BuildRequest, PageReply, PageRequest, RebuildEngine } from './rebuild-engine.ts';
import type { WorkerReply } from './rebuild-worker.ts';

/** Options of {@link createWorkerEngine}. */
export interface WorkerEngineOptions {
  /** A build still running after this long is abandoned: the worker is stopped and the next build starts a new one. */
  readonly timeoutMs: number;
  /** Heap budget of the worker (MB); a build that exceeds it fails instead of taking the server down. */
  readonly memoryMb: number;
}

/**
 * Builds in a worker thread started on first use. A worker that dies (budget exceeded, crash) rejects the build in
 * flight; the next build starts a fresh worker, whose first reply is a full one.
 */
export function createWorkerEngine(options: WorkerEngineOptions): RebuildEngine & { close(): Promise<void> } {
  if (!(options.timeoutMs > 0)) throw new RangeError('timeoutMs must be positive');
  if (!(options.memoryMb > 0)) throw new RangeError('memoryMb must be positive');
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void }>();

  const failAll = (error: Error): void => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };

  const start = (): Worker => {
    const file = workerFile();
    const resourceLimits = { maxOldGenerationSizeMb: options.memoryMb };
    // Running from TypeScript sources (tests, `npm run gazette`): loader hooks are not inherited by workers, so the
    // worker registers tsx itself before importing its module. The compiled package runs the .js file directly.
    const started = file.pathname.endsWith('.ts')
      ? new Worker(
          `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(file.href)}); });`,
          { eval: true, resourceLimits },
        )
      : new Worker(file, { resourceLimits });
    started.unref();
    started.on('message', (message: WorkerReply) => {
      const waiter = pending.get(message.id);
      if (!waiter) return;
      pending.delete(message.id);
      if (pending.size === 0) started.unref();
      if ('error' in message) waiter.reject(new Error(`the rebuild failed (a bug in Gazette): ${message.error}`));
      else waiter.resolve(message);
    });
    started.on('error', (error) => {
      if (worker === started) worker = undefined;
      failAll(new Error(`the rebuild worker stopped: ${error.message}`));
    });
    started.on('exit', (code) => {
      if (worker === started) worker = undefined;
      failAll(new Error(`the rebuild worker exited (code ${code})`));
    });
    return started;
  };

  /** Posts one message to the worker (started if needed); resolves with its reply. */
  const ask = (message: { build: BuildRequest } | { page: PageRequest }, timeoutMs: number | undefined): Promise<WorkerReply> => {
    worker ??= start();
    const current = worker;
    const id = nextId++;
    current.ref(); // a request in flight keeps the process alive; an idle worker does not
    return new Promise<WorkerReply>((resolve, reject) => {
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

/** rebuild-worker.js beside this module (compiled package), or rebuild-worker.ts when running from sources. */
function workerFile(): URL {
  const self = fileURLToPath(import.meta.url);
  return new URL(`./rebuild-worker${path.extname(self)}`, import.meta.url);
}
