import { copyFile, link, lstat, mkdir, readdir, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { MANIFEST_NAME, parseManifest } from '../../src/publish/output-manifest.ts';
import { encodeDocument } from '../../src/publish/snapshot.ts';
import {
  OutputError,
  openStaticOutput,
  type OutputDocument,
  type OutputFileSystem,
  type StaticOutputOptions,
  type StaticWriteReport,
} from '../../src/publish/write-static.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const lastModified = new Date('2024-11-22T10:00:00.750Z');
const SECOND = new Date('2024-11-22T10:00:00Z').getTime();

function makeDoc(p: string, body: string | Buffer, overrides: Partial<OutputDocument> = {}): OutputDocument {
  return { path: p, body, lastModified, compress: /\.(xml|json)$/.test(p), ...overrides };
}

/** A small site: 3 feeds, a front page and `pages` article pages. */
function makeSite(text = 'Société', pages = 5): OutputDocument[] {
  return [
    makeDoc('/feed.xml', `<rss><title>${text} « RSS »</title></rss>`),
    makeDoc('/atom.xml', `<feed><title>${text}</title></feed>`),
    makeDoc('/feed.json', JSON.stringify({ title: text, items: [] })),
    makeDoc('/', `<h1>Accueil ${text}</h1>`),
    ...Array.from({ length: pages }, (_, i) => makeDoc(`/articles/a-${i}/`, `<h1>Article ${i} ${text}</h1>`)),
  ];
}

async function build(dir: string, docs: readonly OutputDocument[], options?: StaticOutputOptions): Promise<StaticWriteReport> {
  const output = await openStaticOutput(dir, options);
  for (const doc of docs) await output.write(doc);
  return output.commit();
}

async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => !e.isDirectory())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

async function inodes(dir: string): Promise<Map<string, number>> {
  const files = await listTree(dir);
  return new Map(await Promise.all(files.map(async (f) => [f, (await stat(path.join(dir, f))).ino] as const)));
}

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

const root = useTempDir('gazette-output-');
let out: string;
beforeEach(async () => {
  out = path.join(root(), 'dist');
});

describe('openStaticOutput', () => {
  describe('when a document asks for compression', () => {
    it.each([
      ['a string body', '<rss><title>Société « à la une »</title></rss>'],
      ['a Buffer body', Buffer.from('{"title":"Économie — 12 €"}', 'utf8')],
      ['an empty body', ''],
      ['a large body', 'Le Maroc et l’Europe. '.repeat(20_000)],
    ])('writes .gz and .br that decode to the identity bytes (%s)', async (_name, body) => {
      await build(out, [makeDoc('/feed.xml', body, { compress: true })]);
      const identity = await readFile(path.join(out, 'feed.xml'));
      const gz = gunzipSync(await readFile(path.join(out, 'feed.xml.gz')));
      const br = brotliDecompressSync(await readFile(path.join(out, 'feed.xml.br')));
      expect([identity.equals(Buffer.from(body)), gz.equals(identity), br.equals(identity)]).toEqual([true, true, true]);
    });

    it('writes the bytes gazette serve sends for each encoding', async () => {
      const body = '<rss><title>Société</title></rss>'.repeat(500);
      await build(out, [makeDoc('/feed.xml', body)]);
      const served = encodeDocument({ path: '/feed.xml', contentType: 'application/rss+xml', body, lastModified });
      const [gz, br] = await Promise.all([readFile(path.join(out, 'feed.xml.gz')), readFile(path.join(out, 'feed.xml.br'))]);
      expect([gz.equals(served.gzip), br.equals(served.br)]).toEqual([true, true]);
    });
  });

  // gazette build --best: the most each format does, for a static host where the bytes are made once.
  describe('when the best compression is asked', () => {
    const body = '<rss><title>Société « à la une »</title><description>Le Maroc et l’Europe.</description></rss>'.repeat(400);
    const best = {
      'feed.xml.gz': gzipSync(body, { level: 9 }),
      'feed.xml.br': brotliCompressSync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(body),
        },
      }),
    };

    it.each(Object.entries(best))('writes %s at the highest level', async (file, expected) => {
      await build(out, [makeDoc('/feed.xml', body)], { compression: 'best' });
      expect((await readFile(path.join(out, file))).equals(expected)).toBe(true);
    });

    it.each([
      ['standard after best', 'best', 'standard'],
      ['best after standard', 'standard', 'best'],
    ] as const)('compresses again when the level changes (%s)', async (_label, first, second) => {
      await build(out, [makeDoc('/feed.xml', body)], { compression: first });
      await build(out, [makeDoc('/feed.xml', body)], { compression: second });
      const served = encodeDocument({ path: '/feed.xml', contentType: 'application/rss+xml', body, lastModified });
      const br = await readFile(path.join(out, 'feed.xml.br'));
      expect(br.equals(second === 'best' ? best['feed.xml.br'] : served.br)).toBe(true);
    });
  });

  describe('when a document does not ask for compression', () => {
    it('writes only the identity file', async () => {
      await build(out, [makeDoc('/articles/x/', '<h1>x</h1>')]);
      expect(await listTree(out)).toEqual([MANIFEST_NAME, 'articles/x/index.html']);
    });
  });

  describe('file times', () => {
    it.each(['feed.xml', 'feed.xml.gz', 'feed.xml.br', 'index.html'])('sets the mtime of %s to lastModified, whole seconds', async (file) => {
      await build(out, [makeDoc('/feed.xml', '<rss/>'), makeDoc('/', '<h1/>')]);
      expect((await stat(path.join(out, file))).mtime.getTime()).toBe(SECOND);
    });
  });

  describe('the manifest', () => {
    it('lists every file with its sha256, size and mtime', async () => {
      const report = await build(out, makeSite());
      const manifest = parseManifest(await readFile(path.join(out, MANIFEST_NAME), 'utf8'));
      if (manifest.state !== 'valid') throw new Error(`manifest ${manifest.state}`);
      const entry = manifest.entries.get('feed.xml.gz');
      const bytes = await readFile(path.join(out, 'feed.xml.gz'));
      expect([[...manifest.entries.keys()].sort(), entry?.size, entry?.mtime]).toEqual([[...report.files], bytes.length, '2024-11-22T10:00:00Z']);
    });

    it('has the same bytes whatever order the documents come in', async () => {
      await build(out, makeSite());
      await build(path.join(root(), 'other'), makeSite().reverse());
      const [a, b] = await Promise.all([readFile(path.join(out, MANIFEST_NAME)), readFile(path.join(root(), 'other', MANIFEST_NAME))]);
      expect(a.equals(b)).toBe(true);
    });
  });

  describe('when built again with the same documents', () => {
    it('hard-links every file from the previous output instead of writing it', async () => {
      await build(out, makeSite());
      const before = await inodes(out);
      before.delete(MANIFEST_NAME);
      await build(out, makeSite());
      const after = await inodes(out);
      expect([...before].filter(([f, ino]) => after.get(f) !== ino)).toEqual([]);
    });

    it('reports every file unchanged and none written', async () => {
      const first = await build(out, makeSite());
      const second = await build(out, makeSite());
      expect([second.written, second.unchanged]).toEqual([0, first.files.length]);
    });
  });

  describe('when one document changed', () => {
    it.each([
      ['a page', '/articles/a-2/', ['articles/a-2/index.html']],
      ['a feed', '/feed.json', ['feed.json', 'feed.json.br', 'feed.json.gz']],
    ])('writes only the files of %s and links all others', async (_name, changed, files) => {
      await build(out, makeSite());
      const before = await inodes(out);
      const docs = makeSite().map((d) => (d.path === changed ? { ...d, body: `${String(d.body)} corrigé` } : d));
      const report = await build(out, docs);
      const after = await inodes(out);
      const rewritten = [...after]
        .filter(([f, ino]) => f !== MANIFEST_NAME && before.get(f) !== ino)
        .map(([f]) => f)
        .sort();
      expect([rewritten, report.written]).toEqual([files, files.length]);
    });

    it('writes the new bytes', async () => {
      await build(out, makeSite());
      await build(
        out,
        makeSite().map((d) => (d.path === '/feed.xml' ? { ...d, body: '<rss>neuf</rss>' } : d)),
      );
      const gz = gunzipSync(await readFile(path.join(out, 'feed.xml.gz'))).toString();
      expect([(await readFile(path.join(out, 'feed.xml'))).toString(), gz]).toEqual(['<rss>neuf</rss>', '<rss>neuf</rss>']);
    });
  });

  describe('when the previous .gz/.br were made another way (another zlib, another quality)', () => {
    it('links the identity files but compresses again', async () => {
      await build(out, makeSite());
      const manifest = path.join(out, MANIFEST_NAME);
      await writeFile(manifest, (await readFile(manifest, 'utf8')).replace(/"compression": "[^"]*"/, '"compression": "gzip 6"'));
      const before = await inodes(out);
      await build(out, makeSite());
      const after = await inodes(out);
      const changed = ['feed.xml', 'feed.xml.gz', 'feed.xml.br'].map((f) => before.get(f) !== after.get(f));
      expect(changed).toEqual([false, true, true]);
    });
  });

  describe('when only lastModified changed', () => {
    const later = new Date('2024-11-23T08:00:00Z');

    it('keeps the bytes, sets the new mtime and counts the files unchanged', async () => {
      await build(out, makeSite());
      const report = await build(
        out,
        makeSite().map((d) => ({ ...d, lastModified: later })),
      );
      const file = await stat(path.join(out, 'feed.xml.br'));
      expect([file.mtime.getTime(), report.written]).toEqual([later.getTime(), 0]);
    });

    it('never changes the mtime of the previous output (no shared inode is touched)', async () => {
      await build(out, makeSite());
      const output = await openStaticOutput(out);
      for (const doc of makeSite()) await output.write({ ...doc, lastModified: later });
      await output.abort();
      expect((await stat(path.join(out, 'feed.xml'))).mtime.getTime()).toBe(SECOND);
    });
  });

  describe('when a file of the previous output was edited by hand', () => {
    it('writes it again rather than trusting the manifest', async () => {
      await build(out, makeSite());
      await writeFile(path.join(out, 'index.html'), 'vandalisé');
      await build(out, makeSite());
      expect((await readFile(path.join(out, 'index.html'))).toString()).toBe('<h1>Accueil Société</h1>');
    });
  });

  describe('when the manifest is corrupt', () => {
    it.each([
      ['not JSON', '{"generator":"gazette",'],
      ['not ours', '{"files":{}}'],
      [
        'a path leaving the folder',
        '{"generator":"gazette","format":1,"files":{"../x":{"sha256":"' + '0'.repeat(64) + '","size":1,"mtime":"2024-11-22T10:00:00Z"}}}',
      ],
    ])('refuses the folder when it is %s', async (_name, text) => {
      await build(out, makeSite());
      await writeFile(path.join(out, MANIFEST_NAME), text);
      await expect(build(out, makeSite())).rejects.toThrow(/unreadable.*--force/);
    });

    it('does a full write with --force', async () => {
      const first = await build(out, makeSite());
      await writeFile(path.join(out, MANIFEST_NAME), 'garbage');
      const report = await build(out, makeSite(), { force: true });
      expect([report.written, report.unchanged]).toEqual([first.files.length, 0]);
    });
  });

  describe('when the output folder holds files of another origin', () => {
    it('refuses with one line naming the file and suggesting the static-assets folder', async () => {
      await build(out, makeSite());
      await writeFile(path.join(out, 'robots.txt'), 'User-agent: *');
      const error = await build(out, makeSite(), { publicDir: path.join(root(), 'public') }).catch((e: unknown) => e);
      expect([error instanceof OutputError, (error as Error).message]).toEqual([
        true,
        expect.stringMatching(/^[^\n]*dist\/robots\.txt[^\n]*public[^\n]*--clean[^\n]*$/),
      ]);
    });

    it('names at most five of them, then how many more', async () => {
      await build(out, makeSite());
      for (let i = 0; i < 8; i += 1) await writeFile(path.join(out, `ajout-${i}.txt`), 'x');
      await expect(build(out, makeSite())).rejects.toThrow(/8 files .*ajout-4\.txt and 3 more/);
    });

    it('leaves them in place when it refuses', async () => {
      await build(out, makeSite());
      await writeFile(path.join(out, 'robots.txt'), 'User-agent: *');
      await build(out, makeSite()).catch(() => {});
      expect([(await readFile(path.join(out, 'robots.txt'))).toString(), await readdir(root())]).toEqual(['User-agent: *', ['dist']]);
    });

    it.each([['clean'], ['force']] as const)('replaces them with --%s', async (flag) => {
      await build(out, makeSite());
      await writeFile(path.join(out, 'robots.txt'), 'User-agent: *');
      await build(out, makeSite(), { [flag]: true });
      expect((await listTree(out)).includes('robots.txt')).toBe(false);
    });
  });

  describe('when the output folder was not written by Gazette', () => {
    it('refuses a non-empty folder with one line', async () => {
      await mkdir(path.join(out, 'site'), { recursive: true });
      await writeFile(path.join(out, 'site', 'index.html'), 'mine');
      await expect(build(out, makeSite())).rejects.toThrow(/^[^\n]*not written by gazette build[^\n]*--force[^\n]*$/);
    });

    it('refuses a file standing at the path', async () => {
      await writeFile(out, 'a file');
      await expect(build(out, makeSite())).rejects.toThrow(/is not a folder/);
    });

    it('accepts an empty folder', async () => {
      await mkdir(out);
      const report = await build(out, makeSite());
      expect(report.files.length).toBe(15);
    });

    it.each([
      ['a non-empty folder', true],
      ['a file', false],
    ])('replaces %s with --force', async (_name, folder) => {
      if (folder) {
        await mkdir(out);
        await writeFile(path.join(out, 'x.txt'), 'x');
      } else {
        await writeFile(out, 'a file');
      }
      await build(out, makeSite(), { force: true });
      expect(await listTree(out)).toContain('index.html');
    });
  });

  describe('the static-assets folder', () => {
    let publicDir: string;
    beforeEach(async () => {
      publicDir = path.join(root(), 'public');
      await mkdir(path.join(publicDir, 'images'), { recursive: true });
      await writeFile(path.join(publicDir, 'robots.txt'), 'User-agent: *\nDisallow:\n');
      await writeFile(path.join(publicDir, 'images', 'une.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01]));
      await utimes(path.join(publicDir, 'robots.txt'), new Date('2024-01-02T03:04:05Z'), new Date('2024-01-02T03:04:05Z'));
    });

    it('is copied as it is', async () => {
      await build(out, makeSite(), { publicDir });
      const [robots, image] = await Promise.all([readFile(path.join(out, 'robots.txt')), readFile(path.join(out, 'images', 'une.jpg'))]);
      expect([robots.toString(), [...image]]).toEqual(['User-agent: *\nDisallow:\n', [0xff, 0xd8, 0xff, 0x00, 0x01]]);
    });

    it('keeps the mtime of each file', async () => {
      await build(out, makeSite(), { publicDir });
      expect((await stat(path.join(out, 'robots.txt'))).mtime.toISOString()).toBe('2024-01-02T03:04:05.000Z');
    });

    it('survives rebuilds: robots.txt is still there, unchanged', async () => {
      await build(out, makeSite(), { publicDir });
      await build(out, makeSite('Culture'), { publicDir });
      const report = await build(out, makeSite('Sport'), { publicDir });
      const robots = (await readFile(path.join(out, 'robots.txt'))).toString();
      expect([robots, report.written, report.unchanged]).toEqual(['User-agent: *\nDisallow:\n', 15, 2]);
    });

    it('drops a file removed from it on the next build (the build wrote it)', async () => {
      await build(out, makeSite(), { publicDir });
      await rm(path.join(publicDir, 'images'), { recursive: true });
      await build(out, makeSite(), { publicDir });
      expect((await listTree(out)).includes('images/une.jpg')).toBe(false);
    });

    it.each([
      ['a dotfile', async (dir: string) => writeFile(path.join(dir, '.htaccess'), 'Deny from all'), '.htaccess', /dotfiles/],
      ['a link leaving the folder', async (dir: string) => symlink('/etc/hostname', path.join(dir, 'hote')), 'hote', /link leaving/],
      ['a dangling link', async (dir: string) => symlink(path.join(dir, 'nulle-part'), path.join(dir, 'casse')), 'casse', /link to nothing/],
    ])('skips %s with a note', async (_name, make, file, note) => {
      await make(publicDir);
      const report = await build(out, makeSite(), { publicDir });
      expect([(await listTree(out)).includes(file), report.notes]).toEqual([false, [expect.stringMatching(note)]]);
    });

    it('follows a link that stays inside the folder', async () => {
      await symlink(path.join(publicDir, 'robots.txt'), path.join(publicDir, 'robots-copie.txt'));
      await build(out, makeSite(), { publicDir });
      const copy = await lstat(path.join(out, 'robots-copie.txt'));
      expect([copy.isFile(), (await readFile(path.join(out, 'robots-copie.txt'))).toString()]).toEqual([true, 'User-agent: *\nDisallow:\n']);
    });

    it('refuses a file at a path a document takes, writing nothing', async () => {
      await build(out, makeSite(), { publicDir });
      const before = await inodes(out);
      await writeFile(path.join(publicDir, 'feed.xml'), '<rss/>');
      await expect(build(out, makeSite('Neuf'), { publicDir })).rejects.toThrow(/public\/feed\.xml.*rename or remove/);
      expect([await inodes(out), await readdir(root())]).toEqual([before, ['dist', 'public']]);
    });

    it('is refused as the output folder', async () => {
      await expect(build(path.join(publicDir, 'dist'), makeSite(), { publicDir })).rejects.toThrow(/inside the static-assets folder/);
    });
  });

  describe('concurrency', () => {
    function countingFs(): { fs: Partial<OutputFileSystem>; max: () => number } {
      let open = 0;
      let max = 0;
      const counted =
        <A extends unknown[]>(op: (...args: A) => Promise<unknown>) =>
        async (...args: A): Promise<void> => {
          open += 1;
          max = Math.max(max, open);
          try {
            await op(...args);
          } finally {
            open -= 1;
          }
        };
      return {
        fs: { writeFile: counted(writeFile), copyFile: counted(copyFile), link: counted(link) },
        max: () => max,
      };
    }

    it.each([1, 4, 16])('never has more than %i files being written at once', async (limit) => {
      const counter = countingFs();
      await build(out, makeSite('Société', 60), { concurrency: limit, fileSystem: counter.fs });
      await build(
        out,
        makeSite('Culture', 60).map((d, i) => (i % 2 ? makeDoc(d.path, 'stable') : d)),
        {
          concurrency: limit,
          fileSystem: counter.fs,
        },
      );
      expect(counter.max()).toBeLessThanOrEqual(limit);
    });

    it('uses the room it has (more than one file at once)', async () => {
      const counter = countingFs();
      await build(out, makeSite('Société', 60), { concurrency: 8, fileSystem: counter.fs });
      expect(counter.max()).toBeGreaterThan(1);
    });

    it('makes write() wait while the limit is reached (backpressure)', async () => {
      let entered = 0;
      let atLimit!: () => void;
      let open!: () => void;
      const limitReached = new Promise<void>((resolve) => (atLimit = resolve));
      const gate = new Promise<void>((resolve) => (open = resolve));
      const output = await openStaticOutput(out, {
        concurrency: 4,
        fileSystem: {
          writeFile: async (file, data) => {
            entered += 1;
            if (entered === 4) atLimit();
            await gate;
            await writeFile(file, data);
          },
        },
      });
      for (let i = 0; i < 4; i += 1) await output.write(makeDoc(`/articles/p-${i}/`, `page ${i}`));
      let fifthAccepted = false;
      const fifth = output.write(makeDoc('/articles/p-4/', 'page 4')).then(() => (fifthAccepted = true));
      await limitReached;
      await new Promise((resolve) => setImmediate(resolve));
      const seen = [entered, fifthAccepted];
      open();
      await fifth;
      await output.commit();
      expect(seen).toEqual([4, false]);
    });
  });

  describe('when the disk fails', () => {
    it.each([
      ['ENOSPC', /free some space/],
      ['EACCES', /permission denied/],
      ['EROFS', /read-only/],
      ['EMFILE', /too many open files/],
      ['ENOTDIR', /a file stands where a folder is needed/],
    ])('turns %s into one line naming the file and what to do', async (code, advice) => {
      const fileSystem: Partial<OutputFileSystem> = {
        writeFile: async (file, data) => {
          if (file.endsWith(`${path.sep}feed.json.br`)) throw errno(code);
          await writeFile(file, data);
        },
      };
      const error = await build(out, makeSite(), { fileSystem }).catch((e: unknown) => e);
      expect([error instanceof OutputError, (error as OutputError).code, (error as Error).message]).toEqual([
        true,
        code,
        expect.stringMatching(new RegExp(`^cannot write [^\\n]*dist/feed\\.json\\.br: [^\\n]*\\(${code}\\)$`)),
      ]);
      expect((error as Error).message).toMatch(advice);
    });

    it('escapes a control character in the file name, so the message stays one line', async () => {
      const fileSystem: Partial<OutputFileSystem> = { writeFile: async () => Promise.reject(errno('ENOSPC')) };
      const error = await build(out, [makeDoc('/articles/a\nb/', 'x')], { fileSystem }).catch((e: unknown) => e);
      expect((error as Error).message).toMatch(/^cannot write [^\n]*articles\/a\\x0ab\/index\.html: [^\n]*$/);
    });

    it('keeps the previous output whole and leaves no temporary folder', async () => {
      await build(out, makeSite('Avant'));
      const before = await listTree(out);
      const fileSystem: Partial<OutputFileSystem> = {
        writeFile: async (file, data) => {
          if (file.endsWith(`${path.sep}feed.xml`)) throw errno('ENOSPC');
          await writeFile(file, data);
        },
      };
      await expect(build(out, makeSite('Après'), { fileSystem })).rejects.toThrow(OutputError);
      expect([await listTree(out), (await readFile(path.join(out, 'index.html'))).toString(), await readdir(root())]).toEqual([
        before,
        '<h1>Accueil Avant</h1>',
        ['dist'],
      ]);
    });

    it('rejects the next write() once a write failed, so the caller stops rendering', async () => {
      const output = await openStaticOutput(out, { concurrency: 1, fileSystem: { writeFile: async () => Promise.reject(errno('ENOSPC')) } });
      await output.write(makeDoc('/a/', 'a'));
      await output.write(makeDoc('/b/', 'b')).catch(() => {}); // waits for the slot of the failed write
      await expect(output.write(makeDoc('/c/', 'c'))).rejects.toThrow(/ENOSPC/);
      await output.abort();
    });

    it('lets an unexpected error (a bug) through with its stack', async () => {
      const bug = new Error('not a file-system error');
      const error = await build(out, makeSite(), { fileSystem: { writeFile: async () => Promise.reject(bug) } }).catch((e: unknown) => e);
      expect(error).toBe(bug);
    });
  });

  describe('misuse', () => {
    it.each([
      ['two documents at one path', [makeDoc('/a/', 'x'), makeDoc('/a/', 'y')]],
      ['a document at a feed’s .gz', [makeDoc('/feed.xml', 'x'), makeDoc('/feed.xml.gz', 'y', { compress: false })]],
      ['a path leaving the folder', [makeDoc('/../x', 'x')]],
      ['an invalid date', [makeDoc('/a/', 'x', { lastModified: new Date('nope') })]],
    ])('throws a TypeError for %s', async (_name, docs) => {
      const output = await openStaticOutput(out);
      const error = await (async () => {
        for (const doc of docs) await output.write(doc);
      })().catch((e: unknown) => e);
      await output.abort();
      expect(error).toBeInstanceOf(TypeError);
    });

    it('throws a TypeError on write() after commit()', async () => {
      const output = await openStaticOutput(out);
      await output.commit();
      await expect(output.write(makeDoc('/a/', 'x'))).rejects.toThrow(TypeError);
    });

    it('removes its temporary folder on abort()', async () => {
      const output = await openStaticOutput(out);
      await output.write(makeDoc('/a/', 'x'));
      await output.abort();
      expect(await readdir(root())).toEqual([]);
    });

    it.each([0, -1, 1.5, Number.NaN])('refuses concurrency %s with a RangeError', async (concurrency) => {
      await expect(openStaticOutput(out, { concurrency })).rejects.toThrow(RangeError);
    });
  });
});
