// lifecycle: the publication ledger `items/.published.json` ⇄ Ledger (what readers were given, per article id).
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { floorToSecond } from '../_lib/floor-to-second.ts';
import type { Diagnostic, Result } from '../diagnostics.ts';

/** File name of the ledger inside the items folder: a dotfile, so it is never read as a record. */
export const LEDGER_FILE = '.published.json';

/** What Gazette remembers about one published article. */
export interface LedgerEntry {
  /** Article id (the key); sorted on this. */
  readonly id: string;
  /** The guid / Atom id readers hold; kept for this id even if `siteUrl` or `tagDate` change later. */
  readonly guid: string;
  /** Instant of the first build that published it (whole seconds). */
  readonly published: Date;
  /** Instant of the first build that saw its current content, when that content changed after publication. */
  readonly updated?: Date | undefined;
  /** Instant of the first build that no longer found it among the published articles; unset while published. */
  readonly removed?: Date | undefined;
  /**
   * Instant of the last build that published it again after a removal (a draft published again, a file put back):
   * the feeds it returns to changed then, though its first publication is older. Absent from older ledgers.
   */
  readonly restored?: Date | undefined;
  /**
   * Instant of the last build that found its date or categories changed since the previous one (see `place`): the
   * lists it left changed then. Absent from older ledgers.
   */
  readonly moved?: Date | undefined;
  /** `contentHash` of what readers were last given (sha256, 64 hex digits). */
  readonly hash: string;
  /** Where lists show it: a digest of its date and categories (16 hex digits); absent from older ledgers. */
  readonly place?: string | undefined;
  /** Every page path it was published under, below the site root, oldest first; the last is the current one. */
  readonly paths: readonly string[];
  /** Ids its record file later gave by its path (after a move), which now name this article. */
  readonly aliases: readonly string[];
}

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
      lineErrors.push(warning(file, line, undefined, `line ${line} is not a ledger entry (a merge conflict?); ignored`));
      return;
    }
    if (isHeader(value)) {
      sawHeader = true;
      if ((value as { version?: unknown }).version !== HEADER.version) otherVersion = (value as { version?: unknown }).version;
      return;
    }
    const entry = readEntry(value, (field, message) => lineErrors.push(warning(file, line, field, message)));
    if (entry) add(entry);
  });
  if (otherVersion !== undefined) {
    const message = `is in ledger format ${JSON.stringify(otherVersion)}, which this Gazette does not read; starting a new one (only history is lost)`;
    return { value: EMPTY_LEDGER, diagnostics: [warning(file, undefined, undefined, message)] };
  }
  if (unreadableLine || !sawHeader) {
    // Not in the one-entry-per-line form: perhaps valid JSON an editor reformatted.
    const whole = parseWhole(text);
    if (whole) {
      entries.clear();
      for (const value of whole) {
        if (isHeader(value)) continue;
        const entry = readEntry(value, (field, message) => diagnostics.push(warning(file, undefined, field, message)));
        if (entry) add(entry);
      }
      return { value: entries, diagnostics };
    }
    if (!sawHeader) {
      return {
        value: EMPTY_LEDGER,
        diagnostics: [warning(file, undefined, undefined, 'is not a Gazette publication ledger; starting a new one (only history is lost)')],
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
  for (const id of ids) lines.push(lineOf(ledger.get(id)!));
  return `[${lines.join('\n')}\n]\n`;
}

/** Entries are immutable: a live site rewrites the ledger after each edit, so each entry's line is made once. */
const LINES = new WeakMap<LedgerEntry, string>();

function lineOf(entry: LedgerEntry): string {
  let line = LINES.get(entry);
  if (line === undefined) {
    line = `,${JSON.stringify(entryToJson(entry))}`;
    LINES.set(entry, line);
  }
  return line;
}

/** Reads `<itemsDir>/.published.json`; a missing file is the empty ledger, an unreadable one a warning. */
export async function readLedger(itemsDir: string, displayFile: string = path.join(itemsDir, LEDGER_FILE)): Promise<Result<Ledger>> {
  let text: string;
  try {
    text = await readFile(path.join(itemsDir, LEDGER_FILE), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { value: EMPTY_LEDGER, diagnostics: [] };
    return {
      value: EMPTY_LEDGER,
      diagnostics: [warning(displayFile, undefined, undefined, `cannot be read (${code ?? String(error)}); starting a new one (only history is lost)`)],
    };
  }
  return parseLedger(text, displayFile);
}

/**
 * Writes the ledger atomically (a temp file in the same folder, then a rename) when its bytes differ from the
 * file's. An empty ledger never creates the file. Returns true when it wrote.
 */
export async function writeLedger(itemsDir: string, ledger: Ledger): Promise<boolean> {
  const target = path.join(itemsDir, LEDGER_FILE);
  const text = serializeLedger(ledger);
  const current = await currentText(target);
  if (current === text || (current === undefined && ledger.size === 0)) return false;
  // A dotfile name too, so neither the record reader nor a watcher that skips dotfiles takes it for a record.
  const temp = path.join(itemsDir, `${LEDGER_FILE}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await remember(target, text);
  return true;
}

/**
 * The text of the file at `target`, undefined when it cannot be read. A live site writes the ledger after each edit:
 * while the file is as this process last wrote or read it (same inode, size and change times), that text is taken
 * from memory instead of reading a few megabytes back.
 */
async function currentText(target: string): Promise<string | undefined> {
  const before = await stampOf(target);
  const known = WRITTEN.get(target);
  if (known !== undefined && before !== undefined && known.stamp === before) return known.text;
  WRITTEN.delete(target);
  const text = await readFile(target, 'utf8').catch(() => undefined);
  // Kept only when nothing wrote the file while it was read.
  if (text !== undefined && before !== undefined && before === (await stampOf(target))) WRITTEN.set(target, { stamp: before, text });
  return text;
}

/** Per ledger path, the text this process last wrote or read there and the file's stamp just after. */
const WRITTEN = new Map<string, { readonly stamp: string; readonly text: string }>();

async function remember(target: string, text: string): Promise<void> {
  const stamp = await stampOf(target);
  if (stamp === undefined) WRITTEN.delete(target);
  else WRITTEN.set(target, { stamp, text });
}

/** Inode, size, modification and change times in nanoseconds: any write or replacement of the file changes it. */
async function stampOf(target: string): Promise<string | undefined> {
  const s = await stat(target, { bigint: true }).catch(() => undefined);
  return s === undefined ? undefined : `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
}

/** Canonical instant for the ledger: whole seconds, as every feed format shows them. */
export function ledgerInstant(date: Date): Date {
  return floorToSecond(date);
}

// --- internal ---

const HEADER = { gazette: 'publication-ledger', version: 1 } as const;
const HASH = /^[0-9a-f]{64}$/;
const PLACE = /^[0-9a-f]{16}$/;

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

function warning(file: string, line: number | undefined, field: string | undefined, message: string): Diagnostic {
  return {
    severity: 'warning',
    file,
    ...(line === undefined ? {} : { line }),
    ...(field === undefined ? {} : { field }),
    code: 'ledger-invalid',
    message,
  };
}

function readEntry(value: unknown, fail: (field: string | undefined, message: string) => void): LedgerEntry | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(undefined, 'expected one entry object per line; ignored');
    return undefined;
  }
  const o = value as Record<string, unknown>;
  const id = o.id;
  if (typeof id !== 'string' || id === '') {
    fail('id', 'expected a non-empty text; entry ignored');
    return undefined;
  }
  const bad = (field: string, expected: string) => {
    fail(field, `entry "${id}": expected ${expected}; entry ignored (only its history is lost)`);
    return undefined;
  };
  if (typeof o.guid !== 'string' || o.guid === '') return bad('guid', 'a non-empty text');
  const published = readInstant(o.published);
  if (!published) return bad('published', 'an RFC 3339 instant');
  const updated = o.updated === undefined ? undefined : readInstant(o.updated);
  if (o.updated !== undefined && !updated) return bad('updated', 'an RFC 3339 instant');
  const removed = o.removed === undefined ? undefined : readInstant(o.removed);
  if (o.removed !== undefined && !removed) return bad('removed', 'an RFC 3339 instant');
  const restored = o.restored === undefined ? undefined : readInstant(o.restored);
  if (o.restored !== undefined && !restored) return bad('restored', 'an RFC 3339 instant');
  const moved = o.moved === undefined ? undefined : readInstant(o.moved);
  if (o.moved !== undefined && !moved) return bad('moved', 'an RFC 3339 instant');
  if (o.place !== undefined && (typeof o.place !== 'string' || !PLACE.test(o.place))) return bad('place', '16 lower-case hex digits');
  if (typeof o.hash !== 'string' || !HASH.test(o.hash)) return bad('hash', '64 lower-case hex digits');
  if (!isStringList(o.paths) || !o.paths.every((p) => p.startsWith('/'))) return bad('paths', 'a list of paths starting with "/"');
  const aliases = o.aliases ?? [];
  if (!isStringList(aliases) || aliases.includes('')) return bad('aliases', 'a list of ids');
  const place = o.place as string | undefined;
  return { id, guid: o.guid, published, updated, removed, restored, moved, hash: o.hash, place, paths: unique(o.paths), aliases: unique(aliases) };
}

function readInstant(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function entryToJson(entry: LedgerEntry): Record<string, unknown> {
  return {
    id: entry.id,
    guid: entry.guid,
    published: entry.published.toISOString(),
    ...(entry.updated ? { updated: entry.updated.toISOString() } : {}),
    ...(entry.removed ? { removed: entry.removed.toISOString() } : {}),
    ...(entry.restored ? { restored: entry.restored.toISOString() } : {}),
    ...(entry.moved ? { moved: entry.moved.toISOString() } : {}),
    hash: entry.hash,
    ...(entry.place ? { place: entry.place } : {}),
    paths: entry.paths,
    ...(entry.aliases.length > 0 ? { aliases: entry.aliases } : {}),
  };
}

function latest(a: Date | undefined, b: Date | undefined): Date | undefined {
  return a === undefined || (b !== undefined && b > a) ? b : a;
}

/** Ids sort by UTF-16 code unit, the same on every machine and locale. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Two versions of one entry (both sides of a merge): the first publication and guid of the older, the content
 * of the one changed last, every path and alias of both. Commutative, so the merge order does not matter.
 */
function mergeEntries(a: LedgerEntry, b: LedgerEntry): LedgerEntry {
  const key = (e: LedgerEntry) => JSON.stringify(entryToJson(e));
  const time = (e: LedgerEntry) => (e.updated ?? e.published).getTime();
  const [older, newer] = time(a) !== time(b) ? (time(a) < time(b) ? [a, b] : [b, a]) : key(a) <= key(b) ? [a, b] : [b, a];
  const first = a.published.getTime() !== b.published.getTime() ? (a.published < b.published ? a : b) : older;
  // The newer side's current path stays last: it is where the article lives now.
  const paths = unique([...older.paths, ...newer.paths].filter((p) => p !== newer.paths.at(-1)).concat(newer.paths.slice(-1)));
  return {
    id: a.id,
    guid: first.guid,
    published: first.published,
    updated: newer.updated,
    removed: a.removed && b.removed ? newer.removed : undefined,
    restored: latest(a.restored, b.restored),
    moved: latest(a.moved, b.moved),
    place: newer.place ?? older.place,
    hash: newer.hash,
    paths,
    aliases: unique([...older.aliases, ...newer.aliases]).sort(compareIds),
  };
}
