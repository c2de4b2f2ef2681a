// A new record cache (the next `gazette build`) takes a record from the article store without reading it when its
// stat key is the one the store persisted and git's racy rule trusts it; any other key, or a racy read, reads it.
import { mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listRecordFiles, type RecordFile } from '../../src/records/read-items.ts';
import { openArticleStore } from '../../src/site/article-store.ts';
import { createRecordCache } from '../../src/site/record-cache.ts';
import { makeConfig } from '../helpers/factories.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { cacheOptions } from './_lib/record-cache-options.ts';

const config = makeConfig();
const record = (title: string) => `---\ntitle: "${title}"\ndate: 2024-09-16 08:00\ncategories: [Société]\n---\n\nLe corps.\n`;

type Listed = (file: RecordFile) => RecordFile;

describe('a record cache with a persisted article store', () => {
  const root = useTempDir('gazette-record-store-');
  const items = () => path.join(root(), 'items');
  const list = async () => (await listRecordFiles(items(), { displayDir: 'items' })).value;
  const write = async (title: string, mtime: Date) => {
    const file = path.join(items(), 'a.md');
    await writeFile(file, record(title));
    await utimes(file, mtime, mtime);
  };
  /** One build: a new cache over the store as the previous build saved it. */
  const readTitle = async (listed: readonly RecordFile[]) => {
    const store = await openArticleStore(path.join(root(), 'cache'), config, 'test');
    const cache = createRecordCache(cacheOptions({ config, store }));
    const [entry] = await cache.read(listed);
    await store.save();
    return entry?.article?.value?.title;
  };

  // The file is rewritten between the builds (other bytes, the same size); the second build is handed the listing of
  // the first, or that listing with one field of the key changed, so that only the stat key decides whether the
  // file is read: a title from the old bytes means it was not.
  it.each<[label: string, mtimeAgo: number, key: Listed, read: boolean]>([
    ['a record with the persisted stat key, read an hour after its last change, is not read again', 3_600_000, (f) => f, false],
    ['a record read within a second of its last change is read again, though its stat key is the same', -3_600_000, (f) => f, true],
    ['a record of another size is read again', 3_600_000, (f) => ({ ...f, size: f.size + 1 }), true],
    ['a record of another mtime is read again', 3_600_000, (f) => ({ ...f, mtimeMs: f.mtimeMs - 1 }), true],
    ['a record of another inode (an atomic save) is read again', 3_600_000, (f) => ({ ...f, ino: (f.ino ?? 0) + 1 }), true],
    ['a record of another ctime (an old mtime set back) is read again', 3_600_000, (f) => ({ ...f, ctimeMs: (f.ctimeMs ?? 0) + 1 }), true],
  ])('%s', async (_label, mtimeAgo, key, read) => {
    await mkdir(items(), { recursive: true });
    const mtime = new Date(Date.now() - mtimeAgo);
    await write('Titre A', mtime);
    const listed = await list();
    expect(await readTitle(listed)).toBe('Titre A');
    await write('Titre B', mtime);
    expect(await readTitle(listed.map(key))).toBe(read ? 'Titre B' : 'Titre A');
  });

  it('reads every record on the first build after the store was deleted', async () => {
    await mkdir(items(), { recursive: true });
    const hourAgo = new Date(Date.now() - 3_600_000);
    await write('Titre A', hourAgo);
    const listed = await list();
    await readTitle(listed);
    await write('Titre B', hourAgo);
    await rm(path.join(root(), 'cache'), { recursive: true });
    expect(await readTitle(listed)).toBe('Titre B');
  });
});
