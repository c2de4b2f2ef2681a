// commandSettings: what `gazette build`, `check` and `serve` build with when the command line says nothing or names
// a setting, and the ledger's rule (the configuration, --no-ledger, a reserved siteUrl host).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandSettings } from '../../src/cli/commands/settings.ts';
import type { BuildSettingsInput } from '../../src/site/build-settings.ts';
import { defaultStoreDir } from '../../src/site/article-store.ts';
import { makeConfig } from '../helpers/factories.ts';

const real = { ...makeConfig({ siteUrl: 'https://www.journal-du-midi.fr' }), itemsDir: path.resolve('articles') };
const reserved = { ...real, siteUrl: 'https://example.org' };
const noLedger = { ...real, ledger: false };
type Command = 'build' | 'check' | 'serve';

describe('commandSettings', () => {
  it.each<[command: Command, cacheDir: string | undefined, ledger: string]>([
    ['build', defaultStoreDir(), 'update'],
    ['check', undefined, 'read'],
    ['serve', defaultStoreDir(), 'update'],
  ])('gazette %s without flags: the config’s folder, cache %s, ledger %s', (command, cacheDir, ledger) => {
    const { settings } = commandSettings(real, command);
    expect(settings).toEqual({ itemsDir: real.itemsDir, displayDir: 'articles', ledger, ...(cacheDir ? { cacheDir } : {}) });
  });

  it.each<[label: string, command: Command, config: typeof real, flags: BuildSettingsInput, mode: string, warned: boolean]>([
    ['a real site', 'build', real, {}, 'update', false],
    ['--no-ledger', 'build', real, { ledger: 'off' }, 'off', false],
    ['ledger: false in the configuration', 'serve', noLedger, {}, 'off', false],
    ['a reserved siteUrl host: read, with a warning', 'build', reserved, {}, 'read', true],
    ['a reserved host and --no-ledger: off, nothing said', 'serve', reserved, { ledger: 'off' }, 'off', false],
    ['check under a reserved host: read, with a warning', 'check', reserved, {}, 'read', true],
  ])('chooses the ledger for %s', (_label, command, config, flags, mode, warned) => {
    const { settings, ledger } = commandSettings(config, command, flags);
    expect([settings.ledger, ledger.mode, ledger.diagnostics.map((d) => d.code)]).toEqual([mode, mode, warned ? ['ledger-reserved-host'] : []]);
  });

  it('keeps what the flags name over the command’s defaults', () => {
    const { settings } = commandSettings(real, 'serve', { pages: false, future: true });
    expect(settings).toMatchObject({ pages: false, future: true, ledger: 'update' });
  });
});
