// Test helper: a fresh temporary folder per test (or per file), removed after it, whatever the test did.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';

/** Creates a folder `<tmpdir>/<prefix>XXXXXX`; `remove` deletes it with everything below. */
export async function makeTempDir(prefix: string): Promise<{ readonly dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Registers a temporary folder made before each test (`each`, the default) or once before the file's or the
 * describe block's tests (`all`), and removed after them. Returns its path, to call inside hooks and tests.
 * @example const root = useTempDir('gazette-static-'); it('…', async () => writeFile(path.join(root(), 'a'), 'x'));
 */
export function useTempDir(prefix: string, scope: 'each' | 'all' = 'each'): () => string {
  let made: { readonly dir: string; remove(): Promise<void> } | undefined;
  const setUp = async () => {
    made = await makeTempDir(prefix);
  };
  const tearDown = async () => {
    const done = made;
    made = undefined;
    await done?.remove();
  };
  // Registered before the caller's own hooks: vitest runs after-hooks in reverse order, so the folder is removed
  // after the caller's after-hooks (servers closed, children killed).
  if (scope === 'each') {
    beforeEach(setUp);
    afterEach(tearDown);
  } else {
    beforeAll(setUp);
    afterAll(tearDown);
  }
  return () => {
    if (made === undefined) throw new Error('useTempDir: the folder exists only inside hooks and tests');
    return made.dir;
  };
}
