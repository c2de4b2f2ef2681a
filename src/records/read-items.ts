// records: the items folder on disk → RawRecord[] (one per article file, in a stable order).
//
// Two steps the live site can also run apart: `listRecordFiles` walks the folder (links, ignores, duplicate ids)
// and `readRecordFile` reads one file with bounded I/O and parses it with `parseRecordText` (pure, worker-safe).
import type { Stats } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { mapPool } from '../_lib/map-pool.ts';
import { internalError } from '../_lib/internal-error.ts';
import { DEFAULT_LIMITS, type RecordLimits } from '../config/config-schema.ts';
import type { Diagnostic, Result } from '../diagnostics.ts';
import { parseRecordText } from './parse-record-text.ts';
import type { RawRecord, RecordFormat } from './raw-record.ts';
import { checkRecordSize } from './record-limits.ts';
import type { FileWriter } from './find-file-writer.ts';
import { readSettled, SETTLE_LIMIT_MS, WRITER_LIMIT_MS } from './read-settled.ts';

/** Options of {@link readItems}. */
export interface ReadItemsOptions {
  /** Configured category labels, to split run-together dispatch categories. */
  readonly vocabulary: readonly string[];
  /** Folder name used in `file` and messages; default: `dir` relative to the working directory. */
  readonly displayDir?: string;
  /** Size, nesting and alias budgets (`config.limits`); default {@link DEFAULT_LIMITS}. */
  readonly limits?: RecordLimits;
  /** The longest a read waits for a writer to close a file (ms); default {@link WRITER_LIMIT_MS} (read-settled.ts). */
  readonly writerLimitMs?: number;
}

/** Options of {@link listRecordFiles}. */
export interface ListRecordFilesOptions {
  /** Folder name used in messages; default: `dir` relative to the working directory. */
  readonly displayDir?: string;
}

/** Options of {@link readRecordFile}. */
export interface ReadRecordFileOptions {
  /** Path shown in diagnostics and `RawRecord.file`: `recordDisplayPath(displayDir, file.name)`. */
  readonly display: string;
  /** Configured category labels, to split run-together dispatch categories. */
  readonly vocabulary: readonly string[];
  /** Size, nesting and alias budgets; default {@link DEFAULT_LIMITS}. */
  readonly limits?: RecordLimits;
  /**
   * The same file as listed when it was last read: when its inode differs, the file was replaced whole (an atomic
   * save) and is read at once; otherwise a file changed moments ago is read once it has settled (read-settled.ts).
   */
  readonly previous?: RecordFile | undefined;
  /** Synchronous file calls for a settled file (read-settled.ts): only where nothing else shares the thread. */
  readonly sync?: boolean;
  /** The longest the read waits for a writer to close the file (ms); default {@link WRITER_LIMIT_MS} (read-settled.ts). */
  readonly writerLimitMs?: number;
}

/** One record file found by {@link listRecordFiles}, with the stat information of the walk. */
export interface RecordFile {
  /** Path to read: below `dir`, or the real path of a link that stays inside the items folder. */
  readonly absolute: string;
  /** `/`-separated path below the items folder with extension, NFC: `2024/maroc.txt`. */
  readonly name: string;
  /** The same without extension: `2024/maroc`, the default article id. */
  readonly relPath: string;
  readonly format: RecordFormat;
  /** Size in bytes when listed. */
  readonly size: number;
  /** Modification time when listed, in ms since the epoch. */
  readonly mtimeMs: number;
  /** Inode number when listed: another one under the same name means the file was replaced whole. */
  readonly ino?: number;
  /** Status change time when listed (ms): moves on any write, even one that puts an old mtime back (`cp -p`, `touch -d`). */
  readonly ctimeMs?: number;
}

/** Files read at once by {@link readItems}: enough to keep the disk busy, far below any open-files limit. */
export const READ_CONCURRENCY = 64;

/**
 * Reads every record below `dir`, sorted by relPath: {@link listRecordFiles}, then {@link readRecordFile} for each
 * file, at most {@link READ_CONCURRENCY} at a time. A file that cannot be read or parsed is reported and skipped;
 * the others still come through.
 */
export async function readItems(dir: string, options: ReadItemsOptions): Promise<Result<RawRecord[]>> {
  if (typeof dir !== 'string' || dir === '') throw new TypeError('readItems: dir must be a non-empty string');
  if (!Array.isArray(options?.vocabulary)) throw new TypeError('readItems: options.vocabulary must be an array');
  const displayDir = displayDirOf(dir, options.displayDir);
  const listed = await listRecordFiles(dir, { displayDir });
  const diagnostics: Diagnostic[] = [...listed.diagnostics];
  const readOptions = { vocabulary: options.vocabulary, limits: options.limits ?? DEFAULT_LIMITS, writerLimitMs: options.writerLimitMs ?? WRITER_LIMIT_MS };
  const results = await mapPool(listed.value, READ_CONCURRENCY, (file) =>
    readRecordFile(file, { ...readOptions, display: recordDisplayPath(displayDir, file.name) }),
  );
  const records: RawRecord[] = [];
  for (const r of results) {
    diagnostics.push(...r.diagnostics);
    if (r.value) records.push(r.value);
  }
  return { value: records, diagnostics };
}

/**
 * Walks `dir` and lists its record files, sorted by relPath. Ignored: other extensions, names starting with `.`
 * or `_` (editor backups, drafts folders, `.DS_Store`) and `README.*` files, which document the folder.
 * Links are followed only while their real path stays inside the items folder; a link out of it is an error and is
 * not followed (the message names the link, never its target). Dangling links, link loops, unreadable folders and
 * entries that are not regular files are reported. Two files with one id (`a.md`, `a.json`): the first in sorted
 * order wins, the next is an error.
 */
export async function listRecordFiles(dir: string, options: ListRecordFilesOptions = {}): Promise<Result<RecordFile[]>> {
  if (typeof dir !== 'string' || dir === '') throw new TypeError('listRecordFiles: dir must be a non-empty string');
  const displayDir = displayDirOf(dir, options.displayDir);
  const display = (rel: string): string => recordDisplayPath(displayDir, rel);
  const diagnostics: Diagnostic[] = [];
  const report = (severity: Diagnostic['severity'], rel: string, code: string, message: string, line?: number): void => {
    diagnostics.push({ severity, file: display(rel), ...(line === undefined ? {} : { line }), code, message });
  };

  const dirStat = await stat(dir).catch(() => undefined);
  // The folder may vanish between the two calls (a release switch): then it is missing, not a crash.
  const rootReal = dirStat?.isDirectory() ? await realpath(dir).catch(() => undefined) : undefined;
  if (!dirStat?.isDirectory() || rootReal === undefined) {
    const what = dirStat ? 'is not a folder' : 'does not exist';
    diagnostics.push({ severity: 'error', file: escapeControls(displayDir) || '.', code: 'items-dir-missing', message: `the items folder ${what}` });
    return { value: [], diagnostics };
  }
  const found: RecordFile[] = [];
  const visited = new Set<string>([rootReal]);
  // An explicit stack, not recursion: a folder tree's depth drives nothing but this array.
  const folders: { absolute: string; real: string; rel: string }[] = [{ absolute: dir, real: rootReal, rel: '' }];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    let entries;
    try {
      entries = await readdir(folder.absolute, { withFileTypes: true });
    } catch (error) {
      report('error', folder.rel || '.', 'unreadable', `cannot read the folder: ${describe(error)}`);
      continue;
    }
    const seen = await mapPool(entries, READ_CONCURRENCY, async (entry) => {
      const name = entry.name.normalize('NFC');
      if (isIgnored(name)) return undefined;
      const rel = folder.rel === '' ? name : `${folder.rel}/${name}`;
      const absolute = path.join(folder.absolute, entry.name);
      const isRecordName = formatOf(name) !== undefined;
      let real = path.join(folder.real, entry.name);
      if (entry.isSymbolicLink()) {
        try {
          real = await realpath(absolute);
        } catch (error) {
          const code = describe(error);
          if (code === 'ENOENT' && hasUndecodableName(entry.name)) report('error', rel, 'name-not-utf8', NOT_UTF8);
          else if (code === 'ELOOP') report('error', rel, 'link-loop', 'is a link that leads back to itself; not followed');
          else if (code === 'ENOENT') report(isRecordName ? 'error' : 'warning', rel, 'link-dangling', 'is a link to nothing (its target does not exist)');
          else report('error', rel, 'unreadable', `cannot follow the link: ${code}`);
          return undefined;
        }
        if (!isInside(rootReal, real)) {
          // Never name or read the target: a link to /etc must not leak a line of /etc/passwd into a message.
          report('error', rel, 'link-outside', 'is a link to a place outside the items folder; not followed');
          return undefined;
        }
      }
      let info;
      try {
        info = await stat(real);
      } catch (error) {
        if (describe(error) === 'ENOENT' && hasUndecodableName(entry.name)) report('error', rel, 'name-not-utf8', NOT_UTF8);
        else report('error', rel, 'unreadable', `cannot read it: ${describe(error)}`);
        return undefined;
      }
      return { name, rel, absolute: entry.isSymbolicLink() ? real : absolute, real, info, isLink: entry.isSymbolicLink() };
    });
    // Sorted, and folders pushed in reverse: the walk order (which of two links to one folder wins) is the same on
    // every file system, whatever order readdir returns.
    const items = seen.filter((x) => x !== undefined).sort((a, b) => compare(a.name, b.name));
    const subfolders: { absolute: string; real: string; rel: string }[] = [];
    for (const item of items) {
      const { name, rel, absolute, real, info, isLink } = item;
      if (info.isDirectory()) {
        if (visited.has(real)) {
          report('warning', rel, 'link-loop', 'is a link to a folder already read; not followed again');
          continue;
        }
        visited.add(real);
        subfolders.push({ absolute, real, rel });
      } else if (info.isFile()) {
        const format = formatOf(name);
        if (format === undefined) continue;
        found.push({ absolute, name: rel, relPath: rel.slice(0, -path.extname(name).length), format, ...statKeyOf(info) });
      } else if (formatOf(name) !== undefined) {
        // A FIFO or device named like a record would block or never end a read.
        report('error', rel, 'not-a-file', `is not a regular file${isLink ? ' (a link to one)' : ''}; not read`);
      }
    }
    folders.push(...subfolders.reverse());
  }
  found.sort((a, b) => compare(a.relPath, b.relPath) || compare(a.name, b.name));
  // Entries of a folder are looked at concurrently: report in name order, whatever finished first.
  diagnostics.sort((a, b) => compare(a.file, b.file));

  // Ids must be unique: the first file of a relPath (in sorted order) wins, later ones are errors.
  const owners = new Map<string, string>();
  const files: RecordFile[] = [];
  for (const f of found) {
    const owner = owners.get(f.relPath);
    if (owner === undefined) {
      owners.set(f.relPath, f.name);
      files.push(f);
    } else {
      report('error', f.name, 'duplicate-id', `same id "${escapeControls(f.relPath)}" as ${display(owner)}; rename one of the two files`, 1);
    }
  }
  return { value: files, diagnostics };
}

/**
 * Reads one listed file (at most `limits.recordBytes` + 1 bytes, never following a FIFO) and parses it with
 * {@link parseRecordText}. Never throws for content or I/O: an unreadable file is an `unreadable` diagnostic.
 */
export async function readRecordFile(file: RecordFile, options: ReadRecordFileOptions): Promise<Result<RawRecord | undefined>> {
  if (typeof file?.absolute !== 'string') throw new TypeError('readRecordFile: file must be a RecordFile');
  if (typeof options?.display !== 'string') throw new TypeError('readRecordFile: options.display must be a string');
  const read = await readRecordBytes(file, options);
  if ('failed' in read) return read.failed;
  const limits = options.limits ?? DEFAULT_LIMITS;
  const parsed = parseRecordText(read.bytes, { file: options.display, relPath: file.relPath, format: file.format, vocabulary: options.vocabulary, limits });
  return read.diagnostics.length === 0 ? parsed : { ...parsed, diagnostics: [...read.diagnostics, ...parsed.diagnostics] };
}

/**
 * The bytes of one listed file, read as {@link readRecordFile} reads them, with what the read itself found (a writer
 * that still held the file), or the diagnostic that stops it (too large, unreadable). For callers that look the bytes
 * up in a cache before parsing them with {@link parseRecordText}.
 */
export async function readRecordBytes(
  file: RecordFile,
  options: Pick<ReadRecordFileOptions, 'display' | 'limits' | 'previous' | 'sync' | 'writerLimitMs'>,
): Promise<{ readonly bytes: Uint8Array; readonly diagnostics: readonly Diagnostic[] } | { readonly failed: Result<undefined> }> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const tooLarge = checkRecordSize(file.size, limits, options.display);
  if (tooLarge.length > 0) return { failed: { value: undefined, diagnostics: tooLarge } };
  const { previous } = options;
  const replaced = previous?.ino !== undefined && file.ino !== undefined && previous.absolute === file.absolute && previous.ino !== file.ino;
  const diagnostics: Diagnostic[] = [];
  const writerLimitMs = options.writerLimitMs ?? WRITER_LIMIT_MS;
  const onStillOpen = (writer: FileWriter): void => {
    const who = `process ${writer.pid}${writer.command === '' ? '' : ` (${escapeControls(writer.command)})`}`;
    const message = `was still open for writing by ${who} after ${writerLimitMs / 1000} s; read as it was then (a later write is read again)`;
    diagnostics.push({ severity: 'warning', file: options.display, code: 'record-still-open', message });
  };
  try {
    const settleOptions = { replaced, onStillOpen, writerLimitMs, ...(options.sync ? { sync: true } : {}) };
    return { bytes: await readSettled(file.absolute, limits.recordBytes + 1, settleOptions), diagnostics };
  } catch (error) {
    if (describe(error) === 'ESETTLE') {
      const message = `kept changing for ${SETTLE_LIMIT_MS / 1000} s while it was read (still being written?); not read, it is read again once it changes`;
      return { failed: fail(options.display, 'record-changing', message) };
    }
    if (isSystemError(error)) return { failed: fail(options.display, 'unreadable', `cannot read the file: ${describe(error)}`) };
    return { failed: { value: undefined, diagnostics: [internalError(options.display, error)] } };
  }
}

/**
 * The path a record file is shown as: `<displayDir>/<name>`, with control characters escaped (`\n`, `\u0085`) so
 * a file name holding a newline never splits a diagnostic line.
 */
export function recordDisplayPath(displayDir: string, name: string): string {
  const dir = toSlashes(displayDir);
  const shown = dir === '' || dir === '.' ? name : `${dir.replace(/\/+$/, '')}/${name}`;
  return escapeControls(shown);
}

/**
 * What one path below `dir` is now, without walking the folder: a record file (as {@link listRecordFiles} would
 * list it), `'none'` when it is not a record file (deleted, ignored, another extension), or `'unsure'` when only a
 * walk can tell (a link, a folder, an unreadable path). A live rebuild uses it for the files a watcher named.
 */
export async function statRecordFile(dir: string, absolute: string): Promise<RecordFile | 'none' | 'unsure'> {
  const rel = toSlashes(path.relative(dir, absolute));
  if (rel === '' || rel === '..' || rel.startsWith('../') || path.isAbsolute(rel)) return 'unsure';
  const segments = rel.split('/').map((s) => s.normalize('NFC'));
  if (segments.some(isIgnored)) return 'none';
  const name = segments.join('/');
  const info = await lstat(absolute).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? null : undefined));
  if (info === undefined) return 'unsure';
  if (info === null) return 'none';
  if (!info.isFile()) return 'unsure';
  const format = formatOf(path.basename(name));
  if (format === undefined) return 'none';
  return { absolute, name, relPath: name.slice(0, -path.extname(name).length), format, ...statKeyOf(info) };
}

/** What a listing keeps of a file's stat: enough to tell a later change (size, times, inode). */
function statKeyOf(info: Stats): Pick<RecordFile, 'size' | 'mtimeMs' | 'ino' | 'ctimeMs'> {
  return { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino, ctimeMs: info.ctimeMs };
}

/** Record files by extension (compared in lower case). `.markdown` is the other common Markdown extension. */
const FORMATS: Readonly<Record<string, RecordFormat>> = { '.md': 'md', '.markdown': 'md', '.json': 'json', '.txt': 'txt' };

/** The file extensions of records, lower-case with their dot (`.md`, `.markdown`, `.json`, `.txt`). */
export const RECORD_EXTENSIONS: readonly string[] = Object.keys(FORMATS);

// --- internal ---

/**
 * A name that is not valid UTF-8 reaches JavaScript with U+FFFD in place of its bad bytes, so the path built from it
 * names no file (ENOENT although the file is there): the file must be renamed.
 */
function hasUndecodableName(name: string): boolean {
  return name.includes('\uFFFD');
}

const NOT_UTF8 = 'its name is not valid UTF-8 (shown with � in its place), so it cannot be opened; rename it';

function formatOf(name: string): RecordFormat | undefined {
  const ext = path.extname(name);
  return ext === name || ext === '' ? undefined : FORMATS[ext.toLowerCase()];
}

function displayDirOf(dir: string, displayDir: string | undefined): string {
  return toSlashes(displayDir ?? path.relative(process.cwd(), dir));
}

function toSlashes(p: string): string {
  return p.split(path.sep).join('/');
}

/** C0, DEL and C1 controls as escapes, the way JSON and JavaScript write them. */
function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u001F\u007F-\u009F]/g, (c) => CONTROL_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const CONTROL_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Code-unit order, the same on every machine and locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isIgnored(name: string): boolean {
  return name.startsWith('.') || name.startsWith('_') || /^readme\.[^.]+$/i.test(name);
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function fail(file: string, code: string, message: string): Result<undefined> {
  return { value: undefined, diagnostics: [{ severity: 'error', file, code, message }] };
}

function isSystemError(error: unknown): boolean {
  return typeof (error as { code?: unknown } | null)?.code === 'string';
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : String(error);
}
