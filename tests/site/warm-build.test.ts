// A warm `gazette build` (records trusted by their persisted stat key, eager documents kept by their inputs) writes
// the very tree a cold build writes from the same records: every file, `.gz`/`.br` included, byte for byte.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, type ExpectStatic, it } from 'vitest';
import { LEDGER_FILE } from '../../src/lifecycle/ledger.ts';
import { MANIFEST_NAME } from '../../src/publish/output-manifest.ts';
import { buildStaticSite, type StaticBuildResult } from '../../src/site/static-build.ts';
import { makeConfig } from '../helpers/factories.ts';
import { checkAsyncProperty } from '../helpers/property.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

// A feed limit below the corpus size: an edit may move an article into or out of a feed, or touch one no feed shows.
const config = makeConfig({ limit: 5 });
/** Records written before the changes: more than a feed lists, few enough for a build to cost little. */
const RECORDS = 12;
const NOW = Date.parse('2024-12-10T12:00:00Z');
/** An hour before the build: older than the racy window, so the next build may trust the file's stat key. */
const AGED = new Date(NOW - 3_600_000);
const CATEGORIES = ['International', 'National', 'Société'];
const AUTHORS = ['Léa Martin', 'Karim Benali'];

const recordText = (n: number, version: number) =>
  [
    '---',
    `title: "Dépêche ${n}${version > 0 ? ` (mise à jour ${version})` : ''}"`,
    `date: 2024-11-${String(1 + (n % 28)).padStart(2, '0')} 08:00`,
    `categories: [${CATEGORIES[n % CATEGORIES.length]}]`,
    `author: ${AUTHORS[n % AUTHORS.length]}`,
    '---',
    '',
    `Le corps de la dépêche ${n}, version ${version}. ${'Un paragraphe de plus. '.repeat(n % 4)}`,
    '',
  ].join('\n');

/** One change to the items folder between two builds. */
type Change = { kind: 'edit' | 'delete' | 'rename' | 'add' | 'break'; n: number };

/**
 * The folders of one test in `root` (items, cache, warm output, a cold output per step) and what it does there. Each
 * test has its own, so the file's tests run at once (describe.concurrent): a build waits on file I/O much of its time.
 */
function siteAt(root: string, expect: ExpectStatic) {
  const items = path.join(root, 'items');
  const fileOf = (n: number) => path.join(items, `depeche-${n}.md`);
  const ledgerFile = path.join(items, LEDGER_FILE);

  // The test's own file work is synchronous: only the builds' I/O goes through libuv's pool (a round trip each).
  const writeRecord = (n: number, version: number): void => {
    writeFileSync(fileOf(n), recordText(n, version));
    utimesSync(fileOf(n), AGED, AGED);
  };
  const readLedger = (): string | undefined => {
    try {
      return readFileSync(ledgerFile, 'utf8');
    } catch {
      return undefined;
    }
  };
  const build = (out: string, options: { cache: boolean }) =>
    buildStaticSite(config, {
      itemsDir: items,
      displayDir: 'items',
      outDir: path.join(root, out),
      cacheDir: options.cache ? path.join(root, 'cache') : false,
      now: () => NOW,
      // As `gazette build` reads them (cli/commands/build.ts).
      syncReads: true,
    });

  return {
    build,
    /** `count` records and nothing else: no cache, no output. */
    writeSite(count: number): void {
      rmSync(items, { recursive: true, force: true });
      rmSync(path.join(root, 'cache'), { recursive: true, force: true });
      rmSync(path.join(root, 'dist'), { recursive: true, force: true });
      mkdirSync(items, { recursive: true });
      for (let n = 1; n <= count; n++) writeRecord(n, 0);
    },
    apply({ kind, n }: Change, version: number): void {
      const present = readdirSync(items).includes(`depeche-${n}.md`);
      if (kind === 'add' || kind === 'edit' || !present) writeRecord(n, version);
      else if (kind === 'delete') rmSync(fileOf(n));
      else if (kind === 'rename') renameSync(fileOf(n), path.join(items, `depeche-${n}-bis.md`));
      // A record the article stage refuses: its feeds must say so on a warm build too.
      else writeFileSync(fileOf(n), '---\ntitle: ""\ndate: pas une date\n---\n\nCassé.\n');
    },
    /**
     * Builds warm into `dist` (the cache and output of the builds before), then cold into a fresh folder from the same
     * records and the same ledger as the warm build found, and compares trees, diagnostics and the ledgers they leave.
     */
    async expectWarmEqualsCold(step: number): Promise<{ warm: StaticBuildResult; cold: StaticBuildResult }> {
      const ledgerBefore = readLedger();
      const warm = await build('dist', { cache: true });
      const ledgerAfter = readFileSync(ledgerFile, 'utf8');
      if (ledgerBefore === undefined) rmSync(ledgerFile);
      else writeFileSync(ledgerFile, ledgerBefore);
      const coldDir = `cold-${step}`;
      const cold = await build(coldDir, { cache: false });
      expect(readTree(path.join(root, 'dist'))).toEqual(readTree(path.join(root, coldDir)));
      expect(warm.diagnostics).toEqual(cold.diagnostics);
      expect(readFileSync(ledgerFile, 'utf8')).toBe(ledgerAfter);
      rmSync(path.join(root, coldDir), { recursive: true });
      return { warm, cold };
    },
  };
}

/** A folder of its own for the running test, removed when it ends. */
async function siteOfTest(onTestFinished: (fn: () => Promise<void>) => void, expect: ExpectStatic) {
  const { dir, remove } = await makeTempDir('gazette-warm-');
  onTestFinished(remove);
  return siteAt(dir, expect);
}

/** Every file and folder below `dir`, files with their bytes; the manifest without `changedFeeds` (what changed since the build before). */
function readTree(dir: string): Record<string, string> {
  const tree: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const name = path.relative(dir, path.join(entry.parentPath, entry.name));
    if (entry.isDirectory()) tree[`${name}/`] = 'folder'; // an empty folder left behind is a difference too
    if (!entry.isFile()) continue;
    const bytes = readFileSync(path.join(dir, name));
    tree[name] = name === MANIFEST_NAME ? JSON.stringify({ ...JSON.parse(bytes.toString('utf8')), changedFeeds: undefined }) : bytes.toString('base64');
  }
  return tree;
}

describe.concurrent('a warm gazette build', () => {
  it.for<[string, Change[]]>([
    ['one record edited', [{ kind: 'edit', n: 3 }]],
    ['one record deleted', [{ kind: 'delete', n: 4 }]],
    ['one record renamed', [{ kind: 'rename', n: 5 }]],
    ['one record added', [{ kind: 'add', n: 20 }]],
    ['one record broken', [{ kind: 'break', n: 6 }]],
    [
      'an edit, a deletion and a rename at once',
      [
        { kind: 'edit', n: 1 },
        { kind: 'delete', n: 2 },
        { kind: 'rename', n: 7 },
      ],
    ],
  ])('writes the tree and diagnostics of a cold build after %s', async ([, changes], { expect, onTestFinished }) => {
    const site = await siteOfTest(onTestFinished, expect);
    site.writeSite(RECORDS);
    await site.build('dist', { cache: true });
    for (const change of changes) site.apply(change, 1);
    await site.expectWarmEqualsCold(1);
  });

  it('takes every unchanged feed from the previous build: nothing written when nothing changed', async ({ expect, onTestFinished }) => {
    const site = await siteOfTest(onTestFinished, expect);
    site.writeSite(RECORDS);
    const first = await site.build('dist', { cache: true });
    const { warm } = await site.expectWarmEqualsCold(1);
    expect({ written: warm.report?.written, unchanged: warm.report?.unchanged }).toEqual({ written: 0, unchanged: first.report?.files.length });
  });

  it('writes the tree of a cold build after any sequence of edits, deletions, renames, additions and breakages', async ({ expect, onTestFinished }) => {
    const site = await siteOfTest(onTestFinished, expect);
    const change = fc.record({ kind: fc.constantFrom<Change['kind']>('edit', 'delete', 'rename', 'add', 'break'), n: fc.integer({ min: 1, max: 10 }) });
    await checkAsyncProperty(
      fc.asyncProperty(fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }), async (rounds) => {
        site.writeSite(RECORDS);
        await site.build('dist', { cache: true });
        for (const [round, changes] of rounds.entries()) {
          for (const c of changes) site.apply(c, round + 1);
          await site.expectWarmEqualsCold(round + 1);
        }
      }),
      5,
    );
  });
});
