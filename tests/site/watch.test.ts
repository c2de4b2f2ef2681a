import { mkdir, rename, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it, type TestContext } from 'vitest';
import { openLedgerStore } from '../../src/lifecycle/ledger-store.ts';
import { watchItems, type ItemsChange, type ItemsWatcher } from '../../src/site/watch.ts';
import { waitUntil } from '../http/_lib/site-server.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

/**
 * A folder and a watcher of the test of `context`, both undone after it: the tests run at once (they mostly wait on
 * the watcher's timers), so each keeps its own state and cleans up through its own context.
 */
async function setUp(context: TestContext) {
  const { dir, remove } = await makeTempDir('gazette-watch-');
  const changes: ItemsChange[] = [];
  let watcher: ItemsWatcher | undefined;
  context.onTestFinished(async () => {
    await watcher?.close();
    await remove();
  });
  const watch = (items: string, log?: (line: string) => void): ItemsWatcher => {
    watcher = watchItems(items, (change) => changes.push(change), { debounceMs: 10, checkMs: 50, ...(log ? { log } : {}) });
    return watcher;
  };
  const start = async (items: string) => {
    await watch(items).ready;
  };
  const state = () => watcher?.state();
  const sawFile = (file: string) => changes.some((c) => c === 'all' || c.files.has(file));
  /** Watches an items folder holding one record, a.md; `named` counts the changes that name it. */
  const startWithOneRecord = async () => {
    const items = path.join(dir, 'items');
    await mkdir(items);
    const file = path.join(items, 'a.md');
    await writeFile(file, 'as it was');
    await start(items);
    return { items, file, named: () => changes.filter((c) => c !== 'all' && c.files.has(file)).length };
  };
  return { root: dir, changes, watch, start, state, sawFile, startWithOneRecord, expect: context.expect };
}

describe.concurrent('watchItems', () => {
  it('names the file that changed', async (context) => {
    const { root, changes, start, expect } = await setUp(context);
    const items = path.join(root, 'items');
    await mkdir(items);
    await start(items);
    await writeFile(path.join(items, 'a.md'), 'x');
    expect(await waitUntil(async () => changes.some((c) => c !== 'all' && c.files.has(path.join(items, 'a.md'))))).toBe(true);
  });

  it.for([
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
  ] as const)('keeps seeing new files after the folder is %s', async ([, swap], context) => {
    const { root, changes, start, state, sawFile, expect } = await setUp(context);
    const items = path.join(root, 'items');
    await mkdir(items);
    await start(items);
    await swap(items);
    expect(await waitUntil(async () => changes.includes('all') && state()?.state === 'watching')).toBe(true);
    const file = path.join(items, 'after.md');
    await writeFile(file, 'x');
    expect(await waitUntil(async () => sawFile(file) && changes.some((c) => c !== 'all' && c.files.has(file)))).toBe(true);
  });

  it('follows a symlinked folder switched to a new release', async (context) => {
    const { root, changes, start, expect } = await setUp(context);
    const v1 = path.join(root, 'v1');
    const v2 = path.join(root, 'v2');
    await mkdir(v1);
    await mkdir(v2);
    const link = path.join(root, 'items');
    await symlink(v1, link);
    await start(link);
    await unlink(link);
    await symlink(v2, link);
    expect(await waitUntil(async () => changes.includes('all'))).toBe(true);
  });

  it.for([
    ['made while watching (ln -s . items/loop2)', false],
    ['two of them present at the start', true],
  ] as const)('never enters a symlink loop %s: no watcher error, and edits are still named', async ([, atStart], context) => {
    const { root, changes, watch, expect } = await setUp(context);
    const items = path.join(root, 'items');
    await mkdir(path.join(items, 'sub'), { recursive: true });
    const makeLoops = async () => {
      await symlink('.', path.join(items, 'loop2'));
      if (atStart) await symlink('..', path.join(items, 'sub', 'up'));
    };
    if (atStart) await makeLoops();
    const lines: string[] = [];
    const watcher = watch(items, (line) => lines.push(line));
    await watcher.ready;
    if (!atStart) await makeLoops();
    const file = path.join(items, 'sub', 'after.md');
    await writeFile(file, 'x');
    expect(await waitUntil(async () => changes.some((c) => c !== 'all' && c.files.has(file)))).toBe(true);
    expect({ state: watcher.state().state, lines }).toEqual({ state: 'watching', lines: [] });
  });

  it('names a file saved twice in quick succession twice (chokidar dropped a change within 50 ms of another)', async (context) => {
    const { startWithOneRecord, expect } = await setUp(context);
    const { file, named } = await startWithOneRecord();
    await writeFile(file, 'first save');
    await waitUntil(() => named() > 0);
    const afterFirst = named();
    // The second save lands right after the rebuild of the first was called: it must call one more.
    await writeFile(file, 'second save');
    expect(await waitUntil(() => named() > afterFirst)).toBe(true);
  });

  it('names in-place writes of a file after an atomic save replaced it (Node 20 recursive fs.watch missed these)', async (context) => {
    const { startWithOneRecord, expect } = await setUp(context);
    const { items, file, named } = await startWithOneRecord();
    await writeFile(path.join(items, '.a.md.tmp'), 'atomic save');
    await rename(path.join(items, '.a.md.tmp'), file);
    await waitUntil(() => named() > 0);
    const afterRename = named();
    await writeFile(file, 'written in place');
    expect(await waitUntil(() => named() > afterRename)).toBe(true);
  });

  it.for([
    ['the ledger written by a rebuild (a temporary file renamed over .published.json)', ['.published.json.41.ab12cd34.tmp', '.published.json']],
    ['editor droppings', ['.#a.md', '.a.md.swp', 'a.md~']],
  ] as const)('ignores %s, and names the edit made after them', async ([, names], context) => {
    const { root, changes, start, expect } = await setUp(context);
    const items = path.join(root, 'items');
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

  it('ignores the ledger store: a journal append, a compaction (journal renamed aside, temp file, lock) — and names the edit made after them', async (context) => {
    const { root, changes, start, expect } = await setUp(context);
    const items = path.join(root, 'items');
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

  it('watches a folder created while watching: a walk, then the files written in it by name', async (context) => {
    const { root, changes, start, sawFile, expect } = await setUp(context);
    const items = path.join(root, 'items');
    await mkdir(items);
    await start(items);
    await mkdir(path.join(items, '2024', '12'), { recursive: true });
    await waitUntil(() => changes.includes('all'));
    const file = path.join(items, '2024', '12', 'a.md');
    await writeFile(file, 'x');
    expect(await waitUntil(() => sawFile(file) && changes.some((c) => c !== 'all' && c.files.has(file)))).toBe(true);
  });

  it('asks for a walk when a folder of records is removed', async (context) => {
    const { root, changes, start, expect } = await setUp(context);
    const items = path.join(root, 'items');
    await mkdir(path.join(items, 'old'), { recursive: true });
    await writeFile(path.join(items, 'old', 'a.md'), 'x');
    await start(items);
    await rm(path.join(items, 'old'), { recursive: true });
    expect(await waitUntil(() => changes.includes('all'))).toBe(true);
  });

  it('reports a folder it cannot watch once, as failed, and watches again once it can', async (context) => {
    const { root, state, watch, expect } = await setUp(context);
    // A path longer than PATH_MAX (4096 bytes) cannot be watched (ENAMETOOLONG): made by moving one deep chain of
    // folders into another, as no single call may name it.
    const items = path.join(root, 'items');
    const long = (c: string) => c.repeat(250);
    const chain = (base: string, c: string) => path.join(base, ...Array.from({ length: 9 }, (_, i) => long(c) + i));
    await mkdir(chain(items, 'a'), { recursive: true });
    await mkdir(chain(path.join(root, 'elsewhere'), 'b'), { recursive: true });
    await rename(path.join(root, 'elsewhere', `${long('b')}0`), path.join(chain(items, 'a'), `${long('b')}0`));
    // Moved back out (rm cannot name it either), even when the test fails.
    const shorten = () => rename(path.join(chain(items, 'a'), `${long('b')}0`), path.join(root, 'elsewhere', `${long('b')}0`));
    const lines: string[] = [];
    try {
      const watcher = watch(items, (line) => lines.push(line));
      await watcher.ready;
      expect(await waitUntil(() => watcher.state().state === 'failed')).toBe(true);
      expect(watcher.state().error).toMatch(/ENAMETOOLONG/);
    } finally {
      await shorten();
    }
    expect(await waitUntil(() => state()?.state === 'watching')).toBe(true);
    expect(lines.filter((line) => line.includes('watcher error'))).toHaveLength(1);
  });

  it('says when the folder is gone', async (context) => {
    const { root, start, state, expect } = await setUp(context);
    const items = path.join(root, 'items');
    await mkdir(items);
    await start(items);
    await rm(items, { recursive: true });
    expect(await waitUntil(async () => state()?.state === 'missing')).toBe(true);
  });
});
