// Test helper: a real read-only view of a folder — a bind mount remounted read-only (CI runs as root). Where mount
// is not permitted the caller skips, with the reason printed once.
import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A mounted read-only view; `unmount` is idempotent. */
export interface ReadOnlyMount {
  readonly dir: string;
  unmount(): Promise<void>;
}

/**
 * Mounts `source` at `target` (created) read-only: `mount --bind` then `mount -o remount,ro,bind`. Returns the
 * reason as a string when this machine does not allow it (not root, no mount binary, a sandbox).
 */
export async function mountReadOnly(source: string, target: string): Promise<ReadOnlyMount | string> {
  await mkdir(target, { recursive: true });
  try {
    await run('mount', ['--bind', source, target]);
  } catch (error) {
    return `mount --bind is not permitted here: ${(error as Error).message.split('\n')[0]}`;
  }
  let mounted = true;
  const unmount = async () => {
    if (!mounted) return;
    mounted = false;
    await run('umount', [target]);
  };
  try {
    await run('mount', ['-o', 'remount,ro,bind', target]);
  } catch (error) {
    await unmount();
    return `mount -o remount,ro,bind is not permitted here: ${(error as Error).message.split('\n')[0]}`;
  }
  return { dir: target, unmount };
}
