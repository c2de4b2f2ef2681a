import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, it } from 'vitest';
import { createPagePool, pageFrameSet, pageOutcome, type PageJob, type PageResult } from '../../src/site/page-pool.ts';
import { createSiteBuilder } from '../../src/site/site-builder.ts';
import { buildStaticSite } from '../../src/site/static-build.ts';
import { makeConfig } from '../helpers/factories.ts';
import { writeRecords } from '../helpers/record-files.ts';
import { makeTempDir, useTempDir } from '../helpers/temp-dir.ts';

// A feed of one article. The articles the listing pages show (the front page's 101, each category's and author's)
// have their bodies already; the others' pages are read from their records, which is what the pool takes: the 120
// uncategorised records give it 19 — more than a batch (16), so a build's two workers both get pages. (The fixture
// folders hold under 101 records each: a build of theirs never starts the pool, so they prove nothing of it here.)
const config = makeConfig({ limit: 1 });
const corpusDir = useTempDir('gazette-page-pool-corpus-', 'all');
const CORPUS = '120 records';
// Dated an hour back (writeRecords): read at once, as an archive is, not waited on as files just written.
beforeAll(async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 120; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    files[`depeche-${i}.md`] =
      `---\ntitle: "Dépêche n° ${i} : <l’essentiel>"\ndate: 2024-${String(1 + (i % 12)).padStart(2, '0')}-${day}T08:${String(i % 60).padStart(2, '0')}:00Z\n---\n\n## Partie ${i}\n\nLe *corps* de la dépêche ${i}, avec [un lien](https://example.org/${i}) & <b>du HTML</b>.\n`;
  }
  await writeRecords(path.join(corpusDir(), 'items'), files);
});
const folderOf = (name: string) => (name === CORPUS ? path.join(corpusDir(), 'items') : name);
const FOLDERS = [[CORPUS]] as const;

/** Every file below `dir` by relative path, with its bytes. */
async function filesOf(dir: string): Promise<Map<string, string>> {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const files = await Promise.all(
    names.map(
      async (e) => [path.relative(dir, path.join(e.parentPath, e.name)), (await readFile(path.join(e.parentPath, e.name))).toString('base64')] as const,
    ),
  );
  return new Map(files.sort(([a], [b]) => (a < b ? -1 : 1)));
}

// The tests run at once (describe.concurrent), each with its own output folders: while one waits on its page
// workers' start (each evaluates a bundle of the sources: _lib/source-worker.ts), the others build.
describe.concurrent('the page-rendering pool (pageWorkers)', () => {
  it.for(FOLDERS)('writes the very files of a build without it, manifest included, for %s', async ([folder], { expect, onTestFinished }) => {
    const work = await makeTempDir('gazette-page-pool-');
    onTestFinished(work.remove);
    const build = (pageWorkers: number) =>
      buildStaticSite(config, { itemsDir: folderOf(folder), outDir: path.join(work.dir, `dist-${pageWorkers}`), cacheDir: false, ledger: 'off', pageWorkers });
    const [without, withPool] = await Promise.all([build(0), build(2)]);
    const [a, b] = await Promise.all([filesOf(path.join(work.dir, 'dist-0')), filesOf(path.join(work.dir, 'dist-2'))]);
    expect({ diagnostics: withPool.diagnostics, files: b }).toEqual({ diagnostics: without.diagnostics, files: a });
  });

  it('renders each article page as the main thread does, and an error of one page neither hides nor stops the others; an unsendable job goes back to the writer', async ({
    expect,
  }) => {
    const build = await createSiteBuilder(config, { itemsDir: folderOf(CORPUS), displayDir: 'items', lazyPages: true }).build();
    const pages = build.lazyPages.filter((p) => p.job !== undefined);
    const feedSet = build.feedSet!;
    const pool = createPagePool(config, pageFrameSet(feedSet, config), 1);
    try {
      // The third one's article cannot be rendered (a title that is no text); all five go in one batch.
      const jobs: PageJob[] = pages.slice(0, 5).map((p, i) => (i === 2 ? { ...p.job!, article: { ...p.job!.article, title: 42 as never } } : p.job!));
      const results = await Promise.all(jobs.map((job) => pool.render(job)));
      const expected = await Promise.all(
        pages.slice(0, 5).map(async (p, i) => (i === 2 ? { error: 'article: expected an Article' } : { body: (await p.render()).body })),
      );
      // A job that is not plain data cannot be sent: the writer renders it itself.
      const unsendable = await pool.render({ ...pages[0]!.job!, article: { ...pages[0]!.job!.article, title: (() => 'x') as never } });
      expect({ count: pages.length, results, unsendable: 'lost' in unsendable }).toEqual({ count: 19, results: expected, unsendable: true });
    } finally {
      await pool.close();
    }
  });

  const job = { article: { file: 'items/2024/maroc.md' }, file: {} } as unknown as PageJob;
  it.for<[string, PageResult, ReturnType<typeof pageOutcome>]>([
    ['a page is written as the worker made it', { body: '<!doctype html>' }, { body: '<!doctype html>' }],
    [
      'a record changed since the build read it is an error naming it, as without the pool',
      { changed: true },
      {
        diagnostic: {
          severity: 'error',
          file: 'items/2024/maroc.md',
          code: 'record-changed',
          source: 'record',
          message: 'changed since the build read it: its page was not written; build again',
        },
      },
    ],
    [
      'a worker’s error is an error naming the record and saying what failed',
      { error: 'article: expected an Article' },
      {
        diagnostic: {
          severity: 'error',
          file: 'items/2024/maroc.md',
          code: 'page-failed',
          source: 'record',
          message: 'its page could not be rendered: article: expected an Article',
        },
      },
    ],
    ['a page its stopped worker lost is rendered by the writer instead', { lost: 'the page worker exited (code 1)' }, undefined],
  ])('%s', ([, result, expected], { expect }) => {
    expect(pageOutcome(job, result)).toEqual(expected);
  });
});
