// lifecycle: the publication ledger on disk — the compacted `.published.json` plus its journal — read as one Ledger,
// and written by appending what a build changed, folded back into the compacted file now and then.
import { readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic, Result } from '../diagnostics.ts';
import { LEDGER_FILE, readLedgerFile, replaceLedgerFile, serializeLedger, type Ledger, type LedgerEntry } from './ledger.ts';
import { appendJournal, FOLDING_FILE, JOURNAL_FILE, journalText, replayJournal } from './ledger-journal.ts';
import { tryLockLedger } from './ledger-lock.ts';

/** A journal longer than this many lines is folded into the compacted file at the next save. */
export const MAX_JOURNAL_LINES = 1_000;
/** …or longer than the compacted file, or than this many bytes while the compacted file is smaller. */
export const MIN_JOURNAL_BYTES = 64 * 1024;

/** What one {@link LedgerStore.save} wrote. */
export type LedgerWrite = 'unchanged' | 'appended' | 'compacted';

/** The ledger of one items folder, as this process last read or wrote it. */
export interface LedgerStore {
  /** Reads the compacted file, then replays the journal (a compaction's leftover first). Never fails: see parseLedger. */
  read(): Promise<Result<Ledger>>;
  /**
   * Writes what `ledger` changed since the last read or save: its changed entries appended to the journal, or the
   * whole ledger compacted (written whole, the journal removed) when `compact` asks it (a static build), an entry
   * was dropped, or the journal outgrew its bound. Throws what the folder throws (ledger-access.ts saveLedger
   * turns a read-only or full folder into a warning); the changes are then written by the next save.
   */
  save(ledger: Ledger, options?: { readonly compact?: boolean }): Promise<LedgerWrite>;
}

/** The ledger of `itemsDir`; `displayFile` names the compacted file in messages (the journal is named beside it). */
export function openLedgerStore(itemsDir: string, displayFile: string = path.join(itemsDir, LEDGER_FILE)): LedgerStore {
  const compactedPath = path.join(itemsDir, LEDGER_FILE);
  const journalPath = path.join(itemsDir, JOURNAL_FILE);
  const foldingPath = path.join(itemsDir, FOLDING_FILE);
  const displayJournal = besides(displayFile, JOURNAL_FILE);
  /** The ledger the files hold as far as this process knows (what it last read or wrote), and their state then. */
  let saved: Ledger = new Map();
  /** True while the ledger in memory is all the files hold: after a read, until a compaction folds another writer's lines. */
  let inSync = false;
  let disk: DiskState = {
    compacted: undefined,
    compactedBytes: 0,
    compactedTidy: true,
    journal: undefined,
    journalBytes: 0,
    journalLines: 0,
    journalEndsLine: true,
  };

  /** The compacted file, the leftover and the journal, each stamped before it is read (see DiskState). */
  async function readAll(): Promise<Result<Ledger> & { state: DiskState }> {
    const compactedStamp = await stampOf(compactedPath);
    const compacted = await readLedgerFile(itemsDir, displayFile);
    const diagnostics: Diagnostic[] = [...compacted.diagnostics];
    const entries = new Map(compacted.value);
    const instants = new Map<string, Date>();
    const folding = await readFile(foldingPath, 'utf8').catch(() => '');
    if (folding !== '') diagnostics.push(...replayJournal(entries, folding, besides(displayFile, FOLDING_FILE), instants).diagnostics);
    const journalStamp = await stat(journalPath).catch(() => undefined);
    const journal = journalStamp === undefined ? '' : await readFile(journalPath, 'utf8').catch(() => '');
    const replayed = replayJournal(entries, journal, displayJournal, instants);
    diagnostics.push(...replayed.diagnostics);
    const state: DiskState = {
      compacted: compactedStamp,
      compactedBytes: compacted.size,
      compactedTidy: compacted.tidy,
      journal: journalStamp === undefined ? undefined : `${journalStamp.dev}:${journalStamp.ino}`,
      journalBytes: Buffer.byteLength(journal),
      journalLines: countLines(journal),
      journalEndsLine: journal === '' || journal.endsWith('\n'),
    };
    return { value: entries, diagnostics, state };
  }

  /**
   * Folds the journal into the compacted file: the journal is renamed aside (builds append to a new one meanwhile),
   * the ledger written whole (a temp file renamed over it), then the folded journal removed. A crash at any point
   * leaves files that read as the same ledger. False when another build holds the lock: the journal then waits.
   */
  async function compact(ledger: Ledger): Promise<boolean> {
    const release = await tryLockLedger(itemsDir);
    if (release === undefined) return false;
    try {
      // A compaction that stopped half-way left its journal aside: fold it first, so it is never overwritten.
      if ((await stat(foldingPath).catch(() => undefined)) !== undefined) await foldDisk();
      await rename(journalPath, foldingPath).catch(ignoreMissing);
      const folding = await stat(foldingPath).catch(() => undefined);
      // The ledger in memory is the files' exactly when nobody else wrote them since this process did: then it is
      // written as it is; otherwise the files are read again (this build's changes are in the journal already).
      const exact =
        inSync &&
        (await stampOf(compactedPath)) === disk.compacted &&
        (folding === undefined ? disk.journalBytes === 0 : `${folding.dev}:${folding.ino}` === disk.journal && folding.size === disk.journalBytes);
      if (exact) await writeWhole(ledger);
      else await foldDisk();
      disk = {
        ...disk,
        compacted: await stampOf(compactedPath),
        compactedTidy: true,
        journal: undefined,
        journalBytes: 0,
        journalLines: 0,
        journalEndsLine: true,
      };
      return true;
    } finally {
      await release();
    }
  }

  /** The files as they are now, written whole; the folded journal removed. */
  async function foldDisk(): Promise<void> {
    // The files now hold what other writers added, which the ledger in memory lacks: it is never written whole again.
    inSync = false;
    await writeWhole((await readAll()).value);
  }

  /** Writes `ledger` as the compacted file, then removes the journal it folds. */
  async function writeWhole(ledger: Ledger): Promise<void> {
    // An empty ledger never creates the file (a site with nothing published yet has no history to keep).
    if (ledger.size > 0 || (await stampOf(compactedPath)) !== undefined) {
      const text = serializeLedger(ledger);
      await replaceLedgerFile(itemsDir, text);
      disk = { ...disk, compactedBytes: Buffer.byteLength(text) };
    }
    await rm(foldingPath, { force: true });
  }

  return {
    async read() {
      const { value, diagnostics, state } = await readAll();
      saved = value;
      disk = state;
      inSync = true;
      return { value, diagnostics };
    },
    async save(ledger, options = {}) {
      // Entries are immutable and an unchanged one is the same object build after build (applyLedger): a changed
      // entry is one that is not the object last saved.
      const changed: LedgerEntry[] = [];
      let added = 0;
      for (const [id, entry] of ledger) {
        if (saved.get(id) === entry) continue;
        changed.push(entry);
        if (!saved.has(id)) added += 1;
      }
      // Every id saved is still there when the ids kept are as many as before (a ledger never drops one today).
      const dropped = ledger.size - added < saved.size;
      // A static build leaves one tidy file: its journal folded, a reformatted or merged file rewritten.
      const tidyUp = options.compact === true && (disk.journalLines > 0 || !disk.compactedTidy);
      if (changed.length === 0 && !dropped && !tidyUp) return 'unchanged';
      if (changed.length > 0) {
        // Appended first, even when a compaction follows: a compaction that stops half-way then loses nothing.
        const text = (disk.journalEndsLine ? '' : '\n') + journalText(changed);
        await appendJournal(itemsDir, text);
        const journal =
          disk.journal ??
          (await stat(journalPath).then(
            (s) => `${s.dev}:${s.ino}`,
            () => undefined,
          ));
        disk = {
          ...disk,
          journal,
          journalBytes: disk.journalBytes + Buffer.byteLength(text),
          journalLines: disk.journalLines + changed.length,
          journalEndsLine: true,
        };
      }
      saved = ledger;
      const outgrown = disk.journalLines > MAX_JOURNAL_LINES || disk.journalBytes > Math.max(disk.compactedBytes, MIN_JOURNAL_BYTES);
      // A dropped entry cannot be told by a journal line (a ledger never drops one today): only a compaction does.
      return (options.compact === true || dropped || outgrown) && (await compact(ledger)) ? 'compacted' : changed.length > 0 ? 'appended' : 'unchanged';
    },
  };
}

/** Reads the ledger of `itemsDir` (compacted file and journal): a missing one is the empty ledger. */
export function readLedger(itemsDir: string, displayFile?: string): Promise<Result<Ledger>> {
  return openLedgerStore(itemsDir, displayFile).read();
}

// --- internal ---

/**
 * What this process knows of the files. `compacted` and `journal` are stamps taken before reading (so a write that
 * lands meanwhile makes them differ later, never the other way round): while the compacted file's stamp and the
 * journal's identity and length are still these, the ledger in memory is exactly what the files hold.
 */
interface DiskState {
  readonly compacted: string | undefined;
  readonly compactedBytes: number;
  /** False when the compacted file is not in the form serializeLedger writes (reformatted, merged lines, warnings). */
  readonly compactedTidy: boolean;
  readonly journal: string | undefined;
  readonly journalBytes: number;
  readonly journalLines: number;
  /** False when the journal ends inside a line (a build stopped while appending): the next append starts a line. */
  readonly journalEndsLine: boolean;
}

/** Device, inode, size, modification and change times: any write or replacement of the file changes it. */
async function stampOf(file: string): Promise<string | undefined> {
  const s = await stat(file, { bigint: true }).catch(() => undefined);
  return s === undefined ? undefined : `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
}

function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== 'ENOENT') throw error;
}

function countLines(text: string): number {
  let lines = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines += 1;
  return lines;
}

/** `name` in the folder of `file` as messages show it (`items/.published.json` → `items/.published.journal`). */
function besides(file: string, name: string): string {
  const slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf(path.sep));
  return slash === -1 ? name : `${file.slice(0, slash + 1)}${name}`;
}
