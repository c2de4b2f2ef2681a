import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countFiles } from '../../src/_lib/count-files.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

describe('countFiles', () => {
  const tmp = useTempDir('gazette-count-');

  it('counts the files of every folder below, not the folders', async () => {
    await mkdir(path.join(tmp(), 'a/b'), { recursive: true });
    await Promise.all(['x.md', 'a/y.json', 'a/b/z.txt'].map((name) => writeFile(path.join(tmp(), name), '')));
    expect(countFiles(tmp())).toBe(3);
  });

  it('counts a link as a file, without following it (a loop counts once)', async () => {
    await writeFile(path.join(tmp(), 'x.md'), '');
    await symlink(tmp(), path.join(tmp(), 'boucle'));
    expect(countFiles(tmp())).toBe(2);
  });

  it('gives 0 for a folder it cannot list', () => {
    expect(countFiles(path.join(tmp(), 'absent'))).toBe(0);
  });
});
