// The output folder's life on real folders: which places are refused, what a previous output offers, the swap of a
// new tree in, and the recovery of a swap a crash cut between its two renames.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutDir, inspectOutDir, listOutputTree, recoverInterruptedSwap, swapIn, type OutDirPolicy } from '../../src/publish/output-folder.ts';
import { OutputError } from '../../src/publish/output-error.ts';
import { MANIFEST_NAME, serializeManifest } from '../../src/publish/output-manifest.ts';
import { deadPid } from '../helpers/processes.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const root = useTempDir('gazette-output-folder-');

/** Writes `files` (relative name → text) below `dir`, making folders. */
async function writeTree(dir: string, files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
}

/** Every file below `dir` with its text, or undefined when `dir` does not exist. */
async function readTree(dir: string): Promise<Record<string, string> | undefined> {
  const tree = await listOutputTree(dir).catch(() => undefined);
  if (!tree) return undefined;
  return Object.fromEntries(await Promise.all(tree.files.map(async (f) => [f, await readFile(path.join(dir, f), 'utf8')])));
}

/** A manifest listing `names` as written by the previous build. */
const manifestOf = (...names: string[]) =>
  serializeManifest(new Map(names.map((n) => [n, { sha256: '0'.repeat(64), size: 1, mtime: '2024-11-22T10:00:00Z' }])), 'test');

describe('checkOutDir', () => {
  it.each<[string, (r: string) => [string, OutDirPolicy], RegExp]>([
    ['the filesystem root', () => ['/', {}], /it is the filesystem root/],
    ['the working directory', () => [process.cwd(), {}], /it is the working directory or one of its parents/],
    ['a parent of the working directory', () => [path.dirname(process.cwd()), {}], /working directory or one of its parents/],
    ['the items folder', (r) => [path.join(r, 'items'), { itemsDir: path.join(r, 'items') }], /contains the items folder/],
    ['a folder holding the items folder', (r) => [r, { itemsDir: path.join(r, 'items') }], /contains the items folder/],
    ['a folder inside the items folder', (r) => [path.join(r, 'items', 'dist'), { itemsDir: path.join(r, 'items') }], /inside the items folder/],
    [
      'a folder inside the static-assets folder',
      (r) => [path.join(r, 'public', 'dist'), { publicDir: path.join(r, 'public') }],
      /inside the static-assets folder/,
    ],
  ])('refuses %s, saying why', (_label, place, message) => {
    const [out, policy] = place(root());
    expect(() => checkOutDir(out, policy)).toThrow(message);
  });

  it('resolves any other folder to an absolute path', () => {
    const out = path.relative(process.cwd(), path.join(root(), 'dist'));
    expect(checkOutDir(out, { itemsDir: path.join(root(), 'items') })).toBe(path.join(root(), 'dist'));
  });
});

describe('inspectOutDir', () => {
  it.each<[string, Record<string, string> | 'file', OutDirPolicy, RegExp]>([
    ['a folder of files without a manifest', { 'index.html': 'x' }, {}, /was not written by gazette build \(no \.gazette-output\.json\)/],
    ['a folder whose manifest is not JSON', { [MANIFEST_NAME]: '{', 'a.txt': 'x' }, {}, /its \.gazette-output\.json is unreadable: it is not valid JSON/],
    [
      'a file the last build did not write',
      { [MANIFEST_NAME]: manifestOf('feed.xml'), 'feed.xml': 'x', 'notes.txt': 'x' },
      {},
      /holds a file that gazette build did not write: .*notes\.txt/,
    ],
    ['a file in place of the folder', 'file', {}, /exists and is not a folder/],
  ])('refuses %s', async (_label, content, policy, message) => {
    const out = path.join(root(), 'dist');
    if (content === 'file') await writeFile(out, 'x');
    else await writeTree(out, content);
    const refusal = await inspectOutDir(out, policy).catch((error: unknown) => error);
    expect([refusal instanceof OutputError, String(refusal)]).toEqual([true, expect.stringMatching(message)]);
  });

  it.each<[string, Record<string, string> | 'file', OutDirPolicy, string[]]>([
    ['no folder at all', {}, {}, []],
    ['a folder of files without a manifest, with force', { 'index.html': 'x' }, { force: true }, ['index.html']],
    [
      'a file the last build did not write, with clean',
      { [MANIFEST_NAME]: manifestOf('feed.xml'), 'feed.xml': 'x', 'notes.txt': 'x' },
      { clean: true },
      [MANIFEST_NAME, 'feed.xml', 'notes.txt'],
    ],
    ['a file in place of the folder, with force', 'file', { force: true }, []],
  ])('accepts %s, listing what it holds', async (_label, content, policy, files) => {
    const out = path.join(root(), 'dist');
    if (content === 'file') await writeFile(out, 'x');
    else if (Object.keys(content).length > 0) await writeTree(out, content);
    expect((await inspectOutDir(out, policy)).tree.files).toEqual(files);
  });

  it('offers the files of a previous build for reuse, and nothing of an output it cannot trust', async () => {
    const out = path.join(root(), 'dist');
    await writeTree(out, { [MANIFEST_NAME]: manifestOf('feed.xml', 'a/index.html'), 'feed.xml': 'x', 'a/index.html': 'x' });
    const trusted = await inspectOutDir(out, {});
    await writeFile(path.join(out, MANIFEST_NAME), '{');
    const untrusted = await inspectOutDir(out, { clean: true });
    expect([[...trusted.entries.keys()], trusted.compression, trusted.tree.dirs, [...untrusted.entries.keys()]]).toEqual([
      ['a/index.html', 'feed.xml'],
      'test',
      ['a'],
      [],
    ]);
  });
});

describe('swapIn', () => {
  it('puts the new tree in place of the old one and removes the old one', async () => {
    const [temp, out, old] = ['dist.tmp-1-ab', 'dist', 'dist.old-1-ab'].map((n) => path.join(root(), n)) as [string, string, string];
    await writeTree(out, { 'index.html': 'ancien', 'a/b/page.html': 'ancien' });
    await writeTree(temp, { 'index.html': 'nouveau' });
    await swapIn(temp, out, old, await listOutputTree(out), 2);
    expect([await readTree(out), await readdir(root())]).toEqual([{ 'index.html': 'nouveau' }, ['dist']]);
  });

  it('moves the new tree in when there was no output yet', async () => {
    const [temp, out, old] = ['dist.tmp-1-ab', 'dist', 'dist.old-1-ab'].map((n) => path.join(root(), n)) as [string, string, string];
    await writeTree(temp, { 'index.html': 'nouveau' });
    await swapIn(temp, out, old, { files: [], dirs: [] }, 2);
    expect([await readTree(out), await readdir(root())]).toEqual([{ 'index.html': 'nouveau' }, ['dist']]);
  });

  it('puts the old tree back when the new one cannot be moved in', async () => {
    const [temp, out, old] = ['dist.tmp-1-ab', 'dist', 'dist.old-1-ab'].map((n) => path.join(root(), n)) as [string, string, string];
    await writeTree(out, { 'index.html': 'ancien' });
    const failed = await swapIn(temp, out, old, await listOutputTree(out), 2).then(
      () => false,
      () => true,
    );
    expect([failed, await readTree(out), await readdir(root())]).toEqual([true, { 'index.html': 'ancien' }, ['dist']]);
  });
});

describe('recoverInterruptedSwap', () => {
  // [case, the folder's entries before (`{dead}` stands for a pid that has exited), the folder after]
  it.each<[string, string[], string[]]>([
    ['puts back the old tree a crash left between the renames', ['dist.old-{dead}-ab12', 'dist.tmp-{dead}-ab12'], ['dist']],
    ['removes the leftovers of a dead build beside a whole output', ['dist', 'dist.old-{dead}-ab12', 'dist.tmp-{dead}-cd34'], ['dist']],
    ['removes a dead build’s unfinished tree when there is no old one', ['dist.tmp-{dead}-ab12'], []],
    [
      'leaves alone the trees of a live build (this process)',
      ['dist.old-{self}-ab12', 'dist.tmp-{self}-ab12'],
      ['dist.old-{self}-ab12', 'dist.tmp-{self}-ab12'],
    ],
    ['leaves alone other folders that only start like the output', ['dist-2', 'dist.old', 'dist.old-x-ab12'], ['dist-2', 'dist.old', 'dist.old-x-ab12']],
  ])('%s', async (_label, before, after) => {
    const dead = String(await deadPid());
    const name = (n: string) => n.replace('{dead}', dead).replace('{self}', String(process.pid));
    for (const n of before) await writeTree(path.join(root(), name(n)), { 'index.html': n });
    await recoverInterruptedSwap(path.join(root(), 'dist'));
    expect((await readdir(root())).sort()).toEqual(after.map(name).sort());
  });

  it('restores the old tree with its files', async () => {
    const old = `dist.old-${await deadPid()}-ab12`;
    await writeTree(path.join(root(), old), { 'index.html': 'ancien', 'a/page.html': 'ancien' });
    await recoverInterruptedSwap(path.join(root(), 'dist'));
    expect(await readTree(path.join(root(), 'dist'))).toEqual({ 'a/page.html': 'ancien', 'index.html': 'ancien' });
  });

  it('does nothing when the parent folder does not exist yet', async () => {
    await expect(recoverInterruptedSwap(path.join(root(), 'absent', 'dist'))).resolves.toBeUndefined();
  });
});
