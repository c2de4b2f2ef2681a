// site: the settings of a build besides the configuration — where the records are, what to render, the ledger, the
// cache — resolved once by each entry point (`gazette build`, `check`, `serve`: cli/commands/load.ts commandSettings;
// buildStaticSite; createLiveSite) and handed down whole, so that a new one reaches every layer that keys on them
// (rebuild-engine.ts starts a new builder when any setting differs) without a list to keep by hand.
//
// A new build setting is one field of BuildSettings (with its name in SETTING_NAMES below, which the compiler asks
// for), plus, when the command line offers it, one flag row with `setting` in cli/command-spec.ts. Every options
// type of the entry points extends BuildSettingsInput, so it takes the field at once.
import path from 'node:path';
import type { ResolvedConfig } from '../config/config-schema.ts';

/** What a build is made with, besides the configuration. Every field takes part in a builder's identity. */
export interface BuildSettings {
  /** Folder of records (absolute once resolved); default `config.itemsDir`. */
  readonly itemsDir: string;
  /** The folder as messages name it (`items`); default: its path from the working directory. */
  readonly displayDir: string;
  /** Render HTML pages (default `config.pages`); false: feeds only (`--no-pages`). */
  readonly pages?: boolean;
  /**
   * The publication ledger (`items/.published.json`): `update` reads it and writes it back after each build (`gazette
   * build`, `gazette serve`); `read` applies it without writing (`gazette check`); `off` ignores it (`--no-ledger`).
   * Default: `update` for buildStaticSite and createLiveSite, `off` for createSiteBuilder and buildSite.
   */
  readonly ledger?: 'update' | 'read' | 'off';
  /** Publish articles dated in the future too (previews, `--future`); they never enter the ledger. */
  readonly future?: boolean;
  /**
   * Folder of the persistent article cache (article-store.ts), or undefined for none: the first build of a builder
   * takes the articles of unchanged records from it (a warm start) and saves it once done. `gazette build` and
   * `gazette serve` share `node_modules/.cache/gazette`.
   */
  readonly cacheDir?: string;
  /**
   * Render article pages only when one is asked for instead of in every build (default true for buildStaticSite
   * and createLiveSite, false for createSiteBuilder and buildSite): articles are held without their bodies, and a
   * page is rendered again from its file when the writer takes it (static) or a reader asks for it (live).
   */
  readonly lazyPages?: boolean;
  /**
   * Worker threads that make a static build's article pages (site/page-pool.ts); 0 or absent: the main thread makes
   * them. Off by default: measured on a 2-core machine it costs more CPU than it saves wall time (docs/performance.md);
   * where it pays, one less than the cores, at most 3.
   */
  readonly pageWorkers?: number;
}

/** BuildSettings as an entry point's options take them: every field optional, an undefined one the same as absent. */
export type BuildSettingsInput = { readonly [K in keyof BuildSettings]?: BuildSettings[K] | undefined };

/** Every field of BuildSettings by name: `satisfies` refuses a field missing here or one BuildSettings lacks. */
const SETTING_NAMES = {
  itemsDir: true,
  displayDir: true,
  pages: true,
  ledger: true,
  future: true,
  cacheDir: true,
  lazyPages: true,
  pageWorkers: true,
} as const satisfies { readonly [K in keyof BuildSettings]-?: true };

/** The names of every build setting, in declaration order (tests walk them). */
export const BUILD_SETTING_NAMES = Object.keys(SETTING_NAMES) as readonly (keyof BuildSettings)[];

/** The build settings among `options` (an entry point's options, with its other fields), the undefined ones left out. */
export function pickBuildSettings(options: BuildSettingsInput): { -readonly [K in keyof BuildSettings]?: BuildSettings[K] } {
  const picked: Record<string, unknown> = {};
  for (const name of BUILD_SETTING_NAMES) if (options[name] !== undefined) picked[name] = options[name];
  return picked;
}

/**
 * The settings of one entry point: `input`'s (undefined ones taken from `defaults`, the entry point's own), with the
 * items folder and the cache folder made absolute from `cwd` and the items folder's display name from there. The
 * same function for `gazette build`, `check` and `serve`, and for the library's entry points; resolving twice gives
 * the same settings.
 */
export function resolveBuildSettings(
  input: BuildSettingsInput,
  config: ResolvedConfig,
  defaults: BuildSettingsInput = {},
  cwd: string = process.cwd(),
): BuildSettings {
  const given = { ...pickBuildSettings(defaults), ...pickBuildSettings(input) };
  const itemsDir = path.resolve(cwd, given.itemsDir ?? config.itemsDir);
  const relative = path.relative(cwd, itemsDir);
  // As diagnostics.ts displayPath names it: `.` for the folder itself, the absolute path for one outside it.
  const displayDir = given.displayDir ?? (relative === '' ? '.' : relative.startsWith('..') ? itemsDir : relative);
  return { ...given, itemsDir, displayDir, ...(given.cacheDir === undefined ? {} : { cacheDir: path.resolve(cwd, given.cacheDir) }) };
}

/**
 * A key of settings: the same for the same values, whatever the order of the fields or a field given as undefined
 * (the same as absent); any field, known here or not, takes part.
 */
export function settingsKey(settings: BuildSettings): string {
  const fields = Object.entries(settings).filter(([, value]) => value !== undefined);
  fields.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(fields);
}
