import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LEDGER_FILE } from '../../src/lifecycle/ledger.ts';
import { isOutputError } from '../../src/publish/write-static.ts';
import { buildStaticSite } from '../../src/site/static-build.ts';
import { makeConfig } from '../helpers/factories.ts';
import { writeRecord } from '../helpers/record-files.ts';
import { makeItemsCopy } from '../http/_lib/site-server.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const config = makeConfig();
const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );
const record = (title: string) => `---\ntitle: "${title}"\ndate: 2024-12-05\n---\n\nLe corps.\n`;

describe('buildStaticSite', () => {
  let itemsDir: string;
  let removeItems: () => Promise<void>;
  const work = useTempDir('gazette-static-');
  beforeEach(async () => {
    ({ itemsDir, remove: removeItems } = await makeItemsCopy());
  });
  afterEach(async () => {
    await removeItems();
  });
  const build = (options: Parameters<typeof buildStaticSite>[1] = {}) =>
    buildStaticSite(config, { itemsDir, outDir: path.join(work(), 'dist'), cacheDir: path.join(work(), 'cache'), ...options });

  it('writes feeds (compressed too) and pages, and links every unchanged file on the next build', async () => {
    const first = await build();
    const second = await build();
    expect({
      feed: await exists(path.join(work(), 'dist', 'feed.xml.br')),
      page: await exists(path.join(work(), 'dist', 'index.html')),
      written: second.report?.written,
      unchanged: second.report?.unchanged === first.report?.files.length,
    }).toEqual({ feed: true, page: true, written: 0, unchanged: true });
  });

  it('writes a redirect page and the redirect files at the former address of a retitled article', async () => {
    await writeRecord(path.join(itemsDir, 'titre.md'), record('Premier titre'));
    await build();
    await writeRecord(path.join(itemsDir, 'titre.md'), record('Second titre'));
    await build();
    const page = await readFile(path.join(work(), 'dist', 'articles', 'premier-titre', 'index.html'), 'utf8');
    const map = await readFile(path.join(work(), 'dist', 'redirects.map'), 'utf8');
    expect([page.includes('/articles/second-titre/'), map.includes('/articles/premier-titre/')]).toEqual([true, true]);
  });

  it('gives an image of the static-assets folder its file size as enclosure length in RSS and Atom', async () => {
    const publicDir = path.join(work(), 'public');
    await mkdir(path.join(publicDir, 'images'), { recursive: true });
    await writeFile(path.join(publicDir, 'images', 'une photo.jpg'), Buffer.alloc(4321));
    await writeRecord(
      path.join(itemsDir, 'photo.md'),
      '---\ntitle: "Une photo"\ndate: 2024-12-06\nimage: { url: "/images/une%20photo.jpg", alt: "Une photo" }\n---\n\nLe corps.\n',
    );
    await buildStaticSite({ ...config, publicDir }, { itemsDir, outDir: path.join(work(), 'dist'), cacheDir: false });
    const rss = await readFile(path.join(work(), 'dist', 'feed.xml'), 'utf8');
    const atom = await readFile(path.join(work(), 'dist', 'atom.xml'), 'utf8');
    expect([
      rss.includes('<enclosure length="4321" type="image/jpeg" url="https://example.org/images/une%20photo.jpg"/>'),
      atom.includes('<link rel="enclosure" href="https://example.org/images/une%20photo.jpg" type="image/jpeg" length="4321"/>'),
    ]).toEqual([true, true]);
  });

  it('warns when a feed is over maxFeedBytes with every older item summarised, and still writes it', async () => {
    const long = `${'Un long paragraphe. '.repeat(2000)}\n`;
    for (const n of [1, 2, 3]) {
      await writeRecord(path.join(itemsDir, `long-${n}.md`), `---\ntitle: "Long ${n}"\ndate: 2024-12-0${n}\n---\n\n${long}`);
    }
    const result = await buildStaticSite({ ...config, maxFeedBytes: 30_000 }, { itemsDir, outDir: path.join(work(), 'dist'), cacheDir: false });
    const warnings = result.diagnostics.filter((d) => d.code === 'feed-over-budget').map((d) => [d.severity, d.file]);
    const rss = await readFile(path.join(work(), 'dist', 'feed.xml'), 'utf8');
    // The newest article alone is over 30,000 bytes: it is still published, in full, and the three main feeds warn.
    expect([warnings, rss.includes('Long 3'), rss.includes('Long 2')]).toEqual([
      [
        ['warning', '/feed.xml'],
        ['warning', '/atom.xml'],
        ['warning', '/feed.json'],
      ],
      true,
      false,
    ]);
  });

  it('with pages: false writes no HTML', async () => {
    const result = await build({ pages: false });
    expect(result.report?.files.filter((f) => f.endsWith('.html'))).toEqual([]);
  });

  it('reports an unwritable cache as a warning and still writes the site', async () => {
    const blocker = path.join(work(), 'not-a-folder');
    await writeFile(blocker, 'x');
    const result = await build({ cacheDir: path.join(blocker, 'cache') });
    expect([result.report !== undefined, result.diagnostics.some((d) => d.code === 'cache-unwritable' && d.severity === 'warning')]).toEqual([true, true]);
  });

  it('refuses the items folder as output before building, so not even the ledger is written', async () => {
    const error = await build({ outDir: itemsDir }).catch((e: unknown) => e);
    expect([isOutputError(error), await exists(path.join(itemsDir, LEDGER_FILE))]).toEqual([true, false]);
  });
});

describe('buildStaticSite output inside the items folder', () => {
  it('is refused: the next build would read its feed.json back as a record', async () => {
    const { itemsDir, remove } = await makeItemsCopy();
    try {
      const error = await buildStaticSite(config, { itemsDir, outDir: path.join(itemsDir, 'out'), cacheDir: false }).catch((e: unknown) => e);
      expect(isOutputError(error)).toBe(true);
    } finally {
      await remove();
    }
  });
});
