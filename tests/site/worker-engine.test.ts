import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createWorkerEngine, workerHeapMb } from '../../src/site/worker-engine.ts';
import { makeConfig } from '../helpers/factories.ts';
import { FIXTURE_ITEMS } from '../http/_lib/site-server.ts';

type WorkerEngine = ReturnType<typeof createWorkerEngine>;

const request = { mountPath: '', config: makeConfig(), itemsDir: FIXTURE_ITEMS, displayDir: 'items', ledger: 'off' as const };

// The tests run at once (describe.concurrent): those that start workers of their own wait on them together.
describe.concurrent('createWorkerEngine', () => {
  // One worker serves the tests that only read what it replied (a worker loads the sources again): asked for a page
  // before any build, then for a full first build, then for a lazy build.
  let shared: WorkerEngine;
  let pageBeforeBuild: Awaited<ReturnType<WorkerEngine['renderPage']>>;
  let firstReply: Awaited<ReturnType<WorkerEngine['build']>>;
  let lazyReply: Awaited<ReturnType<WorkerEngine['build']>>;
  const page = { mountPath: '', path: '/articles/rentree-universitaire-loyers/' };
  beforeAll(async () => {
    shared = createWorkerEngine({ timeoutMs: 60_000, memoryMb: 512 });
    pageBeforeBuild = await shared.renderPage(page);
    firstReply = await shared.build(request);
    lazyReply = await shared.build({ ...request, lazyPages: true });
  });
  afterAll(async () => {
    await shared?.close();
  });

  it('builds in a worker thread and replies with every document of a first build', ({ expect }) => {
    expect([firstReply.ok, firstReply.full, firstReply.changed.some((d) => d.path === '/feed.xml')]).toEqual([true, true, true]);
  });

  it('abandons a build over its time budget, and the next request starts a fresh worker, which has no build', async ({ expect }) => {
    const engine = createWorkerEngine({ timeoutMs: 1, memoryMb: 512 });
    try {
      await expect(engine.build(request)).rejects.toThrow(/longer than .* abandoned/);
      // A page has no budget: the worker that answers it is a new one (the abandoned one was stopped), with no build.
      expect(await engine.renderPage(page)).toEqual({ built: false, doc: undefined });
    } finally {
      await engine.close();
    }
  });

  it('renders a lazy page of its last build, and says when it has no build (a fresh worker after a dead one)', async ({ expect }) => {
    const after = await shared.renderPage(page);
    const missing = await shared.renderPage({ mountPath: '', path: '/articles/nulle-part/' });
    expect([pageBeforeBuild.built, pageBeforeBuild.doc]).toEqual([false, undefined]);
    expect(lazyReply.pages.map((p) => p.path)).toContain(page.path);
    expect([after.built, after.doc?.path, after.doc?.contentType]).toEqual([true, page.path, 'text/html; charset=utf-8']);
    expect(Buffer.from(after.doc?.identity ?? []).toString('utf8')).toContain('<div class="body">');
    expect([missing.built, missing.doc]).toEqual([true, undefined]);
  });

  it("sends each feed's gzip and brotli bodies after its reply, of exactly the identity bytes it sent", async ({ expect }) => {
    const feeds = firstReply.changed.filter((d) => d.encodings !== undefined);
    const made = await Promise.all(feeds.map((d) => d.encodings));
    const decoded = feeds.map((d, i) => [
      d.path,
      Buffer.from(gunzipSync(made[i]!.gzip)).equals(Buffer.from(d.identity)),
      Buffer.from(brotliDecompressSync(made[i]!.br)).equals(Buffer.from(d.identity)),
    ]);
    expect(feeds.map((d) => d.path)).toContain('/feed.xml');
    expect(decoded).toEqual(feeds.map((d) => [d.path, true, true]));
  });

  it('renders a lazy page that is compressed (the sitemap) with its gzip and brotli bodies, of its identity bytes', async ({ expect }) => {
    const { doc } = await shared.renderPage({ mountPath: '', path: '/sitemap.xml' });
    const made = await doc?.encodings;
    expect([
      doc?.path,
      Buffer.from(gunzipSync(made!.gzip)).equals(Buffer.from(doc!.identity)),
      Buffer.from(brotliDecompressSync(made!.br)).equals(Buffer.from(doc!.identity)),
    ]).toEqual(['/sitemap.xml', true, true]);
  });

  it('reports a worker that runs out of its heap in one line, and starts the next with twice the budget', async ({ expect }) => {
    const budgets: number[] = [];
    // 2 MB cannot hold a build: the worker is stopped by V8, not the process.
    const engine = createWorkerEngine({ timeoutMs: 60_000, memoryMb: () => (budgets.push(2), 2) });
    try {
      await expect(engine.build(request)).rejects.toThrow(/^the rebuild worker ran out of its 2 MB heap; the next build starts one with 4 MB$/);
      await expect(engine.build(request)).rejects.toThrow(/ran out of its 4 MB heap/);
      expect(budgets).toEqual([2, 2]);
    } finally {
      await engine.close();
    }
  });

  it.for([
    ['a missing folder', '/nonexistent/items', 256],
    ['the fixture items (3 files)', FIXTURE_ITEMS, 256 + 1],
  ] as const)('bounds the worker heap by the data: %s', ([, dir, expected], { expect }) => {
    expect(workerHeapMb(dir)).toBe(expected);
  });

  it('rejects misuse when created', ({ expect }) => {
    expect(() => createWorkerEngine({ timeoutMs: 0, memoryMb: 512 })).toThrow(RangeError);
    expect(() => createWorkerEngine({ timeoutMs: 1000, memoryMb: -1 })).toThrow(RangeError);
  });
});
