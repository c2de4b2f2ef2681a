// publish: the output folder's life — is it safe to replace, what did the last build leave, and the atomic swap.
import { lstat, readdir, rename, rm, rmdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { OutputError, showPath, toOutputError } from './output-error.ts';
import { MANIFEST_NAME, readManifest, type ManifestEntry } from './output-manifest.ts';
import { isProcessAlive } from '../_lib/is-process-alive.ts';
import { rollForward } from './output-in-place.ts';

/** What the writer may do with an existing output folder. */
export interface OutDirPolicy {
  /** Items folder: an outDir equal to it or containing it is refused. */
  readonly itemsDir?: string | undefined;
  /** Static-assets folder: named in the refusal message; an outDir inside it, or containing it, is refused. */
  readonly publicDir?: string | undefined;
  /** Replace an output that holds files the previous build did not write. */
  readonly clean?: boolean | undefined;
  /** Replace an existing folder that is not a previous Gazette output at all. */
  readonly force?: boolean | undefined;
}

/** What a previous output offers for reuse. */
export interface PreviousOutput {
  /** Files whose bytes may be reused, by name (empty when there is nothing to trust). */
  readonly entries: ReadonlyMap<string, ManifestEntry>;
  /** How its `.gz`/`.br` were made, when known. */
  readonly compression: string | undefined;
  /** What the folder held, so that the swap can remove it with one call per entry (no walk). */
  readonly tree: OutputTree;
}

/** The entries below a folder, relative with `/`. */
export interface OutputTree {
  /** Every non-folder, sorted. */
  readonly files: readonly string[];
  /** Every folder. */
  readonly dirs: readonly string[];
}

/** How many foreign files a refusal names before "and N more". */
const NAMED_FILES = 5;

/** Resolves `outDir` and refuses the places a build must never replace (root, working directory, items, public). */
export function checkOutDir(outDir: string, policy: OutDirPolicy): string {
  if (typeof outDir !== 'string' || outDir.trim() === '') throw new TypeError('outDir must be a non-empty path');
  const out = path.resolve(outDir);
  const refuse = (why: string) => new OutputError(`refusing to write the output to ${showPath(out)}: ${why}; choose another --out`, out);
  if (out === path.parse(out).root) throw refuse('it is the filesystem root');
  const cwd = path.resolve(process.cwd());
  if (out === cwd || isInside(cwd, out)) throw refuse('it is the working directory or one of its parents');
  for (const [folder, label] of [
    [policy.itemsDir, 'items'],
    [policy.publicDir, 'static-assets'],
  ] as const) {
    if (folder === undefined) continue;
    const dir = path.resolve(folder);
    if (out === dir || isInside(dir, out)) throw refuse(`it contains the ${label} folder ${showPath(dir)}`);
    // Inside the items folder, its feed.json and pages would be read back as records by the next build.
    if (isInside(out, dir)) throw refuse(`it is inside the ${label} folder ${showPath(dir)}`);
  }
  return out;
}

/**
 * Reads what the previous build left in `out` and refuses to replace files Gazette did not write: a non-empty
 * folder without a manifest unless `force`, files missing from the manifest unless `clean` (or `force`).
 * Returns what of the previous output may be reused.
 */
export async function inspectOutDir(out: string, policy: OutDirPolicy): Promise<PreviousOutput> {
  const empty: OutputTree = { files: [], dirs: [] };
  const none = (tree = empty): PreviousOutput => ({ entries: new Map(), compression: undefined, tree });
  let stats;
  try {
    stats = await lstat(out);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return none();
    throw toOutputError(error, out, 'cannot read');
  }
  const where = showPath(out);
  if (!stats.isDirectory()) {
    if (policy.force) return none();
    throw new OutputError(`${where} exists and is not a folder; remove it, choose another --out, or pass --force to replace it`, out);
  }
  const [manifest, tree] = await Promise.all([readManifest(out), listOutputTree(out)]);
  const present = tree.files;
  if (manifest.state !== 'valid') {
    if (present.length === 0 || policy.force) return none(tree);
    const why =
      manifest.state === 'missing'
        ? `is not empty and was not written by gazette build (no ${MANIFEST_NAME})`
        : `is not empty and its ${MANIFEST_NAME} is unreadable: ${manifest.reason}`;
    if (manifest.state === 'invalid' && policy.clean) return none(tree);
    throw new OutputError(`${where} ${why}; choose another --out, or pass --force to replace it`, out);
  }
  const foreign = present.filter((name) => name !== MANIFEST_NAME && !manifest.entries.has(name));
  if (foreign.length > 0 && !policy.clean && !policy.force) {
    const named = foreign
      .slice(0, NAMED_FILES)
      .map((f) => showPath(path.join(out, f)))
      .join(', ');
    const more = foreign.length > NAMED_FILES ? ` and ${foreign.length - NAMED_FILES} more` : '';
    const assets = policy.publicDir === undefined ? 'the static-assets folder (publicDir)' : showPath(path.resolve(policy.publicDir));
    throw new OutputError(
      `${where} holds ${foreign.length === 1 ? 'a file' : `${foreign.length} files`} that gazette build did not write: ` +
        `${named}${more}; move ${foreign.length === 1 ? 'it' : 'them'} to ${assets}, which every build copies in, ` +
        'or pass --clean to let the build delete them',
      out,
    );
  }
  return manifest.reusable ? { entries: manifest.entries, compression: manifest.compression, tree } : none(tree);
}

/** Every entry below `dir`: files (anything not a folder) sorted, and folders. */
export async function listOutputTree(dir: string): Promise<OutputTree> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch((error: unknown) => {
    throw toOutputError(error, dir, 'cannot read');
  });
  const files: string[] = [];
  const dirs: string[] = [];
  for (const e of entries) {
    const name = path
      .relative(dir, path.join(e.parentPath ?? e.path, e.name))
      .split(path.sep)
      .join('/');
    (e.isDirectory() ? dirs : files).push(name);
  }
  return { files: files.sort(), dirs };
}

/**
 * Swaps `temp` in at `out`, keeping the previous tree at `old` until the new one is in place, then removes it
 * (`previous` lists it, so removal is one call per entry with `concurrency` at once, not a walk).
 * Between the two renames `out` is briefly absent, but both trees exist whole on disk;
 * rename(2) cannot replace a non-empty directory, so a single-step swap is not possible portably.
 */
export async function swapIn(temp: string, out: string, old: string, previous: OutputTree, concurrency: number): Promise<void> {
  let moved = false;
  try {
    await rename(out, old);
    moved = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw toOutputError(error, out, 'cannot replace');
  }
  try {
    await rename(temp, out);
  } catch (error) {
    if (moved) await rename(old, out).catch(() => {});
    throw toOutputError(error, out, 'cannot replace');
  }
  if (!moved) return;
  // The new output is in place: a failure to remove the old tree is not the build's failure; the next build
  // removes the leftover (its process is dead by then).
  await forEachLimited(previous.files, concurrency, (f) => unlink(path.join(old, f)));
  const byDepth: string[][] = []; // a folder is empty once every deeper one is gone
  for (const d of previous.dirs) (byDepth[d.split('/').length] ??= []).push(d);
  for (const level of byDepth.reverse()) {
    if (level) await forEachLimited(level, concurrency, (d) => rmdir(path.join(old, d)));
  }
  await rm(old, { recursive: true, force: true }).catch(() => {}); // whatever the list did not know of
}

/**
 * A crash between the two renames of a swap leaves no `out` but a whole `<out>.old-<pid>-…`: put it back. A crash
 * while moving files in place (output-in-place.ts) leaves a `<out>.tmp-<pid>-…` with a journal: finish the move.
 * Leftovers of dead processes are removed; those of a live process (a concurrent build) are left alone.
 */
export async function recoverInterruptedSwap(out: string): Promise<void> {
  const parent = path.dirname(out);
  const base = path.basename(out);
  let names: string[];
  try {
    names = await readdir(parent);
  } catch {
    return; // no parent yet: nothing to recover
  }
  const leftovers = names
    .map((name) => ({ name, match: /^\.(tmp|old)-(\d+)-[0-9a-f]+$/.exec(name.slice(base.length)) }))
    .filter((x) => x.name.startsWith(base) && x.match && !isProcessAlive(Number(x.match[2])));
  let restored = names.includes(base);
  for (const { name, match } of leftovers) {
    const full = path.join(parent, name);
    try {
      if (!restored && match?.[1] === 'old') {
        await rename(full, out);
        restored = true;
        continue;
      }
      // A build that died while moving its files into the output in place: its journal says what is left to move.
      if (restored && match?.[1] === 'tmp') await rollForward(full, out);
      await rm(full, { recursive: true, force: true });
    } catch (error) {
      throw toOutputError(error, full, 'cannot recover the interrupted build at');
    }
  }
}

/** True when `child` is strictly below `parent`. */
export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

// --- internal ---

/** Runs `operation` on every item, `limit` at once; failures are ignored (the caller cleans up after). */
async function forEachLimited<T>(items: readonly T[], limit: number, operation: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await operation(item).catch(() => {});
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
