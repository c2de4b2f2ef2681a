// lifecycle: whether a command may write the publication ledger, and writing it without ever failing a build.
// The ledger is an aid, not a gate: a folder that cannot hold it (read-only, no permission, full) costs its history,
// never the feeds or pages.
import { access } from 'node:fs/promises';
import path from 'node:path';
import { isReservedHost } from '../_lib/reserved-host.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { LEDGER_FILE, type Ledger } from './ledger.ts';
import { FOLDING_FILE, JOURNAL_FILE } from './ledger-journal.ts';
import { openLedgerStore, type LedgerStore } from './ledger-store.ts';

/** How a command uses the ledger (site-builder.ts): `update` reads and writes it, `read` applies it, `off` ignores it. */
export type LedgerMode = 'update' | 'read' | 'off';

/** What a command asks of the ledger, after the configuration had its say. */
export interface LedgerChoice {
  readonly mode: LedgerMode;
  /** One warning when the siteUrl is a placeholder or a preview: the ledger is then not written. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The ledger mode of a command that would `wanted` it: `off` when the configuration or the command line says
 * `ledger: false`; never `update` under a reserved siteUrl host (RFC 2606/6761: `www.example.org`, `localhost`,
 * `127.0.0.1`…), whose guids and page paths must not be frozen into the ledger for good — with one warning saying so.
 */
export function chooseLedgerMode(siteUrl: string, wanted: LedgerMode, options: { readonly enabled: boolean; readonly file: string }): LedgerChoice {
  if (!options.enabled || wanted === 'off') return { mode: 'off', diagnostics: [] };
  if (!isReservedHost(siteUrl)) return { mode: wanted, diagnostics: [] };
  const host = new URL(siteUrl).host;
  const message =
    `not written while the siteUrl host ${host} is a reserved example or local name (RFC 2606, RFC 6761): no guid or ` +
    'page path is kept for good; set the site’s real address before publishing';
  return { mode: 'read', diagnostics: [{ severity: 'warning', file: options.file, code: 'ledger-reserved-host', message }] };
}

/** Error codes of a folder that cannot take the ledger now but may later; anything else is a bug and is thrown. */
const UNWRITABLE = new Set(['EROFS', 'EACCES', 'EPERM', 'ENOSPC', 'EDQUOT', 'EIO', 'ENOENT', 'ENOTDIR', 'EBUSY']);

/** Code of the warning {@link saveLedger} returns; /healthz reports the site as degraded while a build has it. */
export const LEDGER_UNWRITABLE = 'ledger-unwritable';

/**
 * Writes what the ledger changed (`store.save`: journal lines, or the whole ledger when `compact`); when the items
 * folder cannot take it, returns one warning naming the folder and what is lost instead of failing: the build
 * publishes as it would without a ledger (the history this process holds in memory still applies to a live site),
 * and a later build writes it once the folder is writable again.
 */
export async function saveLedger(store: LedgerStore, ledger: Ledger, displayDir: string, options: { readonly compact?: boolean } = {}): Promise<Diagnostic[]> {
  try {
    await store.save(ledger, options);
    return [];
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    if (typeof code !== 'string' || !UNWRITABLE.has(code)) throw error;
    const why = READABLE[code] ?? code;
    const message =
      `the publication ledger ${LEDGER_FILE} cannot be written in this folder (${code}: ${why}); feeds and pages are ` +
      'published without it: moved pages get no redirect and first-publication times are not kept until it is writable again';
    return [{ severity: 'warning', file: displayDir === '' ? '.' : displayDir.split(path.sep).join('/'), code: LEDGER_UNWRITABLE, message }];
  }
}

/**
 * Folds the journal of `itemsDir`'s ledger into its compacted file, as a static build leaves it: what a live site
 * does when it stops, so the folder holds the one dotfile to commit (DESIGN.md) rather than a journal beside it. Reads
 * the files afresh (the builds that appended to them ran in another thread); nothing to fold writes nothing; a folder
 * that cannot take it gives {@link saveLedger}'s warning; another process's compaction in progress leaves the journal.
 */
export async function foldLedger(itemsDir: string, displayDir: string): Promise<Diagnostic[]> {
  // No journal, nothing to fold: the ledger (100,000 entries at the archive's size) is not read at every stop.
  const journals = await Promise.all(
    [JOURNAL_FILE, FOLDING_FILE].map((name) =>
      access(path.join(itemsDir, name)).then(
        () => true,
        () => false,
      ),
    ),
  );
  if (!journals.includes(true)) return [];
  const store = openLedgerStore(itemsDir, `${displayDir}/${LEDGER_FILE}`);
  const { value } = await store.read();
  return saveLedger(store, value, displayDir, { compact: true });
}

// --- internal ---

const READABLE: Readonly<Record<string, string>> = {
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  ENOENT: 'the folder is gone',
};
