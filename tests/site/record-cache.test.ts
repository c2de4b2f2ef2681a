import { utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listRecordFiles } from '../../src/records/read-items.ts';
import { createRecordCache } from '../../src/site/record-cache.ts';
import { LazyPageError } from '../../src/site/site-build.ts';
import { cacheOptions as options } from './_lib/record-cache-options.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const record = (body: string) => `---\ntitle: "Titre"\ndate: 2024-09-16 08:00\ncategories: [Société]\n---\n\n${body}\n`;

describe('createRecordCache', () => {
  const root = useTempDir('gazette-record-cache-');
  const list = async () => (await listRecordFiles(root(), { displayDir: 'items' })).value;
  const write = async (body: string, mtime: Date) => {
    const file = path.join(root(), 'a.md');
    await writeFile(file, record(body));
    await utimes(file, mtime, mtime);
  };
  const hourAgo = () => new Date(Date.now() - 3_600_000);

  // The stat key and git's racy rule: an entry is reused (the very same object) only when the file is as listed at
  // its read, and was read more than RACY_MS after its last change.
  it.each<[label: string, mtimeOfFirst: () => Date, change: 'none' | 'body', reused: boolean]>([
    ['a file unchanged since a read long after its last change is not read again', hourAgo, 'none', true],
    [
      'a file read within a second of its last change (here: dated ahead) is read again, though its stat key is the same',
      () => new Date(Date.now() + 3_600_000),
      'none',
      false,
    ],
    ['a file whose size changed is read again', hourAgo, 'body', false],
  ])('%s', async (_label, mtimeOfFirst, change, reused) => {
    const cache = createRecordCache(options());
    const first = new Date(mtimeOfFirst().getTime());
    await write('Un paragraphe.', first);
    const [before] = await cache.read(await list());
    if (change === 'body') await write('Un paragraphe plus long.', first);
    const [after] = await cache.read(await list());
    expect(after === before).toBe(reused);
    expect(after?.article?.value?.title).toBe('Titre');
  });

  // A streaming build's page reads its record again; kept bytes make it from the version the build published.
  it.each<[label: string, keptBudget: number, outcome: 'body' | 'refused']>([
    ['with its bytes kept, a page is made from the version the build read, though the file changed since', 1_000_000, 'body'],
    ['without kept bytes, a page whose file changed since the build is refused (build again)', 0, 'refused'],
  ])('%s', async (_label, keptBudget, outcome) => {
    const cache = createRecordCache(options({ keptBudget }));
    await write('Le texte publié.', hourAgo());
    const listed = await list();
    const [entry] = await cache.read(listed);
    const light = entry?.article?.value;
    expect(light?.html).toBe('');
    await write('Le texte modifié depuis.', hourAgo());
    const page = cache.readBody(light as never, listed[0]);
    if (outcome === 'body') expect((await page).html).toContain('Le texte publié.');
    else await expect(page).rejects.toThrow(LazyPageError);
  });

  it('names the file of an article no longer listed when its page is asked for', async () => {
    const cache = createRecordCache(options());
    await write('Le texte.', hourAgo());
    const listed = await list();
    const [entry] = await cache.read(listed);
    await cache.read([]);
    await expect(cache.readBody(entry?.article?.value as never, listed[0])).rejects.toMatchObject({ name: 'LazyPageError', file: 'items/a.md' });
  });
});
