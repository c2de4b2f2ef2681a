// publish: the static-assets folder (images, robots.txt, favicon.ico) → the files to copy into the output, as they are.
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { showPath, toOutputError } from './output-error.ts';
import { isInside } from './output-folder.ts';

/** One file to copy from the static-assets folder. */
export interface PublicFile {
  /** Path in the output, relative with `/`: `robots.txt`, `images/une.jpg`. */
  readonly name: string;
  /** Absolute real path to copy from (symlinks inside the folder resolved). */
  readonly source: string;
}

/** The static-assets files to publish, sorted by name, plus one note per thing skipped. */
export interface PublicListing {
  readonly files: readonly PublicFile[];
  /** Human sentences: dotfiles, links leaving the folder, dangling links, special files. */
  readonly notes: readonly string[];
}

/**
 * Lists `publicDir` recursively. Dotfiles (`.htaccess`, `.git/`) are skipped, and so are symlinks whose real path
 * leaves the folder (the output must never publish what the folder does not hold); each skip gets a note.
 * A missing folder simply has no files.
 */
export async function listPublicFiles(publicDir: string): Promise<PublicListing> {
  return listPublicFilesWith(publicDir, false);
}

/**
 * The size in bytes of each file {@link listPublicFiles} would publish, by its path below the site (`images/une.jpg`):
 * listed once per build, so that the article stage gives an image enclosure its real length without any I/O of its
 * own (RSS 2.0 §enclosure: length is the file's size in bytes).
 */
export async function readPublicFileSizes(publicDir: string): Promise<Map<string, number>> {
  const { files } = await listPublicFilesWith(publicDir, true);
  return new Map(files.map((f) => [f.name, f.size ?? 0]));
}

// --- internal ---

async function listPublicFilesWith(publicDir: string, withSizes: boolean): Promise<{ files: (PublicFile & { size?: number })[]; notes: string[] }> {
  let root: string;
  try {
    root = await realpath(path.resolve(publicDir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { files: [], notes: [] };
    throw toOutputError(error, path.resolve(publicDir), 'cannot read');
  }
  const files: (PublicFile & { size?: number })[] = [];
  const notes: string[] = [];
  const visited = new Set<string>([root]);
  const shown = (name: string) => showPath(path.join(path.resolve(publicDir), name));

  async function walk(dir: string, prefix: string): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      throw toOutputError(error, dir, 'cannot read');
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const name = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (entry.name.startsWith('.')) {
        notes.push(`skipped ${shown(name)}: dotfiles are not published`);
        continue;
      }
      let real = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          real = await realpath(real);
        } catch {
          notes.push(`skipped ${shown(name)}: a link to nothing`);
          continue;
        }
        if (!isInside(real, root)) {
          notes.push(`skipped ${shown(name)}: a link leaving ${showPath(path.resolve(publicDir))}`);
          continue;
        }
        const target = await stat(real);
        isDir = target.isDirectory();
        isFile = target.isFile();
      }
      if (isDir) {
        if (visited.has(real)) {
          notes.push(`skipped ${shown(name)}: a link back into a folder already copied`);
          continue;
        }
        visited.add(real);
        await walk(real, name);
      } else if (isFile) {
        files.push(withSizes ? { name, source: real, size: (await stat(real)).size } : { name, source: real });
      } else {
        notes.push(`skipped ${shown(name)}: not a regular file`);
      }
    }
  }

  await walk(root, '');
  return { files, notes };
}
