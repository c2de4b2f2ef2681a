import { link, mkdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../src/publish/output-encoding.ts';
import { OutputError } from '../../src/publish/output-error.ts';
import type { ManifestEntry } from '../../src/publish/output-manifest.ts';
import { createOutputTree, type OutputFileSystem } from '../../src/publish/output-tree.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const root = useTempDir('gazette-output-tree-');
const NAME = 'categories/culture/feed.xml';
const BYTES = Buffer.from('<rss><title>Culture</title></rss>', 'utf8');
const MTIME = '2024-11-22T10:00:00Z';

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/** A previous output holding NAME (as its manifest says), an empty temporary folder, and a tree keeping NAME. */
async function keptTree(linkFile: OutputFileSystem['link']) {
  const out = path.join(root(), 'dist');
  const temp = path.join(root(), 'dist.tmp-1-00');
  await mkdir(path.dirname(path.join(out, NAME)), { recursive: true });
  await mkdir(temp);
  await writeFile(path.join(out, NAME), BYTES);
  await utimes(path.join(out, NAME), new Date(MTIME), new Date(MTIME));
  const entry: ManifestEntry = { sha256: sha256(BYTES), size: BYTES.length, mtime: MTIME };
  const tree = createOutputTree({ out, temp, previous: new Map([[NAME, entry]]), fileSystem: { link: linkFile } });
  expect(await tree.reuse(NAME, entry)).toBe(true);
  return { tree, source: path.join(out, NAME), target: path.join(temp, NAME) };
}

describe('createOutputTree().linkKept', () => {
  it('hard-links a kept file of the previous output into the new tree', async () => {
    const { tree, source, target } = await keptTree(link);
    await tree.linkKept(NAME);
    expect((await stat(target)).ino).toBe((await stat(source)).ino);
  });

  describe.each(['EXDEV', 'EPERM', 'EMLINK', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'])('when link(2) fails with %s', (code) => {
    it('copies the file instead, with the mtime of the manifest', async () => {
      const { tree, source, target } = await keptTree(async () => Promise.reject(errno(code)));
      await tree.linkKept(NAME);
      const [copied, original] = await Promise.all([stat(target), stat(source)]);
      expect([await readFile(target), copied.ino === original.ino, copied.mtime.toISOString()]).toEqual([BYTES, false, '2024-11-22T10:00:00.000Z']);
    });
  });

  describe('when link(2) fails another way', () => {
    it('rejects with an OutputError naming the file in the output folder', async () => {
      const { tree, source } = await keptTree(async () => Promise.reject(errno('EACCES')));
      const error = await tree.linkKept(NAME).catch((e: unknown) => e);
      expect([error instanceof OutputError, (error as OutputError).code, (error as OutputError).path]).toEqual([true, 'EACCES', source]);
    });
  });
});
