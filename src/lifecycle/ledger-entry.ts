// lifecycle: one publication-ledger entry ⇄ its JSON line (the compacted ledger's `,{…}` lines and the journal's
// lines are the same objects), and the merge of two versions of one entry.

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

/** Receives one problem of an entry: the field (undefined: the whole line) and what is wrong. */
export type EntryProblem = (field: string | undefined, message: string) => void;

/**
 * One entry read from its parsed JSON, undefined (after `fail`) when it is not valid. `instants` shares one Date per
 * distinct instant among the entries of one read: a site's first build publishes every article at the same second,
 * so 10,000 entries hold a handful of Dates, not 10,000 (Dates are never mutated here: applyLedger makes new ones).
 */
export function readLedgerEntry(value: unknown, fail: EntryProblem, instants: Map<string, Date> = new Map()): LedgerEntry | undefined {
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
  const published = readInstant(o.published, instants);
  if (!published) return bad('published', 'an RFC 3339 instant');
  const updated = o.updated === undefined ? undefined : readInstant(o.updated, instants);
  if (o.updated !== undefined && !updated) return bad('updated', 'an RFC 3339 instant');
  const removed = o.removed === undefined ? undefined : readInstant(o.removed, instants);
  if (o.removed !== undefined && !removed) return bad('removed', 'an RFC 3339 instant');
  const restored = o.restored === undefined ? undefined : readInstant(o.restored, instants);
  if (o.restored !== undefined && !restored) return bad('restored', 'an RFC 3339 instant');
  const moved = o.moved === undefined ? undefined : readInstant(o.moved, instants);
  if (o.moved !== undefined && !moved) return bad('moved', 'an RFC 3339 instant');
  if (o.place !== undefined && (typeof o.place !== 'string' || !PLACE.test(o.place))) return bad('place', '16 lower-case hex digits');
  if (typeof o.hash !== 'string' || !HASH.test(o.hash)) return bad('hash', '64 lower-case hex digits');
  if (!isStringList(o.paths) || !o.paths.every((p) => p.startsWith('/'))) return bad('paths', 'a list of paths starting with "/"');
  const aliases = o.aliases ?? [];
  if (!isStringList(aliases) || aliases.includes('')) return bad('aliases', 'a list of ids');
  const place = o.place as string | undefined;
  return {
    id,
    guid: o.guid,
    published,
    updated,
    removed,
    restored,
    moved,
    hash: o.hash,
    place,
    paths: unique(o.paths),
    aliases: aliases.length === 0 ? NO_ALIASES : unique(aliases),
  };
}

/** The JSON text of one entry, keys in a fixed order: a line of the ledger (after its `,`) and of the journal. */
export function entryJson(entry: LedgerEntry): string {
  return JSON.stringify(entryToJson(entry));
}

/** Ids sort by UTF-16 code unit, the same on every machine and locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Two versions of one entry (both sides of a merge): the first publication and guid of the older, the content
 * of the one changed last, every path and alias of both. Commutative, so the merge order does not matter.
 */
export function mergeEntries(a: LedgerEntry, b: LedgerEntry): LedgerEntry {
  const key = (e: LedgerEntry) => entryJson(e);
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

// --- internal ---

const HASH = /^[0-9a-f]{64}$/;
const PLACE = /^[0-9a-f]{16}$/;
/** The aliases of an entry that has none (nearly all): one shared frozen list instead of an empty array each. */
const NO_ALIASES: readonly string[] = Object.freeze([]);

function readInstant(value: unknown, instants: Map<string, Date>): Date | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value)) return undefined;
  const known = instants.get(value);
  if (known !== undefined) return known;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return undefined;
  instants.set(value, date);
  return date;
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
