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

  it('rejects misuse when created', () => {
    expect(() => createWorkerEngine({ timeoutMs: 0, memoryMb: 512 })).toThrow(RangeError);
    expect(() => createWorkerEngine({ timeoutMs: 1000, memoryMb: -1 })).toThrow(RangeError);
  });
});
