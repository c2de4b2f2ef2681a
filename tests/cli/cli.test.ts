// The commands in-process through runMain, with captured streams: every exit status and message rule.
// tests/cli/bin.test.ts keeps a few runs of the real bin.
import { cp, readFile, readdir, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gazette, type CliResult } from './_lib/run.ts';
import { ageTree, copyRecords } from '../helpers/record-files.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tmp = useTempDir('gazette-cli-', 'all');
beforeAll(async () => {
  // A build writes the publication ledger into its items folder: build a copy, never the fixtures themselves.
  await copyRecords('tests/fixtures/items', path.join(tmp(), 'items'));
});

const ESC = '\u001B[';

/** `gazette build` of the items copy into `out` under the machine time zone `tz` (Node reads TZ at each use). */
async function buildUnder(tz: string, out: string): Promise<CliResult> {
  const saved = process.env.TZ;
  try {
    process.env.TZ = tz;
    return await gazette(['build', '--items', path.join(tmp(), 'items'), '--out', out]);
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}
/** The build of dist/ under UTC, made once: the build the next tests read, and the first of the two time zones. */
let utcBuild: Promise<CliResult> | undefined;
const buildInUtc = () => (utcBuild ??= buildUnder('UTC', path.join(tmp(), 'dist')));

describe('gazette build', () => {
  describe('when every record is valid', () => {
    let result: CliResult;
    let out: string;
    beforeAll(async () => {
      out = path.join(tmp(), 'dist');
      result = await buildInUtc();
    });

    it('exits 0, saying once that the ledger is not written under the example siteUrl of feed.config.ts', () => {
      // RFC 2606: gazette.example.org is a placeholder, whose guids must not be frozen into the ledger for good.
      expect(result.stderr).toMatch(
        /^[^\n]*\.published\.json warning: not written while the siteUrl host gazette\.example\.org is a reserved example or local name[^\n]*\n$/,
      );
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
        expect((await readdir(path.join(out, 'categories', slug))).sort()).toEqual(expect.arrayContaining(['atom.xml', 'feed.json', 'feed.xml', 'index.html']));
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
      expect(result.stdout).toMatch(/^3 articles published, \d+ files in .*dist\/ \(\d+ written, \d+ unchanged\)$/m);
    });
  });

  describe('when run twice, under two machine time zones', () => {
    it('writes byte-identical files', async () => {
      const a = path.join(tmp(), 'dist');
      const b = path.join(tmp(), 'det-b');
      expect((await buildInUtc()).code).toBe(0);
      expect((await buildUnder('Pacific/Auckland', b)).code).toBe(0);
      const names = (await readdir(a, { recursive: true })).sort();
      expect((await readdir(b, { recursive: true })).sort()).toEqual(names);
      const documents = names.filter((n) => /\.(xml|json|html|gz|br)$/.test(n));
      expect(documents.length).toBeGreaterThan(20);
      for (const name of documents) {
        expect(await readFile(path.join(b, name)), name).toEqual(await readFile(path.join(a, name)));
      }
    });
  });

  describe('with --json', () => {
    it('prints one JSON document with the counts, the output folder and no other line', async () => {
      const result = await gazette(['build', '--json', '--items', path.join(tmp(), 'items'), '--out', path.join(tmp(), 'json-out')]);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
      const report = JSON.parse(result.stdout);
      expect(report).toMatchObject({ command: 'build', ok: true, counts: { records: 3, articles: 3, errors: 0, warnings: 0 }, diagnostics: [] });
      expect(report.counts.files).toBe(
        (await readdir(path.join(tmp(), 'json-out'), { recursive: true, withFileTypes: true })).filter((e) => e.isFile() && e.name !== '.gazette-output.json')
          .length,
      );
    });
  });

  describe('when the config is invalid', () => {
    it('prints one line per bad field, no stack, and exits 1', async () => {
      const result = await gazette(['build', '--config', 'tests/fixtures/config/invalid.config.ts', '--out', path.join(tmp(), 'never')]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('siteUrl: expected an absolute URL, got "courrier.example.org"');
      expect(result.stderr).toContain('limit: expected a positive whole number');
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });
  });

  describe('when the output folder is refused', () => {
    it.each([
      // args, exit status: a folder named on the command line is a usage error
      [['--items', 'tests/fixtures/items', '--out', 'tests/fixtures/items'], 2],
      [['--items', 'tests/fixtures/items', '--out', 'tests'], 2],
      [['--items', 'tests/fixtures/items', '--out', '.'], 2],
    ])('build %j exits %i with one line and writes nothing', async (args, code) => {
      const result = await gazette(['build', ...args]);
      expect(result.code).toBe(code);
      expect(result.stderr).toMatch(/^gazette build: refus\w* .+\n$/);
      expect(result.stdout).toBe('');
    });
  });

  describe('when the output folder cannot be written', () => {
    it('exits 1 with one line naming the system error, without a stack', async () => {
      const file = path.join(tmp(), 'a-file');
      await writeFile(file, 'not a folder');
      const result = await gazette(['build', '--items', path.join(tmp(), 'items'), '--out', path.join(file, 'dist')]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^gazette build: .*a-file.*\(ENOTDIR\)\n$/);
    });
  });

  describe('when the items folder does not exist', () => {
    it('exits 1 naming the folder, without a stack', async () => {
      const result = await gazette(['build', '--items', path.join(tmp(), 'no-such-items'), '--out', path.join(tmp(), 'never')]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/no-such-items.*does not exist/);
      expect(result.stderr).toContain('nothing written');
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });
  });
});

describe('gazette check', () => {
  describe('under the placeholder siteUrl of feed.config.ts (gazette.example.org, RFC 2606)', () => {
    it.each([
      ['says once that the ledger would not be written', [], 1],
      ['says nothing of it with --no-ledger', ['--no-ledger'], 0],
    ])('%s', async (_label, flags, lines) => {
      const result = await gazette(['check', '--items', 'tests/fixtures/items', ...flags]);
      const said = result.stderr.split('\n').filter((l) => l.includes('reserved example or local name'));
      expect([result.code, said.length]).toEqual([0, lines]);
    });
  });

  describe('when records are broken', () => {
    let result: CliResult;
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

    it.each([
      ['far-future-date.md', 3, 'date', /more than a year after the build's clock/],
      ['unknown-category.md', 4, 'categories', /"Sprot" is not one of the configured categories; closest: "Sport"/],
      ['missing-image.md', 4, 'image', /is no file of public\/ \(publicDir\)/],
    ])('warns an editor about %s at its line and field', (file, line, field, message) => {
      const warning = result.stderr.split('\n').find((l) => l.startsWith(`tests/fixtures/items-broken/${file}:${line} ${field}: warning: `));
      expect(warning, result.stderr).toMatch(message);
    });

    it('ends with the count of errors and warnings', () => {
      expect(result.stderr).toMatch(/^5 errors, 5 warnings$/m);
    });

    it('has no colour when the output is not a terminal', () => {
      expect(result.stderr).not.toContain(ESC);
    });
  });

  describe('with --json', () => {
    it('prints the same diagnostics and counts as one JSON document, and the same exit status', async () => {
      const result = await gazette(['check', '--json', '--items', 'tests/fixtures/items-broken']);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe('');
      const report = JSON.parse(result.stdout);
      expect(report).toMatchObject({ command: 'check', ok: false, counts: { errors: 5, warnings: 5 } });
      expect(report.diagnostics).toHaveLength(10);
      expect(report.diagnostics).toContainEqual(
        expect.objectContaining({ severity: 'error', file: 'tests/fixtures/items-broken/impossible-date.md', line: 3, field: 'date' }),
      );
    });
  });

  describe('colour', () => {
    it.each([
      // terminal, NO_COLOR, coloured
      [true, undefined, true],
      [true, '1', false],
      [false, undefined, false],
    ])('on a terminal: %s, NO_COLOR=%s → coloured: %s', async (tty, noColor, coloured) => {
      const result = await gazette(['check', '--items', 'tests/fixtures/items-broken'], { tty, env: noColor ? { NO_COLOR: noColor } : {} });
      expect(result.stderr.includes(`${ESC}31m`)).toBe(coloured);
      expect(result.stderr.includes(`${ESC}33m`)).toBe(coloured);
    });
  });

  describe('when records have only warnings', () => {
    it('exits 0', async () => {
      const items = path.join(tmp(), 'warnings-only');
      await cp('tests/fixtures/items-broken', items, {
        recursive: true,
        filter: (src) => !/(impossible-date|missing-title|invalid-yaml|invalid-json|draft-flag)/.test(src),
      });
      await ageTree(items);
      const result = await gazette(['check', '--items', items]);
      expect(result.stderr).toMatch(/0 errors, 5 warnings/);
      expect(result.code).toBe(0);
    });
  });
});

describe('gazette serve', () => {
  let blocker: Server;
  let port: number;
  beforeAll(async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    port = (blocker.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => blocker.close(() => resolve())));

  it.each([
    // args, the reason shown
    [() => ['--port', String(port)], /cannot listen on 127\.0\.0\.1:\d+: the port is already in use .*\(EADDRINUSE\)$/],
    [() => ['--port', '0', '--host', 'nosuchhost.invalid'], /cannot listen on nosuchhost\.invalid:0: .*\((ENOTFOUND|EAI_AGAIN|EAI_NONAME)\)$/],
  ])('exits 1 with one line when it cannot listen (%#), leaving nothing running', async (args, reason) => {
    const result = await gazette(['serve', '--items', 'tests/fixtures/items', ...args()]);
    expect(result.code).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(reason);
  });
});

describe('gazette init', () => {
  it('writes a site that builds as it is, and refuses to write over it', async () => {
    const dir = path.join(tmp(), 'nouveau-site');
    const first = await gazette(['init', dir]);
    expect(first.code).toBe(0);
    expect((await readdir(dir, { recursive: true })).sort()).toEqual([
      '.gitignore',
      'feed.config.ts',
      'items',
      'items/bienvenue.md',
      'items/depeche-exemple.txt',
      'items/exemple-json.json',
      'package.json',
    ]);
    const pkg = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'));
    expect(pkg.dependencies.gazette).toMatch(/^\^\d+\.\d+\.\d+/);
    expect(pkg.scripts).toMatchObject({ build: 'gazette build', serve: 'gazette serve' });
    expect(await readFile(path.join(dir, 'feed.config.ts'), 'utf8')).toContain("import { defineConfig } from 'gazette';");

    // One example per format, all valid, all published: the config's `gazette` import is this Gazette.
    await ageTree(path.join(dir, 'items')); // saved long ago: read at once
    const check = await gazette(['check', '--json', '--config', path.join(dir, 'feed.config.ts')]);
    expect(JSON.parse(check.stdout)).toMatchObject({ ok: true, counts: { records: 3, articles: 3, errors: 0, warnings: 0 } });

    const again = await gazette(['init', dir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^gazette init: .*package\.json.* already exist; nothing written/);
  });
});
