// _lib: a stamp of the code of some source folders, so caches made by other code (a working copy without a new
// version number) are never read.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's source root (`src/` when run from source, `lib/` when compiled). */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Stamps already taken, by folder list: a process runs the code it loaded, so it looks once (every fresh builder asks). */
const taken = new Map<string, string>();

/**
 * Names, sizes and modification times of the modules in `folders` (relative to the source root, e.g. `records`):
 * equal stamps mean the same code, as far as a build can tell without reading it.
 */
export function codeStamp(folders: readonly string[]): string {
  const key = folders.join('\n');
  let stamp = taken.get(key);
  if (stamp === undefined) taken.set(key, (stamp = takeStamp(folders)));
  return stamp;
}

function takeStamp(folders: readonly string[]): string {
  const parts: string[] = [];
  for (const folder of folders) {
    let names: string[] = [];
    try {
      names = readdirSync(path.join(ROOT, folder)).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      try {
        const info = statSync(path.join(ROOT, folder, name));
        if (info.isFile()) parts.push(`${folder}/${name}:${info.size}:${info.mtimeMs}`);
      } catch {
        // a file removed while reading the folder: it plays no part
      }
    }
  }
  return parts.join('|');
}
