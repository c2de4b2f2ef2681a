// Global setup of the unit suite: its temporary folders in memory where the machine offers a roomy tmpfs.
//
// The suite makes and removes some 15,000 files. On a virtual disk mounted with `discard` (ext4 here) each unlink
// took ≈ 3 ms of the kernel's time (strace -c): a third of the suite's CPU. A tmpfs is a real local file system
// (links, modes, /proc/PID/fd and inotify alike), so the tests prove the same things there. TMPDIR is set before
// vitest starts its workers, so every `os.tmpdir()` and every child process the tests spawn inherit it.
import { mkdir, mkdtemp, rm, statfs, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The on-disk cache of jiti, the loader of TypeScript configs, as it names it below `os.tmpdir()` (a config that
 * imports Gazette: ≈ 1.5 s of CPU per process to transpile src/ cold). Kept where it was, not in the suite's fresh
 * folder: it is keyed by the source's content.
 */
const LOADER_CACHES = ['jiti'];

/** statfs(2)'s f_type of a tmpfs (TMPFS_MAGIC). */
const TMPFS_MAGIC = 0x01021994;
/** Below this much free room (a container's 64 MB /dev/shm; the suite peaks near 10 MB) the suite keeps the system's temporary folder. */
const MIN_FREE_BYTES = 256 * 1024 ** 2;

/** A folder of the suite on `/dev/shm`, or undefined when TMPDIR is set already or no roomy tmpfs is there. */
async function memoryFolder(): Promise<string | undefined> {
  if (process.platform !== 'linux' || process.env.TMPDIR) return undefined;
  try {
    const fs = await statfs('/dev/shm');
    if (fs.type !== TMPFS_MAGIC || fs.bavail * fs.bsize < MIN_FREE_BYTES) return undefined;
    return await mkdtemp(path.join('/dev/shm', 'gazette-tests-'));
  } catch {
    return undefined;
  }
}

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  const folder = await memoryFolder();
  if (folder === undefined) return undefined;
  for (const name of LOADER_CACHES) {
    const cache = path.join(tmpdir(), name);
    await mkdir(cache, { recursive: true });
    await symlink(cache, path.join(folder, name));
  }
  process.env.TMPDIR = folder;
  return async () => {
    delete process.env.TMPDIR;
    await rm(folder, { recursive: true, force: true });
  };
}
