import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/gazette.js');
const run = promisify(execFile);

/** Runs the real `gazette` bin from the repo root; never rejects, returns the exit code and output. */
async function gazette(args: string[], env: NodeJS.ProcessEnv = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'gazette-cli-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('gazette build', () => {
  describe('when every record is valid', () => {
    let result: Awaited<ReturnType<typeof gazette>>;
    let out: string;
    beforeAll(async () => {
      out = path.join(tmp, 'dist');
      result = await gazette(['build', '--items', 'tests/fixtures/items', '--out', out]);
    });

    it('exits 0', () => {
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    });

    it('writes the three main feeds, each with .gz and .br beside it', async () => {
      const files = await readdir(out);
      for (const name of ['feed.xml', 'atom.xml', 'feed.json']) {
        expect(files).toContain(name);
        const body = await readFile(path.join(out, name));
        expect(gunzipSync(await readFile(path.join(out, `${name}.gz`)))).toEqual(body);
        expect(brotliDecompressSync(await readFile(path.join(out, `${name}.br`)))).toEqual(body);
      }
    });

    it('writes one folder of feeds per category', async () => {
      const slugs = (await readdir(path.join(out, 'categories'))).sort();
      expect(slugs).toEqual(['economie', 'international', 'national', 'societe', 'sport']);
      for (const slug of slugs) {
        expect((await readdir(path.join(out, 'categories', slug))).sort()).toEqual(
          expect.arrayContaining(['atom.xml', 'feed.json', 'feed.xml', 'index.html']),
        );
      }
    });

    it('writes an RSS feed that rss-parser reads with every record', async () => {
      const feed = await new Parser().parseString(await readFile(path.join(out, 'feed.xml'), 'utf8'));
      expect(feed.items.map((i) => i.title)).toEqual([
        'Maroc : le DG de la sécurité intérieure en France en visite de travail',
        'Rugby : le XV de France s’impose face à l’Argentine',
        'Rentrée universitaire : les étudiants face à la hausse des loyers',
      ]);
    });

    it('says how many articles and files it wrote', () => {
      expect(result.stdout).toMatch(/^3 articles published, \d+ files written to .*dist\/$/m);
    });
  });

  describe('when run twice, under two machine time zones', () => {
    it('writes byte-identical files', async () => {
      const a = path.join(tmp, 'det-a');
      const b = path.join(tmp, 'det-b');
      expect((await gazette(['build', '--items', 'tests/fixtures/items', '--out', a], { TZ: 'UTC' })).code).toBe(0);
      expect((await gazette(['build', '--items', 'tests/fixtures/items', '--out', b], { TZ: 'Pacific/Auckland' })).code).toBe(0);
      const names = (await readdir(a, { recursive: true })).sort();
      expect((await readdir(b, { recursive: true })).sort()).toEqual(names);
      for (const name of names.filter((n) => /\.(xml|json|html|gz|br)$/.test(n))) {
        expect(await readFile(path.join(b, name)), name).toEqual(await readFile(path.join(a, name)));
      }
    });
  });

  describe('when the config is invalid', () => {
    it('prints one line per bad field, no stack, and exits 1', async () => {
      const result = await gazette(['build', '--config', 'tests/fixtures/config/invalid.config.ts', '--out', path.join(tmp, 'never')]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('siteUrl: expected an absolute URL, got "courrier.example.org"');
      expect(result.stderr).toContain('limit: expected a positive whole number');
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });
  });
});

describe('gazette check', () => {
  describe('when records are broken', () => {
    let result: Awaited<ReturnType<typeof gazette>>;
    beforeAll(async () => {
      result = await gazette(['check', '--items', 'tests/fixtures/items-broken']);
    });

    it('exits 1', () => {
      expect(result.code).toBe(1);
    });

    it.each([
      // file, field, line (undefined: the line is not asserted)
      ['impossible-date.md', 'date', 3],
      ['missing-title.md', 'title', 1],
      ['invalid-yaml.md', undefined, undefined],
      ['invalid-json.json', undefined, undefined],
      ['draft-flag-not-boolean.md', 'draft', 4],
    ])('names %s, its line and field in an error line', (file, field, line) => {
      const errors = result.stderr.split('\n').filter((l) => l.startsWith(`tests/fixtures/items-broken/${file}`));
      expect(errors.length, result.stderr).toBeGreaterThan(0);
      const first = errors[0]!;
      if (line !== undefined) expect(first).toContain(`${file}:${line} `);
      else expect(first).toMatch(new RegExp(`${file.replace('.', '\\.')}(:\\d+)? `));
      if (field) expect(first).toContain(` ${field}:`);
      expect(first).not.toContain('warning:');
    });

    it('warns about the weekday that does not match, naming both days', () => {
      expect(result.stderr).toMatch(/weekday-mismatch\.txt:1 date: warning: .*jeudi.*vendredi/);
    });

    it('warns about an unknown key without failing that record', () => {
      expect(result.stderr).toMatch(/unknown-key\.md:4 rubrique: warning: /);
    });

    it('ends with the count of errors and warnings', () => {
      expect(result.stderr).toMatch(/^5 errors, 2 warnings$/m);
    });
  });

  describe('when records have only warnings', () => {
    it('exits 0', async () => {
      const items = path.join(tmp, 'warnings-only');
      await cp('tests/fixtures/items-broken', items, {
        recursive: true,
        filter: (src) => !/(impossible-date|missing-title|invalid-yaml|invalid-json|draft-flag)/.test(src),
      });
      const result = await gazette(['check', '--items', items]);
      expect(result.stderr).toMatch(/0 errors, 2 warnings/);
      expect(result.code).toBe(0);
    });
  });
});

describe('gazette new', () => {
  it('creates a draft record named after the title, and refuses to overwrite it', async () => {
    const items = path.join(tmp, 'new-items');
    const first = await gazette(['new', '--items', items, 'L’été à Marseille : « canicule » record']);
    expect(first.code).toBe(0);
    const file = path.join(items, 'l-ete-a-marseille-canicule-record.md');
    const text = await readFile(file, 'utf8');
    expect(text).toContain('title: "L’été à Marseille : « canicule » record"');
    expect(text).toContain('draft: true');
    const check = await gazette(['check', '--items', items]);
    expect(check.code).toBe(0);
    const again = await gazette(['new', '--items', items, 'L’été à Marseille : « canicule » record']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
  });
});

describe('gazette with a wrong command line', () => {
  it.each([[['frobnicate']], [['build', '--nope']], [['serve', '--port', 'abc']]])('exits 2 for %j', async (args) => {
    const result = await gazette(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/gazette: /);
  });

  it('prints usage and exits 0 for --help', async () => {
    const result = await gazette(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: gazette <command>');
  });
});

describe('gazette lint', () => {
  it('exits 1 and names the file for a feed with an error', async () => {
    const bad = path.join(tmp, 'bad.xml');
    await writeFile(bad, '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel>');
    const result = await gazette(['lint', bad]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(bad);
  });
});
