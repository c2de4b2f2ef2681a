// lifecycle: one compaction of the ledger at a time per items folder — a lock file `.published.lock` holding the
// compacting process's pid. Never waited for: a build that finds it taken appends to the journal instead.
import { randomBytes } from 'node:crypto';
import { link, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isProcessAlive } from '../_lib/is-process-alive.ts';

/** File name of the lock, in the items folder (a dotfile: no record, no watcher event). */
export const LOCK_FILE = '.published.lock';

/**
 * Takes the compaction lock of `itemsDir`; undefined when a live process (or another builder of this one) holds it.
 * The file is written whole under a temporary name and linked into place (link(2) fails when the name exists), so
 * a reader never sees a lock without its pid. A lock whose process died (a crash mid-compaction) is taken over.
 * Errors of the folder itself (read-only, gone) are thrown, as every write of the ledger's.
 */
export async function tryLockLedger(itemsDir: string): Promise<(() => Promise<void>) | undefined> {
  const file = path.join(itemsDir, LOCK_FILE);
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temp, `${process.pid}\n`);
  try {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        await link(temp, file);
        HELD.add(file);
        return async () => {
          HELD.delete(file);
          if ((await holderOf(file)) === process.pid) await rm(file, { force: true });
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = await holderOf(file);
      if (holder === undefined) continue; // released meanwhile
      // Our own pid without our hold: left by an earlier process that had the same pid (a container started again).
      if (isProcessAlive(holder) && !(holder === process.pid && !HELD.has(file))) return undefined;
      await takeOver(file, holder);
    }
    return undefined;
  } finally {
    await rm(temp, { force: true });
  }
}

// --- internal ---

/** Lock files this process holds now. */
const HELD = new Set<string>();

/** The pid in the lock file; undefined when there is none; NaN when it holds no pid (taken for a dead holder). */
async function holderOf(file: string): Promise<number | undefined> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (text === undefined) return undefined;
  return /^\d+\n?$/.test(text) ? Number(text.trim()) : Number.NaN;
}

/**
 * Removes the stale lock of dead `holder`: renamed aside first, which only one of several builds can do; if what was
 * renamed is a live process's lock (taken over meanwhile), it is linked back, so a live lock is never lost.
 */
async function takeOver(file: string, holder: number): Promise<void> {
  const aside = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.stale`;
  try {
    await rename(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = await holderOf(aside);
  if (moved !== undefined && moved !== holder && isProcessAlive(moved)) await link(aside, file).catch(() => {});
  await rm(aside, { force: true });
}
