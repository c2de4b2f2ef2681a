// lifecycle: the ledger's journal `items/.published.journal` — the entries that changed since the compacted
// `.published.json` was written, one JSON object per line, appended by each build: a live edit writes the few hundred
// bytes of the entries it changed instead of rewriting a ledger of 10,000 lines (ledger-store.ts folds it back).
import { appendFile, open, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import { ledgerWarning, type LedgerEntry } from './ledger.ts';
import { entryJson, readLedgerEntry } from './ledger-entry.ts';

/** File name of the journal beside the ledger: a dotfile, so neither the record reader nor the watcher takes it. */
export const JOURNAL_FILE = '.published.journal';

/**
 * The journal a compaction is folding into the ledger: renamed aside first, so that builds append to a new journal
 * meanwhile. Left behind only by a compaction that stopped half-way; read (before the journal) until folded.
 */
export const FOLDING_FILE = '.published.journal.folding';

/** The journal lines of `entries`: one entry object per line, keys in the ledger's order, each ending in `\n`. */
export function journalText(entries: readonly LedgerEntry[]): string {
  let text = '';
  for (const entry of entries) text += `${entryJson(entry)}\n`;
  return text;
}

/** What {@link replayJournal} found. */
export interface JournalReplay {
  /** Entries read (valid lines). */
  readonly lines: number;
  readonly diagnostics: Diagnostic[];
}

/**
 * Replays journal `text` onto `entries`, in order: each valid line is the whole entry of its id as a build left it,
 * so it replaces what the ledger (or an earlier line) said. A last line without its `\n` was cut short by a build
 * that stopped while appending it: a warning, never an error, and only that change is lost (the next build records
 * it again, as its entry still differs). Any other unreadable line is a warning too and is skipped.
 */
export function replayJournal(entries: Map<string, LedgerEntry>, text: string, file: string, instants = new Map<string, Date>()): JournalReplay {
  const diagnostics: Diagnostic[] = [];
  const lines = text.split('\n');
  let read = 0;
  lines.forEach((raw, index) => {
    const body = raw.trim();
    if (body === '') return;
    const line = index + 1;
    const torn = index === lines.length - 1;
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      const why = torn ? 'is incomplete (a build stopped while writing it)' : 'is not a ledger entry';
      diagnostics.push(ledgerWarning(file, line, undefined, `line ${line} ${why}; ignored (only that change is lost)`));
      return;
    }
    const entry = readLedgerEntry(value, (field, message) => diagnostics.push(ledgerWarning(file, line, field, message)), instants);
    if (entry === undefined) return;
    entries.set(entry.id, entry);
    read += 1;
  });
  return { lines: read, diagnostics };
}

/**
 * Appends `text` (whole lines) to the journal of `itemsDir`, creating it. One write on a file opened for appending:
 * writers in other processes add their own lines, never inside ours (O_APPEND, POSIX write(2)). A compaction that
 * renamed the journal aside while this wrote may have read it before our lines landed: then the lines are written
 * to the new journal too (replaying an entry twice gives the same entry).
 */
export async function appendJournal(itemsDir: string, text: string): Promise<void> {
  const file = path.join(itemsDir, JOURNAL_FILE);
  const handle = await open(file, 'a');
  try {
    await handle.appendFile(text);
    const written = await handle.stat();
    const now = await stat(file).catch(() => undefined);
    if (now === undefined || now.ino !== written.ino || now.dev !== written.dev) await appendFile(file, text);
  } finally {
    await handle.close();
  }
}
