import { readdir, readFile, stat, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSnapshot, type RenderedDocument } from '../../src/publish/snapshot.ts';
import { OutputError, openStaticOutput, toFilePath, writeStaticSite } from '../../src/publish/write-static.ts';
import { MANIFEST_NAME } from '../../src/publish/output-manifest.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const updated = new Date('2024-11-22T10:00:00Z');

function makeDocuments(text = 'Société'): RenderedDocument[] {
  const doc = (p: string, contentType: string, body: string): RenderedDocument => ({ path: p, contentType, body, lastModified: updated });
  return [
    doc('/feed.xml', 'application/rss+xml; charset=utf-8', `<rss><title>${text}</title></rss>`),
    doc('/atom.xml', 'application/atom+xml; charset=utf-8', `<feed><title>${text}</title></feed>`),
    doc('/feed.json', 'application/feed+json; charset=utf-8', JSON.stringify({ title: text })),
    doc('/categories/societe/feed.xml', 'application/rss+xml; charset=utf-8', `<rss><title>${text}</title></rss>`),
    doc('/categories/societe/', 'text/html; charset=utf-8', `<h1>${text}</h1>`),
    doc('/', 'text/html; charset=utf-8', `<h1>Accueil ${text}</h1>`),
    doc('/articles/maroc-le-dg/', 'text/html; charset=utf-8', `<h1>Maroc ${text}</h1>`),
  ];
}

async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name !== MANIFEST_NAME)
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

const root = useTempDir('gazette-static-');
let out: string;
beforeEach(async () => {
  out = path.join(root(), 'dist');
});

describe('toFilePath', () => {
  it.each([
    ['/feed.xml', 'feed.xml'],
    ['/', 'index.html'],
    ['/articles/x/', 'articles/x/index.html'],
    ['/categories/societe/atom.xml', 'categories/societe/atom.xml'],
  ])('maps %s to %s', (urlPath, file) => {
    expect(toFilePath(urlPath).split(path.sep).join('/')).toBe(file);
  });

  it.each(['/../etc/passwd', '/articles/../../x', 'feed.xml', '/a\\..\\b'])('refuses %j', (urlPath) => {
    expect(() => toFilePath(urlPath)).toThrow(TypeError);
  });
});

describe('writeStaticSite', () => {
  describe('when writing a fresh output folder', () => {
    it('writes every route path, and every feed also as .gz and .br', async () => {
      await writeStaticSite(createSnapshot(makeDocuments(), { articleCount: 1, updated }), out);
      expect(await listTree(out)).toEqual([
        'articles/maroc-le-dg/index.html',
        'atom.xml',
        'atom.xml.br',
        'atom.xml.gz',
        'categories/societe/feed.xml',
        'categories/societe/feed.xml.br',
        'categories/societe/feed.xml.gz',
        'categories/societe/index.html',
        'feed.json',
        'feed.json.br',
        'feed.json.gz',
        'feed.xml',
        'feed.xml.br',
        'feed.xml.gz',
        'index.html',
      ]);
    });

    it('returns the same list of files it wrote', async () => {
      const { files } = await writeStaticSite(createSnapshot(makeDocuments(), { articleCount: 1, updated }), out);
      expect(files).toEqual(await listTree(out));
    });

    it('writes the identity bytes of each entry', async () => {
      const snapshot = createSnapshot(makeDocuments(), { articleCount: 1, updated });
      await writeStaticSite(snapshot, out);
      expect((await readFile(path.join(out, 'articles/maroc-le-dg/index.html'))).toString()).toBe('<h1>Maroc Société</h1>');
    });

    it.each(['feed.xml', 'atom.xml', 'feed.json', 'categories/societe/feed.xml'])('writes %s.gz and .br that decompress to the same bytes', async (file) => {
      await writeStaticSite(createSnapshot(makeDocuments(), { articleCount: 1, updated }), out);
      const identity = await readFile(path.join(out, file));
      const gz = gunzipSync(await readFile(path.join(out, `${file}.gz`)));
      const br = brotliDecompressSync(await readFile(path.join(out, `${file}.br`)));
      expect([gz.equals(identity), br.equals(identity)]).toEqual([true, true]);
    });
  });

  describe('when the output folder already exists', () => {
    it('replaces a previous output whole, dropping files the new build no longer has', async () => {
      const stale = { path: '/articles/stale/', contentType: 'text/html', body: 'old', lastModified: updated };
      await writeStaticSite(createSnapshot([...makeDocuments(), stale], { articleCount: 1, updated }), out);
      await writeStaticSite(createSnapshot(makeDocuments('Culture'), { articleCount: 1, updated }), out);
      expect((await listTree(out)).includes('articles/stale/index.html')).toBe(false);
    });

    it('refuses a non-empty folder that no build wrote, leaving it as it was', async () => {
      await mkdir(out, { recursive: true });
      await writeFile(path.join(out, 'notes.txt'), 'mine');
      await expect(writeStaticSite(createSnapshot(makeDocuments(), { articleCount: 1, updated }), out)).rejects.toThrow(OutputError);
      expect([await listTree(out), await readdir(root())]).toEqual([['notes.txt'], ['dist']]);
    });

    it('serves the new content afterwards', async () => {
      await writeStaticSite(createSnapshot(makeDocuments('Avant'), { articleCount: 1, updated }), out);
      await writeStaticSite(createSnapshot(makeDocuments('Après'), { articleCount: 1, updated }), out);
      expect((await readFile(path.join(out, 'index.html'))).toString()).toBe('<h1>Accueil Après</h1>');
    });

    it('leaves no temporary or old sibling folders behind', async () => {
      await writeStaticSite(createSnapshot(makeDocuments('Avant'), { articleCount: 1, updated }), out);
      await writeStaticSite(createSnapshot(makeDocuments('Après'), { articleCount: 1, updated }), out);
      expect(await readdir(root())).toEqual(['dist']);
    });
  });

  describe('when a write fails midway', () => {
    it('keeps the previous output whole', async () => {
      await writeStaticSite(createSnapshot(makeDocuments('Avant'), { articleCount: 1, updated }), out);
      const before = await listTree(out);
      // A file and a folder at the same place: the second write cannot succeed.
      const clash = [...makeDocuments('Après'), { path: '/feed.xml/', contentType: 'text/html', body: 'x', lastModified: updated }];
      await expect(writeStaticSite(createSnapshot(clash, { articleCount: 1, updated }), out)).rejects.toThrow();
      expect([await listTree(out), (await readFile(path.join(out, 'index.html'))).toString(), await readdir(root())]).toEqual([
        before,
        '<h1>Accueil Avant</h1>',
        ['dist'],
      ]);
    });
  });

  describe('when a previous build crashed between its two renames', () => {
    const DEAD = 'old-999999-deadbeef';

    it('restores the previous output if this build fails too', async () => {
      await mkdir(path.join(root(), `dist.${DEAD}`), { recursive: true });
      await writeFile(path.join(root(), `dist.${DEAD}`, 'index.html'), 'avant');
      const clash = [...makeDocuments(), { path: '/feed.xml/', contentType: 'text/html', body: 'x', lastModified: updated }];
      await expect(writeStaticSite(createSnapshot(clash, { articleCount: 1, updated }), out)).rejects.toThrow();
      expect([(await readFile(path.join(out, 'index.html'))).toString(), await readdir(root())]).toEqual(['avant', ['dist']]);
    });

    it('removes the leftovers of dead processes', async () => {
      await mkdir(path.join(root(), 'dist.tmp-999999-deadbeef'), { recursive: true });
      await mkdir(path.join(root(), `dist.${DEAD}`), { recursive: true });
      await writeStaticSite(createSnapshot(makeDocuments(), { articleCount: 1, updated }), out);
      expect(await readdir(root())).toEqual(['dist']);
    });

    it('leaves the folders of a live process alone', async () => {
      const live = `dist.tmp-${process.ppid}-cafe0001`;
      await mkdir(path.join(root(), live), { recursive: true });
      await writeStaticSite(createSnapshot(makeDocuments(), { articleCount: 1, updated }), out);
      expect((await readdir(root())).sort()).toEqual(['dist', live]);
    });
  });

  describe('when built twice from the same documents', () => {
    it('writes byte-identical trees', async () => {
      const second = path.join(root(), 'dist2');
      await writeStaticSite(createSnapshot(makeDocuments(), { articleCount: 1, updated }), out);
      await writeStaticSite(createSnapshot(makeDocuments(), { articleCount: 1, updated }), second);
      const files = await listTree(out);
      const same = await Promise.all(files.map(async (f) => (await readFile(path.join(out, f))).equals(await readFile(path.join(second, f)))));
      expect([files, files.length > 0, same.every(Boolean)]).toEqual([await listTree(second), true, true]);
    });
  });

  describe('when the output folder is dangerous', () => {
    const snapshot = () => createSnapshot(makeDocuments(), { articleCount: 1, updated });
    it.each([
      ['the filesystem root()', () => path.parse(process.cwd()).root],
      ['the working directory', () => process.cwd()],
      ['a parent of the working directory', () => path.dirname(process.cwd())],
    ])('refuses %s with an OutputError', async (_name, dir) => {
      await expect(writeStaticSite(snapshot(), dir())).rejects.toThrow(OutputError);
    });

    it('refuses an empty string with a TypeError', async () => {
      await expect(writeStaticSite(snapshot(), '')).rejects.toThrow(TypeError);
    });

    it.each([
      ['the items folder itself', (items: string) => items],
      ['a parent of the items folder', (items: string) => path.dirname(items)],
    ])('refuses %s with an OutputError', async (_name, dir) => {
      const items = path.join(root(), 'site', 'items');
      await expect(writeStaticSite(snapshot(), dir(items), { itemsDir: items })).rejects.toThrow(OutputError);
    });
  });
});

describe('openStaticOutput().reuseSource', () => {
  const page = '/articles/maroc-le-dg/';
  const file = 'articles/maroc-le-dg/index.html';
  /** One build: the page taken from the previous output by `source`, else written with `body` and that source. */
  async function build(source: string, body: string, lastModified = updated): Promise<{ reused: boolean; report: { written: number; unchanged: number } }> {
    const output = await openStaticOutput(out);
    const reused = await output.reuseSource(page, source, lastModified);
    if (!reused) await output.write({ path: page, body, lastModified, compress: false, source });
    await output.write({ path: '/', body: '<h1>Accueil</h1>', lastModified, compress: false });
    return { reused, report: await output.commit() };
  }

  it.each([
    { case: 'the same source and date', source: 'k1', date: updated, reused: true, body: 'v1' },
    { case: 'another source', source: 'k2', date: updated, reused: false, body: 'v2' },
    { case: 'the same source, another date (its mtime follows)', source: 'k1', date: new Date('2025-01-01T00:00:00Z'), reused: true, body: 'v1' },
  ])('with $case, reused is $reused and the file holds the right bytes', async ({ source, date, reused, body }) => {
    await build('k1', 'v1');
    const second = await build(source, 'v2', date);
    expect(second.reused).toBe(reused);
    expect(await readFile(path.join(out, file), 'utf8')).toBe(body);
    const { mtimeMs } = await stat(path.join(out, file));
    expect(mtimeMs).toBe(date.getTime());
    const manifest = JSON.parse(await readFile(path.join(out, MANIFEST_NAME), 'utf8')) as { files: Record<string, { source?: string }> };
    expect(manifest.files[file]?.source).toBe(source);
  });

  it('produces the page again when the previous file was changed by hand since', async () => {
    await build('k1', 'v1');
    await writeFile(path.join(out, file), 'edited by hand');
    const second = await build('k1', 'v1 again');
    expect(second.reused).toBe(false);
    expect(await readFile(path.join(out, file), 'utf8')).toBe('v1 again');
  });

  it('never takes a file of the previous output written without a source', async () => {
    const output = await openStaticOutput(out);
    await output.write({ path: page, body: 'v1', lastModified: updated, compress: false });
    await output.commit();
    expect((await build('k1', 'v2')).reused).toBe(false);
  });

  it.each(['', 'a b', 'x'.repeat(129), 'é', '../k'])('refuses the source %j', async (source) => {
    const output = await openStaticOutput(out);
    await expect(output.reuseSource(page, source, updated)).rejects.toThrow(TypeError);
    await expect(output.write({ path: page, body: 'v', lastModified: updated, compress: false, source })).rejects.toThrow(TypeError);
    await output.abort();
  });
});
