// records: the process that still holds a file open for writing, if any — so a record whose writer paused between
// two parts (an upload over a slow link, `f.write(…); sleep(1.5); f.write(…)`) is not read half written.
//
// Linux only (proc(5)): /proc/PID/fd/N is a link to each file a process holds open, and the `flags` line of
// /proc/PID/fdinfo/N gives its open mode (O_ACCMODE: 1 = O_WRONLY, 2 = O_RDWR). A process this user may not inspect
// (another user's, unless root) is not seen. Where there is no /proc, no writer is ever found.
import { readdirSync, readlinkSync } from 'node:fs';
import { readdir, readFile, stat, statfs } from 'node:fs/promises';
import path from 'node:path';

/** A process holding a file open for writing. */
export interface FileWriter {
  readonly pid: number;
  /** Its command name (`/proc/PID/comm`), `''` if it cannot be read. */
  readonly command: string;
}

/** What a stat of the file gives: which file it is and when it last changed. */
export interface FileIdentity {
  readonly dev: number;
  readonly ino: number;
  readonly mtimeMs: number;
}

/**
 * Finds a process that holds the file `identity` (found at `file`) open for writing, or undefined. One scan of
 * /proc serves every file that last changed before it began, so reading a folder of recent files costs one scan.
 */
export async function findFileWriter(file: string, identity: FileIdentity): Promise<FileWriter | undefined> {
  return (await lookForWriter(file, identity)).writer;
}

/**
 * {@link findFileWriter}, and whether its answer is conclusive: `conclusive` is true only when no writer could have
 * hidden from the scan — every process's descriptors were readable (root, or no other user's process: proc(5)
 * hides them otherwise, and `hidepid` hides the processes), and the file lives on a local file system (a writer on
 * another machine, over NFS or SMB, or behind FUSE, has no entry in this /proc).
 */
export async function lookForWriter(file: string, identity: FileIdentity): Promise<{ writer: FileWriter | undefined; conclusive: boolean }> {
  if (typeof file !== 'string' || file === '') throw new TypeError('findFileWriter: file must be a non-empty path');
  if (process.platform !== 'linux') return { writer: undefined, conclusive: false };
  const [scan, local] = await Promise.all([scanSince(identity.mtimeMs), isLocalFileSystem(file)]);
  const writer = await writerIn(scan, file, identity);
  return { writer, conclusive: writer === undefined && scan.complete && local };
}

async function writerIn(scan: ProcScan, file: string, identity: FileIdentity): Promise<FileWriter | undefined> {
  // The links were read by name in the scan (a writer may know the file by another path: a bind mount, a linked
  // folder): the file itself is compared now, as the descriptor may have closed or been reused since.
  for (const { pid, fd } of scan.byName.get(path.basename(file)) ?? []) {
    try {
      const info = await stat(`/proc/${pid}/fd/${fd}`);
      if (info.dev !== identity.dev || info.ino !== identity.ino) continue;
      if (!isOpenForWriting(await readFile(`/proc/${pid}/fdinfo/${fd}`, 'latin1'))) continue;
      const command = await readFile(`/proc/${pid}/comm`, 'utf8').then(
        (text) => text.trim(),
        () => '',
      );
      return { pid, command };
    } catch {
      // Closed, or the process ended, since the scan.
    }
  }
  return undefined;
}

/**
 * Begins the scan a later {@link findFileWriter} of a file last changed at `changedAt` will use, so that it runs
 * while the reader waits for the file to settle rather than after.
 */
export function prepareWriterScan(changedAt: number): void {
  if (process.platform !== 'linux' || (latest !== undefined && latest.at > changedAt + CLOCK_MARGIN_MS)) return;
  const delay = changedAt + CLOCK_MARGIN_MS + 1 - Date.now();
  if (delay <= 0) void scanSince(changedAt);
  else setTimeout(() => void scanSince(changedAt), delay).unref();
}

// --- internal ---

/** Open files of every process by the base name of their path; `complete` when every process's could be read. */
interface ProcScan {
  readonly byName: ReadonlyMap<string, readonly { readonly pid: number; readonly fd: string }[]>;
  readonly complete: boolean;
}

/**
 * File times come from the kernel's coarse clock (up to a tick, a few ms, behind `Date.now()`): a scan is trusted
 * only for files whose last change is older than its start by this much.
 */
const CLOCK_MARGIN_MS = 50;

let latest: { readonly at: number; readonly scan: Promise<ProcScan> } | undefined;

/**
 * A scan begun after `changedAt`: it sees any writer that held the file since its last change (one that opened it
 * later has not written it yet, or the change would be newer). The latest scan is shared while it qualifies.
 */
function scanSince(changedAt: number): Promise<ProcScan> {
  if (latest !== undefined && latest.at > changedAt + CLOCK_MARGIN_MS) return latest.scan;
  const at = Date.now();
  latest = { at, scan: scanProc() };
  return latest.scan;
}

/**
 * Reads the links of every open file descriptor (about a thousand on a busy machine: 15–25 ms of CPU). Synchronous
 * calls, one process at a time with a turn of the event loop between two (a promise per link costs 3× the CPU);
 * so no thread is held for more than one process's descriptors.
 */
async function scanProc(): Promise<ProcScan> {
  const byName = new Map<string, { pid: number; fd: string }[]>();
  const pids = await readdir('/proc').catch(() => [] as string[]);
  // Init is always there unless `hidepid` hides other users' processes; a process ended since the listing is no
  // writer (ENOENT), one this user may not inspect (EACCES) may be one.
  let complete = pids.includes('1');
  for (const name of pids) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    let fds: string[] | undefined;
    try {
      fds = readdirSync(`/proc/${name}/fd`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') complete = false;
    }
    for (const fd of fds ?? []) {
      const target = tryRead(() => readlinkSync(`/proc/${name}/fd/${fd}`)) ?? '';
      // Sockets, pipes and anonymous inodes are `socket:[…]`; a deleted file is `/path (deleted)`.
      if (!target.startsWith('/') || target.endsWith(' (deleted)')) continue;
      const base = path.basename(target);
      const list = byName.get(base);
      if (list) list.push({ pid, fd });
      else byName.set(base, [{ pid, fd }]);
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { byName, complete };
}

/**
 * statfs(2) `f_type` of the disk and memory file systems whose every writer is a process of this machine: ext2–4,
 * XFS, Btrfs, tmpfs, overlayfs, ZFS, F2FS. Anything else (NFS, SMB, FUSE, 9p, virtiofs…) may be written from elsewhere.
 */
const LOCAL_FILE_SYSTEMS = new Set([0xef53, 0x58465342, 0x9123683e, 0x01021994, 0x794c7630, 0x2fc12fc1, 0xf2f52010]);

async function isLocalFileSystem(file: string): Promise<boolean> {
  try {
    return LOCAL_FILE_SYSTEMS.has((await statfs(file)).type >>> 0); // f_type may come signed
  } catch {
    return false;
  }
}

/** A process that ended, or that this user may not inspect, has no descriptors to read. */
function tryRead<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** Whether an fdinfo text's `flags` (octal) open the file for writing. */
function isOpenForWriting(fdinfo: string): boolean {
  const flags = /^flags:\s*([0-7]+)$/m.exec(fdinfo)?.[1];
  if (flags === undefined) return false;
  const mode = Number.parseInt(flags, 8) & 3; // O_ACCMODE
  return mode === 1 || mode === 2;
}
