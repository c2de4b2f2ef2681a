// publish: one build at a time per output folder — a lock file beside it holding the writer's pid.
// Two builds into one --out (two CI jobs, a cron and a person) would swap their trees over each other: the second
// waits for the first, or gives up at once with `wait: false`. A lock left by a process that died is taken over.
import { link, mkdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { OutputError, showPath, toOutputError } from './output-error.ts';
import { isProcessAlive } from '../_lib/is-process-alive.ts';

/** Options of {@link lockOutputFolder}. */
export interface OutputLockOptions {
  /** Wait for a live holder to finish (default true); false: throw an {@link OutputError} naming its pid at once. */
  readonly wait?: boolean;
  /** Called once when the folder is held by another live build and this one starts waiting. */
  readonly onWait?: (pid: number) => void;
  /** How often a waiting build looks at the lock again (ms, default 200). */
  readonly pollMs?: number;
}

/** A held lock. */
export interface OutputLock {
  /** The lock file (`<out>.lock`). */
  readonly file: string;
  /** Removes the lock file if it is still this process's; idempotent. */
  release(): Promise<void>;
}

/** The lock file of an output folder: a sibling, so it survives the swap of the folder itself. */
export function lockFileOf(out: string): string {
  return `${path.resolve(out)}.lock`;
}

/**
 * Takes the lock of output folder `out` (absolute). The file is created whole under a temporary name and linked
 * into place (link(2) fails when the name exists), so a reader never sees a lock without its pid.
 */
export async function lockOutputFolder(out: string, options: OutputLockOptions = {}): Promise<OutputLock> {
  const file = lockFileOf(out);
  const pollMs = options.pollMs ?? 200;
  const mine = `${process.pid}\n`;
  const temp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    // The parent is made only when missing: a file standing in its way is reported as it is (ENOTDIR).
    await writeFile(temp, mine).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(temp, mine);
    });
  } catch (error) {
    throw toOutputError(error, path.dirname(file));
  }
  let waiting = false;
  try {
    for (;;) {
      try {
        await link(temp, file);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw toOutputError(error, file, 'cannot lock the output folder at');
      }
      const holder = await holderOf(file);
      if (holder === undefined) continue; // released meanwhile: try again at once
      // Our own pid in a lock this process does not hold: left by an earlier process that had the same pid (pid 1 in
      // a container started again).
      if (!isProcessAlive(holder) || (holder === process.pid && !HELD.has(file))) {
        await takeOver(file, holder);
        continue;
      }
      if (options.wait === false) {
        // EBUSY: the machine's state, not a wrong command line (the CLI exits 1, not 2).
        throw new OutputError(`${showPath(out)}/ is being written by another build (pid ${holder})`, out, 'EBUSY');
      }
      if (!waiting) options.onWait?.(holder);
      waiting = true;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  } finally {
    await rm(temp, { force: true });
  }
  HELD.add(file);
  let released = false;
  return {
    file,
    async release() {
      if (released) return;
      released = true;
      HELD.delete(file);
      // Only our own lock: one taken over after this process was thought dead is not ours to remove.
      if ((await holderOf(file)) === process.pid) await unlink(file).catch(() => {});
    },
  };
}

// --- internal ---

/** Lock files this process holds now. */
const HELD = new Set<string>();

/** The pid in the lock file; undefined when there is none; NaN when it holds no pid (taken for a dead holder). */
async function holderOf(file: string): Promise<number | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw toOutputError(error, file, 'cannot read the lock of the output folder at');
  }
  return /^\d+\n?$/.test(text) ? Number(text.trim()) : Number.NaN;
}

/**
 * Removes the stale lock of dead `holder`. It is first renamed aside, which only one of several waiting builds
 * can do; if what was renamed is no longer the dead holder's lock (another build took it over meanwhile), it is
 * linked back, so a live build's lock is never lost.
 */
async function takeOver(file: string, holder: number): Promise<void> {
  const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw toOutputError(error, file, 'cannot take over the lock of the output folder at');
  }
  const moved = await holderOf(aside);
  if (moved !== holder && !(Number.isNaN(moved) && Number.isNaN(holder)) && moved !== undefined && isProcessAlive(moved)) {
    await link(aside, file).catch(() => {});
  }
  await rm(aside, { force: true });
}
