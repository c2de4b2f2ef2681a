import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readItems } from '../../src/records/read-items.ts';

const VOCABULARY = ['International', 'National', 'Société'];
const MD = '---\ntitle: Titre\ndate: 2024-11-05\n---\nTexte.\n';
const JSON_RECORD = '{"title": "Titre", "date": "2024-11-05", "body": "Texte."}';
const TXT = 'vendredi, novembre 22, 2024\nInternationalNationalSociété\n\nTitre\n\nTexte.\n';

let root: string;

/** Writes `files` (relative path → content) below a fresh folder and returns it. */
async function makeItems(name: string, files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = path.join(root, name);
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
  await mkdir(dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'gazette-read-items-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('readItems', () => {
  describe('when the folder holds nested records of every format', () => {
    let result: Awaited<ReturnType<typeof readItems>>;
    beforeAll(async () => {
      const dir = await makeItems('site', {
        'b.md': MD,
        'a.json': JSON_RECORD,
        '2024/11/maroc.txt': TXT,
        '2024/10/ancien.markdown': MD,
        'Z.md': MD,
        'notes.docx': 'x',
        'image.jpg': 'x',
        '.DS_Store': 'x',
        '.cache/c.md': MD,
        '_brouillons/d.md': MD,
        '_modele.md': MD,
        'README.md': '# Ce dossier',
        'sans-extension': 'x',
      });
      result = await readItems(dir, { vocabulary: VOCABULARY, displayDir: 'items' });
    });

    it('reports nothing', () => {
      expect(result.diagnostics).toEqual([]);
    });

    it('gives the records sorted by relPath in code-unit order', () => {
      expect(result.value.map((r) => r.relPath)).toEqual(['2024/10/ancien', '2024/11/maroc', 'Z', 'a', 'b']);
    });

    it('names each file under the display folder with slashes', () => {
      expect(result.value.map((r) => r.file)).toEqual([
        'items/2024/10/ancien.markdown', 'items/2024/11/maroc.txt', 'items/Z.md', 'items/a.json', 'items/b.md',
      ]);
    });

    it('picks the parser from the extension', () => {
      expect(result.value.map((r) => r.format)).toEqual(['md', 'txt', 'md', 'json', 'md']);
    });

    it('passes the vocabulary to the dispatch parser', () => {
      expect(result.value[1]?.fields.categories?.value).toEqual(['International', 'National', 'Société']);
    });
  });

  describe('when one file is broken among good ones', () => {
    let result: Awaited<ReturnType<typeof readItems>>;
    beforeAll(async () => {
      const dir = await makeItems('broken', {
        'bon.md': MD,
        'casse.json': '{"title": "T",}',
        'zz.txt': TXT,
      });
      result = await readItems(dir, { vocabulary: VOCABULARY, displayDir: 'items' });
    });

    it('still gives the good records', () => {
      expect(result.value.map((r) => r.relPath)).toEqual(['bon', 'zz']);
    });

    it('reports each broken file by name', () => {
      expect(result.diagnostics.map((d) => [d.severity, d.file, d.code])).toEqual([
        ['error', 'items/casse.json', 'json-syntax'],
      ]);
    });
  });

  describe('when a file is not UTF-8', () => {
    let result: Awaited<ReturnType<typeof readItems>>;
    beforeAll(async () => {
      // "vendredi, novembre 22, 2024 / Société / L’été de Noël…" saved by a Windows tool in Windows-1252.
      const cp1252 = Uint8Array.from([
        ...Buffer.from('vendredi, novembre 22, 2024\nSoci', 'latin1'), 0xe9, 0x74, 0xe9, 0x0a, 0x0a,
        0x4c, 0x92, 0xe9, 0x74, 0xe9, 0x20, 0x85, 0x0a, 0x0a, ...Buffer.from('Texte ', 'latin1'), 0x9c, 0x75, 0x76, 0x72, 0x65, 0x2e, 0x0a,
      ]);
      const dir = await makeItems('encodings', { 'cp1252.txt': cp1252 });
      result = await readItems(dir, { vocabulary: VOCABULARY, displayDir: 'items' });
    });

    it('reads it as Windows-1252, so ’ … œ and accents survive', () => {
      expect(result.value[0]?.fields.title?.value).toBe('L’été …');
      expect(result.value[0]?.fields.categories?.value).toEqual(['Société']);
    });

    it('warns, naming the file, that it should be saved as UTF-8', () => {
      expect(result.diagnostics.map((d) => [d.severity, d.file, d.code])).toEqual([['warning', 'items/cp1252.txt', 'encoding-windows-1252']]);
    });
  });

  describe('when two files share an id', () => {
    let result: Awaited<ReturnType<typeof readItems>>;
    beforeAll(async () => {
      const dir = await makeItems('duplicates', { 'x.md': MD, 'x.json': JSON_RECORD, 'sub/x.txt': TXT });
      result = await readItems(dir, { vocabulary: VOCABULARY, displayDir: 'items' });
    });

    it('keeps the first in order', () => {
      expect(result.value.map((r) => r.file)).toEqual(['items/sub/x.txt', 'items/x.json']);
    });

    it('reports the second, naming the first', () => {
      expect(result.diagnostics.map((d) => [d.severity, d.file, d.code, d.message.includes('items/x.json')])).toEqual([
        ['error', 'items/x.md', 'duplicate-id', true],
      ]);
    });
  });

  describe('when names need normalising', () => {
    it('gives an NFC relPath for a decomposed file name', async () => {
      const dir = await makeItems('nfd', { 'socie\u0301te\u0301/e\u0301te\u0301.md': MD });
      const { value } = await readItems(dir, { vocabulary: [], displayDir: 'items' });
      expect(value.map((r) => r.relPath)).toEqual(['société/été']);
    });

    it('defaults the display folder to the path relative to the working directory', async () => {
      const dir = await makeItems('relative', { 'a.md': MD });
      const { value } = await readItems(dir, { vocabulary: [] });
      expect(value[0]?.file).toBe(`${path.relative(process.cwd(), dir).split(path.sep).join('/')}/a.md`);
    });

    it('accepts a display folder with a trailing slash', async () => {
      const dir = await makeItems('trailing', { 'a.md': MD });
      const { value } = await readItems(dir, { vocabulary: [], displayDir: 'items/' });
      expect(value[0]?.file).toBe('items/a.md');
    });
  });

  describe('when the folder links back to itself', () => {
    it('reads each record once', async () => {
      const dir = await makeItems('loop', { 'a.md': MD });
      await symlink(dir, path.join(dir, 'boucle'));
      const { value } = await readItems(dir, { vocabulary: [], displayDir: 'items' });
      expect(value.map((r) => r.relPath)).toEqual(['a']);
    });
  });

  describe('when the folder is missing', () => {
    it.each([
      ['does not exist', async () => path.join(root, 'absent')],
      ['is a file', async () => path.join(await makeItems('file-not-dir', { 'f.md': MD }), 'f.md')],
    ])('gives no records and an error when it %s', async (_name, makeDir) => {
      const { value, diagnostics } = await readItems(await makeDir(), { vocabulary: [], displayDir: 'items' });
      expect([value, diagnostics.map((d) => [d.severity, d.file, d.code])]).toEqual([[], [['error', 'items', 'items-dir-missing']]]);
    });
  });

  describe('when misused', () => {
    it('rejects with a TypeError without a vocabulary', async () => {
      await expect(readItems(root, {} as never)).rejects.toThrow(TypeError);
    });
  });
});
