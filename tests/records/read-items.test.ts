import { execFileSync, spawn } from 'node:child_process';
import { rm, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/config/config-schema.ts';
import { formatDiagnostic } from '../../src/diagnostics.ts';
import { listRecordFiles, readItems, readRecordFile, recordDisplayPath } from '../../src/records/read-items.ts';
import { writeRecords } from '../helpers/record-files.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const VOCABULARY = ['International', 'National', 'Société'];
const MD = '---\ntitle: Titre\ndate: 2024-11-05\n---\nTexte.\n';
const JSON_RECORD = '{"title": "Titre", "date": "2024-11-05", "body": "Texte."}';
const TXT = 'vendredi, novembre 22, 2024\nInternationalNationalSociété\n\nTitre\n\nTexte.\n';

const root = useTempDir('gazette-read-items-', 'all');

/** Writes `files` (relative path → content) below a fresh folder and returns it; saved an hour ago, read at once. */
function makeItems(name: string, files: Record<string, string | Uint8Array>): Promise<string> {
  return writeRecords(path.join(root(), name), files);
}

// The tests run at once, each in folders of its own (the two writer-limit tests wait on their holders meanwhile).
describe.concurrent('readItems', () => {
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

    it('reports nothing', ({ expect }) => {
      expect(result.diagnostics).toEqual([]);
    });

    it('gives the records sorted by relPath in code-unit order', ({ expect }) => {
      expect(result.value.map((r) => r.relPath)).toEqual(['2024/10/ancien', '2024/11/maroc', 'Z', 'a', 'b']);
    });

    it('names each file under the display folder with slashes', ({ expect }) => {
      expect(result.value.map((r) => r.file)).toEqual(['items/2024/10/ancien.markdown', 'items/2024/11/maroc.txt', 'items/Z.md', 'items/a.json', 'items/b.md']);
    });

    it('picks the parser from the extension', ({ expect }) => {
      expect(result.value.map((r) => r.format)).toEqual(['md', 'txt', 'md', 'json', 'md']);
    });

    it('passes the vocabulary to the dispatch parser', ({ expect }) => {
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

    it('still gives the good records', ({ expect }) => {
      expect(result.value.map((r) => r.relPath)).toEqual(['bon', 'zz']);
    });

    it('reports each broken file by name', ({ expect }) => {
      expect(result.diagnostics.map((d) => [d.severity, d.file, d.code])).toEqual([['error', 'items/casse.json', 'json-syntax']]);
    });
  });

  describe('when a file is not UTF-8', () => {
    let result: Awaited<ReturnType<typeof readItems>>;
    beforeAll(async () => {
      // "vendredi, novembre 22, 2024 / Société / L’été de Noël…" saved by a Windows tool in Windows-1252.
      const cp1252 = Uint8Array.from([
        ...Buffer.from('vendredi, novembre 22, 2024\nSoci', 'latin1'),
        0xe9,
        0x74,
        0xe9,
        0x0a,
        0x0a,
        0x4c,
        0x92,
        0xe9,
        0x74,
        0xe9,
        0x20,
        0x85,
        0x0a,
        0x0a,
        ...Buffer.from('Texte ', 'latin1'),
        0x9c,
        0x75,
        0x76,
        0x72,
        0x65,
        0x2e,
        0x0a,
      ]);
      const dir = await makeItems('encodings', { 'cp1252.txt': cp1252 });
      result = await readItems(dir, { vocabulary: VOCABULARY, displayDir: 'items' });
    });

    it('reads it as Windows-1252, so ’ … œ and accents survive', ({ expect }) => {
      expect(result.value[0]?.fields.title?.value).toBe('L’été …');
      expect(result.value[0]?.fields.categories?.value).toEqual(['Société']);
    });

    it('warns, naming the file, that it should be saved as UTF-8', ({ expect }) => {
      expect(result.diagnostics.map((d) => [d.severity, d.file, d.code])).toEqual([['warning', 'items/cp1252.txt', 'encoding-windows-1252']]);
    });
  });

  describe('when two files share an id', () => {
    let result: Awaited<ReturnType<typeof readItems>>;
    beforeAll(async () => {
      const dir = await makeItems('duplicates', { 'x.md': MD, 'x.json': JSON_RECORD, 'sub/x.txt': TXT });
      result = await readItems(dir, { vocabulary: VOCABULARY, displayDir: 'items' });
    });

    it('keeps the first in order', ({ expect }) => {
      expect(result.value.map((r) => r.file)).toEqual(['items/sub/x.txt', 'items/x.json']);
    });

    it('reports the second, naming the first', ({ expect }) => {
      expect(result.diagnostics.map((d) => [d.severity, d.file, d.line, d.code, d.message.includes('items/x.json')])).toEqual([
        ['error', 'items/x.md', 1, 'duplicate-id', true],
      ]);
    });
  });

  describe('when names need normalising', () => {
    it('gives an NFC relPath for a decomposed file name', async ({ expect }) => {
      const dir = await makeItems('nfd', { 'socie\u0301te\u0301/e\u0301te\u0301.md': MD });
      const { value } = await readItems(dir, { vocabulary: [], displayDir: 'items' });
      expect(value.map((r) => r.relPath)).toEqual(['société/été']);
    });

    it('defaults the display folder to the path relative to the working directory', async ({ expect }) => {
      const dir = await makeItems('relative', { 'a.md': MD });
      const { value } = await readItems(dir, { vocabulary: [] });
      expect(value[0]?.file).toBe(`${path.relative(process.cwd(), dir).split(path.sep).join('/')}/a.md`);
    });

    it('accepts a display folder with a trailing slash', async ({ expect }) => {
      const dir = await makeItems('trailing', { 'a.md': MD });
      const { value } = await readItems(dir, { vocabulary: [], displayDir: 'items/' });
      expect(value[0]?.file).toBe('items/a.md');
    });
  });

  describe('when a file name is not valid UTF-8', () => {
    it('says its name must be renamed (not ENOENT), and reads the others', async ({ expect }) => {
      const dir = await makeItems('latin1', { 'a.md': MD });
      // "café.md" written in Latin-1 by an old FTP client: é is the lone byte 0xE9.
      await writeFile(Buffer.concat([Buffer.from(`${dir}/caf`), Buffer.from([0xe9]), Buffer.from('.md')]), MD);
      const { value, diagnostics } = await readItems(dir, { vocabulary: [], displayDir: 'items' });
      expect([value.map((r) => r.relPath), diagnostics.map((d) => [d.severity, d.file, d.code, /not valid UTF-8.*rename it/.test(d.message)])]).toEqual([
        ['a'],
        [['error', 'items/caf\uFFFD.md', 'name-not-utf8', true]],
      ]);
    });
  });

  describe('when the folder links back to itself', () => {
    it('reads each record once and warns about the link', async ({ expect }) => {
      const dir = await makeItems('loop', { 'a.md': MD });
      await symlink(dir, path.join(dir, 'boucle'));
      const { value, diagnostics } = await readItems(dir, { vocabulary: [], displayDir: 'items' });
      expect([value.map((r) => r.relPath), diagnostics.map((d) => [d.severity, d.file, d.code])]).toEqual([['a'], [['warning', 'items/boucle', 'link-loop']]]);
    });
  });

  describe('when links point out of the folder, nowhere or in circles', () => {
    let result: Awaited<ReturnType<typeof readItems>>;
    let outside: string;
    beforeAll(async () => {
      outside = await makeItems('outside', { 'secret.md': '---\ntitle: root:x:0:0:root:/root:/bin/bash\ndate: 2024-11-05\n---\n' });
      const dir = await makeItems('links', { 'a.md': MD, 'sub/b.md': MD });
      await symlink(outside, path.join(dir, 'dehors'));
      await symlink(path.join(outside, 'secret.md'), path.join(dir, 'fichier.md'));
      await symlink('/etc', path.join(dir, 'etc'));
      await symlink(path.join(dir, 'absent.md'), path.join(dir, 'casse.md'));
      await symlink(path.join(dir, 'boucle-b'), path.join(dir, 'boucle-a'));
      await symlink(path.join(dir, 'boucle-a'), path.join(dir, 'boucle-b'));
      await symlink(path.join(dir, 'sub'), path.join(dir, 'sub-bis'));
      await symlink(path.join(dir, 'sub', 'b.md'), path.join(dir, 'lien.md'));
      result = await readItems(dir, { vocabulary: [], displayDir: 'items' });
    });

    it('reads only the records inside, following links that stay inside', ({ expect }) => {
      expect(result.value.map((r) => r.relPath)).toEqual(['a', 'lien', 'sub/b']);
    });

    it('reports each link by its own name', ({ expect }) => {
      expect(result.diagnostics.map((d) => [d.severity, d.file, d.code])).toEqual([
        ['error', 'items/boucle-a', 'link-loop'],
        ['error', 'items/boucle-b', 'link-loop'],
        ['error', 'items/casse.md', 'link-dangling'],
        ['error', 'items/dehors', 'link-outside'],
        ['error', 'items/etc', 'link-outside'],
        ['error', 'items/fichier.md', 'link-outside'],
        ['warning', 'items/sub-bis', 'link-loop'],
      ]);
    });

    it('never names the target or quotes its content', ({ expect }) => {
      const text = result.diagnostics.map(formatDiagnostic).join('\n');
      expect([text.includes(outside), text.includes('root:'), /(^|[\s"])\/etc/.test(text)]).toEqual([false, false, false]);
    });
  });

  describe('when a file has NUL bytes, invalid UTF-8 or a control character in its name', () => {
    let result: Awaited<ReturnType<typeof readItems>>;
    beforeAll(async () => {
      const partial = Buffer.concat([Buffer.from('---\ntitle: Été\ndate: 2024-11-05\n---\nUn octet '), Buffer.from([0xff]), Buffer.from(' perdu.\n')]);
      const dir = await makeItems('bytes', {
        'nul.md': `---\ntitle: T\ndate: 2024-11-05\n---\nA\u0000B\n`,
        'partiel.md': partial,
        'ligne\nsuivante.md': MD,
        'vide.txt': '',
      });
      result = await readItems(dir, { vocabulary: [], displayDir: 'items' });
    });

    it('publishes the file with a newline in its name and escapes the name in messages', ({ expect }) => {
      expect([result.value.map((r) => r.file), recordDisplayPath('items', 'a\u0085\tb.md')]).toEqual([['items/ligne\\nsuivante.md'], 'items/a\\u0085\\tb.md']);
    });

    it('reports NUL bytes, invalid UTF-8 and an empty dispatch each with a line', ({ expect }) => {
      expect(result.diagnostics.map((d) => [d.severity, d.file, d.line, d.code])).toEqual([
        ['error', 'items/nul.md', 5, 'nul-byte'],
        ['error', 'items/partiel.md', 5, 'encoding-invalid-utf8'],
        ['error', 'items/vide.txt', 1, 'empty-record'],
      ]);
    });
  });

  describe('when a file is over limits.recordBytes', () => {
    it('is an error naming the size and the limit, and the others still publish', async ({ expect }) => {
      const dir = await makeItems('big', { 'a.md': MD, 'gros.md': `${MD}${'x'.repeat(500)}` });
      const { value, diagnostics } = await readItems(dir, { vocabulary: [], displayDir: 'items', limits: { ...DEFAULT_LIMITS, recordBytes: 200 } });
      expect([value.map((r) => r.relPath), diagnostics.map(formatDiagnostic)]).toEqual([
        ['a'],
        ['items/gros.md the file is 545 bytes; the limit is 200 (limits.recordBytes)'],
      ]);
    });
  });

  describe('when a FIFO is named like a record', () => {
    it('is reported and never opened', async ({ expect }) => {
      const dir = await makeItems('fifo', { 'a.md': MD });
      execFileSync('mkfifo', [path.join(dir, 'tube.md')]);
      const { value, diagnostics } = await readItems(dir, { vocabulary: [], displayDir: 'items' });
      expect([value.map((r) => r.relPath), diagnostics.map((d) => [d.file, d.code])]).toEqual([['a'], [['items/tube.md', 'not-a-file']]]);
    });
  });

  describe('listRecordFiles and readRecordFile', () => {
    it('list each file with its stat information, then read one', async ({ expect }) => {
      const dir = await makeItems('api', { '2024/maroc.txt': TXT, 'a.md': MD });
      const listed = await listRecordFiles(dir, { displayDir: 'items' });
      const info = await stat(path.join(dir, 'a.md'));
      expect(listed.value.map((f) => [f.name, f.relPath, f.format])).toEqual([
        ['2024/maroc.txt', '2024/maroc', 'txt'],
        ['a.md', 'a', 'md'],
      ]);
      expect([listed.value[1]?.size, listed.value[1]?.mtimeMs]).toEqual([info.size, info.mtimeMs]);
      const read = await readRecordFile(listed.value[0]!, { display: 'items/2024/maroc.txt', vocabulary: VOCABULARY });
      expect([read.value?.file, read.value?.fields.categories?.value]).toEqual(['items/2024/maroc.txt', ['International', 'National', 'Société']]);
    });

    it('report a file that vanished between the two as unreadable', async ({ expect }) => {
      const dir = await makeItems('vanish', { 'a.md': MD });
      const listed = await listRecordFiles(dir);
      await rm(path.join(dir, 'a.md'));
      const read = await readRecordFile(listed.value[0]!, { display: 'items/a.md', vocabulary: [] });
      expect(read.diagnostics.map((d) => [d.code, d.message])).toEqual([['unreadable', 'cannot read the file: ENOENT']]);
    });
  });

  describe.runIf(process.platform === 'linux')('when a process holds a record open for writing past the writer limit', () => {
    // A short writer limit: the rule is the same as with the 10 s of a real build (read-settled.test.ts).
    it.for([
      [
        'readRecordFile',
        (dir: string) => listRecordFiles(dir).then((listed) => readRecordFile(listed.value[0]!, { display: 'items/a.md', vocabulary: [], writerLimitMs: 200 })),
      ],
      [
        'readItems',
        (dir: string) => readItems(dir, { vocabulary: [], displayDir: 'items', writerLimitMs: 200 }).then((read) => ({ ...read, value: read.value[0] })),
      ],
    ] as const)('%s reads it as it is, with a record-still-open warning naming the process', async ([label, read], { expect }) => {
      const dir = await makeItems(`held-${label}`, { 'a.md': MD });
      // The holder writes the record whole, then keeps it open (a writer that never closes): sleep(1) holding the file
      // a shell opened for writing, not node (≈ 1 ms to start, against ≈ 50 ms of CPU).
      const script = 'exec 3>"$1" && printf %s "$2" >&3 && echo open && exec sleep 3600';
      const holder = spawn('sh', ['-c', script, 'sh', path.join(dir, 'a.md'), MD], { stdio: ['ignore', 'pipe', 'inherit'] });
      try {
        await new Promise((resolve) => holder.stdout?.once('data', resolve));
        const { value, diagnostics } = await read(dir);
        expect([value?.fields.title?.value, diagnostics.map((d) => [d.severity, d.code, d.message])]).toEqual([
          'Titre',
          [
            [
              'warning',
              'record-still-open',
              `was still open for writing by process ${holder.pid} (sleep) after 0.2 s; read as it was then (a later write is read again)`,
            ],
          ],
        ]);
      } finally {
        holder.kill();
      }
    });
  });

  describe('when the folder holds more files than are read at once', () => {
    it('reads every one, in order', async ({ expect }) => {
      const files = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`r${String(i).padStart(3, '0')}.md`, MD]));
      const { value } = await readItems(await makeItems('many', files), { vocabulary: [], displayDir: 'items' });
      expect(value.map((r) => r.relPath)).toEqual(Object.keys(files).map((f) => f.slice(0, -3)));
    });
  });

  describe('when the folder is missing', () => {
    it.for([
      ['does not exist', async () => path.join(root(), 'absent')],
      ['is a file', async () => path.join(await makeItems('file-not-dir', { 'f.md': MD }), 'f.md')],
    ] as const)('gives no records and an error when it %s', async ([, makeDir], { expect }) => {
      const { value, diagnostics } = await readItems(await makeDir(), { vocabulary: [], displayDir: 'items' });
      expect([value, diagnostics.map((d) => [d.severity, d.file, d.code])]).toEqual([[], [['error', 'items', 'items-dir-missing']]]);
    });
  });

  describe('when misused', () => {
    it('rejects with a TypeError without a vocabulary', async ({ expect }) => {
      await expect(readItems(root(), {} as never)).rejects.toThrow(TypeError);
    });
  });
});
