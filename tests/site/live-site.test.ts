import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMountPath } from '../../src/_lib/mount-path.ts';
import { createLiveSite, type LiveSite } from '../../src/site/live-site.ts';
import { makeConfig } from '../helpers/factories.ts';
import { ledgerText } from '../helpers/ledger-text.ts';
import { writeRecord } from '../helpers/record-files.ts';
import { makeItemsCopy, untilBuilt } from '../http/_lib/site-server.ts';

// One site in a build worker (what crosses the thread: builds, then pages rendered on request) for the two groups
// below: a worker loads the sources again, and neither group needs a site of its own. Whatever a test
// changes it puts back, so the groups pass in any order.
let site: LiveSite;
let itemsDir: string;
const lines: string[] = [];
let remove: () => Promise<void>;
beforeAll(async () => {
  // Records saved an hour ago (makeItemsCopy): read once and trusted (a file read within a second of its change is read again).
  ({ itemsDir, remove } = await makeItemsCopy());
  site = createLiveSite(makeConfig(), { itemsDir, log: (l) => lines.push(l), pageCacheSize: 1 });
  await site.ready;
});
afterAll(async () => {
  await site.close();
  await remove();
});

describe('createLiveSite', () => {
  const builds = () => lines.filter((l) => l.startsWith('built ')).length;

  describe('when ready', () => {
    it('serves a snapshot of the site root', () => {
      expect(site.current()?.entries.has('/feed.xml')).toBe(true);
    });

    it('reports a clean, published build', () => {
      const status = site.status();
      expect([status?.ok, status?.published, status?.errors]).toEqual([true, true, 0]);
    });
  });

  describe('when rebuild is called many times at once', () => {
    it('coalesces the calls into one build', async () => {
      const before = builds();
      await Promise.all([site.rebuild(), site.rebuild(), site.rebuild(), site.rebuild(), site.rebuild()]);
      expect(builds() - before).toBe(1);
    });
  });

  describe('when a build is logged', () => {
    it('says the first build rendered every document', () => {
      expect(lines.find((l) => l.startsWith('built '))).toMatch(/^built 3 articles \(0 errors, \d+ warnings?; every document rendered; \d+ ms\)$/);
    });

    it('counts the documents a later build changed and removed', async () => {
      await site.rebuild();
      expect(lines.filter((l) => l.startsWith('built ')).at(-1)).toMatch(
        /^built 3 articles \(0 errors, \d+ warnings?; 0 documents changed, 0 removed; \d+ ms\)$/,
      );
    });
  });

  describe('when asked for another mount path', () => {
    it('builds the site with the mount path added to siteUrl', async () => {
      const snapshot = await site.snapshotFor('/feeds');
      const body = snapshot?.entries.get('/feed.json')?.identity.toString() ?? '';
      expect(JSON.parse(body).feed_url).toBe('https://example.org/feeds/feed.json');
    });

    it('keeps the root snapshot as it was', () => {
      const body = site.current()?.entries.get('/feed.json')?.identity.toString() ?? '';
      expect(JSON.parse(body).feed_url).toBe('https://example.org/feed.json');
    });
  });
});

describe('createLiveSite on a missing items folder', () => {
  it('has nothing to serve and reports a failed build', async () => {
    const site = createLiveSite(makeConfig(), { itemsDir: path.join('/nonexistent', 'gazette-items'), worker: false });
    await site.ready;
    expect([site.current(), site.status()?.ok]).toEqual([undefined, false]);
  });
});

describe('createLiveSite with the article cache', () => {
  /** One start and stop; the bodies it served, and its build status. */
  async function start(itemsDir: string, cacheDir: string) {
    const site = createLiveSite(makeConfig(), { itemsDir, cacheDir, ledger: 'off', worker: false });
    try {
      await site.ready;
      const bodies = new Map([...(site.current()?.entries ?? [])].map(([p, e]) => [p, e.identity.toString('utf8')]));
      return { bodies, status: site.status() };
    } finally {
      await site.close();
    }
  }

  it('writes it on the first start and serves the same site from it on the next', async () => {
    const items = await makeItemsCopy();
    const cacheDir = path.join(items.root, 'cache');
    try {
      const cold = await start(items.itemsDir, cacheDir);
      const files = await readdir(cacheDir);
      const warm = await start(items.itemsDir, cacheDir);
      expect(files.filter((f) => f.endsWith('.bin')).length).toBe(1);
      expect([cold.bodies.size > 3, warm.bodies]).toEqual([true, cold.bodies]);
      expect(warm.status?.diagnostics.filter((d) => d.code === 'cache-unwritable')).toEqual([]);
    } finally {
      await items.remove();
    }
  });

  it('still serves the site when the cache cannot be written, with a warning', async () => {
    const items = await makeItemsCopy();
    const blocker = path.join(items.root, 'not-a-folder');
    try {
      await writeFile(blocker, 'a file where the cache folder should go');
      const { bodies, status } = await start(items.itemsDir, path.join(blocker, 'cache'));
      expect(bodies.has('/feed.xml')).toBe(true);
      expect(status?.diagnostics.map((d) => d.code)).toContain('cache-unwritable');
    } finally {
      await items.remove();
    }
  });
});

describe('createLiveSite with a scheduled article', () => {
  it('publishes it when its timer fires at its date, and not before, without any file change', async () => {
    const items = await makeItemsCopy();
    // The site's clock stands still 100 ms before the article's date (a whole second: the ledger's times) until the
    // test lets it run: however long the machine takes to start the site, the article is still ahead of "now" at the
    // first build. Then the clock runs at the real pace from there, and the schedule timer, armed for the date, fires.
    const due = new Date(Math.ceil(Date.now() / 1000) * 1000 + 1000);
    const stopped = due.getTime() - 100;
    let released: number | undefined;
    await writeRecord(path.join(items.itemsDir, 'embargo.md'), `---\ntitle: Sous embargo\ndate: ${due.toISOString()}\n---\n\nCorps.\n`);
    const now = () => (released === undefined ? stopped : stopped + Date.now() - released);
    const site = createLiveSite(makeConfig(), { itemsDir: items.itemsDir, now, worker: false });
    const titles = () =>
      (JSON.parse(site.current()?.entries.get('/feed.json')?.identity.toString() ?? '{}').items ?? []).map((i: { title: string }) => i.title);
    try {
      await site.ready;
      const before = { listed: titles().includes('Sous embargo'), page: site.current()?.pages?.has('/articles/sous-embargo/') ?? false };
      released = Date.now();
      await untilBuilt(site, () => titles().includes('Sous embargo'));
      const ledger = await ledgerText(items.itemsDir);
      const published = new Date(/"id":"embargo","guid":"[^"]*","published":"([^"]+)"/.exec(ledger)?.[1] ?? 0);
      expect({ before, onTime: published.getTime() >= due.getTime() }).toEqual({ before: { listed: false, page: false }, onTime: true });
    } finally {
      await site.close();
      await items.remove();
    }
  });
});

describe('createLiveSite article pages (lazy: rendered on their first request)', () => {
  const pageAt = (path: string) => site.current()?.pages?.get(path);
  const text = async (path: string) => (await pageAt(path)?.load())?.identity.toString('utf8');

  it('holds article pages, archive months and the sitemaps as pending pages, not entries, and the feeds and listings as entries', () => {
    const snapshot = site.current();
    const pending = [...(snapshot?.pages?.keys() ?? [])];
    const lazy = (p: string) => /^\/(articles|archives\/\d{4}\/\d\d)\//.test(p) || p === '/sitemap.xml' || p === '/sitemap-news.xml';
    expect(pending.filter((p) => p.startsWith('/articles/')).length).toBe(snapshot?.articleCount);
    expect(pending.every((p) => lazy(p) && !snapshot?.entries.has(p))).toBe(true);
    expect(['/feed.xml', '/', '/categories/societe/'].every((p) => snapshot?.entries.has(p))).toBe(true);
  });

  it('renders a page once and serves the same entry while it stays in the page cache', async () => {
    const path = [...(site.current()?.pages?.keys() ?? [])].find((p) => p.startsWith('/articles/'));
    const page = pageAt(path ?? '');
    const first = await page?.load();
    expect(first?.identity.toString('utf8')).toContain('<div class="body">');
    expect(await page?.load()).toBe(first);
  });

  it('drops the least recently asked page beyond pageCacheSize, and renders it again when asked', async () => {
    const [a, b] = [...(site.current()?.pages?.keys() ?? [])] as [string, string];
    const first = await pageAt(a)?.load();
    await pageAt(b)?.load();
    const again = await pageAt(a)?.load();
    expect(again).not.toBe(first);
    expect(again?.identity.equals(first?.identity ?? Buffer.alloc(0))).toBe(true);
  });

  it('keeps serving the last good version of a page whose record then breaks', async () => {
    const page = '/articles/rentree-universitaire-loyers/';
    const before = await text(page);
    // Another page pushes it out of the one-page cache: after the break it must be rendered again.
    await text([...(site.current()?.pages?.keys() ?? [])].find((p) => p !== page) ?? '');
    const file = path.join(itemsDir, 'rentree-universitaire.md');
    const good = await readFile(file);
    try {
      await writeFile(file, '---\ntitle: [broken\n---\n');
      await site.rebuild();
      expect(site.status()?.kept.map((kept) => path.basename(kept))).toEqual(['rentree-universitaire.md']);
      expect(before).toContain('<div class="body">');
      expect(await text(page)).toBe(before);
    } finally {
      // Back as it was, and built, for the tests of the shared site that may run after this one.
      await writeRecord(file, good);
      await site.rebuild();
    }
  });
});

describe('isMountPath', () => {
  it.each([
    ['', true],
    ['/feeds', true],
    ['/a/b-c', true],
    ['feeds', false],
    ['/feeds/', false],
    ['/../x', false],
    ['/a/./b', false],
    ['/a b', false],
    ['//', false],
  ])('%j → %s', (value, expected) => {
    expect(isMountPath(value)).toBe(expected);
  });
});
