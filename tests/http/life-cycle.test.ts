import { cp, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { makeConfig } from '../helpers/factories.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { request, startSite, untilBuilt, type TestSite } from './_lib/site-server.ts';

const record = (title: string, date: string, extra = '') => `---\ntitle: "${title}"\ndate: ${date}\n${extra}---\n\nLe corps de l’article.\n`;
/** A watched site over the fixture items plus one record of ours. */
const startWatchedSite = (name: string, text: string) =>
  startSite({ config: makeConfig(), watch: true, prepare: (dir) => writeFile(path.join(dir, name), text) });
const feedJson = async (site: TestSite) => JSON.parse((await request(site.port, '/feed.json')).body.toString()) as { items: { id: string; title: string }[] };

describe('the life of an article on a live site', () => {
  let site: TestSite | undefined;
  afterEach(async () => {
    await site?.close();
    site = undefined;
  });

  it('answers 301 from the page of a retitled article to its new page, also after a restart', async () => {
    site = await startWatchedSite('titre.md', record('Un titre avec une fote', '2024-12-05'));
    const { itemsDir } = site;
    expect((await request(site.port, '/articles/un-titre-avec-une-fote/')).status).toBe(200);
    await writeFile(path.join(itemsDir, 'titre.md'), record('Un titre sans faute', '2024-12-05'));
    await untilBuilt(site.feeds.site, async () => (await request(site!.port, '/articles/un-titre-sans-faute/')).status === 200);
    const moved = await request(site.port, '/articles/un-titre-avec-une-fote/');
    expect([moved.status, moved.headers.location]).toEqual([301, '/articles/un-titre-sans-faute/']);

    // A new process over the same folder: the ledger on disk remembers the former address.
    const again = await startSite({ config: makeConfig(), watch: false, prepare: (dir) => cp(itemsDir, dir, { recursive: true, force: true }) });
    try {
      const after = await request(again.port, '/articles/un-titre-avec-une-fote/');
      expect([after.status, after.headers.location]).toEqual([301, '/articles/un-titre-sans-faute/']);
    } finally {
      await again.close();
    }
  });

  it('keeps the guid of a record file moved into a sub-folder', async () => {
    site = await startWatchedSite('deplace.md', record('Un article déplacé', '2024-12-06'));
    const { itemsDir } = site;
    const before = (await feedJson(site)).items.find((i) => i.title === 'Un article déplacé')?.id;
    await mkdir(path.join(itemsDir, '2024', '12'), { recursive: true });
    await rename(path.join(itemsDir, 'deplace.md'), path.join(itemsDir, '2024', '12', 'deplace.md'));
    // The move is seen in one build or two (the watcher may report the unlink and the add apart); the build that
    // finds the file at its new path keeps its id and says so.
    const moved = path.join('2024', '12', 'deplace.md');
    await untilBuilt(site.feeds.site, (status) => status?.diagnostics.some((d) => d.code === 'id-kept' && d.file.endsWith(moved)) === true);
    const after = (await feedJson(site)).items.filter((i) => i.title === 'Un article déplacé').map((i) => i.id);
    expect([before !== undefined, after]).toEqual([true, [before]]);
  });

  it('serves the static-assets folder with the caching headers of feeds, and nothing outside it', async () => {
    const config = makeConfig();
    const { dir: publicDir, remove } = await makeTempDir('gazette-public-');
    onTestFinished(remove);
    await writeFile(path.join(publicDir, 'robots.txt'), 'User-agent: *\nAllow: /\n');
    await writeFile(path.join(publicDir, '.env'), 'SECRET=1\n');
    site = await startSite({ config, watch: false, publicDir });
    const robots = await request(site.port, '/robots.txt');
    const again = await request(site.port, '/robots.txt', { headers: { 'if-none-match': robots.headers.etag ?? '' } });
    expect({
      status: robots.status,
      type: robots.headers['content-type'],
      cache: robots.headers['cache-control'],
      body: robots.body.toString(),
      revalidated: again.status,
      dotfile: (await request(site.port, '/.env')).status,
      traversal: (await request(site.port, '/..%2f..%2fetc/passwd')).status,
    }).toEqual({
      status: 200,
      type: 'text/plain; charset=utf-8',
      cache: config.cacheControl,
      body: 'User-agent: *\nAllow: /\n',
      revalidated: 304,
      dotfile: 404,
      traversal: 404,
    });
    await rm(publicDir, { recursive: true, force: true });
  });
});
