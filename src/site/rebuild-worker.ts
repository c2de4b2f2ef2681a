// site: the worker thread of a live site — builds on request from the serving thread, replies with what changed.
import { parentPort } from 'node:worker_threads';
import { createRebuildEngine, type BuildRequest } from './rebuild-engine.ts';

/** A message from the serving thread. */
export interface WorkerRequest {
  readonly id: number;
  readonly request: BuildRequest;
}

if (parentPort) {
  const port = parentPort;
  const engine = createRebuildEngine();
  // Requests arrive one at a time (the live site serialises builds); each gets exactly one reply.
  port.on('message', (message: WorkerRequest) => {
    engine.build(message.request).then(
      (reply) => {
        // The bodies' memory moves to the serving thread instead of being copied.
        const transfer = new Set<ArrayBuffer>();
        for (const d of reply.changed) for (const b of [d.identity, d.gzip, d.br]) if (b && isOwnBuffer(b)) transfer.add(b.buffer as ArrayBuffer);
        port.postMessage({ id: message.id, reply }, [...transfer]);
      },
      (error: unknown) => port.postMessage({ id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
  });
}

/** Only a view that spans its whole ArrayBuffer may be transferred: a slice of Node's shared pool may not. */
function isOwnBuffer(view: Uint8Array): boolean {
  return view.byteOffset === 0 && view.byteLength === view.buffer.byteLength && view.buffer instanceof ArrayBuffer;
}
