// publish: a bounded pool of file jobs — at most `limit` at once, a submitter waits for a free slot (backpressure),
// and after the first failure every later submission is refused with it.

/** Jobs running with a fixed bound; see {@link createWritePool}. */
export interface WritePool {
  /** Starts `job` once a slot is free and resolves then (not when the job ends); rejects with the first failure. */
  submit(job: () => Promise<void>): Promise<void>;
  /** Waits until every started job has ended (whether or not one failed). */
  drain(): Promise<void>;
  /** The first error a job threw, if any. */
  readonly failure: unknown;
}

/** Creates a pool running at most `limit` jobs at once. */
export function createWritePool(limit: number): WritePool {
  if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`concurrency must be a whole number ≥ 1, got ${limit}`);
  const running = new Set<Promise<void>>();
  const waiting: Array<() => void> = [];
  let active = 0;
  let failed = false;
  let failure: unknown;

  function release(): void {
    const next = waiting.shift();
    if (next)
      next(); // the slot passes straight to the next submitter
    else active -= 1;
  }

  return {
    async submit(job: () => Promise<void>): Promise<void> {
      if (failed) throw failure;
      if (active < limit) active += 1;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      if (failed) {
        release();
        throw failure;
      }
      const run = job()
        .catch((error: unknown) => {
          if (!failed) [failed, failure] = [true, error];
        })
        .finally(() => {
          running.delete(run);
          release();
        });
      running.add(run);
    },
    async drain(): Promise<void> {
      while (running.size > 0) await Promise.all(running);
    },
    get failure() {
      return failure;
    },
  };
}
