import { describe, expect, it } from 'vitest';
import { type BuildSettings, settingsKey } from '../../src/site/build-settings.ts';

const base: BuildSettings = { itemsDir: '/site/items', displayDir: 'items', pages: true, ledger: 'update' };

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
