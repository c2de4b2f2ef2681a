// site: the file of a persistent build cache (article-store.ts, document-store.ts) — a V8-serialised object, read
// whole and replaced whole (a temporary file renamed over it, so a crash leaves the old file or the new one).
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';

/** The object a cache file holds; undefined when it is missing, truncated or from an incompatible V8 (start empty). */
export async function readCacheFile(file: string): Promise<Record<string, unknown> | undefined> {
  try {
    const value: unknown = deserialize(await readFile(file));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    // The next save replaces it.
    return undefined;
  }
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
