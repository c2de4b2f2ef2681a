// cli: the config and items folder every command starts from, with flags overriding the config.
import path from 'node:path';
import type { ResolvedConfig } from '../../config/config-schema.ts';
import { loadConfig } from '../../config/load-config.ts';

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
