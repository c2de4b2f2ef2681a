// publish: a new output written into the old one in place — only the files whose bytes changed are moved in, the
// files gone are removed, the manifest last — when few changed: a one-edit build touches a handful of files instead
// of linking 10,000 into a new tree and removing the old one (output-folder.ts `swapIn`).
//
// Every changed file is first written whole in the temporary folder (`<out>.tmp-<pid>-…`, the same file system), so
// each lands by one rename(2): a reader sees the old file or the new one, never a part. The journal
// (`.gazette-in-place.json` in the temporary folder) is written before the first rename: a build that dies after it
// is completed by the next one (`rollForward`, called by output-folder.ts `recoverInterruptedSwap`), before that
// one reads the manifest; one that dies before it leaves the old output as it was.
import { access, constants, mkdir, readFile, rename, rmdir, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { toOutputError } from './output-error.ts';
import { MANIFEST_NAME } from './output-manifest.ts';
import type { OutputTree } from './output-folder.ts';

/** The journal's name inside the temporary folder. */
export const JOURNAL_NAME = '.gazette-in-place.json';

/**
 * Most files a build moves in or removes in place: {@link IN_PLACE_MAX_FILES}, or a tenth of the output when more
 * (else a new tree is swapped in). The bound keeps short the moment when a reader may see some new files beside old
 * ones; a one-edit build of a 10,000-article site moves ≈ 35 (the feeds of its category and author, a few pages).
 */
export function inPlaceLimit(previousFiles: number): number {
  return Math.max(IN_PLACE_MAX_FILES, Math.floor(previousFiles / 10));
}

/** See {@link inPlaceLimit}. */
export const IN_PLACE_MAX_FILES = 64;

/** What an in-place commit does to `out`. */
export interface InPlacePlan {
  /** Files written in the temporary folder, moved to the same name in `out`. */
  readonly moved: readonly string[];
  /** Files of the previous output that the new one does not have. */
  readonly removed: readonly string[];
  /** Folders of the previous output that the new one does not have (removed when empty, deepest first). */
  readonly dirs: readonly string[];
}

/**
 * The plan of writing `names` (the new output; `moved` of them are in the temporary folder) in place of `previous`,
 * or undefined when a new tree is the better way: too much changed, or a file must become a folder (or the reverse).
 */
export function planInPlace(
  names: ReadonlySet<string>,
  moved: readonly string[],
  previous: OutputTree,
  limit = inPlaceLimit(previous.files.length),
): InPlacePlan | undefined {
  const removed = previous.files.filter((f) => f !== MANIFEST_NAME && !names.has(f));
  if (previous.files.length === 0 || moved.length + removed.length > limit) return undefined;
  const previousFiles = new Set(previous.files);
  const previousDirs = new Set(previous.dirs);
  const needed = new Set<string>();
  for (const name of moved) {
    if (previousDirs.has(name)) return undefined;
    for (let dir = path.posix.dirname(name); dir !== '.'; dir = path.posix.dirname(dir)) {
      if (previousFiles.has(dir)) return undefined;
      needed.add(dir);
    }
  }
  for (const name of names) for (let dir = path.posix.dirname(name); dir !== '.' && !needed.has(dir); dir = path.posix.dirname(dir)) needed.add(dir);
  const dirs = previous.dirs.filter((d) => !needed.has(d)).sort((a, b) => b.split('/').length - a.split('/').length);
  return { moved, removed, dirs };
}

/**
 * Whether every folder the plan writes in can be written (a read-only folder inside the output, which a swap would
 * not need to write): checked before the journal, so a refusal leaves the old output whole.
 */
export async function canWriteInPlace(out: string, plan: InPlacePlan): Promise<boolean> {
  const dirs = new Set<string>(['.']);
  for (const name of [...plan.moved, ...plan.removed]) dirs.add(path.posix.dirname(name));
  for (const dir of dirs) {
    const ok = await access(path.join(out, dir), constants.W_OK).then(
      () => true,
      (error: NodeJS.ErrnoException) => error.code === 'ENOENT', // made by the move, inside a folder checked here
    );
    if (!ok) return false;
  }
  return true;
}

/** Writes the journal, then applies `plan` (the manifest, already in `temp`, last). Leaves `temp` for the caller to remove. */
export async function writeInPlace(temp: string, out: string, plan: InPlacePlan): Promise<void> {
  await writeFile(path.join(temp, JOURNAL_NAME), JSON.stringify(plan)).catch((error: unknown) => {
    throw toOutputError(error, path.join(temp, JOURNAL_NAME));
  });
  await apply(temp, out, plan);
}

/** Completes an in-place commit that a dead build left in `temp` (the journal there says what it was doing). */
export async function rollForward(temp: string, out: string): Promise<boolean> {
  let plan: InPlacePlan;
  try {
    plan = JSON.parse(await readFile(path.join(temp, JOURNAL_NAME), 'utf8')) as InPlacePlan;
  } catch {
    return false; // no journal: it died before its first rename, the old output is whole
  }
  await apply(temp, out, plan);
  return true;
}

// --- internal ---

/** Every step tolerates having been done already (a roll-forward repeats those a dead build did). */
async function apply(temp: string, out: string, plan: InPlacePlan): Promise<void> {
  const onFile = (name: string) => (error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw toOutputError(error, path.join(out, name), 'cannot replace');
  };
  const made = new Set<string>();
  for (const name of plan.moved) {
    const dir = path.posix.dirname(name);
    if (dir !== '.' && !made.has(dir)) {
      await mkdir(path.join(out, dir), { recursive: true }).catch(onFile(dir));
      made.add(dir);
    }
    await rename(path.join(temp, name), path.join(out, name)).catch(onFile(name));
  }
  for (const name of plan.removed) await unlink(path.join(out, name)).catch(onFile(name));
  for (const dir of plan.dirs) await rmdir(path.join(out, dir)).catch(() => {}); // not empty: a file of another origin
  await rename(path.join(temp, MANIFEST_NAME), path.join(out, MANIFEST_NAME)).catch(onFile(MANIFEST_NAME));
}
