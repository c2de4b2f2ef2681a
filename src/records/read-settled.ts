// records: the bytes of a record file once it has stopped changing — never half of an upload or of an in-place save.
//
// A file written in parts (an upload over a slow link, an FTP or SMB save, an editor that writes in place) can be
// read between two parts. Like chokidar's `awaitWriteFinish`, a file is read only once its size and modification
// time have stayed the same for a settle interval, and the read is checked afterwards: the file's stat before and
// after must agree, or it is read again. A file replaced whole by a rename (an atomic save: a new inode under the
// name) is complete when it appears, and is read at once.
//
// A pause longer than the settle interval cannot be told from the end of a write by times alone; on Linux the
// writer can be seen: a file changed in the last {@link WRITER_WINDOW_MS} that a process still holds open for writing
// (find-file-writer.ts) is read once it is closed, or after {@link WRITER_LIMIT_MS} as it is then, with a warning.
//
// The writer check also shortens the settle wait (a live edit is served ≈ 250 ms sooner): a file still for
// {@link QUIET_MS} that no process holds open for writing, by a scan that could see every writer (lookForWriter's
// `conclusive`: root or no other user's process, a local file system), and whose stat is unchanged after that scan,
// is read without waiting out the settle interval: its writer closed it, so the change is whole — an editor's save,
// a `cp`, an upload that ended. What the full interval still covers is a writer that closes the file between two
// parts and opens it again less than a settle interval later; and it is the rule where the scan is not conclusive.
import { closeSync, constants as fsConstants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { findFileWriter, lookForWriter, prepareWriterScan, type FileWriter } from './find-file-writer.ts';

/** How long a file must stay unchanged before it is read (ms). */
export const SETTLE_MS = 300;

/** The longest a read waits for a file that keeps changing (ms); then it fails with code `ESETTLE`, unread. */
export const SETTLE_LIMIT_MS = 3_000;

/** A file changed less than this long ago is read only once no process holds it open for writing (ms). */
export const WRITER_WINDOW_MS = 10_000;

/** The longest a read waits for a writer to close the file (ms); then the file is read as it is. */
export const WRITER_LIMIT_MS = 10_000;

/**
 * A closed file still for this long is read at once when the writer scan is conclusive (ms): more than the scan's
 * clock margin (find-file-writer.ts), so a scan begun now sees any writer of the last change.
 */
export const QUIET_MS = 60;

/** How often a file held by a writer is looked at again (ms). */
const WRITER_POLL_MS = 200;

/** Options of {@link readSettled}. */
export interface ReadSettledOptions {
  /** Default {@link SETTLE_MS}. */
  readonly settleMs?: number;
  /** Default {@link SETTLE_LIMIT_MS}. */
  readonly limitMs?: number;
  /** The file was replaced whole since it was last read (another inode under its name): no settle wait. */
  readonly replaced?: boolean;
  /**
   * Read a settled file with synchronous calls (≈ 25 µs of CPU a file, against ≈ 90 µs for the four awaited calls
   * of fs/promises): only where nothing else shares the thread (the CLI's build and check), never on a server's
   * event loop. A file still settling is waited for as without this option.
   */
  readonly sync?: boolean;
  /** Default {@link WRITER_LIMIT_MS}. */
  readonly writerLimitMs?: number;
  /** Read a closed, still file after {@link QUIET_MS} when the writer scan is conclusive (default true). */
  readonly quiet?: boolean;
  /** Called when the file is read although `writer` still holds it open for writing after `writerLimitMs`. */
  readonly onStillOpen?: (writer: FileWriter) => void;
}

/**
 * Reads at most `max` bytes of `file` once it has stopped changing. O_NONBLOCK, so a FIFO put in place of the
 * file cannot hang the build; anything but a regular file fails with `EINVAL`. A file still changing after
 * `limitMs` fails with code `ESETTLE`.
 */
export async function readSettled(file: string, max: number, options: ReadSettledOptions = {}): Promise<Uint8Array> {
  const settleMs = options.settleMs ?? SETTLE_MS;
  if (options.sync) {
    const bytes = readIfSettledSync(file, max, settleMs, options.replaced ?? false);
    if (bytes !== undefined) return bytes;
  }
  let deadline = Date.now() + (options.limitMs ?? SETTLE_LIMIT_MS);
  const started = Date.now();
  const writerDeadline = started + (options.writerLimitMs ?? WRITER_LIMIT_MS);
  let replaced = options.replaced ?? false;
  let quiet = options.quiet ?? true;
  for (;;) {
    let wait = 0;
    const handle = await open(file, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
    try {
      const before = await handle.stat();
      if (!before.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'EINVAL' });
      // Written less than a settle interval ago (or stamped a little ahead of this clock): perhaps not finished.
      const age = Date.now() - before.mtimeMs;
      // Settled, but its writer may only be pausing: an atomic save (replaced) has no writer left to wait for. The
      // window counts from when this read began, so a writer waited for is still named when the wait ends.
      const recent = before.mtimeMs > started - WRITER_WINDOW_MS;
      const writer = replaced || age < settleMs || !recent ? undefined : await findFileWriter(file, before);
      if (!replaced && age < settleMs && age > -settleMs && !(quiet && age >= QUIET_MS && (await closedAndStill(file, handle, before)))) {
        if (Date.now() >= deadline) throw unsettled();
        // Quiet checks first, once the file is still for QUIET_MS; then the settle interval.
        wait = quiet && age < QUIET_MS ? QUIET_MS - age : settleMs - age;
        prepareWriterScan(before.mtimeMs); // the writers are looked for meanwhile
      } else if (writer !== undefined && Date.now() < writerDeadline) {
        wait = WRITER_POLL_MS;
        deadline += WRITER_POLL_MS; // a paused writer is not a file that keeps changing
      } else {
        if (writer !== undefined) options.onStillOpen?.(writer);
        const bytes = await readBounded(handle, before.size, max);
        if (sameStat(before, await handle.stat())) return bytes;
        if (Date.now() >= deadline) throw unsettled();
        replaced = false; // it changed in place while read: wait for it to settle
        quiet = false;
      }
    } finally {
      await handle.close();
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(wait, 1)));
  }
}

// --- internal ---

/**
 * Whether no process holds `before` open for writing, by a conclusive scan, and the file is as `before` says after
 * it: then its last writer closed it and the change is whole (see the header).
 */
async function closedAndStill(file: string, handle: FileHandle, before: Stats): Promise<boolean> {
  const { writer, conclusive } = await lookForWriter(file, before);
  return writer === undefined && conclusive && sameStat(before, await handle.stat());
}

/** One synchronous attempt of {@link readSettled}: the bytes, or undefined when the file must be waited for. */
function readIfSettledSync(file: string, max: number, settleMs: number, replaced: boolean): Uint8Array | undefined {
  const fd = openSync(file, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  try {
    const before = fstatSync(fd);
    if (!before.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'EINVAL' });
    const age = Date.now() - before.mtimeMs;
    // Changed lately: it may still be settling, or held open by a writer that is pausing (the careful way looks).
    if (!replaced && age < Math.max(settleMs, WRITER_WINDOW_MS) && age > -settleMs) return undefined;
    const want = Math.min(max, before.size + 1);
    const chunk = Buffer.alloc(want);
    let filled = 0;
    for (let read = 1; filled < want && read > 0; filled += read) read = readSync(fd, chunk, filled, want - filled, filled);
    // Grown past its listed size, or changed while read: the careful way below.
    if (filled > before.size || !sameStat(before, fstatSync(fd))) return undefined;
    return chunk.subarray(0, filled);
  } finally {
    closeSync(fd);
  }
}

function unsettled(): Error {
  return Object.assign(new Error('the file kept changing'), { code: 'ESETTLE' });
}

/** Size and modification time, to the nanosecond where the file system keeps it. */
function sameStat(a: Stats, b: Stats): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}

/** One read of the expected size (plus one byte to see growth), then more only if the file grew meanwhile. */
async function readBounded(handle: FileHandle, size: number, max: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  let want = Math.min(max, size + 1);
  while (total < max && want > 0) {
    const chunk = Buffer.alloc(want);
    let filled = 0;
    while (filled < want) {
      const { bytesRead } = await handle.read(chunk, filled, want - filled, total + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    chunks.push(chunk.subarray(0, filled));
    total += filled;
    if (filled < want) break;
    want = Math.min(max - total, GROWTH_CHUNK);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}

const GROWTH_CHUNK = 64 * 1024;
