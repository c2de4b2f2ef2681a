// BuildSettings: the key the rebuild engine starts a new builder on, the one resolution every entry point uses, and
// the rule that makes a new setting one field — build, check and serve each receive every setting, whatever its name.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, flagSettings } from '../../src/cli/command-spec.ts';
import { commandSettings } from '../../src/cli/commands/settings.ts';
import { parseCommandLine } from '../../src/cli/main.ts';
import { createFeedRouter } from '../../src/serve-site.ts';
import {
  BUILD_SETTING_NAMES,
  type BuildSettings,
  type BuildSettingsInput,
  pickBuildSettings,
  resolveBuildSettings,
  settingsKey,
} from '../../src/site/build-settings.ts';
import { createLiveSite } from '../../src/site/live-site.ts';
import { createRebuildEngine, type BuildRequest } from '../../src/site/rebuild-engine.ts';
import { staticBuildSettings } from '../../src/site/static-build.ts';
import { makeConfig } from '../helpers/factories.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const base: BuildSettings = { itemsDir: '/site/items', displayDir: 'items', pages: true, ledger: 'update' };
const config = makeConfig();

describe('settingsKey', () => {
  it.each<[label: string, other: BuildSettings, same: boolean]>([
    ['the same settings', { ...base }, true],
    ['the same fields in another order', { ledger: 'update', pages: true, displayDir: 'items', itemsDir: '/site/items' }, true],
    ['a field given as undefined', { ...base, future: undefined } as unknown as BuildSettings, true],
    ['another value of a field', { ...base, ledger: 'read' }, false],
    ['one more field', { ...base, lazyPages: true }, false],
    ['a field BuildSettings does not name yet', { ...base, ...({ someNewSetting: 1 } as object) }, false],
  ])('%s gives the same key: %s', (_label, other, same) => {
    expect(settingsKey(other) === settingsKey(base)).toBe(same);
  });
});

describe('resolveBuildSettings', () => {
  const cwd = '/work/site';
  it.each<[label: string, input: BuildSettingsInput, defaults: BuildSettingsInput, expected: BuildSettings]>([
    ['nothing given: the config’s folder, named from the working directory', {}, {}, { itemsDir: '/work/site/items', displayDir: 'items' }],
    ['a relative folder, made absolute', { itemsDir: 'articles' }, {}, { itemsDir: '/work/site/articles', displayDir: 'articles' }],
    [
      'a folder outside the working directory, named by its absolute path',
      { itemsDir: '/srv/items' },
      {},
      { itemsDir: '/srv/items', displayDir: '/srv/items' },
    ],
    ['the working directory itself, named .', { itemsDir: '.' }, {}, { itemsDir: '/work/site', displayDir: '.' }],
    ['a display name given', { displayDir: 'mes articles' }, {}, { itemsDir: '/work/site/items', displayDir: 'mes articles' }],
    ['a relative cache folder, made absolute', { cacheDir: 'cache' }, {}, { itemsDir: '/work/site/items', displayDir: 'items', cacheDir: '/work/site/cache' }],
    [
      'a default, under what is given',
      { future: true },
      { ledger: 'update', future: false },
      { itemsDir: '/work/site/items', displayDir: 'items', ledger: 'update', future: true },
    ],
    [
      'a field given as undefined: the default',
      { ledger: undefined },
      { ledger: 'update' },
      { itemsDir: '/work/site/items', displayDir: 'items', ledger: 'update' },
    ],
  ])('%s', (_label, input, defaults, expected) => {
    const resolved = resolveBuildSettings(input, { ...config, itemsDir: '/work/site/items' }, defaults, cwd);
    expect(resolved).toEqual(expected);
    // Resolving again changes nothing: an entry point may hand its settings to another (the CLI to buildStaticSite).
    expect(resolveBuildSettings(resolved, config, defaults, cwd)).toEqual(expected);
  });

  it('picks the build settings out of an entry point’s options, and nothing else', () => {
    expect(pickBuildSettings({ pages: false, future: undefined, ...({ watch: true, outDir: 'dist' } as object) })).toEqual({ pages: false });
  });
});

// The rule. A value of every setting, none of them a default: the compiler asks for a row when BuildSettings grows,
// and each test below then checks the new field on every path without a change of its own.
const root = useTempDir('gazette-settings-', 'all');
const SAMPLES: () => { readonly [K in keyof BuildSettings]-?: NonNullable<BuildSettings[K]> } = () => ({
  itemsDir: path.join(root(), 'elsewhere'),
  displayDir: 'ailleurs',
  pages: false,
  ledger: 'off',
  future: true,
  cacheDir: path.join(root(), 'cache'),
  lazyPages: false,
  pageWorkers: 2,
});
const EACH_SETTING = BUILD_SETTING_NAMES.map((name) => [name] as const);

describe('every build setting reaches every entry point (a new one is one field of BuildSettings)', () => {
  it.each(EACH_SETTING)('%s reaches `gazette build`: the command’s settings, then the static build’s', (name) => {
    const value = SAMPLES()[name];
    const { settings } = commandSettings(config, 'build', { [name]: value });
    expect(staticBuildSettings(config, settings)[name]).toEqual(value);
    expect(staticBuildSettings(config, { [name]: value })[name]).toEqual(value);
  });

  it.each(EACH_SETTING)('%s reaches `gazette check`: the settings its builder is made with', (name) => {
    const value = SAMPLES()[name];
    expect(commandSettings(config, 'check', { [name]: value }).settings[name]).toEqual(value);
  });

  it.each(EACH_SETTING)('%s reaches `gazette serve`: through the router to the live site', async (name) => {
    const value = SAMPLES()[name];
    // The config's items folder, not the repository's sample items: the site builds whatever it finds there.
    const served = { ...config, itemsDir: path.join(root(), 'items') };
    const { settings } = commandSettings(served, 'serve', { [name]: value });
    const router = createFeedRouter(served, { ...settings, watch: false, worker: false });
    await router.close();
    expect(router.site.settings[name]).toEqual(value);
  });

  it.each(EACH_SETTING)('%s reaches a live site made directly', async (name) => {
    const value = SAMPLES()[name];
    const site = createLiveSite({ ...config, itemsDir: path.join(root(), 'items') }, { [name]: value, worker: false });
    await site.close();
    expect(site.settings[name]).toEqual(value);
  });

  it.each(EACH_SETTING)('%s keys the rebuild engine: a new value starts a new builder (a full reply)', async (name) => {
    const itemsDir = path.join(root(), 'items');
    await mkdir(itemsDir, { recursive: true });
    await writeFile(path.join(itemsDir, 'maroc.md'), '---\ntitle: "Maroc"\ndate: 2024-11-20\n---\n\nLe corps.\n');
    const request: BuildRequest = { mountPath: '', config, itemsDir, displayDir: 'items', now: Date.parse('2024-12-01T12:00:00Z') };
    const engine = createRebuildEngine();
    await engine.build(request);
    expect((await engine.build(request)).full).toBe(false);
    expect((await engine.build({ ...request, [name]: SAMPLES()[name] })).full).toBe(true);
  });
});

describe('the command line', () => {
  const settingFlags = COMMANDS.flatMap((c) =>
    Object.entries(c.flags)
      .filter(([, f]) => f.setting !== undefined)
      .map(([flag]) => flag),
  );
  // A flag one building command lacks on purpose, and why.
  const NOT_OFFERED = new Set(['check --no-pages']); // check lints what a build publishes; `pages: false` in the config says feeds only

  it.each([...new Set(settingFlags)].flatMap((flag) => ['build', 'check', 'serve'].map((command) => [command, flag] as const)))(
    'gazette %s %s sets its build setting, as the flag row says',
    (command, flag) => {
      const spec = COMMANDS.find((c) => c.name === command)!;
      if (NOT_OFFERED.has(`${command} --${flag}`)) {
        expect(spec.flags[flag]).toBeUndefined();
        return;
      }
      const row = spec.flags[flag]!;
      const argv = row.type === 'boolean' ? [command, `--${flag}`] : [command, `--${flag}`, 'valeur'];
      const invocation = parseCommandLine(argv);
      if (invocation.kind !== 'run') throw new Error(`not run: ${JSON.stringify(invocation)}`);
      const expected = row.type === 'boolean' ? row.setting!.value : 'valeur';
      expect(flagSettings(spec, invocation.values)).toEqual({ [row.setting!.name]: expected });
    },
  );

  it.each([['build'], ['check'], ['serve']] as const)('gazette %s without flags gives no setting of its own', (command) => {
    const invocation = parseCommandLine([command]);
    if (invocation.kind !== 'run') throw new Error('not run');
    expect(flagSettings(COMMANDS.find((c) => c.name === command)!, invocation.values)).toEqual({});
  });
});
