import { mkdir, rename, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchItems, type ItemsChange, type ItemsWatcher } from '../../src/site/watch.ts';
import { waitUntil } from '../http/_lib/site-server.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

describe('watchItems', () => {
  const root = useTempDir('gazette-watch-');
  let watcher: ItemsWatcher | undefined;
  let changes: ItemsChange[];
  beforeEach(async () => {
    changes = [];
  });
  afterEach(async () => {
    await watcher?.close();
    watcher = undefined;
  });

  const start = async (dir: string) => {
    watcher = watchItems(dir, (change) => changes.push(change), { debounceMs: 10, checkMs: 50 });
    await watcher.ready;
  };
  const sawFile = (file: string) => changes.some((c) => c === 'all' || c.files.has(file));

  it('names the file that changed', async () => {
    const items = path.join(root(), 'items');
    await mkdir(items);
    await start(items);
    await writeFile(path.join(items, 'a.md'), 'x');
    expect(await waitUntil(async () => changes.some((c) => c !== 'all' && c.files.has(path.join(items, 'a.md'))))).toBe(true);
  });

  it.each([
    [
      'deleted and recreated',
      async (items: string) => {
        await rm(items, { recursive: true });
        await mkdir(items);
      },
    ],
    [
      'swapped by a rename (mv items.new items)',
      async (items: string) => {
        await mkdir(`${items}.new`);
        await rm(items, { recursive: true });
        await rename(`${items}.new`, items);
      },
    ],
  ])('keeps seeing new files after the folder is %s', async (_label, swap) => {
    const items = path.join(root(), 'items');
    await mkdir(items);
    await start(items);
    await swap(items);
    expect(await waitUntil(async () => changes.includes('all') && watcher?.state().state === 'watching')).toBe(true);
    const file = path.join(items, 'after.md');
    await writeFile(file, 'x');
    expect(await waitUntil(async () => sawFile(file) && changes.some((c) => c !== 'all' && c.files.has(file)))).toBe(true);
  });

  it('follows a symlinked folder switched to a new release', async () => {
    const v1 = path.join(root(), 'v1');
    const v2 = path.join(root(), 'v2');
    await mkdir(v1);
    await mkdir(v2);
    const link = path.join(root(), 'items');
    await symlink(v1, link);
    await start(link);
    await unlink(link);
    await symlink(v2, link);
    expect(await waitUntil(async () => changes.includes('all'))).toBe(true);
  });

  it.each([
    ['made while watching (ln -s . items/loop2)', false],
    ['two of them present at the start', true],
  ])('never enters a symlink loop %s: no watcher error, and edits are still named', async (_label, atStart) => {
    const items = path.join(root(), 'items');
    await mkdir(path.join(items, 'sub'), { recursive: true });
    const makeLoops = async () => {
      await symlink('.', path.join(items, 'loop2'));
      if (atStart) await symlink('..', path.join(items, 'sub', 'up'));
    };
    if (atStart) await makeLoops();
    const lines: string[] = [];
    watcher = watchItems(items, (change) => changes.push(change), { debounceMs: 10, checkMs: 50, log: (line) => lines.push(line) });
    await watcher.ready;
    if (!atStart) await makeLoops();
    const file = path.join(items, 'sub', 'after.md');
    await writeFile(file, 'x');
    expect(await waitUntil(async () => changes.some((c) => c !== 'all' && c.files.has(file)))).toBe(true);
    expect({ state: watcher.state().state, lines }).toEqual({ state: 'watching', lines: [] });
  });

  it('says when the folder is gone', async () => {
    const items = path.join(root(), 'items');
    await mkdir(items);
    await start(items);
    await rm(items, { recursive: true });
    expect(await waitUntil(async () => watcher?.state().state === 'missing')).toBe(true);
  });
});
