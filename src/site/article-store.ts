// site: a persistent cache of validated articles between `gazette build` runs, keyed by each record's bytes.
//
// The expensive part of a build is turning a record into an Article (Markdown, sanitising). A record whose bytes, path
// and configuration are those of a previous build gives the same Article and diagnostics (toArticle is pure in them),
// so the result is kept on disk in one file per configuration, written with v8.serialize (Dates survive). The folder
// can be deleted at any time; a file from another Gazette version or another configuration is never read, and a
// corrupt one is ignored. Beside the articles it keeps each record's stat key as last read (see {@link StatEntry}),
// so a warm build takes an unchanged record from here without reading it (record-cache.ts applies git's racy rule).
import { createHash } from 'node:crypto';
import path from 'node:path';
import { readCacheMaps, writeCacheFile } from './cache-file.ts';
import type { Article } from '../article/article.ts';
import type { ResolvedConfig } from '../config/config-schema.ts';
import { displayPath, type Diagnostic, type Result } from '../diagnostics.ts';
import { codeStamp } from '../_lib/code-stamp.ts';

/** What is kept per record: everything the record and article stages reported, and the article. */
export interface StoredArticle {
  readonly recordDiagnostics: readonly Diagnostic[];
  readonly article: Result<Article | undefined> | undefined;
}

/** A record file as a build read it: its stat key, when it was read, and the key of its bytes. */
export interface StatEntry {
  readonly absolute: string;
  readonly display: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number | undefined;
  readonly ctimeMs: number | undefined;
  /** Date.now() just before the read. */
  readonly readAt: number;
  /** {@link ArticleStore.keyOf} of the bytes read. */
  readonly key: string;
}

/** An open store: look-ups during a build, then one write of what this build used. */
export interface ArticleStore {
  /** The key of one record: its bytes, where it lives and how it is shown. */
  keyOf(bytes: Uint8Array, relPath: string, display: string): string;
  get(key: string): StoredArticle | undefined;
  set(key: string, value: StoredArticle): void;
  /** How record `name` (RecordFile.name) was when a build last read it, if known. */
  statOf(name: string): StatEntry | undefined;
  /** Keeps `entry` for the next build (a record read now, or one trusted from its stat key). */
  noteStat(name: string, entry: StatEntry): void;
  /** Writes the entries used since opening (so the file follows the site, not its history), if anything changed. */
  save(): Promise<void>;
}

/** Bumped whenever what is stored, or how an Article is made, changes shape. */
const FORMAT = 3;

/**
 * Opens the store of `config` in `dir`. `version` is Gazette's own version: a new version (or changed code of the
 * record and article stages) starts empty, since what it makes of a record may differ.
 */
export async function openArticleStore(dir: string, config: ResolvedConfig, version: string): Promise<ArticleStore> {
  const configKey = createHash('sha256')
    .update(JSON.stringify([FORMAT, version, codeStamp(['records', 'article', 'article/_lib', '_lib']), config]))
    .digest('hex')
    .slice(0, 24);
  const file = path.join(dir, `articles-${configKey}.bin`);
  const { articles: known, stats: knownStats } = await load(file);
  const used = new Map<string, StoredArticle>();
  const usedStats = new Map<string, StatEntry>();
  let changed = false;
  return {
    keyOf: (bytes, relPath, display) => createHash('sha256').update(bytes).update('\0').update(relPath).update('\0').update(display).digest('base64url'),
    get(key) {
      const hit = used.get(key) ?? known.get(key);
      if (hit !== undefined) used.set(key, hit);
      return hit;
    },
    set(key, value) {
      used.set(key, value);
      changed = true;
    },
    statOf: (name) => knownStats.get(name),
    noteStat(name, entry) {
      if (knownStats.get(name) !== entry) changed = true;
      usedStats.set(name, entry);
    },
    async save() {
      if (!changed && used.size === known.size && usedStats.size === knownStats.size) return;
      await writeCacheFile(file, { articles: used, stats: usedStats });
    },
  };
}

/**
 * Saves `store`, if any. A cache that cannot be written (a read-only checkout) costs speed, never the build: the
 * failure comes back as a warning naming `dir` and what it costs (`the next build starts cold`).
 */
export async function saveArticleStore(store: Pick<ArticleStore, 'save'> | undefined, dir: string, cost: string): Promise<Diagnostic[]> {
  const problem = await store?.save().then(
    () => undefined,
    (error: unknown) => error,
  );
  if (problem === undefined) return [];
  const why = (problem as NodeJS.ErrnoException).code ?? String(problem);
  return [
    {
      severity: 'warning',
      file: displayPath(dir),
      code: 'cache-unwritable',
      source: 'config',
      message: `the article cache could not be written (${why}); ${cost}`,
    },
  ];
}

/** Where a project keeps it: `node_modules/.cache/gazette` in the working directory, as other build tools do. */
export function defaultStoreDir(): string {
  return path.resolve('node_modules', '.cache', 'gazette');
}

// --- internal ---

interface Loaded {
  readonly articles: Map<string, StoredArticle>;
  readonly stats: Map<string, StatEntry>;
}

async function load(file: string): Promise<Loaded> {
  const [articles, stats] = await readCacheMaps(file, ['articles', 'stats']);
  return { articles, stats } as Loaded;
}
