// Writing in place: a build that changed few files moves them into the old output one rename each (the folder and
// every unchanged file stay the same inodes), removes what is gone, and a build that died after its journal is
// completed by the next one; a build that changed much swaps a new tree in.
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recoverInterruptedSwap } from '../../src/publish/output-folder.ts';
import { IN_PLACE_MAX_FILES, JOURNAL_NAME, planInPlace } from '../../src/publish/output-in-place.ts';
import { MANIFEST_NAME } from '../../src/publish/output-manifest.ts';
import { openStaticOutput, type OutputDocument } from '../../src/publish/write-static.ts';
import { deadPid } from '../helpers/processes.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const root = useTempDir('gazette-in-place-');
const out = () => path.join(root(), 'dist');
const lastModified = new Date('2024-11-22T10:00:00Z');

/** A hundred pages and a feed; `changed` pages get another text, `gone` pages are left out. */
function site(changed: readonly number[] = [], gone: readonly number[] = []): OutputDocument[] {
  const pages = Array.from({ length: 100 }, (_, i) => i).filter((i) => !gone.includes(i));
  return [
    { path: '/feed.xml', body: `<rss>${changed.length}</rss>`, lastModified, compress: true },
    ...pages.map((i) => ({ path: `/articles/a-${i}/`, body: `<p>${i}${changed.includes(i) ? ' corrigé' : ''}</p>`, lastModified, compress: false })),
  ];
}

async function build(docs: readonly OutputDocument[]) {
  const output = await openStaticOutput(out());
  for (const doc of docs) await output.write(doc);
  return output.commit();
}

async function inodes(dir: string): Promise<Map<string, number>> {
  const map = new Map<string, number>([['.', (await stat(dir)).ino]]);
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const name = path.relative(dir, path.join(e.parentPath, e.name));
    map.set(name, (await stat(path.join(dir, name))).ino);
  }
  return map;
}

describe('a build that changed few files', () => {
  it('moves only those into the output folder, which stays the same folder with the same unchanged files', async () => {
    await build(site());
    const before = await inodes(out());
    await build(site([3]));
    const after = await inodes(out());
    const replaced = [...after].filter(([name, ino]) => before.get(name) !== ino).map(([name]) => name);
    expect(replaced.sort()).toEqual([MANIFEST_NAME, 'articles/a-3/index.html', 'feed.xml', 'feed.xml.br', 'feed.xml.gz'].sort());
    expect(await readFile(path.join(out(), 'articles/a-3/index.html'), 'utf8')).toBe('<p>3 corrigé</p>');
  });

  it('removes the files of a document gone, and its folder once empty, leaving no temporary folder', async () => {
    await build(site());
    const dirBefore = (await stat(out())).ino;
    await build(site([], [5]));
    expect({
      same: (await stat(out())).ino === dirBefore,
      articles: (await readdir(path.join(out(), 'articles'))).includes('a-5'),
      siblings: (await readdir(root())).sort(),
    }).toEqual({ same: true, articles: false, siblings: ['dist'] });
  });
});

describe('a build that changed much', () => {
  it('swaps a new tree in (the output folder is another folder)', async () => {
    await build(site());
    const dirBefore = (await stat(out())).ino;
    await build(site(Array.from({ length: IN_PLACE_MAX_FILES }, (_, i) => i)));
    expect((await stat(out())).ino).not.toBe(dirBefore);
  });
});

describe('planInPlace', () => {
  const tree = { files: ['a', 'b/c', 'b/d', 'e', MANIFEST_NAME], dirs: ['b'] };
  it.each<[string, string[], string[], boolean]>([
    ['one file changed of five', ['a', 'b/c', 'b/d', 'e'], ['a'], true],
    ['a file becoming a folder', ['a/x', 'b/c', 'b/d', 'e'], ['a/x'], false],
    ['a folder becoming a file', ['a', 'b', 'e'], ['b'], false],
    ['more changed or gone than the limit (here 2)', ['a'], ['a'], false],
  ])('writes in place when %s: %s', (_, names, moved, inPlace) => {
    expect(planInPlace(new Set(names), moved, tree, 2) !== undefined).toBe(inPlace);
  });
});

describe('a build that died while moving its files in place', () => {
  it('is completed by the next build: the files it had not moved yet, the removals, the manifest', async () => {
    await build(site());
    // Its temporary folder as a crash after the journal and the first move leaves it.
    const temp = path.join(root(), `dist.tmp-${await deadPid()}-ab12cd34`);
    await mkdir(path.join(temp, 'articles/a-2'), { recursive: true });
    await writeFile(path.join(out(), 'articles/a-1/index.html'), '<p>1 nouveau</p>');
    await writeFile(path.join(temp, 'articles/a-2/index.html'), '<p>2 nouveau</p>');
    await writeFile(path.join(temp, MANIFEST_NAME), 'le nouveau manifeste');
    const plan = { moved: ['articles/a-1/index.html', 'articles/a-2/index.html'], removed: ['articles/a-9/index.html'], dirs: ['articles/a-9'] };
    await writeFile(path.join(temp, JOURNAL_NAME), JSON.stringify(plan));
    await recoverInterruptedSwap(out());
    expect({
      a1: await readFile(path.join(out(), 'articles/a-1/index.html'), 'utf8'),
      a2: await readFile(path.join(out(), 'articles/a-2/index.html'), 'utf8'),
      a9: (await readdir(path.join(out(), 'articles'))).includes('a-9'),
      manifest: await readFile(path.join(out(), MANIFEST_NAME), 'utf8'),
      siblings: await readdir(root()),
    }).toEqual({ a1: '<p>1 nouveau</p>', a2: '<p>2 nouveau</p>', a9: false, manifest: 'le nouveau manifeste', siblings: ['dist'] });
  });

  it('leaves the old output as it was when it died before its journal', async () => {
    await build(site());
    const temp = path.join(root(), `dist.tmp-${await deadPid()}-ab12cd34`);
    await mkdir(path.join(temp, 'articles/a-2'), { recursive: true });
    await writeFile(path.join(temp, 'articles/a-2/index.html'), '<p>2 nouveau</p>');
    await recoverInterruptedSwap(out());
    expect([await readFile(path.join(out(), 'articles/a-2/index.html'), 'utf8'), await readdir(root())]).toEqual(['<p>2</p>', ['dist']]);
  });
});
