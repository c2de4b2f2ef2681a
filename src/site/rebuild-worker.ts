// site: the worker thread of a live site — builds on request from the serving thread, replies with what changed.
import { parentPort } from 'node:worker_threads';
import { createRebuildEngine, type BuildReply, type BuildRequest, type ChangedDocument, type PageReply, type PageRequest } from './rebuild-engine.ts';

/** A message from the serving thread: a build, or one lazy page of the last build. */
export type WorkerRequest = { readonly id: number } & ({ readonly build: BuildRequest } | { readonly page: PageRequest });

/**
 * A changed document as posted: a promise cannot cross threads, so a build's says `encodingsFollow` (a later message
 * brings them) and a lazy page's (a sitemap) comes with them, made before the reply as a reader waits for it anyway.
 */
export type PostedDocument = Omit<ChangedDocument, 'encodings'> & { readonly encodingsFollow?: true; readonly gzip?: Uint8Array; readonly br?: Uint8Array };

/** The compressed bodies of a build's feeds, posted after its reply (same id), once libuv's pool has made them. */
export interface PostedEncodings {
  readonly id: number;
  readonly encoded: readonly { readonly path: string; readonly gzip: Uint8Array; readonly br: Uint8Array }[];
}

/** The worker's answer to one request (same id); a build's reply may be followed by its {@link PostedEncodings}. */
export type WorkerReply =
  | { readonly id: number; readonly reply: Omit<BuildReply, 'changed'> & { readonly changed: readonly PostedDocument[] } }
  | { readonly id: number; readonly page: Omit<PageReply, 'doc'> & { readonly doc: PostedDocument | undefined } }
  | { readonly id: number; readonly error: string };

if (parentPort) {
  const port = parentPort;
  const engine = createRebuildEngine();
  const fail = (id: number) => (error: unknown) => port.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  // Builds arrive one at a time (the live site serialises them); pages between them. Each gets exactly one reply.
  port.on('message', (message: WorkerRequest) => {
    if ('page' in message) {
      engine.renderPage(message.page).then(async ({ built, doc }) => {
        const { encodings, ...rest } = doc ?? {};
        const posted: PostedDocument | undefined = doc && { ...(rest as PostedDocument), ...(await encodings) };
        port.postMessage({ id: message.id, page: { built, doc: posted } }, posted ? transferable([posted]) : []);
      }, fail(message.id));
      return;
    }
    engine.build(message.build).then((reply) => {
      const changed = reply.changed.map(({ encodings, ...doc }): PostedDocument => (encodings ? { ...doc, encodingsFollow: true } : doc));
      // The bodies' memory moves to the serving thread instead of being copied.
      port.postMessage({ id: message.id, reply: { ...reply, changed } }, transferable(changed));
      // Then the feeds' .gz/.br, all in one message, once every one is made (a failed one is made on use there).
      const encoded = reply.changed.map(async ({ path, encodings }) => {
        const made = await encodings;
        return made ? [{ path, gzip: made.gzip, br: made.br }] : [];
      });
      if (changed.some((doc) => doc.encodingsFollow)) {
        void Promise.all(encoded).then((lists) => {
          const posted: PostedEncodings = { id: message.id, encoded: lists.flat() };
          port.postMessage(posted, transferable(posted.encoded));
        });
      }
    }, fail(message.id));
  });
}

/** The buffers of these documents that may be moved to the serving thread rather than copied. */
function transferable(documents: readonly { identity?: Uint8Array; gzip?: Uint8Array; br?: Uint8Array }[]): ArrayBuffer[] {
  const transfer = new Set<ArrayBuffer>();
  for (const d of documents) for (const b of [d.identity, d.gzip, d.br]) if (b && isOwnBuffer(b)) transfer.add(b.buffer as ArrayBuffer);
  return [...transfer];
}

/** Only a view that spans its whole ArrayBuffer may be transferred: a slice of Node's shared pool may not. */
function isOwnBuffer(view: Uint8Array): boolean {
  return view.byteOffset === 0 && view.byteLength === view.buffer.byteLength && view.buffer instanceof ArrayBuffer;
}
