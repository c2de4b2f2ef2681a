// publish: opening an output — one build at a time per folder (the lock), an interrupted build recovered, the previous
// output read (output-folder.ts), and the temporary sibling every file of the new one goes to.
import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { toOutputError } from './output-error.ts';
import { inspectOutDir, recoverInterruptedSwap, type OutDirPolicy, type PreviousOutput } from './output-folder.ts';
import { lockOutputFolder, type OutputLock, type OutputLockOptions } from './output-lock.ts';

/** Options of {@link openOutputFolder}. */
export interface OpenOutputOptions extends OutDirPolicy, Pick<OutputLockOptions, 'wait' | 'onWait'> {}

/** An output folder held by this build, until its commit or abort releases {@link OpenedOutput.lock}. */
export interface OpenedOutput {
  /** The output folder (absolute). */
  readonly out: string;
  /** The temporary sibling (`<out>.tmp-<pid>-…`, created empty) every file of the new output is written to. */
  readonly temp: string;
  /** Where a swap keeps the previous tree until the new one is in place (`<out>.old-<pid>-…`). */
  readonly old: string;
  /** What the previous output offers for reuse. */
  readonly previous: PreviousOutput;
  readonly lock: OutputLock;
}

/**
 * Takes the lock of `out` (checked by output-folder.ts `checkOutDir`), recovers an interrupted swap, reads the
 * previous output and refuses one that is unsafe to replace, and creates the temporary sibling. On failure the lock
 * is released.
 */
export async function openOutputFolder(out: string, options: OpenOutputOptions): Promise<OpenedOutput> {
  // One build at a time per folder: from here until commit or abort, nothing else swaps trees at `out`.
  const lock = await lockOutputFolder(out, {
    ...(options.wait === undefined ? {} : { wait: options.wait }),
    ...(options.onWait ? { onWait: options.onWait } : {}),
  });
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const temp = `${out}.tmp-${suffix}`;
  let previous;
  try {
    await recoverInterruptedSwap(out);
    previous = await inspectOutDir(out, options);
    try {
      await fsp.mkdir(path.dirname(out), { recursive: true });
      await fsp.mkdir(temp);
    } catch (error) {
      throw toOutputError(error, path.dirname(out));
    }
  } catch (error) {
    await lock.release();
    throw error;
  }
  return { out, temp, old: `${out}.old-${suffix}`, previous, lock };
}
