// The author feeds and pages as the site builder makes them from records: incremental, streaming, feeds only, and the
// warning about an author spelled two ways.
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSiteBuilder, type SiteBuild } from '../../src/site/site-builder.ts';
import { makeConfig } from '../helpers/factories.ts';
import { writeRecord } from '../helpers/record-files.ts';

const config = makeConfig({ limit: 2 });

/** A record signed by `author` (line 4 of the file), its summary derived from its body. */
const record = (title: string, date: string, author: string) =>
  `---\ntitle: "${title}"\ndate: ${date}\nauthor: ${author}\ncategories: [Société]\n---\n\nLe corps de « ${title} ».\n`;

let itemsDir: string;
beforeEach(async () => {
  itemsDir = await mkdtemp(path.join(tmpdir(), 'gazette-authors-'));
  // More articles per author than a feed holds (limit 2): the pages list some the feeds do not.
  for (let n = 1; n <= 4; n++) {
    await writeFile(path.join(itemsDir, `zoe-${n}.md`), record(`Zoé numéro ${n}`, `2024-11-0${n} 09:00`, 'Zoé Martin'));
    await writeFile(path.join(itemsDir, `marc-${n}.md`), record(`Marc numéro ${n}`, `2024-11-0${n} 10:00`, 'Marc Petit'));
  }
  // An hour old, as in an archive: the builder trusts the stat keys of files this old and reads them once.
  const past = new Date(Date.now() - 3_600_000);
  for (const name of await readdir(itemsDir)) await utimes(path.join(itemsDir, name), past, past);
});
afterEach(() => rm(itemsDir, { recursive: true, force: true }));

const build = (options: Parameters<typeof createSiteBuilder>[1] = {}) => createSiteBuilder(config, { itemsDir, displayDir: 'items', ...options }).build();
const bodies = (site: SiteBuild) => new Map([...site.documents].map(([p, d]) => [p, d.body]));
const authorPaths = (site: SiteBuild, slug: string) => [...site.documents.keys()].filter((p) => p.startsWith(`/authors/${slug}/`));

describe('a site whose records are signed', () => {
  it('publishes each author’s three feeds and page', async () => {
    expect(authorPaths(await build(), 'zoe-martin')).toEqual([
      '/authors/zoe-martin/feed.xml',
      '/authors/zoe-martin/atom.xml',
      '/authors/zoe-martin/feed.json',
      '/authors/zoe-martin/',
    ]);
  });

  it('publishes the author feeds only with pages: false', async () => {
    expect(authorPaths(await build({ pages: false }), 'zoe-martin')).toEqual([
      '/authors/zoe-martin/feed.xml',
      '/authors/zoe-martin/atom.xml',
      '/authors/zoe-martin/feed.json',
    ]);
  });

  it('gives the same author pages and feeds when it streams (retainPages: false)', async () => {
    const streamed = await build({ retainPages: false });
    const [kept, full] = [bodies(streamed), bodies(await build())];
    const authors = (map: Map<string, string>) => [...map].filter(([p]) => p.startsWith('/authors/'));
    expect(authors(kept)).toEqual(authors(full));
  });
});

describe('when a record of one author is edited', () => {
  it('re-renders that author’s feeds and page, keeps the other author’s very same documents, and gives a cold build’s bytes', async () => {
    const builder = createSiteBuilder(config, { itemsDir, displayDir: 'items' });
    const first = await builder.build();
    const file = path.join(itemsDir, 'zoe-4.md');
    await writeRecord(file, record('Zoé numéro 4, corrigé', '2024-11-04 09:00', 'Zoé Martin'));
    const second = await builder.build({ changed: [file] });
    const renewed = (slug: string) => authorPaths(second, slug).filter((p) => second.documents.get(p) !== first.documents.get(p));
    expect({ zoe: renewed('zoe-martin'), marc: renewed('marc-petit') }).toEqual({ zoe: authorPaths(second, 'zoe-martin'), marc: [] });
    expect(bodies(second)).toEqual(bodies(await build()));
  });
});

describe('an author spelled two ways', () => {
  beforeEach(() => writeRecord(path.join(itemsDir, 'zoe-5.md'), record('Zoé numéro 5', '2024-10-01 09:00', 'Zoe MARTIN')));

  it('is one author: one feed and one page, named as the newest record spells them', async () => {
    const site = await build();
    expect([authorPaths(site, 'zoe-martin').length, site.feedSet?.authors.map((f) => f.author?.name)]).toEqual([4, ['Marc Petit', 'Zoé Martin']]);
  });

  it('is reported once, at the line of the other spelling, naming both', async () => {
    const warnings = (await build()).diagnostics.filter((d) => d.code === 'author-spelling');
    expect(warnings.map((d) => [d.severity, d.source, `${d.file}:${d.line}`, d.field, d.message])).toEqual([
      [
        'warning',
        'record',
        'items/zoe-5.md:4',
        'author',
        '"Zoe MARTIN" and "Zoé Martin" (items/zoe-4.md) fold to one author, /authors/zoe-martin/, named "Zoé Martin" there: write the name one way',
      ],
    ]);
  });
});
