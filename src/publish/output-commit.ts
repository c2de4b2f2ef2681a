// publish: committing an output — the static assets copied in, the manifest written last, then the new tree moved
// into the old one file by file when few changed (output-in-place.ts), else swapped in whole (output-folder.ts).
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { sha256OfFile } from './output-encoding.ts';
import { OutputError, showPath } from './output-error.ts';
import { swapIn } from './output-folder.ts';
import { canWriteInPlace, planInPlace, writeInPlace } from './output-in-place.ts';
import { serializeManifest, toManifestTime, type ManifestEntry } from './output-manifest.ts';
import type { OpenedOutput } from './output-open.ts';
import type { OutputTreeWriter } from './output-tree.ts';
import { listPublicFiles, type PublicFile } from './public-files.ts';

/** The bounded file jobs of an output (write-pool.ts), each failure named after its output file. */
export interface OutputJobs {
  /** Starts the job producing output `name` once a slot is free. */
  submit(name: string, job: () => Promise<void>): Promise<void>;
  /** Waits for every started job; throws the first failure. */
  settle(): Promise<void>;
}

/** What {@link commitOutput} needs besides the folder and the tree. */
export interface CommitOptions {
  /** Static-assets folder copied in; none when undefined. */
  readonly publicDir: string | undefined;
  /** Every name the documents took, so that a static asset cannot replace one. */
  readonly claimed: ReadonlySet<string>;
  /** This build's compression id, for the manifest. */
  readonly compressionKey: string;
  /** Feeds whose bytes this build changed, for the manifest. */
  readonly changedFeeds: Iterable<string>;
  /** Most entries of the previous tree removed at once after a swap. */
  readonly concurrency: number;
  /** Called just before the in-place journal is written: from then on a failure is completed by the next build. */
  readonly onJournal: () => void;
}

/**
 * Waits for the documents' jobs, copies the static assets in, writes the manifest and puts the new tree at
 * `opened.out`. Returns the notes of the static-assets folder. Leaves the lock and, on failure, the temporary folder
 * to the caller.
 */
export async function commitOutput(opened: OpenedOutput, tree: OutputTreeWriter, jobs: OutputJobs, options: CommitOptions): Promise<readonly string[]> {
  const { out, temp } = opened;
  await jobs.settle();
  const listing = options.publicDir === undefined ? { files: [], notes: [] } : await listPublicFiles(options.publicDir);
  const clashes = listing.files.filter((f) => options.claimed.has(f.name));
  if (clashes.length > 0) throw publicClash(clashes, options.publicDir ?? '', out);
  for (const file of listing.files) await jobs.submit(file.name, () => copyPublic(tree, file));
  await jobs.settle();
  await tree.writeManifest(serializeManifest(tree.manifest, options.compressionKey, options.changedFeeds));
  // Few files changed: moved into the old tree one by one (output-in-place.ts); else a new tree swapped in.
  const names = [...tree.manifest.keys()];
  const plan = planInPlace(
    new Set(names),
    names.filter((name) => !tree.kept.has(name)),
    opened.previous.tree,
  );
  if (plan && (await canWriteInPlace(out, plan))) {
    // From the journal on, a failure leaves the temporary folder to the next build, which completes the move.
    options.onJournal();
    await writeInPlace(temp, out, plan);
    await fsp.rm(temp, { recursive: true, force: true }).catch(() => {});
  } else {
    for (const name of tree.kept) await jobs.submit(name, () => tree.linkKept(name));
    await jobs.settle();
    await swapIn(temp, out, opened.old, opened.previous.tree, options.concurrency);
  }
  return listing.notes;
}

// --- internal ---

async function copyPublic(tree: OutputTreeWriter, file: PublicFile): Promise<void> {
  const stats = await fsp.stat(file.source);
  const entry: ManifestEntry = { sha256: await sha256OfFile(file.source), size: stats.size, mtime: toManifestTime(stats.mtime) };
  await tree.copyIn(file.name, file.source, entry);
}

function publicClash(clashes: readonly PublicFile[], publicDir: string, out: string): OutputError {
  const named = clashes
    .slice(0, 5)
    .map((f) => showPath(path.join(path.resolve(publicDir), f.name)))
    .join(', ');
  const more = clashes.length > 5 ? ` and ${clashes.length - 5} more` : '';
  return new OutputError(
    `${named}${more}: the static-assets folder holds ${clashes.length === 1 ? 'a file' : 'files'} at a path ` +
      `gazette build writes itself; rename or remove ${clashes.length === 1 ? 'it' : 'them'} (the build wrote nothing to ${showPath(out)})`,
    path.resolve(publicDir),
  );
}
