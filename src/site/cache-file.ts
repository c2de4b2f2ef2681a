// site: the file of a persistent build cache (article-store.ts, document-store.ts) — a V8-serialised object, read
// whole and replaced whole (a temporary file renamed over it, so a crash leaves the old file or the new one).
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';

/**
 * The maps a cache file holds under `keys`, in their order: all of them empty when the file is missing, truncated,
 * from an incompatible V8 or of another shape (the build starts cold; the next save replaces it).
 */
export async function readCacheMaps(file: string, keys: readonly string[]): Promise<Map<string, unknown>[]> {
  try {
    const value = deserialize(await readFile(file)) as Record<string, unknown> | undefined;
    const maps = keys.map((key) => value?.[key]);
    if (maps.every((map) => map instanceof Map)) return maps as Map<string, unknown>[];
  } catch {
    // Unreadable: as missing.
  }
  return keys.map(() => new Map());
}

/** Replaces `file` with `value`, serialised; the temporary file is removed when that fails. */
export async function writeCacheFile(file: string, value: Record<string, unknown>): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temp, serialize(value));
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
