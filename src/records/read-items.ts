// records: the items folder on disk → RawRecord[] (one per article file, in a stable order).
import type { Stats } from 'node:fs';
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { mapPool } from '../_lib/map-pool.ts';
import type { Diagnostic, Result } from '../diagnostics.ts';
import { decodeText } from './decode-text.ts';
import type { RawRecord, RecordFormat } from './raw-record.ts';
import { parseDispatch } from './parse-dispatch.ts';
import { parseJson } from './parse-json.ts';
import { parseMarkdown } from './parse-markdown.ts';

/** Options of {@link readItems}. */
export interface ReadItemsOptions {
  /** Configured category labels, to split run-together dispatch categories. */
  readonly vocabulary: readonly string[];
  /** Folder name used in `file` and messages; default: `dir` relative to the working directory. */
  readonly displayDir?: string;
}

/** Record files by extension (compared in lower case). `.markdown` is the other common Markdown extension. */
const FORMATS: Readonly<Record<string, RecordFormat>> = { '.md': 'md', '.markdown': 'md', '.json': 'json', '.txt': 'txt' };

/**
 * Reads every record below `dir`, sorted by relPath. Ignored: other extensions, names starting with `.`
 * or `_` (editor backups, drafts folders, `.DS_Store`) and `README.*` files, which document the folder.
 * A file that cannot be read or parsed is reported and skipped; the others still come through.
 */
export async function readItems(dir: string, options: ReadItemsOptions): Promise<Result<RawRecord[]>> {
  if (!Array.isArray(options?.vocabulary)) throw new TypeError('readItems: options.vocabulary must be an array');
  const listed = await listRecordFiles(dir, options);
  const diagnostics: Diagnostic[] = [...listed.diagnostics];
  const records: RawRecord[] = [];
  // A fixed pool of readers: never more open files than READ_CONCURRENCY, whatever the folder holds.
  const results = await mapPool(listed.value, READ_CONCURRENCY, (f) => readRecordFile(f, options.vocabulary));
  for (const r of results) {
    diagnostics.push(...r.diagnostics);
    if (r.value) records.push(r.value);
  }
  return { value: records, diagnostics };
}

/** Files read at once by {@link readItems}: well below any per-process open-file limit. */
export const READ_CONCURRENCY = 64;

/** One record file found by {@link listRecordFiles}. */
export interface RecordFile {
  /** Absolute or dir-based path to read. */
  readonly absolute: string;
  /** `/`-separated path below dir with extension, NFC: `2024/maroc.txt`. */
  readonly name: string;
  /** The same without extension: `2024/maroc`. */
  readonly relPath: string;
  /** Path shown in messages: `items/2024/maroc.txt`. */
  readonly file: string;
  readonly format: RecordFormat;
  /** Size in bytes and modification time, from the walk: what a rebuild compares to skip unchanged files. */
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
}

/**
 * Walks `dir` for record files, sorted by relPath, without reading them. Two files with one id (`a.md`, `a.json`):
 * the first in sorted order is listed, the others are reported.
 */
export async function listRecordFiles(dir: string, options: Pick<ReadItemsOptions, 'displayDir'> = {}): Promise<Result<RecordFile[]>> {
  if (typeof dir !== 'string' || dir === '') throw new TypeError('listRecordFiles: dir must be a non-empty string');
  const displayDir = toSlashes(options.displayDir ?? path.relative(process.cwd(), dir));
  const display = (rel: string): string => (displayDir === '' || displayDir === '.' ? rel : `${displayDir.replace(/\/+$/, '')}/${rel}`);
  const diagnostics: Diagnostic[] = [];

  const dirStat = await stat(dir).catch(() => undefined);
  if (!dirStat?.isDirectory()) {
    const what = dirStat ? 'is not a folder' : 'does not exist';
    diagnostics.push({ severity: 'error', file: displayDir || '.', code: 'items-dir-missing', message: `the items folder ${what}` });
    return { value: [], diagnostics };
  }

  const found: FoundFile[] = [];
  await walk(dir, '', found, new Set([await realpath(dir)]), diagnostics, display);
  found.sort((a, b) => compare(a.relPath, b.relPath) || compare(a.name, b.name));

  // Ids must be unique: the first file of a relPath (in sorted order) wins, later ones are errors.
  const owners = new Map<string, string>();
  const files: RecordFile[] = [];
  for (const f of found) {
    const owner = owners.get(f.relPath);
    if (owner === undefined) {
      owners.set(f.relPath, f.name);
      files.push({ ...f, file: display(f.name) });
    } else {
      diagnostics.push(...fail(display(f.name), 'duplicate-id', `same id "${f.relPath}" as ${display(owner)}; rename one of the two files`).diagnostics);
    }
  }
  return { value: files, diagnostics };
}

/** Reads, decodes and parses one listed file. Content problems are diagnostics; this never throws for them. */
export async function readRecordFile(f: RecordFile, vocabulary: readonly string[]): Promise<Result<RawRecord | undefined>> {
  return readRecord(f, f.file, vocabulary);
}

/**
 * What one path below `dir` is now, without walking the folder: a record file (as {@link listRecordFiles} would
 * list it), `'none'` when it is not a record file (deleted, ignored, another extension), or `'unsure'` when only a
 * walk can tell (a link, a folder, an unreadable path). A live rebuild uses it for the files a watcher named.
 */
export async function statRecordFile(
  dir: string, absolute: string, options: Pick<ReadItemsOptions, 'displayDir'> = {},
): Promise<RecordFile | 'none' | 'unsure'> {
  const rel = toSlashes(path.relative(dir, absolute));
  if (rel === '' || rel.startsWith('../') || rel === '..' || path.isAbsolute(rel)) return 'unsure';
  const segments = rel.split('/').map((s) => s.normalize('NFC'));
  if (segments.some(isIgnored)) return 'none';
  const name = segments.join('/');
  const ext = path.extname(name);
  const format = FORMATS[ext.toLowerCase()];
  const info = await lstat(absolute).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? null : undefined));
  if (info === undefined) return 'unsure';
  if (info === null) return 'none';
  if (!info.isFile()) return 'unsure';
  if (format === undefined || ext === path.basename(name)) return 'none';
  const displayDir = toSlashes(options.displayDir ?? path.relative(process.cwd(), dir));
  const file = displayDir === '' || displayDir === '.' ? name : `${displayDir.replace(/\/+$/, '')}/${name}`;
  return {
    absolute, name, relPath: name.slice(0, -ext.length), file, format,
    size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs,
  };
}

// --- internal ---

interface FoundFile {
  /** Absolute or dir-based path to read. */
  readonly absolute: string;
  /** `/`-separated path below dir with extension, NFC: `2024/maroc.txt`. */
  readonly name: string;
  /** The same without extension: `2024/maroc`. */
  readonly relPath: string;
  readonly format: RecordFormat;
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
}

function toSlashes(p: string): string {
  return p.split(path.sep).join('/');
}

/** Code-unit order, the same on every machine and locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isIgnored(name: string): boolean {
  return name.startsWith('.') || name.startsWith('_') || /^readme\.[^.]+$/i.test(name);
}

async function walk(
  absDir: string, relDir: string, found: FoundFile[], visited: Set<string>,
  diagnostics: Diagnostic[], display: (rel: string) => string,
): Promise<void> {
  let entries;
  try {
    entries = await readdir(absDir, { withFileTypes: true });
  } catch (error) {
    diagnostics.push({ severity: 'error', file: display(relDir || '.'), code: 'unreadable', message: `cannot read the folder: ${describe(error)}` });
    return;
  }
  for (const entry of entries) {
    const name = entry.name.normalize('NFC');
    if (isIgnored(name)) continue;
    const absolute = path.join(absDir, entry.name);
    const rel = relDir === '' ? name : `${relDir}/${name}`;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    let info: Stats | undefined;
    if (entry.isSymbolicLink() || isFile) {
      // Follow links, but never into a folder already walked (a link loop).
      info = await stat(absolute).catch(() => undefined);
      isDir = info?.isDirectory() ?? false;
      isFile = info?.isFile() ?? false;
    }
    if (isDir) {
      const real = await realpath(absolute).catch(() => absolute);
      if (visited.has(real)) continue;
      visited.add(real);
      await walk(absolute, rel, found, visited, diagnostics, display);
    } else if (isFile) {
      const ext = path.extname(name);
      const format = FORMATS[ext.toLowerCase()];
      if (format === undefined || ext === name) continue;
      found.push({
        absolute, name: rel, relPath: rel.slice(0, -ext.length), format,
        size: info?.size ?? 0, mtimeMs: info?.mtimeMs ?? 0, ctimeMs: info?.ctimeMs ?? 0,
      });
    }
  }
}

async function readRecord(f: FoundFile, file: string, vocabulary: readonly string[]): Promise<Result<RawRecord | undefined>> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(f.absolute);
  } catch (error) {
    return fail(file, 'unreadable', `cannot read the file: ${describe(error)}`);
  }
  const { text, notes } = decodeText(bytes);
  const warnings: Diagnostic[] = notes.map((n) => ({
    severity: 'warning',
    file,
    code: n.code,
    message: n.message,
    ...(n.line === undefined ? {} : { line: n.line }),
  }));
  const options = { file, relPath: f.relPath };
  const parsed =
    f.format === 'txt'
      ? parseDispatch(text, { ...options, vocabulary })
      : f.format === 'json'
        ? parseJson(text, options)
        : parseMarkdown(text, options);
  return warnings.length === 0 ? parsed : { value: parsed.value, diagnostics: [...warnings, ...parsed.diagnostics] };
}

function fail(file: string, code: string, message: string): Result<undefined> {
  return { value: undefined, diagnostics: [{ severity: 'error', file, code, message }] };
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : String(error);
}
