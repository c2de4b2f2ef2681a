// config: feed.config.ts on disk → ResolvedConfig, validated once, one line per bad field.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { ConfigError, displayPath } from '../diagnostics.ts';
import { resolveConfig, type ResolvedConfig } from './config-schema.ts';

export const DEFAULT_CONFIG_FILE = 'feed.config.ts';

/** Options of {@link loadConfig}. */
export interface LoadConfigOptions {
  /** Config file; default `feed.config.ts` in `cwd`. A missing default file is an error too. */
  file?: string;
  /** Folder relative paths are resolved against. Default `process.cwd()`. */
  cwd?: string;
}

/**
 * Loads, validates and resolves the config file; throws ConfigError with one line per bad field.
 * `itemsDir`, `outDir` and `publicDir` come back absolute, resolved against the config file's folder.
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<ResolvedConfig> {
  const cwd = options.cwd ?? process.cwd();
  const file = path.resolve(cwd, options.file ?? DEFAULT_CONFIG_FILE);
  const shown = displayPath(file);
  if (!existsSync(file)) throw new ConfigError(shown, ['file not found']);

  let mod: { default?: unknown };
  try {
    mod = (await tsImport(pathToFileURL(file).href, import.meta.url)) as { default?: unknown };
  } catch (error) {
    throw new ConfigError(shown, [`could not be loaded: ${(error as Error).message}`]);
  }
  // tsx may wrap a CommonJS-looking default export once more.
  let value = mod.default;
  if (value && typeof value === 'object' && 'default' in value && Object.keys(value).length === 1) {
    value = (value as { default: unknown }).default;
  }
  if (value === undefined) throw new ConfigError(shown, ['no default export: write `export default defineConfig({ … })`']);
  const { config, problems } = resolveConfig(value);
  if (!config) throw new ConfigError(shown, problems);
  // Folders named in the config are relative to the config file, wherever the command runs.
  const dir = path.dirname(file);
  return {
    ...config,
    itemsDir: path.resolve(dir, config.itemsDir),
    outDir: path.resolve(dir, config.outDir),
    publicDir: path.resolve(dir, config.publicDir),
  };
}
