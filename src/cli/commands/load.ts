// cli: the config and items folder every command starts from, with flags overriding the config.
import path from 'node:path';
import type { ResolvedConfig } from '../../config/config-schema.ts';
import { loadConfig } from '../../config/load-config.ts';
import { displayPath } from '../../diagnostics.ts';
import { chooseLedgerMode, type LedgerChoice, type LedgerMode } from '../../lifecycle/ledger-access.ts';
import { LEDGER_FILE } from '../../lifecycle/ledger.ts';

/** Flags shared by build, check, serve and new. */
export interface CommonArgs {
  config?: string | undefined;
  items?: string | undefined;
}

/** Loads the config (throws ConfigError) and applies `--items` (relative to the working directory). */
export async function loadCommandConfig(args: CommonArgs): Promise<ResolvedConfig> {
  const config = await loadConfig(args.config ? { file: args.config } : {});
  return args.items ? { ...config, itemsDir: path.resolve(args.items) } : config;
}

/**
 * How a command that would `wanted` the publication ledger uses it: off with `ledger: false` or `--no-ledger`
 * (`flag` false), read only under a reserved siteUrl host, with the warning that says so (ledger-access.ts).
 */
export function commandLedger(config: ResolvedConfig, wanted: LedgerMode, flag: boolean | undefined): LedgerChoice {
  const file = `${displayPath(config.itemsDir)}/${LEDGER_FILE}`;
  return chooseLedgerMode(config.siteUrl, wanted, { enabled: config.ledger && flag !== false, file });
}
