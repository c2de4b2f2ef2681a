// A live site and correction notes: a note added to a record reaches corrections.xml, the article's feeds and page;
// rewording it, or retitling the article, keeps the entry's id.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseAtomFeed } from 'feedsmith';
import { afterEach, describe, expect, it } from 'vitest';
import { makeConfig } from '../helpers/factories.ts';
import { request, startSite, type TestSite, waitUntil } from './_lib/site-server.ts';

const record = (title: string, notes = '') =>
  `---\nid: rectifie\ntitle: "${title}"\ndate: 2024-12-05T10:00:00+01:00\n${notes ? `corrections:\n${notes}` : ''}---\n\nLe corps de l’article.\n`;
const note = (date: string, text: string) => `  - date: ${date}\n    text: "${text}"\n`;

type AtomEntry = { id?: string; title?: { value?: string }; updated?: string; links?: { href?: string }[] };
const entriesOf = async (site: TestSite): Promise<AtomEntry[]> =>
  ((parseAtomFeed((await request(site.port, '/corrections.xml')).body.toString()) as { entries?: AtomEntry[] }).entries ?? []).filter((e) =>
    e.id?.includes(':rectifie#'),
  );

describe('corrections on a live site', () => {
  let site: TestSite | undefined;
  afterEach(async () => {
    await site?.close();
    site = undefined;
  });

  it('serves corrections.xml as Atom, then each note once, under an id no edit changes', async () => {
    site = await startSite({ config: makeConfig(), watch: true, prepare: (dir) => writeFile(path.join(dir, 'rectifie.md'), record('Un titre')) });
    const file = path.join(site.itemsDir, 'rectifie.md');
    const first = await request(site.port, '/corrections.xml');
    expect([first.status, first.headers['content-type'], await entriesOf(site)]).toEqual([200, 'application/atom+xml; charset=utf-8', []]);

    await writeFile(file, record('Un titre', note('6 décembre 2024 à 9h', 'Une version précédente donnait 12 morts.')));
    expect(await waitUntil(async () => (await entriesOf(site!)).length === 1)).toBe(true);
    const [entry] = await entriesOf(site);
    const json = JSON.parse((await request(site.port, '/feed.json')).body.toString()) as { items: { id: string; date_modified: string }[] };
    const page = (await request(site.port, '/articles/un-titre/')).body.toString();
    expect({
      entry: { id: entry?.id, title: entry?.title?.value, updated: entry?.updated, link: entry?.links?.[0]?.href },
      modified: json.items.find((i) => i.id.endsWith(':rectifie'))?.date_modified,
      page: page.includes('<h2 id="rectificatif">Rectificatif</h2>') && page.includes('Une version précédente donnait 12 morts.'),
    }).toEqual({
      entry: {
        id: 'tag:example.org,2024-01-01:rectifie#rectificatif-20241206T080000Z',
        title: 'Rectificatif : Un titre',
        updated: '2024-12-06T08:00:00.000Z',
        link: 'https://example.org/articles/un-titre/',
      },
      modified: '2024-12-06T08:00:00.000Z',
      page: true,
    });

    // Retitled, the note reworded, a second note: the first entry keeps its id.
    await writeFile(
      file,
      record('Un autre titre', note('2024-12-06T09:00:00+01:00', 'Une version précédente donnait douze morts.') + note('7 décembre 2024', 'Deux.')),
    );
    expect(await waitUntil(async () => (await entriesOf(site!)).length === 2)).toBe(true);
    expect((await entriesOf(site)).map((e) => [e.id, e.title?.value])).toEqual([
      ['tag:example.org,2024-01-01:rectifie#rectificatif-20241206T230000Z', 'Rectificatif : Un autre titre'],
      ['tag:example.org,2024-01-01:rectifie#rectificatif-20241206T080000Z', 'Rectificatif : Un autre titre'],
    ]);
  });

  it('links the corrections feed from the front page', async () => {
    site = await startSite({ config: makeConfig(), watch: false });
    const home = (await request(site.port, '/')).body.toString();
    expect([home.includes('<link rel="alternate" type="application/atom+xml"'), home.includes('href="/corrections.xml"')]).toEqual([true, true]);
  });
});
