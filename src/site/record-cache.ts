// site: steps 1 and 2 of a build — each record file read again only when its stat key changed (or it was read too
// soon after its last change to trust the key), and made an article once per version (or taken from the store).
//
// An unchanged file keeps its entry, hence the very same Article object: the steps after this one compare by
// identity. Streaming builds keep some records' bytes for their pages, and read the others again when asked.
import { mapPool } from '../_lib/map-pool.ts';
import type { Article } from '../article/article.ts';
import { toArticle, type ToArticleOptions } from '../article/to-article.ts';
import type { ResolvedConfig } from '../config/config-schema.ts';
import type { Diagnostic, Result } from '../diagnostics.ts';
import type { RawRecord } from '../records/raw-record.ts';
import { parseRecordText } from '../records/parse-record-text.ts';
import { readRecordBytes, readRecordFile, READ_CONCURRENCY, recordDisplayPath, type RecordFile } from '../records/read-items.ts';
import type { ArticleStore, StatEntry, StoredArticle } from './article-store.ts';
import { createListSharer, stamp, toStored } from './held-article.ts';
import { LazyPageError } from './site-build.ts';

/**
 * Most bytes of records a streaming build keeps for their pages (see `keptBytes`): 10,000 records of 5.5 KB, held
 * outside the V8 heap; a larger archive reads the rest again when their pages are written.
 */
export const KEPT_BYTES_BUDGET = 64 * 1024 * 1024;

/** A file read less than this long after its last change is re-read next time even with an unchanged stat key. */
export const RACY_MS = 1_000;

export interface FileEntry {
  /** The file as listed when it was read (where its bytes live, size, modification time). */
  readonly listed: RecordFile;
  /** Date.now() just before it was read. */
  readonly readAt: number;
  readonly file: string;
  /** What reading and parsing the file reported. */
  readonly recordDiagnostics: readonly Diagnostic[];
  /** The article stage's result; undefined when the file could not be read or parsed. */
  readonly article: Result<Article | undefined> | undefined;
  /** Feeds only: the article with its body rendered, once a feed shows it (null when that failed). */
  withBody?: Article | null;
  /** With keepLastGood, the previous version's full article (its body), for while that version stays published. */
  keptWithBody?: Article;
}

/** Options of {@link createRecordCache}. */
export interface RecordCacheOptions {
  readonly config: ResolvedConfig;
  /** Folder name shown in messages. */
  readonly displayDir: string;
  /** Render articles' bodies when they are read (false: a streaming build's light articles). */
  readonly bodies: boolean;
  /** Most bytes of records kept for their pages (0: none kept). */
  readonly keptBudget: number;
  /** Keep the body of a record's previous version while it may stay published (last good). */
  readonly keepLastGood: boolean;
  /** Synchronous reads (read-settled.ts): the CLI only. */
  readonly sync: boolean;
  readonly sizes: ToArticleOptions;
  readonly store: ArticleStore | undefined;
  readonly onProgress: ((done: number, total: number) => void) | undefined;
}

/** The record files as last read, by name. */
export interface RecordCache {
  /** An entry per listed file, in its order: the known one when its stat key is trusted, else read now. */
  read(listed: readonly RecordFile[]): Promise<FileEntry[]>;
  displayOf(file: RecordFile): string;
  entryOf(file: RecordFile): FileEntry | undefined;
  /** An article's record as it reads now (the lint gate names the line of the field at fault). */
  readRecord(article: Article): Promise<RawRecord | undefined>;
  /** The full article of `article`'s very source: the file's current version (read once) or its last good one. */
  bodyOf(article: Article, file: RecordFile, entry: FileEntry): Promise<Article | undefined>;
  /** A light article with its body, read again from its file now (a streaming build's page); not kept. */
  readBody(article: Article, file: RecordFile | undefined): Promise<Article>;
}

export function createRecordCache(options: RecordCacheOptions): RecordCache {
  const { config, bodies, keptBudget, sync, sizes, store } = options;
  const vocabulary = Object.values(config.categories).flatMap((c) => (c.label ? [c.label] : []));
  const shareList = createListSharer();
  let files = new Map<string, FileEntry>();
  /**
   * The bytes each record had when this build read it, up to the budget, so its page is made from them instead of a
   * second read (and from the very version the build published). Each is let go once its full article is made.
   */
  let keptBytes = new Map<string, Uint8Array>();
  let keptTotal = 0;
  const displayOf = (file: RecordFile): string => recordDisplayPath(options.displayDir, file.name);
  const parse = (bytes: Uint8Array, file: RecordFile, display: string) =>
    parseRecordText(bytes, { file: display, relPath: file.relPath, format: file.format, vocabulary, limits: config.limits });

  const readFullArticle = async (file: RecordFile, display: string): Promise<Article | undefined> => {
    const kept = keptBytes.get(file.name);
    if (kept !== undefined) keptBytes.delete(file.name);
    const record = kept === undefined ? await readRecordFile(file, { display, vocabulary, limits: config.limits, sync }) : parse(kept, file, display);
    return record.value ? toArticle(record.value, config, sizes).value : undefined;
  };

  const read = async (listed: readonly RecordFile[]): Promise<FileEntry[]> => {
    // Git's "racy" rule: an entry read so soon after its file's last change that a second edit within the file
    // system's time resolution could hide behind the same key is re-read once more, later, and trusted from then on.
    const entries: (FileEntry | undefined)[] = listed.map((file) => {
      const known = files.get(file.name);
      const trusted = known !== undefined && sameStat(known.listed, file) && known.readAt - file.mtimeMs > RACY_MS;
      // A new builder (`gazette build`): the same rule against the stat key the previous build persisted.
      return trusted ? known : store && known === undefined ? storedEntry(store, file, displayOf(file)) : undefined;
    });
    const misses = listed.flatMap((_, index) => (entries[index] === undefined ? [index] : []));
    keptBytes = new Map();
    keptTotal = 0;
    let done = listed.length - misses.length;
    options.onProgress?.(done, listed.length);
    const readEntry = async (index: number): Promise<void> => {
      const file = listed[index] as RecordFile;
      const readAt = Date.now();
      const display = displayOf(file);
      // Entries are written out whole, never spread: V8 gives each object made by `{ ...a, ...b }` a hidden class of its
      // own (≈ 300 bytes per record, held for the whole build).
      const entryOf = (held: StoredArticle): FileEntry => ({
        listed: file,
        readAt,
        file: display,
        recordDiagnostics: held.recordDiagnostics,
        article: held.article,
      });
      // As listed at its last read: a new inode under the name is an atomic save, read without waiting to settle.
      const previous = files.get(file.name)?.listed;
      const read = await readRecordBytes(file, { display, limits: config.limits, previous, sync });
      if ('failed' in read) {
        entries[index] = entryOf({ recordDiagnostics: stamp(read.failed.diagnostics, 'record'), article: undefined });
        return;
      }
      if (keptBudget > 0 && keptTotal + read.bytes.length <= keptBudget) {
        keptBytes.set(file.name, read.bytes);
        keptTotal += read.bytes.length;
      }
      // 2. Articles: validated once per record version (the entry is new whenever the file was re-read), or taken
      //    from the persistent store when these very bytes were validated by an earlier build.
      const make = () => toStored(parse(read.bytes, file, display), config, { ...sizes, body: bodies }, shareList, display);
      // What the read found (a writer still holding the file) belongs to this read, not to the stored bytes.
      const withRead = (stored: StoredArticle): StoredArticle =>
        read.diagnostics.length === 0 ? stored : { ...stored, recordDiagnostics: [...stamp(read.diagnostics, 'record'), ...stored.recordDiagnostics] };
      if (!store) {
        entries[index] = entryOf(withRead(make()));
        return;
      }
      const storeKey = store.keyOf(read.bytes, file.relPath, display);
      store.noteStat(file.name, statEntryOf(file, display, readAt, storeKey));
      let stored = store.get(storeKey);
      if (stored === undefined) {
        stored = make();
        store.set(storeKey, stored);
      }
      entries[index] = entryOf(withRead(stored));
    };
    await mapPool(misses, READ_CONCURRENCY, async (index) => {
      try {
        await readEntry(index);
      } finally {
        options.onProgress?.(++done, listed.length);
      }
    });
    const next = new Map<string, FileEntry>();
    for (const [index, entry] of entries.entries()) if (entry !== undefined) next.set((listed[index] as RecordFile).name, entry);
    // A re-read file keeps the body of its previous version while that version may stay published (last good).
    if (options.keepLastGood) {
      for (const index of misses) {
        const name = (listed[index] as RecordFile).name;
        const before = files.get(name);
        const kept = before?.withBody ?? before?.keptWithBody;
        const entry = next.get(name);
        if (kept && entry && entry !== before) entry.keptWithBody = kept;
      }
    }
    files = next;
    // Every miss was read above.
    return entries as FileEntry[];
  };

  return {
    read,
    displayOf,
    entryOf: (file) => files.get(file.name),
    async readRecord(article) {
      const file = [...files.values()].find((entry) => entry.file === article.file)?.listed;
      return file && (await readRecordFile(file, { display: article.file, vocabulary, limits: config.limits })).value;
    },
    async bodyOf(article, file, entry) {
      const held = heldBody(entry, article);
      if (held || entry.withBody !== undefined) return held;
      entry.withBody = (await readFullArticle(file, article.file)) ?? null;
      return heldBody(entry, article);
    },
    async readBody(article, file) {
      const changed = (why: string) => new LazyPageError(article.file, `${why} since the build read it: its page was not written; build again`);
      const entry = file ? files.get(file.name) : undefined;
      if (!file || !entry) throw changed('is no longer listed');
      const held = heldBody(entry, article);
      if (held) return withBodyOf(article, held);
      const full = await readFullArticle(file, article.file);
      // The file must still say what the build published (an edit meanwhile would mix two versions on the site).
      if (!full || full.sourceHash !== article.sourceHash) throw changed('changed');
      return withBodyOf(article, full);
    },
  };
}

/**
 * Whether a file is as it was when read: where its bytes live (a link may be retargeted), its size and modification
 * time. Compared field by field: a key string per file and build would print 10,000 times to compare them.
 */
export function sameStat(read: RecordFile, now: RecordFile): boolean {
  return read === now || (read.absolute === now.absolute && read.size === now.size && read.mtimeMs === now.mtimeMs);
}

/**
 * The entry of a record the previous build read, taken from the store without reading the file: only when its stat
 * key (where its bytes live, inode, size, mtime, ctime) is the one persisted and that read came more than
 * {@link RACY_MS} after the mtime, as git trusts its index (an edit in the same second could hide behind the key).
 * The ctime moves on every write, even one that sets an old mtime back (`cp -p`, `touch -d`, an archive extracted).
 */
function storedEntry(store: ArticleStore, file: RecordFile, display: string): FileEntry | undefined {
  const seen = store.statOf(file.name);
  if (seen === undefined || seen.display !== display || seen.absolute !== file.absolute || seen.size !== file.size) return undefined;
  if (seen.mtimeMs !== file.mtimeMs || seen.ino !== file.ino || seen.ctimeMs !== file.ctimeMs) return undefined;
  if (seen.readAt - file.mtimeMs <= RACY_MS) return undefined;
  const stored = store.get(seen.key);
  if (stored === undefined) return undefined;
  store.noteStat(file.name, seen);
  return { listed: file, readAt: seen.readAt, file: display, ...stored };
}

function statEntryOf(file: RecordFile, display: string, readAt: number, key: string): StatEntry {
  const { absolute, size, mtimeMs } = file;
  return { absolute, display, size, mtimeMs, ino: file.ino, ctimeMs: file.ctimeMs, readAt, key };
}

/** The full article of `article`'s very source that an entry holds: the file's current version or its last good one. */
function heldBody(entry: FileEntry, article: Article): Article | undefined {
  return [entry.keptWithBody, entry.withBody].find((full) => full?.sourceHash === article.sourceHash) ?? undefined;
}

/** A light article (as the life cycle made it: id, guid, updated) with the body and summary of the full one. */
export function withBodyOf(light: Article, full: Article): Article {
  return { ...light, html: full.html, summary: full.summary };
}
