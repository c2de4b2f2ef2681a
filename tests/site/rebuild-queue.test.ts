// The build order of a live site: one build at a time, in call order, and requests made meanwhile coalesced into one
// more build that takes every file they named. Builds are held open by hand: nothing here waits on the clock.
import { describe, expect, it } from 'vitest';
import { createRebuildQueue, mergeChanges } from '../../src/site/rebuild-queue.ts';
import type { ItemsChange } from '../../src/site/watch.ts';

/** A promise resolved from outside. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const files = (...names: string[]): ItemsChange => ({ files: new Set(names) });
const shown = (change: ItemsChange) => (change === 'all' ? 'all' : [...change.files].sort());

/** A queue whose builds record what they took and wait for `release` before they end. */
function heldQueue() {
  const taken: ItemsChange[] = [];
  const gates: ReturnType<typeof deferred>[] = [];
  const started: ReturnType<typeof deferred>[] = [deferred(), deferred(), deferred()];
  const queue = createRebuildQueue(async (change) => {
    const gate = deferred();
    gates.push(gate);
    started[taken.length]?.resolve();
    taken.push(change);
    await gate.promise;
  });
  return { queue, taken, started: (n: number) => started[n]!.promise, release: (n: number) => gates[n]!.resolve() };
}

describe('mergeChanges', () => {
  it.each<[label: string, a: ItemsChange | undefined, b: ItemsChange, merged: string | string[]]>([
    ['nothing before', undefined, files('a.md'), ['a.md']],
    ['two sets of files', files('a.md'), files('b.md', 'a.md'), ['a.md', 'b.md']],
    ['a walk before', 'all', files('a.md'), 'all'],
    ['a walk after', files('a.md'), 'all', 'all'],
  ])('%s gives %j', (_label, a, b, merged) => {
    expect(shown(mergeChanges(a, b))).toEqual(merged);
  });
});

describe('createRebuildQueue', () => {
  it('runs tasks one at a time, in call order', async () => {
    const queue = createRebuildQueue(async () => {});
    const events: string[] = [];
    const first = deferred();
    const a = queue.exclusive(async () => {
      events.push('a starts');
      await first.promise;
      events.push('a ends');
    });
    const b = queue.exclusive(async () => void events.push('b runs'));
    await Promise.resolve();
    first.resolve();
    await Promise.all([a, b]);
    expect(events).toEqual(['a starts', 'a ends', 'b runs']);
  });

  it('runs the next task after one that failed, and hands the failure to its caller only', async () => {
    const queue = createRebuildQueue(async () => {});
    const failed = queue.exclusive(() => Promise.reject(new Error('boom')));
    const next = queue.exclusive(async () => 'ran');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ran');
    await expect(queue.settled()).resolves.toBeUndefined();
  });

  it.each<[label: string, during: ItemsChange[], second: string | string[] | undefined]>([
    ['no request during the build: no second build', [], undefined],
    ['one request', [files('a.md')], ['a.md']],
    ['a burst of requests, their files merged', [files('a.md'), files('b.md'), files('a.md', 'c.md')], ['a.md', 'b.md', 'c.md']],
    ['a walk among them', [files('a.md'), 'all', files('b.md')], 'all'],
  ])('coalesces what is asked during a build into one more: %s', async (_label, during, second) => {
    const { queue, taken, started, release } = heldQueue();
    const first = queue.request(files('x.md'));
    await started(0);
    const later = during.map((change) => queue.request(change));
    // Every request made during the build is the same one pending build.
    expect(new Set(later).size).toBeLessThanOrEqual(1);
    release(0);
    await first;
    if (later.length > 0) {
      await started(1);
      release(1);
      await later[0];
    }
    await queue.settled();
    expect(taken.map(shown)).toEqual(second === undefined ? [['x.md']] : [['x.md'], second]);
  });

  it('asks for a walk of the folder when no change is named', async () => {
    const { queue, taken, started, release } = heldQueue();
    const done = queue.request();
    await started(0);
    release(0);
    await done;
    expect(taken).toEqual(['all']);
  });
});
