// `gazette check` reports the sitemaps and the OPML list; `gazette build` takes its clock from SOURCE_DATE_EPOCH.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gazette } from './_lib/run.ts';

const ITEMS = ['--items', 'tests/fixtures/items', '--no-ledger'];
/** 2024-09-17T08:00:00Z: a day after the fixtures' rentrée article (2024-09-16 08:00, Paris), and before the others. */
const EPOCH = String(Date.parse('2024-09-17T08:00:00Z') / 1000);

describe('gazette check', () => {
  it('says which sitemaps and OPML list it would write, with their entries', async () => {
    const result = await gazette(['check', ...ITEMS]);
    const lines = result.stdout.split('\n').filter((line) => line.startsWith('would write'));
    expect([result.code, lines.map((line) => line.replace(/\d+ (URL|feed)/, 'N $1'))]).toEqual([
      0,
      ['would write sitemap.xml: N URLs', 'would write sitemap-news.xml: N URLs', 'would write feeds.opml: N feeds'],
    ]);
  });

  it('counts the news sitemap’s articles at the clock of SOURCE_DATE_EPOCH, as a build would', async () => {
    const result = await gazette(['check', ...ITEMS], { env: { SOURCE_DATE_EPOCH: EPOCH } });
    expect(result.stdout).toContain('would write sitemap-news.xml: 1 URL\n');
  });
});

describe('gazette build with SOURCE_DATE_EPOCH', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'gazette-epoch-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('refuses a value that is not an integer in one line, before anything is written', async () => {
    const result = await gazette(['build', ...ITEMS, '--out', path.join(dir, 'refused')], { env: { SOURCE_DATE_EPOCH: '17 septembre' } });
    expect([result.code, result.stderr]).toEqual([
      2,
      'gazette build: SOURCE_DATE_EPOCH must be an integer number of seconds since 1970-01-01T00:00:00Z, got "17 septembre"\n',
    ]);
  });

  it('lists in the news sitemap the articles of the 48 hours before it, the same bytes each time', async () => {
    const news = async (out: string) => {
      const result = await gazette(['build', ...ITEMS, '--out', path.join(dir, out)], { env: { SOURCE_DATE_EPOCH: EPOCH } });
      if (result.code !== 0) throw new Error(result.stderr);
      return readFile(path.join(dir, out, 'sitemap-news.xml'), 'utf8');
    };
    const [first, second] = [await news('a'), await news('b')];
    const titles = [...first.matchAll(/<news:title>([^<]*)<\/news:title>/g)].map((m) => m[1]);
    expect([titles.length, first === second]).toEqual([1, true]);
  });
});
