// Test helper: fast-check from one fixed seed, so a failing run prints the seed and path and replays the same cases.
import fc from 'fast-check';

/** The seed of every property test that uses this helper; fast-check's failure report names it with the path. */
export const PROPERTY_SEED = 20261201;

/** Checks a synchronous property `numRuns` times from {@link PROPERTY_SEED}; throws with the shrunk counterexample. */
export function checkProperty<Ts>(property: fc.IProperty<Ts>, numRuns: number): void {
  fc.assert(property, { seed: PROPERTY_SEED, numRuns });
}

/** Checks an asynchronous property `numRuns` times from {@link PROPERTY_SEED}; rejects with the shrunk counterexample. */
export async function checkAsyncProperty<Ts>(property: fc.IAsyncProperty<Ts>, numRuns: number): Promise<void> {
  await fc.assert(property, { seed: PROPERTY_SEED, numRuns });
}
