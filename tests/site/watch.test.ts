import { mkdir, rename, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLedgerStore } from '../../src/lifecycle/ledger-store.ts';
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
  /** Watches an items folder holding one record, a.md; `named` counts the changes that name it. */
  const startWithOneRecord = async () => {
    const items = path.join(root(), 'items');
    await mkdir(items);
    const file = path.join(items, 'a.md');
    await writeFile(file, 'as it was');
    await start(items);
    return { items, file, named: () => changes.filter((c) => c !== 'all' && c.files.has(file)).length };
  };

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

  it('names a file saved twice in quick succession twice (chokidar dropped a change within 50 ms of another)', async () => {
    const { file, named } = await startWithOneRecord();
    await writeFile(file, 'first save');
    await waitUntil(() => named() > 0);
    const afterFirst = named();
    // The second save lands right after the rebuild of the first was called: it must call one more.
    await writeFile(file, 'second save');
    expect(await waitUntil(() => named() > afterFirst)).toBe(true);
  });

  it('names in-place writes of a file after an atomic save replaced it (Node 20 recursive fs.watch missed these)', async () => {
    const { items, file, named } = await startWithOneRecord();
    await writeFile(path.join(items, '.a.md.tmp'), 'atomic save');
    await rename(path.join(items, '.a.md.tmp'), file);
    await waitUntil(() => named() > 0);
    const afterRename = named();
    await writeFile(file, 'written in place');
    expect(await waitUntil(() => named() > afterRename)).toBe(true);
  });

  it.each([
    ['the ledger written by a rebuild (a temporary file renamed over .published.json)', ['.published.json.41.ab12cd34.tmp', '.published.json']],
    ['editor droppings', ['.#a.md', '.a.md.swp', 'a.md~']],
  ])('ignores %s, and names the edit made after them', async (_label, names) => {
    const items = path.join(root(), 'items');
    await mkdir(items);
    await start(items);
    for (const name of names) await writeFile(path.join(items, name), '{}');
    if (names[0]!.endsWith('.tmp')) await rename(path.join(items, names[0]!), path.join(items, names[1]!));
    // Events are delivered in order: once the record's edit is named, the writes before it were seen and ignored.
    const file = path.join(items, 'b.md');
    await writeFile(file, 'x');
    await waitUntil(() => changes.length > 0);
    expect(changes).toEqual([{ files: new Set([file]) }]);
  });

  it('ignores the ledger store: a journal append, a compaction (journal renamed aside, temp file, lock) — and names the edit made after them', async () => {
    const items = path.join(root(), 'items');
    await mkdir(items);
    await start(items);
    const store = openLedgerStore(items);
    const entry = { id: 'a', guid: 'g', published: new Date(0), hash: 'a'.repeat(64), paths: ['/articles/a/'], aliases: [] };
    const ledger = new Map([['a', entry]]);
    const writes = [await store.save(ledger), await store.save(new Map([['a', { ...entry, hash: 'b'.repeat(64) }]]), { compact: true })];
    const file = path.join(items, 'b.md');
    await writeFile(file, 'x');
    await waitUntil(() => changes.length > 0);
    expect({ writes, changes }).toEqual({ writes: ['appended', 'compacted'], changes: [{ files: new Set([file]) }] });
  });

  it('watches a folder created while watching: a walk, then the files written in it by name', async () => {
    const items = path.join(root(), 'items');
    await mkdir(items);
    await start(items);
    await mkdir(path.join(items, '2024', '12'), { recursive: true });
    await waitUntil(() => changes.includes('all'));
    const file = path.join(items, '2024', '12', 'a.md');
    await writeFile(file, 'x');
    expect(await waitUntil(() => sawFile(file) && changes.some((c) => c !== 'all' && c.files.has(file)))).toBe(true);
  });

  it('asks for a walk when a folder of records is removed', async () => {
    const items = path.join(root(), 'items');
    await mkdir(path.join(items, 'old'), { recursive: true });
    await writeFile(path.join(items, 'old', 'a.md'), 'x');
    await start(items);
    await rm(path.join(items, 'old'), { recursive: true });
    expect(await waitUntil(() => changes.includes('all'))).toBe(true);
  });

  it('reports a folder it cannot watch once, as failed, and watches again once it can', async () => {
    // A path longer than PATH_MAX (4096 bytes) cannot be watched (ENAMETOOLONG): made by moving one deep chain of
    // folders into another, as no single call may name it.
    const items = path.join(root(), 'items');
    const long = (c: string) => c.repeat(250);
    const chain = (base: string, c: string) => path.join(base, ...Array.from({ length: 9 }, (_, i) => long(c) + i));
    await mkdir(chain(items, 'a'), { recursive: true });
    await mkdir(chain(path.join(root(), 'elsewhere'), 'b'), { recursive: true });
    await rename(path.join(root(), 'elsewhere', `${long('b')}0`), path.join(chain(items, 'a'), `${long('b')}0`));
    // Moved back out (rm cannot name it either), even when the test fails.
    const shorten = () => rename(path.join(chain(items, 'a'), `${long('b')}0`), path.join(root(), 'elsewhere', `${long('b')}0`));
    const lines: string[] = [];
    try {
      watcher = watchItems(items, (change) => changes.push(change), { debounceMs: 10, checkMs: 50, log: (line) => lines.push(line) });
      await watcher.ready;
      expect(await waitUntil(() => watcher?.state().state === 'failed')).toBe(true);
      expect(watcher.state().error).toMatch(/ENAMETOOLONG/);
    } finally {
      await shorten();
    }
    expect(await waitUntil(() => watcher?.state().state === 'watching')).toBe(true);
    expect(lines.filter((line) => line.includes('watcher error'))).toHaveLength(1);
  });

  it('says when the folder is gone', async () => {
    const items = path.join(root(), 'items');
    await mkdir(items);
    await start(items);
    await rm(items, { recursive: true });
    expect(await waitUntil(async () => watcher?.state().state === 'missing')).toBe(true);
  });
});
