// Test helper: record files as an editor left them an hour ago, so a build reads them at once.
//
// A record changed within the writer window (10 s, records/read-settled.ts) is read only once it has settled for
// 300 ms and a scan of /proc shows no process holding it open for writing: the product's guard against reading half
// an upload. A test that is not about that guard writes its records here, dated an hour back, so the product's own
// rule for an older file applies (read at once, as an archive is); a test that is about it writes with plain
// `writeFile` and passes a short `writerLimitMs`/`settleMs` where it waits for a writer.
import { cp, mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** How far back the files are dated: far past the writer window and the record cache's racy second. */
const AGE_MS = 3_600_000;

let lastStamp = 0;

/**
 * A modification time an hour back, later than every one given before: two versions of one file written by a test
 * never share a stat key (site/record-cache.ts compares size and modification time), however fast they follow.
 */
export function pastStamp(): Date {
  lastStamp = Math.max(Date.now() - AGE_MS, lastStamp + 1);
  return new Date(lastStamp);
}

/** Dates `file` an hour back. */
export async function agePath(file: string): Promise<void> {
  const stamp = pastStamp();
  await utimes(file, stamp, stamp);
}

/** Dates every file below `dir` an hour back (a copied fixture folder). */
export async function ageTree(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) await agePath(path.join(entry.parentPath, entry.name));
  }
}

/** Writes `content` to `file` (its folders made as needed), dated an hour back; resolves with `file`. */
export async function writeRecord(file: string, content: string | Uint8Array): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
  await agePath(file);
  return file;
}

/** Writes `files` (path below `dir` → content) with {@link writeRecord}, making `dir` even when empty; resolves with `dir`. */
export async function writeRecords(dir: string, files: Readonly<Record<string, string | Uint8Array>>): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (const [rel, content] of Object.entries(files)) await writeRecord(path.join(dir, rel), content);
  return dir;
}

/** Copies the records of folder `from` (a fixture) to `to`, dated an hour back; resolves with `to`. */
export async function copyRecords(from: string, to: string): Promise<string> {
  await cp(from, to, { recursive: true });
  await ageTree(to);
  return to;
}
