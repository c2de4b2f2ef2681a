import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, it } from 'vitest';
import { LEDGER_FILE } from '../../src/lifecycle/ledger.ts';
import { createSiteBuilder } from '../../src/site/site-builder.ts';
import { makeConfig } from '../helpers/factories.ts';
import { makeItemsCopy, request, startSite, untilBuilt, type TestSite } from './_lib/site-server.ts';

// RFC 9110 §13.1.3: a client or cache that revalidates with If-Modified-Since alone gets 304 when Last-Modified is
// not later than its date, so Last-Modified must move whenever a document's bytes do, including for changes that
// leave the newest article date as it was.

/** The history of the fixture site: a ledger written by a build on 1 December 2024, as a committed ledger would be. */
const HISTORY = Date.parse('2024-12-01T00:00:00Z');
/** That ledger (the one file such a build writes in the items folder), built once and put in each site's folder. */
let ledgerText = '';
beforeAll(async () => {
  const items = await makeItemsCopy();
  try {
    await createSiteBuilder(makeConfig(), { itemsDir: items.itemsDir, ledger: 'update', now: () => HISTORY }).build();
    ledgerText = await readFile(path.join(items.itemsDir, LEDGER_FILE), 'utf8');
  } finally {
    await items.remove();
  }
});
const prepare = (dir: string) => writeFile(path.join(dir, LEDGER_FILE), ledgerText);
const record = (title: string, date: string) => `---\ntitle: "${title}"\ndate: ${date}\n---\n\nLe corps de l’article.\n`;

// Each test has live sites of its own, closed after it: they run at once (they mostly wait on a watcher's rebuild).
describe.concurrent('Last-Modified of a live site', () => {
  /** Rewrites the fixture record `rentree-universitaire.md` with one line replaced. */
  const editRentree = (from: string, to: string) => async (dir: string) => {
    const file = path.join(dir, 'rentree-universitaire.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace(from, to));
  };
  const LISTS = ['/feed.xml', '/atom.xml', '/'];
  it.for([
    [
      'an article dated before the newest is added',
      LISTS,
      (dir: string) => writeFile(path.join(dir, 'archive.md'), record('Une dépêche de 2020', '2020-03-01')),
    ],
    ['an article is deleted', LISTS, (dir: string) => rm(path.join(dir, 'rentree-universitaire.md'))],
    ['an article becomes a draft', LISTS, editRentree('slug: rentree', 'draft: true\nslug: rentree')],
    ['an article is re-dated earlier', [...LISTS, '/articles/rentree-universitaire-loyers/'], editRentree('date: 2024-09-16 08:00', 'date: 2024-09-01 08:00')],
    ['an article leaves a category', ['/categories/societe/feed.xml', '/categories/societe/'], editRentree('[Société, Économie]', '[Économie]')],
  ] as const)('moves when %s, so If-Modified-Since alone gets 200 with the new bytes, then 304', async ([, paths, change], { expect, onTestFinished }) => {
    const site = await startSite({
      config: makeConfig(),
      watch: true,
      prepare,
    });
    onTestFinished(() => site.close());
    const before = await Promise.all(paths.map((p) => request(site.port, p)));
    await change(site.itemsDir);
    await untilBuilt(site.feeds.site, async () => (await request(site.port, paths[0]!)).headers.etag !== before[0]!.headers.etag);
    const results = await Promise.all(
      paths.map(async (p, i) => {
        const since = before[i]!.headers['last-modified']!;
        const revalidated = await request(site.port, p, { headers: { 'if-modified-since': since } });
        const again = await request(site.port, p, { headers: { 'if-modified-since': revalidated.headers['last-modified'] ?? '' } });
        return {
          path: p,
          status: revalidated.status,
          newBytes: !revalidated.body.equals(before[i]!.body),
          later: Date.parse(revalidated.headers['last-modified'] ?? '') > Date.parse(since),
          afterwards: again.status,
        };
      }),
    );
    expect(results).toEqual(paths.map((p) => ({ path: p, status: 200, newBytes: true, later: true, afterwards: 304 })));
  });

  it('is the same on a second instance with the same records and ledger', async ({ expect, onTestFinished }) => {
    const site = await startSite({ config: makeConfig(), watch: false, prepare });
    onTestFinished(() => site.close());
    const other = await startSite({ config: makeConfig(), watch: false, prepare });
    try {
      const dates = async (s: TestSite) =>
        Promise.all(
          ['/feed.xml', '/atom.xml', '/', '/articles/rentree-universitaire-loyers/'].map(async (p) => (await request(s.port, p)).headers['last-modified']),
        );
      const [mine, theirs] = [await dates(site), await dates(other)];
      expect([theirs, mine.every((d) => d !== undefined && Date.parse(d) <= HISTORY)]).toEqual([mine, true]);
    } finally {
      await other.close();
    }
  });
});
