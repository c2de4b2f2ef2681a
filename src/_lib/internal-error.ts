// _lib: an unexpected exception while one record was read or converted → that record's diagnostic, marked as a bug.
import type { Diagnostic } from '../diagnostics.ts';

/**
 * The diagnostic of an exception no content should cause (code `internal-error`): the record is skipped like any
 * invalid one, so the build goes on, but the message says it is a bug in Gazette, never the editor's mistake.
 */
export function internalError(file: string, error: unknown): Diagnostic {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { severity: 'error', file, code: 'internal-error', message: `could not be read (a bug in Gazette): ${reason}` };
}
