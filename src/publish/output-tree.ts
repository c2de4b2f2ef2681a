// publish: the new output's tree in its temporary folder — a file is written there, or taken from the previous output
// when that holds exactly its bytes (hard-linked, or copied where links fail), and each lands in the manifest.
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { toOutputError } from './output-error.ts';
import { MANIFEST_NAME, type ManifestEntry } from './output-manifest.ts';

/** The file operations the writer performs inside its temporary folder. */
export interface OutputFileSystem {
  writeFile(file: string, data: Buffer): Promise<void>;
  copyFile(source: string, destination: string): Promise<void>;
  link(existing: string, newPath: string): Promise<void>;
  mkdir(dir: string, options: { recursive: true }): Promise<unknown>;
  utimes(file: string, atime: Date, mtime: Date): Promise<void>;
}

/** Where a tree is written and what it may take from. */
export interface OutputTreeOptions {
  /** The output folder (absolute): names of failures, and where the previous output's files are. */
  readonly out: string;
  /** The temporary sibling every file is written to. */
  readonly temp: string;
  /** What the previous output holds that may be reused, by name. */
  readonly previous: ReadonlyMap<string, ManifestEntry>;
  /** Replaces some of the file operations (tests); default node:fs/promises. */
  readonly fileSystem?: Partial<OutputFileSystem> | undefined;
}

/** The new output's files; see {@link createOutputTree}. */
export interface OutputTreeWriter {
  /** Writes `bytes` as `name`, with `entry.mtime`. */
  write(name: string, bytes: Buffer, entry: ManifestEntry): Promise<void>;
  /** Copies the file `source` (outside both outputs) in as `name`, unless the previous output holds it already. */
  copyIn(name: string, source: string, entry: ManifestEntry): Promise<void>;
  /** Takes `name` from the previous output when it holds exactly `wanted`'s bytes; false when it must be produced. */
  reuse(name: string, wanted: ManifestEntry): Promise<boolean>;
  /** Links a kept file into the temporary folder (copied where links fail), for a swap. */
  linkKept(name: string): Promise<void>;
  /** Writes the manifest's `text` (not a file of the tree: committed last). */
  writeManifest(text: string): Promise<void>;
  /** Every file of the new output so far (bodies are never kept). */
  readonly manifest: ReadonlyMap<string, ManifestEntry>;
  /** Files of the previous output taken as they are: still in `out` only, linked by {@link linkKept} or left in place. */
  readonly kept: ReadonlySet<string>;
  /** Files whose bytes were produced (written or copied in). */
  readonly written: number;
  /** Files whose bytes were taken from the previous output. */
  readonly unchanged: number;
}

/** Starts an empty tree in `options.temp` (which exists). */
export function createOutputTree(options: OutputTreeOptions): OutputTreeWriter {
  const { out, temp, previous } = options;
  const fs: OutputFileSystem = { ...REAL_FS, ...options.fileSystem };
  let written = 0;
  let unchanged = 0;
  const manifest = new Map<string, ManifestEntry>(); // only names and hashes are kept, never bodies
  const kept = new Set<string>(); // files of the previous output taken as they are: linked at commit, or left in place
  const dirs = new Map<string, Promise<unknown>>();

  function ensureDir(dir: string): Promise<unknown> {
    let made = dirs.get(dir);
    if (!made) dirs.set(dir, (made = fs.mkdir(dir, { recursive: true })));
    return made;
  }
  function record(name: string, entry: ManifestEntry, reused: boolean): void {
    manifest.set(name, entry);
    if (reused) unchanged += 1;
    else written += 1;
  }
  /** Runs the file operations of output `name`, so that a failure names that file. */
  async function onFile<T>(name: string, operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw toOutputError(error, path.join(out, name));
    }
  }
  /** Copies `source` to `name` in the new tree with the mtime `mtime` (an ISO time of the manifest). */
  async function copy(name: string, source: string, mtime: string): Promise<void> {
    const target = path.join(temp, name);
    await ensureDir(path.dirname(target));
    await onFile(name, async () => {
      await fs.copyFile(source, target);
      const time = new Date(mtime);
      await fs.utimes(target, time, time);
    });
  }

  async function reuse(name: string, wanted: ManifestEntry): Promise<boolean> {
    const before = previous.get(name);
    if (!before || before.sha256 !== wanted.sha256 || before.size !== wanted.size) return false;
    const source = path.join(out, name);
    // The manifest says what was written; size and mtime say nobody changed it since (else produce it again).
    const stats = await fsp.lstat(source).catch(() => undefined);
    if (!stats?.isFile() || stats.size !== before.size || Math.floor(stats.mtimeMs / 1000) * 1000 !== Date.parse(before.mtime)) {
      return false;
    }
    // The very file: left in place, or linked into the new tree at commit (see `linkKept`). A hard link shares the
    // inode, mtime included: another mtime is another file, copied.
    if (before.mtime === wanted.mtime) kept.add(name);
    else await copy(name, source, wanted.mtime);
    record(name, wanted, true);
    return true;
  }

  return {
    async write(name, bytes, entry) {
      const target = path.join(temp, name);
      const mtime = new Date(entry.mtime);
      await ensureDir(path.dirname(target));
      await onFile(name, async () => {
        await fs.writeFile(target, bytes);
        await fs.utimes(target, mtime, mtime);
      });
      record(name, entry, false);
    },
    async copyIn(name, source, entry) {
      if (await reuse(name, entry)) return;
      await copy(name, source, entry.mtime);
      record(name, entry, false);
    },
    reuse,
    async linkKept(name) {
      const source = path.join(out, name);
      const target = path.join(temp, name);
      await ensureDir(path.dirname(target));
      await onFile(name, async () => {
        const linked = await fs.link(source, target).then(
          () => true,
          (error: unknown) => {
            if (LINK_FALLBACK.has((error as NodeJS.ErrnoException).code ?? '')) return false;
            throw error;
          },
        );
        if (linked) return;
        // A copy has a mtime of its own: the manifest's, as the link would have kept.
        await fs.copyFile(source, target);
        const mtime = new Date(manifest.get(name)?.mtime ?? 0);
        await fs.utimes(target, mtime, mtime);
      });
    },
    async writeManifest(text) {
      await fs.writeFile(path.join(temp, MANIFEST_NAME), Buffer.from(text, 'utf8')).catch((error: unknown) => {
        throw toOutputError(error, path.join(out, MANIFEST_NAME));
      });
    },
    manifest,
    kept,
    get written() {
      return written;
    },
    get unchanged() {
      return unchanged;
    },
  };
}

// --- internal ---

const REAL_FS: OutputFileSystem = {
  writeFile: (file, data) => fsp.writeFile(file, data),
  copyFile: (source, destination) => fsp.copyFile(source, destination),
  link: (existing, newPath) => fsp.link(existing, newPath),
  mkdir: (dir, options) => fsp.mkdir(dir, options),
  utimes: (file, atime, mtime) => fsp.utimes(file, atime, mtime),
};

/** Codes after which a hard link is impossible but a copy works (another device, no link support, too many links). */
const LINK_FALLBACK = new Set(['EXDEV', 'EPERM', 'EMLINK', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);
