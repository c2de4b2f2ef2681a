// config: feed.config.{ts,mts,js,mjs,json} on disk → ResolvedConfig, validated once, one line per bad field.
// JavaScript and JSON configs load natively; TypeScript ones through jiti (a loader made for config files),
// imported only when such a file is loaded, so nothing of TypeScript runs otherwise.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ConfigError, displayPath } from '../diagnostics.ts';
import { resolveConfig, type ResolvedConfig } from './config-schema.ts';

export const DEFAULT_CONFIG_FILE = 'feed.config.ts';

/** Config file names tried in this order when none is given; the first that exists wins. */
export const CONFIG_FILE_NAMES = ['feed.config.ts', 'feed.config.mts', 'feed.config.mjs', 'feed.config.js', 'feed.config.json'] as const;

/** Options of {@link loadConfig}. */
export interface LoadConfigOptions {
  /** Config file; default the first of {@link CONFIG_FILE_NAMES} in `cwd`. A missing file is an error. */
  file?: string;
  /** Folder relative paths are resolved against. Default `process.cwd()`. */
  cwd?: string;
}

/**
 * Loads, validates and resolves the config file; throws ConfigError with one line per bad field.
 * `itemsDir`, `outDir` and `publicDir` come back absolute, resolved against the config file's folder.
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<ResolvedConfig> {
  const file = configFilePath(options);
  const shown = displayPath(file);
  if (!existsSync(file)) throw new ConfigError(shown, ['file not found']);

  let value: unknown;
  try {
    value = await importConfig(file);
  } catch (error) {
    throw new ConfigError(shown, [`could not be loaded: ${firstLine(error)}`]);
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

/** The absolute path of the config file {@link loadConfig} reads with these options (it may not exist). */
export function configFilePath(options: LoadConfigOptions = {}): string {
  const cwd = options.cwd ?? process.cwd();
  return path.resolve(cwd, options.file ?? findConfigFile(cwd));
}

// --- internal ---

/** The first config file name present in `cwd`, else the default name (reported as not found). */
function findConfigFile(cwd: string): string {
  return CONFIG_FILE_NAMES.find((name) => existsSync(path.join(cwd, name))) ?? DEFAULT_CONFIG_FILE;
}

/** The config's default export (`undefined` when it has none); JSON is the whole document. */
async function importConfig(file: string): Promise<unknown> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.json') return JSON.parse(await readFile(file, 'utf8')) as unknown;
  if (ext === '.js' || ext === '.mjs' || ext === '.cjs') {
    // `import()` keeps a module for the life of the process: a file loaded again (`gazette serve` after an edit)
    // is imported under a new URL, so its current text is what runs.
    const loads = (JS_LOADS.get(file) ?? 0) + 1;
    JS_LOADS.set(file, loads);
    const url = pathToFileURL(file).href + (loads === 1 ? '' : `?load=${loads}`);
    const mod = (await import(url)) as { default?: unknown };
    return mod.default;
  }
  const jiti = await configLoader();
  // Modules the config imports stay cached (the Gazette it imports is the one running); the config itself is
  // evaluated afresh on every load.
  delete jiti.cache[file];
  const mod = (await jiti.import(pathToFileURL(file).href)) as { default?: unknown } | undefined;
  return mod?.default;
}

/** How many times each JavaScript config was imported by this process. */
const JS_LOADS = new Map<string, number>();

let loader: Promise<import('jiti').Jiti> | undefined;

/** One jiti instance per process, created on the first TypeScript config. */
function configLoader(): Promise<import('jiti').Jiti> {
  loader ??= import('jiti').then(({ createJiti }) =>
    createJiti(import.meta.url, {
      interopDefault: false,
      // `import … from 'gazette'` in a config means the Gazette that loads it, wherever that one is installed.
      alias: { gazette: ownEntry() },
    }),
  );
  return loader;
}

/**
 * This package's entry file: `lib/index.js` when compiled, `src/index.ts` when run from source, and the bundle's own
 * `index.js` when this runs in the CLI bundled in lib/bundle/ (scripts/bundle-cli.mjs): it shares the chunks the CLI
 * has loaded, where lib/index.js would load the ~200 modules of lib/ and their dependencies again.
 */
function ownEntry(): string {
  const here = fileURLToPath(import.meta.url);
  const folder = path.dirname(here);
  return path.basename(folder) === 'bundle' ? path.join(folder, 'index.js') : path.join(folder, '..', `index${path.extname(here)}`);
}

/** An error's first line, without the stack (a syntax error in the config is the user's, not ours). */
function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
