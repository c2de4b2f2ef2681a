// publish: `.gazette-output.json`, the list of files one build wrote (sha256, size, mtime), read by the next build.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { floorToSecond } from '../_lib/floor-to-second.ts';

/** File name of the manifest at the root of the output folder; a dotfile, so servers do not list it. */
export const MANIFEST_NAME = '.gazette-output.json';
/** Format of the manifest; another number means "a Gazette output, but nothing to reuse". */
export const MANIFEST_FORMAT = 1;

/** What the manifest records of one file, enough to reuse it without reading it. */
export interface ManifestEntry {
  /** sha256 of the bytes, lower-case hex. */
  readonly sha256: string;
  /** Size in bytes. */
  readonly size: number;
  /** mtime set on the file, whole seconds, ISO 8601 UTC (`2024-11-22T10:00:00Z`). */
  readonly mtime: string;
  /**
   * What the bytes were made from, when the build said (a hash of a page's inputs): the next build with the same
   * source takes the file without producing it again.
   */
  readonly source?: string;
}

/** The manifest of an existing output folder, as far as it could be read. */
export type PreviousManifest =
  | { readonly state: 'missing' }
  | { readonly state: 'invalid'; readonly reason: string }
  /**
   * `reusable` is false for another format: the names are trusted, the hashes are not. `compression` says how
   * the `.gz`/`.br` files were made; they are reused only when it matches (see {@link compressionId}).
   */
  | {
      readonly state: 'valid';
      readonly entries: ReadonlyMap<string, ManifestEntry>;
      readonly reusable: boolean;
      readonly compression: string | undefined;
      /**
       * The feed files whose bytes this build changed (all of them on a first build): what `gazette ping` tells the
       * WebSub hubs of. Undefined in a manifest written before Gazette kept the list.
       */
      readonly changedFeeds: readonly string[] | undefined;
    };

/** Reads the manifest of `outDir`; never throws for bad content, only reports it. */
export async function readManifest(outDir: string): Promise<PreviousManifest> {
  let text: string;
  try {
    text = await readFile(path.join(outDir, MANIFEST_NAME), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { state: 'missing' };
    return { state: 'invalid', reason: `cannot read it (${code ?? String(error)})` };
  }
  return parseManifest(text);
}

/** Parses a manifest's text; see {@link readManifest}. */
export function parseManifest(text: string): PreviousManifest {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { state: 'invalid', reason: 'it is not valid JSON' };
  }
  if (!isObject(data) || data.generator !== 'gazette' || !isObject(data.files)) {
    return { state: 'invalid', reason: 'it is not a Gazette output manifest' };
  }
  const entries = new Map<string, ManifestEntry>();
  for (const [name, value] of Object.entries(data.files)) {
    // Names are used to find files of the previous output: a name leaving the folder is never trusted.
    if (!isSafeRelativePath(name)) return { state: 'invalid', reason: `it lists an unsafe path ${JSON.stringify(name)}` };
    if (!isEntry(value)) return { state: 'invalid', reason: `its entry for ${JSON.stringify(name)} is malformed` };
    const source = isSourceKey(value.source) ? { source: value.source } : {};
    entries.set(name, { sha256: value.sha256, size: value.size, mtime: value.mtime, ...source });
  }
  const compression = typeof data.compression === 'string' ? data.compression : undefined;
  const changed = data.changedFeeds;
  // Only names the manifest lists: a ping never names a URL the build did not write.
  const changedFeeds = Array.isArray(changed) ? changed.filter((name): name is string => typeof name === 'string' && entries.has(name)) : undefined;
  return { state: 'valid', entries, reusable: data.format === MANIFEST_FORMAT, compression, changedFeeds };
}

/**
 * The manifest text: keys sorted, one file per line, so equal outputs give equal bytes and diffs stay readable.
 * `changedFeeds` lists the feed files whose bytes changed since the previous build.
 */
export function serializeManifest(entries: ReadonlyMap<string, ManifestEntry>, compression: string, changedFeeds: Iterable<string> = []): string {
  const names = [...entries.keys()].sort(compareCodeUnits);
  const lines = names.map((name) => {
    const e = entries.get(name)!;
    const source = e.source === undefined ? '' : `,"source":"${e.source}"`;
    return `    ${JSON.stringify(name)}: {"sha256":"${e.sha256}","size":${e.size},"mtime":"${e.mtime}"${source}}`;
  });
  const changed = JSON.stringify([...changedFeeds].sort(compareCodeUnits));
  const head = `{\n  "generator": "gazette",\n  "format": ${MANIFEST_FORMAT},\n  "compression": ${JSON.stringify(compression)},\n  "changedFeeds": ${changed},\n`;
  return `${head}  "files": {\n${lines.join(',\n')}${lines.length ? '\n' : ''}  }\n}\n`;
}

/** A source key as written: 1–128 letters, digits, `-`, `_` (base64url or hex), so it needs no escaping. */
export function isSourceKey(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{1,128}$/.test(value);
}

/** A Date as the manifest stores it: whole seconds (as Last-Modified and file mtimes compare), UTC. */
export function toManifestTime(date: Date): string {
  return floorToSecond(date).toISOString().replace('.000Z', 'Z');
}

// --- internal ---

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEntry(value: unknown): value is ManifestEntry {
  return (
    isObject(value) &&
    typeof value.sha256 === 'string' &&
    /^[0-9a-f]{64}$/.test(value.sha256) &&
    Number.isSafeInteger(value.size) &&
    (value.size as number) >= 0 &&
    typeof value.mtime === 'string' &&
    /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(value.mtime) &&
    !Number.isNaN(Date.parse(value.mtime))
  );
}

function isSafeRelativePath(name: string): boolean {
  if (name === '' || name.startsWith('/') || name.includes('\\') || name.includes('\0')) return false;
  return name.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
