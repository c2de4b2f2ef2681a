// site: when a live site builds — one build at a time, in call order, and a burst of change requests coalesced into
// one more build that takes every file they named (live-site.ts).
import type { ItemsChange } from './watch.ts';

/** The build order of a live site. */
export interface RebuildQueue {
  /** Runs `task` after every task queued before it; a failed task does not stop the ones after it. */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
  /**
   * Asks for a build of `change` (default `'all'`, a walk of the folder). One build waits at most: requests made
   * before it starts join it, their files merged, and all of them resolve when it is done.
   */
  request(change?: ItemsChange): Promise<void>;
  /** Resolves once every task queued so far has settled. */
  settled(): Promise<void>;
}

/** Creates the queue; `build` runs each coalesced request with what it asks for. */
export function createRebuildQueue(build: (change: ItemsChange) => Promise<void>): RebuildQueue {
  let chain: Promise<unknown> = Promise.resolve();
  let pendingRebuild: Promise<void> | undefined;
  let pendingChange: ItemsChange | undefined;

  const exclusive = <T>(task: () => Promise<T>): Promise<T> => {
    const run = chain.then(task);
    chain = run.catch(() => {});
    return run;
  };

  return {
    exclusive,
    request(change = 'all') {
      pendingChange = mergeChanges(pendingChange, change);
      // One build in flight, at most one queued: a burst of edits costs two builds, not one per file.
      pendingRebuild ??= exclusive(async () => {
        pendingRebuild = undefined;
        const taken = pendingChange ?? 'all';
        pendingChange = undefined;
        await build(taken);
      });
      return pendingRebuild;
    },
    settled: () => chain.then(() => {}),
  };
}

/** Both sets of changed files, or `'all'` when either needs a walk. */
export function mergeChanges(a: ItemsChange | undefined, b: ItemsChange): ItemsChange {
  if (a === undefined) return b;
  if (a === 'all' || b === 'all') return 'all';
  return { files: new Set([...a.files, ...b.files]) };
}
