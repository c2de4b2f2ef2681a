import { describe, expect, it } from 'vitest';
import { createWorkerEngine } from '../../src/site/worker-engine.ts';
import { makeConfig } from '../helpers/factories.ts';
import { FIXTURE_ITEMS } from '../http/_lib/site-server.ts';

const request = { mountPath: '', config: makeConfig(), itemsDir: FIXTURE_ITEMS, displayDir: 'items', ledger: 'off' as const };

describe('createWorkerEngine', () => {
  it('builds in a worker thread and replies with every document of a first build', async () => {
    const engine = createWorkerEngine({ timeoutMs: 60_000, memoryMb: 512 });
    try {
      const reply = await engine.build(request);
      expect([reply.ok, reply.full, reply.changed.some((d) => d.path === '/feed.xml')]).toEqual([true, true, true]);
    } finally {
      await engine.close();
    }
  });

  it('abandons a build over its time budget, and the next build starts a fresh worker', async () => {
    const engine = createWorkerEngine({ timeoutMs: 1, memoryMb: 512 });
    try {
      await expect(engine.build(request)).rejects.toThrow(/longer than .* abandoned/);
    } finally {
      await engine.close();
    }
    const patient = createWorkerEngine({ timeoutMs: 60_000, memoryMb: 512 });
    try {
      expect((await patient.build(request)).ok).toBe(true);
    } finally {
      await patient.close();
    }
  });

  it('renders a lazy page of its last build, and says when it has no build (a fresh worker after a dead one)', async () => {
    const engine = createWorkerEngine({ timeoutMs: 60_000, memoryMb: 512 });
    const page = { mountPath: '', path: '/articles/rentree-universitaire-loyers/' };
    try {
      const before = await engine.renderPage(page);
      const reply = await engine.build({ ...request, lazyPages: true });
      const after = await engine.renderPage(page);
      const missing = await engine.renderPage({ mountPath: '', path: '/articles/nulle-part/' });
      expect([before.built, before.doc]).toEqual([false, undefined]);
      expect(reply.pages.map((p) => p.path)).toContain(page.path);
      expect([after.built, after.doc?.path, after.doc?.contentType]).toEqual([true, page.path, 'text/html; charset=utf-8']);
      expect(Buffer.from(after.doc?.identity ?? []).toString('utf8')).toContain('<div class="body">');
      expect([missing.built, missing.doc]).toEqual([true, undefined]);
    } finally {
      await engine.close();
    }
  });

  it('rejects misuse when created', () => {
    expect(() => createWorkerEngine({ timeoutMs: 0, memoryMb: 512 })).toThrow(RangeError);
    expect(() => createWorkerEngine({ timeoutMs: 1000, memoryMb: -1 })).toThrow(RangeError);
  });
});
