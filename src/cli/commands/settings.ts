// cli: the build settings of `gazette build`, `check` and `serve`, resolved once from the command line's flags and
// the configuration (site/build-settings.ts), with the ledger's rule beside them.
import type { ResolvedConfig } from '../../config/config-schema.ts';
import { displayPath } from '../../diagnostics.ts';
import { chooseLedgerMode, type LedgerChoice } from '../../lifecycle/ledger-access.ts';
import { LEDGER_FILE } from '../../lifecycle/ledger.ts';
import { defaultStoreDir } from '../../site/article-store.ts';
import { resolveBuildSettings, type BuildSettings, type BuildSettingsInput } from '../../site/build-settings.ts';

/** The commands that build the site, each with the settings it builds with when no flag says otherwise. */
const COMMAND_DEFAULTS = {
  // Writes the ledger; shares its article cache with `gazette serve` (a warm start after a build).
  build: () => ({ ledger: 'update', cacheDir: defaultStoreDir() }),
  // Reads the ledger without writing it (what a build would change shows as a warning), keeps no cache.
  check: () => ({ ledger: 'read' }),
  serve: () => ({ ledger: 'update', cacheDir: defaultStoreDir() }),
} as const satisfies Record<string, () => BuildSettingsInput>;

/** What a building command builds with, and what it has to say about the ledger. */
export interface CommandSettings {
  readonly settings: BuildSettings;
  /** The ledger mode chosen, with the one warning to print first when the siteUrl's host is a reserved one. */
  readonly ledger: LedgerChoice;
}

/**
 * The build settings of `gazette build`, `check` or `serve`: the command line's (`flags`, from flagSettings in
 * command-spec.ts), else the command's defaults, resolved once (site/build-settings.ts) and handed down whole. The
 * ledger is off with `ledger: false` in the configuration or `--no-ledger`, and read only under a reserved siteUrl host,
 * with the warning that says so (ledger-access.ts).
 */
export function commandSettings(config: ResolvedConfig, command: keyof typeof COMMAND_DEFAULTS, flags: BuildSettingsInput = {}): CommandSettings {
  const defaults: BuildSettingsInput = COMMAND_DEFAULTS[command]();
  const file = `${displayPath(config.itemsDir)}/${LEDGER_FILE}`;
  const ledger = chooseLedgerMode(config.siteUrl, flags.ledger ?? defaults.ledger ?? 'off', { enabled: config.ledger, file });
  return { settings: resolveBuildSettings({ ...flags, ledger: ledger.mode }, config, defaults), ledger };
}
