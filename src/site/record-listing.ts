// site: the record files of the items folder as they are now — a walk, or the last walk with only the files a
// watcher named looked at again (a one-file edit neither walks nor sorts a folder of 10,000 records).
import type { Diagnostic, Result } from '../diagnostics.ts';
import { listRecordFiles, statRecordFile, type RecordFile } from '../records/read-items.ts';
import type { BuildHint } from './site-build.ts';

/** Lists the record files, each time from the last listing and a hint when it can. */
export interface RecordListing {
  list(hint: BuildHint | undefined): Promise<Result<RecordFile[]>>;
}

/** A listing of `itemsDir`; `displayDir` as given to the builder (messages name the folder so). */
export function createRecordListing(itemsDir: string, displayDir: string | undefined): RecordListing {
  let listing: Listing | undefined;
  return {
    async list(hint) {
      const display = displayDir === undefined ? {} : { displayDir };
      const known = hint && listing ? await applyHint(listing, hint, itemsDir) : undefined;
      if (known) {
        listing = known;
        return { value: known.sorted ?? sortFiles([...known.files.values()]), diagnostics: known.diagnostics };
      }
      const walked = await listRecordFiles(itemsDir, display);
      listing = walked.diagnostics.some((d) => d.code === 'duplicate-id' || d.code === 'items-dir-missing')
        ? undefined // ids shared by several files: only a walk can tell which one owns it after a change
        : { files: new Map(walked.value.map((f) => [f.absolute, f])), diagnostics: walked.diagnostics };
      return walked;
    },
  };
}

/** The record files of the last walk, kept up to date by hints. */
export interface Listing {
  readonly files: Map<string, RecordFile>;
  /**
   * The files in the walk's order, when a hint only changed files already listed (the same ids, hence the same
   * order): a one-file edit then does not sort the whole folder again. Undefined: sort `files`.
   */
  readonly sorted?: RecordFile[];
  /** The walk's own findings (unreadable folders…), repeated while no walk runs. */
  readonly diagnostics: readonly Diagnostic[];
}

/** The listing with the hinted paths looked at again; undefined when only a walk can tell. */
export async function applyHint(listing: Listing, hint: BuildHint, itemsDir: string): Promise<Listing | undefined> {
  const files = new Map(listing.files);
  // The ids taken, needed only when a file is added, removed or renamed (a listing's ids are unique, so an edit
  // that keeps its file's id needs no check).
  let relPaths: Set<string> | undefined;
  // The walk's order with each edited file in its place, while no file was added, removed or renamed.
  let sorted: RecordFile[] | undefined = [...(listing.sorted ?? sortFiles([...listing.files.values()]))];
  for (const changed of hint.changed) {
    const found = await statRecordFile(itemsDir, changed);
    if (found === 'unsure') return undefined;
    const old = files.get(changed);
    if (!old && found === 'none') continue; // not a record before or now (a dotfile, the ledger…)
    if (old && found !== 'none' && old.relPath === found.relPath && old.name === found.name) {
      files.set(changed, found);
      const at = sorted ? sorted.indexOf(old) : -1;
      if (sorted && at >= 0) sorted[at] = found;
      else sorted = undefined;
      continue;
    }
    sorted = undefined;
    relPaths ??= new Set([...files.values()].map((f) => f.relPath));
    if (old) relPaths.delete(old.relPath);
    if (found === 'none') {
      files.delete(changed);
      continue;
    }
    // A new file whose id another file already has: which one wins is the walk's sorted order.
    if (relPaths.has(found.relPath)) return undefined;
    relPaths.add(found.relPath);
    files.set(changed, found);
  }
  return { files, diagnostics: listing.diagnostics, ...(sorted ? { sorted } : {}) };
}

/** The walk's order: by relPath, then name (code-unit order, the same on every machine). */
export function sortFiles(files: RecordFile[]): RecordFile[] {
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return files.sort((a, b) => compare(a.relPath, b.relPath) || compare(a.name, b.name));
}
