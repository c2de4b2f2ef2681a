// `gazette ping` after `gazette build`, against real hubs on 127.0.0.1: what changed in the last build, and the exit
// status a deploy script reads.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPing } from '../../src/cli/commands/ping.ts';
import { startTestHub, type TestHub } from '../helpers/test-hub.ts';
import { capture, gazette } from './_lib/run.ts';
import { copyRecords, writeRecord } from '../helpers/record-files.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const SITE = 'https://example.org';
const MAIN = ['atom.xml', 'feed.json', 'feed.xml'].map((f) => `${SITE}/${f}`);
const category = (slug: string) => ['atom.xml', 'feed.json', 'feed.xml'].map((f) => `${SITE}/categories/${slug}/${f}`);
/** A feed at the root: not a category's or an author's. */
const isRootFeed = (url: string) => !url.includes('/categories/') && !url.includes('/authors/');

const tmp = useTempDir('gazette-ping-', 'all');
let hub: TestHub;
let failing: TestHub;
const writeConfig = (hubs: readonly string[]) =>
  writeFile(path.join(tmp(), 'feed.config.json'), JSON.stringify({ title: 'Gazette de test', siteUrl: SITE, hub: hubs, itemsDir: 'items', outDir: 'dist' }));
const build = () => gazette(['build', '--config', path.join(tmp(), 'feed.config.json')]);
const ping = (...flags: string[]) => gazette(['ping', '--config', path.join(tmp(), 'feed.config.json'), ...flags]);
/** The topics of the requests the hub received since `from`, sorted. */
const toldSince = (from: number) =>
  hub.requests
    .slice(from)
    .flatMap((r) => r.urls)
    .sort();

beforeAll(async () => {
  await copyRecords('tests/fixtures/items', path.join(tmp(), 'items'));
  hub = await startTestHub(204);
  failing = await startTestHub(500);
  await writeConfig([hub.url]);
});
afterAll(async () => {
  await Promise.all([hub.close(), failing.close()]);
});

describe('gazette ping', { shuffle: false }, () => {
  it('exits 1 naming the folder when nothing was built there', async () => {
    const result = await ping();
    expect([result.code, result.stderr]).toEqual([1, `gazette ping: ${path.join(tmp(), 'dist')} has no .gazette-output.json; run gazette build first\n`]);
  });

  it('tells the hub of every feed after the first build, in one publish', async () => {
    expect((await build()).code).toBe(0);
    const from = hub.requests.length;
    const result = await ping();
    const told = toldSince(from);
    expect([result.code, hub.requests.length - from, told.filter(isRootFeed), told.length > MAIN.length]).toEqual([0, 1, MAIN, true]);
    expect(result.stdout).toBe(`hub ${hub.url}: told of ${told.length} feeds (204)\n`);
  });

  it('tells nothing after a build that changed no feed, and exits 0', async () => {
    expect((await build()).code).toBe(0);
    const from = hub.requests.length;
    const result = await ping();
    expect([result.code, hub.requests.length - from, result.stdout]).toEqual([0, 0, expect.stringContaining('changed no feed; nothing to tell')]);
  });

  it('tells of every feed with --all', async () => {
    const from = hub.requests.length;
    const result = await ping('--all');
    expect([result.code, toldSince(from).filter(isRootFeed)]).toEqual([0, MAIN]);
  });

  it('tells only of the feeds an edit changed', async () => {
    await writeRecord(
      path.join(tmp(), 'items', 'nouvel-article.md'),
      '---\ntitle: "Municipales : un nouveau maire à Lyon"\ndate: 2024-12-02 09:30\ncategories: [National]\n---\n\nUn paragraphe.\n',
    );
    expect((await build()).code).toBe(0);
    const from = hub.requests.length;
    const result = await ping();
    expect([result.code, toldSince(from)]).toEqual([0, [...MAIN, ...category('national')].sort()]);
  });

  it('exits 1 with one line per failing hub, and still tells the others', async () => {
    await writeConfig([hub.url, failing.url]);
    const from = hub.requests.length;
    // runPing itself, as `gazette ping --all` runs it, with short waits between tries (publishTiming's defaults are
    // held to the docs by tests/publish/websub.test.ts).
    const [stdout, stderr] = [capture(), capture()];
    const code = await runPing({ config: path.join(tmp(), 'feed.config.json'), all: true, publish: { backoffMs: 1 } }, { stdout, stderr, env: {} });
    const result = { code, stderr: stderr.text };
    expect([result.code, result.stderr, hub.requests.length - from, failing.requests.length]).toEqual([
      1,
      `gazette ping: hub ${failing.url}: status 500 after 3 tries\n`,
      1,
      3,
    ]);
  });
});
