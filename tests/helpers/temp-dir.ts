// Test helper: a fresh temporary folder per test (or per file), removed after it, whatever the test did.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach } from 'vitest';

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
  let current: string | undefined;
  const setUp = async () => {
    const made = await makeTempDir(prefix);
    current = made.dir;
    return async () => {
      current = undefined;
      await made.remove();
    };
  };
  if (scope === 'each') beforeEach(setUp);
  else {
    let teardown: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      teardown = await setUp();
    });
    afterAll(() => teardown?.());
  }
  return () => {
    if (current === undefined) throw new Error('useTempDir: the folder exists only inside hooks and tests');
    return current;
  };
}
