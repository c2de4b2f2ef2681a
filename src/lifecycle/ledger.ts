// lifecycle: the compacted publication ledger `items/.published.json` ⇄ Ledger (what readers were given, per article
// id). The journal beside it holds what changed since (ledger-journal.ts); ledger-store.ts reads and writes both.
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { floorToSecond } from '../_lib/floor-to-second.ts';
import type { Diagnostic, Result } from '../diagnostics.ts';
import { compareIds, entryJson, mergeEntries, readLedgerEntry, type LedgerEntry } from './ledger-entry.ts';

export type { LedgerEntry } from './ledger-entry.ts';

/** File name of the ledger inside the items folder: a dotfile, so it is never read as a record. */
export const LEDGER_FILE = '.published.json';

/** The whole ledger, keyed by article id. */
export type Ledger = ReadonlyMap<string, LedgerEntry>;

/** The empty ledger (no history): what a missing or corrupt file reads as. */
export const EMPTY_LEDGER: Ledger = new Map();

/**
 * Reads the ledger text. Never fails: a line that is not a valid entry is a warning and only that entry is lost
 * (its article then starts a new history); a file of another format is a warning and reads as the empty ledger.
 * Two lines for one id (a `merge=union` git merge) are merged: every path and alias kept, the newest content.
 */
export function parseLedger(text: string, file: string): Result<Ledger> {
  if (typeof text !== 'string') throw new TypeError(`text: expected a string, got ${typeof text}`);
  const diagnostics: Diagnostic[] = [];
  const entries = new Map<string, LedgerEntry>();
  const instants = new Map<string, Date>();
  const add = (entry: LedgerEntry) => {
    const before = entries.get(entry.id);
    entries.set(entry.id, before ? mergeEntries(before, entry) : entry);
  };
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const lineErrors: Diagnostic[] = [];
  let sawHeader = false;
  let unreadableLine = false;
  let otherVersion: unknown;
  lines.forEach((raw, index) => {
    // Each line is `[header`, `,{entry}` or `]`: strip the punctuation that joins lines into one JSON array.
    const body = raw
      .trim()
      .replace(/^[[,]\s*/, '')
      .replace(/\s*[,\]]*$/, '')
      .trim();
    if (body === '') return;
    const line = index + 1;
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      unreadableLine = true;
      lineErrors.push(ledgerWarning(file, line, undefined, `line ${line} is not a ledger entry (a merge conflict?); ignored`));
      return;
    }
    if (isHeader(value)) {
      sawHeader = true;
      if ((value as { version?: unknown }).version !== HEADER.version) otherVersion = (value as { version?: unknown }).version;
      return;
    }
    const entry = readLedgerEntry(value, (field, message) => lineErrors.push(ledgerWarning(file, line, field, message)), instants);
    if (entry) add(entry);
  });
  if (otherVersion !== undefined) {
    const message = `is in ledger format ${JSON.stringify(otherVersion)}, which this Gazette does not read; starting a new one (only history is lost)`;
    return { value: EMPTY_LEDGER, diagnostics: [ledgerWarning(file, undefined, undefined, message)] };
  }
  if (unreadableLine || !sawHeader) {
    // Not in the one-entry-per-line form: perhaps valid JSON an editor reformatted.
    const whole = parseWhole(text);
    if (whole) {
      entries.clear();
      for (const value of whole) {
        if (isHeader(value)) continue;
        const entry = readLedgerEntry(value, (field, message) => diagnostics.push(ledgerWarning(file, undefined, field, message)), instants);
        if (entry) add(entry);
      }
      return { value: entries, diagnostics };
    }
    if (!sawHeader) {
      return {
        value: EMPTY_LEDGER,
        diagnostics: [ledgerWarning(file, undefined, undefined, 'is not a Gazette publication ledger; starting a new one (only history is lost)')],
      };
    }
  }
  return { value: entries, diagnostics: [...diagnostics, ...lineErrors] };
}

/**
 * The ledger as text: a JSON array whose first line is a header and every other line `,{…}` one entry, sorted by
 * id, keys in a fixed order. Adding, changing or removing an article touches only its own line, so git merges
 * it line by line (and `merge=union` keeps both sides, which `parseLedger` merges).
 */
export function serializeLedger(ledger: Ledger): string {
  const ids = [...ledger.keys()].sort(compareIds);
  const lines = [JSON.stringify(HEADER)];
  for (const id of ids) lines.push(`,${entryJson(ledger.get(id)!)}`);
  return `[${lines.join('\n')}\n]\n`;
}

/**
 * Reads the compacted file `<itemsDir>/.published.json` alone (ledger-store.ts adds the journal): a missing file is
 * the empty ledger, an unreadable one a warning. `size` is its length in bytes (0 when missing); `tidy` is false when
 * it is not as serializeLedger writes it, as far as a look at it tells (warnings, lines merged or reformatted).
 */
export async function readLedgerFile(
  itemsDir: string,
  displayFile: string = path.join(itemsDir, LEDGER_FILE),
): Promise<Result<Ledger> & { size: number; tidy: boolean }> {
  let text: string;
  try {
    text = await readFile(path.join(itemsDir, LEDGER_FILE), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { value: EMPTY_LEDGER, diagnostics: [], size: 0, tidy: true };
    return {
      value: EMPTY_LEDGER,
      diagnostics: [ledgerWarning(displayFile, undefined, undefined, `cannot be read (${code ?? String(error)}); starting a new one (only history is lost)`)],
      size: 0,
      tidy: false,
    };
  }
  const read = parseLedger(text, displayFile);
  // One line per entry plus the header's and the closing bracket's: no line was merged, split or reformatted.
  let newlines = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) newlines += 1;
  const tidy = read.diagnostics.length === 0 && newlines === read.value.size + 2 && !text.includes('\r') && !text.startsWith('\uFEFF');
  return { ...read, size: Buffer.byteLength(text), tidy };
}

/**
 * Writes the ledger whole and atomically (a temp file in the same folder, then a rename) when its bytes differ from
 * the file's. An empty ledger never creates the file. Returns true when it wrote.
 */
export async function writeLedger(itemsDir: string, ledger: Ledger): Promise<boolean> {
  const text = serializeLedger(ledger);
  const current = await readFile(path.join(itemsDir, LEDGER_FILE), 'utf8').catch(() => undefined);
  if (current === text || (current === undefined && ledger.size === 0)) return false;
  await replaceLedgerFile(itemsDir, text);
  return true;
}

/** Puts `text` in place of the ledger file atomically: a reader sees the old file or the new one, never a part. */
export async function replaceLedgerFile(itemsDir: string, text: string): Promise<void> {
  // A dotfile name too, so neither the record reader nor a watcher that skips dotfiles takes it for a record.
  const temp = path.join(itemsDir, `${LEDGER_FILE}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text);
    await rename(temp, path.join(itemsDir, LEDGER_FILE));
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Canonical instant for the ledger: whole seconds, as every feed format shows them. */
export function ledgerInstant(date: Date): Date {
  return floorToSecond(date);
}

// --- internal ---

const HEADER = { gazette: 'publication-ledger', version: 1 } as const;

function isHeader(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { gazette?: unknown }).gazette === HEADER.gazette;
}

function parseWhole(text: string): unknown[] | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.some(isHeader) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A ledger problem: always a warning (the ledger is an aid, never a gate). Journal lines are reported so too. */
export function ledgerWarning(file: string, line: number | undefined, field: string | undefined, message: string): Diagnostic {
  return {
    severity: 'warning',
    file,
    ...(line === undefined ? {} : { line }),
    ...(field === undefined ? {} : { field }),
    code: 'ledger-invalid',
    message,
  };
}
