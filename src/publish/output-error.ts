// publish: what the static writer refuses or cannot do, as one line naming the path and what to do (never a stack).
import { displayPath, GazetteError } from '../diagnostics.ts';

/** A refused output folder or a failed file operation of `gazette build`; the CLI prints the message and exits 1. */
export class OutputError extends GazetteError {
  override name = 'OutputError';
  /** Absolute path the error is about. */
  readonly path: string;
  /** The system error code (`ENOSPC`, `EACCES`, …) when a file operation failed. */
  readonly code: string | undefined;

  constructor(message: string, target: string, code?: string) {
    super(message);
    this.path = target;
    this.code = code;
  }
}

/** Type guard for {@link OutputError}. */
export function isOutputError(error: unknown): error is OutputError {
  return error instanceof OutputError;
}

/**
 * Turns a failed file operation on `target` into an {@link OutputError} when its code is one a user can act on;
 * any other error (a bug) is returned unchanged so that it keeps its stack.
 */
export function toOutputError(error: unknown, target: string, action = 'cannot write'): unknown {
  if (error instanceof GazetteError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const advice = code === undefined ? undefined : ADVICE[code];
  if (advice === undefined) return error;
  return new OutputError(`${action} ${showPath(target)}: ${advice} (${code})`, target, code);
}

/** A path as a message shows it, with control characters escaped so that a file name never splits the line. */
export function showPath(target: string): string {
  return displayPath(target).replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

// --- internal ---

const ADVICE: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on the device; free some space and build again',
  EDQUOT: 'disk quota exceeded; free some space and build again',
  EACCES: 'permission denied; make the folder writable or choose another --out',
  EPERM: 'operation not permitted; make the folder writable or choose another --out',
  EROFS: 'the file system is read-only; choose another --out',
  EMFILE: 'too many open files; lower the writer concurrency or raise the limit (ulimit -n)',
  ENFILE: 'too many open files on the system; lower the writer concurrency or close other programs',
  ENOTDIR: 'a file stands where a folder is needed (two outputs claim the same path); rename one of them',
  EISDIR: 'a folder stands where a file is needed (two outputs claim the same path); rename one of them',
  EEXIST: 'something already stands at this path (two outputs claim the same path); rename one of them',
  ENAMETOOLONG: 'the name is too long for the file system; shorten the slug or the folder name',
  EIO: 'input/output error from the device; check the disk and build again',
};
