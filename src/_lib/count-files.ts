// _lib: how many files a folder holds (below it, at any depth), counted from the listing alone — an upper bound on
// its records that sizes a heap before anything is read (cli/commands/bounded-build.ts, site/worker-engine.ts).
import { readdirSync } from 'node:fs';

/** Entries below `dir` that are not folders; 0 when it cannot be listed (the build reports a missing folder). */
export function countFiles(dir: string): number {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => !entry.isDirectory()).length;
  } catch {
    return 0;
  }
}
