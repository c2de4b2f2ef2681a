// publish: FeedSnapshot → a static tree on disk (same paths as the routes), swapped in atomically.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FeedSnapshot } from './feed-snapshot.ts';

/** Options of {@link writeStaticSite}. */
export interface WriteStaticOptions {
  /** Items folder; an outDir containing it (or equal to it) is refused so a build never deletes records. */
  readonly itemsDir?: string;
}

/**
 * Writes every snapshot entry below `outDir`, each feed also as `.gz` and `.br`, atomically:
 * everything goes to a temporary sibling first, then two renames swap it in, so a crash leaves
 * either the previous tree or the new one, whole. Returns the written files, relative, sorted.
 */
export async function writeStaticSite(
  snapshot: FeedSnapshot,
  outDir: string,
  options: WriteStaticOptions = {},
): Promise<{ files: string[] }> {
  if (!snapshot || !(snapshot.entries instanceof Map)) throw new TypeError('snapshot must be a FeedSnapshot');
  const out = checkOutDir(outDir, options.itemsDir);
  await recoverInterruptedSwap(out);
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const temp = `${out}.tmp-${suffix}`;
  const old = `${out}.old-${suffix}`;

  const files: string[] = [];
  try {
    for (const entry of snapshot.entries.values()) {
      const file = toFilePath(entry.path);
      const target = path.join(temp, file);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, entry.identity);
      files.push(file);
      if (isFeedPath(file)) {
        await writeFile(`${target}.gz`, entry.gzip);
        await writeFile(`${target}.br`, entry.br);
        files.push(`${file}.gz`, `${file}.br`);
      }
    }
    await mkdir(temp, { recursive: true }); // an empty snapshot still yields an (empty) output folder
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }

  // Swap: between the two renames `out` is briefly absent, but both trees exist whole on disk;
  // rename(2) cannot replace a non-empty directory, so a single-step swap is not possible portably.
  let moved = false;
  try {
    await rename(out, old);
    moved = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      await rm(temp, { recursive: true, force: true });
      throw error;
    }
  }
  try {
    await rename(temp, out);
  } catch (error) {
    if (moved) await rename(old, out).catch(() => {});
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  if (moved) await rm(old, { recursive: true, force: true });
  return { files: files.map((f) => f.split(path.sep).join('/')).sort() };
}

/** `/` → `index.html`, `/articles/x/` → `articles/x/index.html`, `/feed.xml` → `feed.xml`. */
export function toFilePath(urlPath: string): string {
  if (!urlPath.startsWith('/')) throw new TypeError(`path must start with "/", got ${JSON.stringify(urlPath)}`);
  const segments = urlPath.slice(1).split('/');
  // Snapshot paths come from slugs, but a static writer must never be talked into leaving outDir.
  if (segments.some((s) => s === '..' || s === '.' || s.includes('\\') || s.includes('\0'))) {
    throw new TypeError(`unsafe path ${JSON.stringify(urlPath)}`);
  }
  const relative = urlPath.endsWith('/') ? `${urlPath.slice(1)}index.html` : urlPath.slice(1);
  return path.normalize(relative);
}

// --- internal ---

function isFeedPath(file: string): boolean {
  return /\.(xml|json)$/.test(file);
}

function checkOutDir(outDir: string, itemsDir: string | undefined): string {
  if (typeof outDir !== 'string' || outDir.trim() === '') throw new TypeError('outDir must be a non-empty path');
  const out = path.resolve(outDir);
  if (out === path.parse(out).root) throw new TypeError(`outDir must not be the filesystem root: ${outDir}`);
  const cwd = path.resolve(process.cwd());
  if (out === cwd || isInside(cwd, out)) {
    throw new TypeError(`outDir must not be the working directory or one of its parents: ${outDir}`);
  }
  if (itemsDir !== undefined) {
    const items = path.resolve(itemsDir);
    if (out === items || isInside(items, out)) throw new TypeError(`outDir ${outDir} contains the items folder ${itemsDir}`);
  }
  return out;
}

/**
 * A crash between the two renames of a swap leaves no `out` but a whole `<out>.old-<pid>-…`: put it back.
 * Leftovers of dead processes are removed; those of a live process (a concurrent build) are left alone.
 */
async function recoverInterruptedSwap(out: string): Promise<void> {
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
    .filter((x) => x.name.startsWith(base) && x.match && !isAlive(Number(x.match[2])));
  let restored = names.includes(base);
  for (const { name, match } of leftovers) {
    const full = path.join(parent, name);
    if (!restored && match?.[1] === 'old') {
      await rename(full, out);
      restored = true;
      continue;
    }
    await rm(full, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when `child` is strictly below `parent`. */
function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
