// e2e: the real Gazette app on 127.0.0.1, a copy of items/, and Debian's Chromium driven by playwright-core.
import { cp } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useServedChromium } from './_lib/browser.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import express from 'express';
import http from 'node:http';
import { createFeedRouter, startServer } from '../../src/serve-site.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SCREENSHOTS = process.env.GAZETTE_SCREENSHOTS ?? tmpdir();

// The seed dispatch, items/000_d101a6bb032ffd19.txt.
const SEED_TITLE = 'Maroc : le DG de la sécurité intérieure en France en visite de travail';
const SEED_DATE = 'vendredi 22 novembre 2024';
const SEED_SECTION = 'Rencontres de travail à Rabat';

const FEED_TYPES = ['application/rss+xml', 'application/atom+xml', 'application/feed+json'];

const itemsDir = useTempDir('gazette-e2e-items-', 'all');
const site = useServedChromium(async () => {
  await cp(path.join(REPO, 'items'), itemsDir(), { recursive: true });
  const config = await loadConfig({ cwd: REPO });
  return startServer({ config, port: 0, host: '127.0.0.1', itemsDir: itemsDir(), watch: false });
});

describe('the front page in Chromium', () => {
  it('lists the seed article with its title', async () => {
    await withPage(async (page) => {
      await page.goto(`${site.baseUrl}/`);
      await expect.poll(() => page.getByRole('link', { name: SEED_TITLE, exact: true }).count()).toBe(1);
    });
  });

  it('shows the seed article’s French date', async () => {
    await withPage(async (page) => {
      await page.goto(`${site.baseUrl}/`);
      const item = page.locator('article', { has: page.getByRole('link', { name: SEED_TITLE, exact: true }) });
      expect(await item.locator('time').innerText()).toBe(SEED_DATE);
    });
  });

  it('declares the page French', async () => {
    await withPage(async (page) => {
      await page.goto(`${site.baseUrl}/`);
      expect(await page.getAttribute('html', 'lang')).toBe('fr-FR');
    });
  });

  it('has one autodiscovery link per feed format', async () => {
    await withPage(async (page) => {
      await page.goto(`${site.baseUrl}/`);
      // The main feed's three formats, then the corrections feed (Atom).
      const found = await alternatesOf(page);
      expect(found.map((a) => [a.type, new URL(a.href).pathname])).toEqual([
        ...FEED_TYPES.map((type, i) => [type, ['/feed.xml', '/atom.xml', '/feed.json'][i]]),
        ['application/atom+xml', '/corrections.xml'],
      ]);
    });
  });

  it('gets every autodiscovery feed with 200 and a parseable body holding the seed', async () => {
    await withPage(async (page) => {
      await page.goto(`${site.baseUrl}/`);
      // The corrections feed holds no article: every other one holds the seed.
      const mainFeeds = (await alternatesOf(page)).filter((a) => !a.href.endsWith('/corrections.xml'));
      const fetched = await Promise.all(mainFeeds.map((a) => fetchFromPage(page, a.href)));
      const titles = await Promise.all(fetched.map((f) => itemTitlesOf(f.body, f.type)));
      expect(fetched.map((f, i) => [f.status, titles[i]!.includes(SEED_TITLE)])).toEqual(fetched.map(() => [200, true]));
    });
  });

  it('follows the link to feeds.opml to the OPML list of every feed, each of which answers 200', async () => {
    await withPage(async (page) => {
      await page.goto(`${site.baseUrl}/`);
      const href = await page.getByRole('link', { name: 'Tous les flux (OPML)', exact: true }).evaluate((a) => (a as HTMLAnchorElement).href);
      const list = await fetchFromPage(page, href);
      // The OPML names the feeds by the public siteUrl: fetched here by their path on the local server.
      const feeds = [...list.body.matchAll(/xmlUrl="([^"]+)"/g)].map((m) => `${site.baseUrl}${new URL(m[1] ?? '').pathname}`);
      const statuses = await Promise.all(feeds.map(async (feed) => (await fetchFromPage(page, feed)).status));
      expect([new URL(href).pathname, list.status, list.type, feeds.length > 1, statuses.every((s) => s === 200)]).toEqual([
        '/feeds.opml',
        200,
        'text/x-opml',
        true,
        true,
      ]);
    });
  });

  it('opens the seed article page, whose h1 is its title and which shows its section headings', async () => {
    await withPage(async (page) => {
      await page.goto(`${site.baseUrl}/`);
      await page.getByRole('link', { name: SEED_TITLE, exact: true }).click();
      await page.waitForLoadState('load');
      const h1 = await page.locator('h1').allInnerTexts();
      const section = await page.getByRole('heading', { name: SEED_SECTION, exact: true }).count();
      expect([h1, section]).toEqual([[SEED_TITLE], 1]);
    });
  });

  it('opens a category page from a category link', async () => {
    await withPage(async (page) => {
      await page.goto(`${site.baseUrl}/`);
      const item = page.locator('article', { has: page.getByRole('link', { name: SEED_TITLE, exact: true }) });
      await item.getByRole('link', { name: 'Société', exact: true }).click();
      await page.waitForLoadState('load');
      expect([new URL(page.url()).pathname, await page.locator('h1').innerText()]).toEqual(['/categories/societe/', 'Société']);
    });
  });

  it('gets the category page’s own feeds from its autodiscovery links', async () => {
    await withPage(async (page) => {
      await page.goto(`${site.baseUrl}/categories/societe/`);
      const own = (await alternatesOf(page)).filter((a) => new URL(a.href).pathname.startsWith('/categories/societe/'));
      const fetched = await Promise.all(own.map((a) => fetchFromPage(page, a.href)));
      const titles = await Promise.all(fetched.map((f) => itemTitlesOf(f.body, f.type)));
      expect(fetched.map((f, i) => [f.type, f.status, titles[i]!.includes(SEED_TITLE)])).toEqual(FEED_TYPES.map((t) => [t, 200, true]));
    });
  });
});

describe('when an existing Express app mounts the router at /feeds', () => {
  let mounted: http.Server;
  let mountedUrl: string;
  let router: ReturnType<typeof createFeedRouter>;

  beforeAll(async () => {
    const config = await loadConfig({ cwd: REPO });
    router = createFeedRouter(config, { itemsDir: itemsDir(), watch: false });
    const app = express();
    app.use('/feeds', router);
    await router.ready;
    mounted = http.createServer(app);
    await new Promise<void>((resolve) => mounted.listen(0, '127.0.0.1', resolve));
    mountedUrl = `http://127.0.0.1:${(mounted.address() as AddressInfo).port}/feeds`;
  });

  afterAll(async () => {
    await router?.close();
    if (mounted) await new Promise<void>((resolve) => mounted.close(() => resolve()));
  });

  it('gets every autodiscovery feed below the mount path with 200', async () => {
    await withPage(async (page) => {
      await page.goto(`${mountedUrl}/`);
      const fetched = await Promise.all((await alternatesOf(page)).map((a) => fetchFromPage(page, a.href)));
      expect(fetched.map((f) => [f.type, f.status])).toEqual([...FEED_TYPES, 'application/atom+xml'].map((t) => [t, 200]));
    });
  });

  it('opens the seed article page below the mount path', async () => {
    await withPage(async (page) => {
      await page.goto(`${mountedUrl}/`);
      await page.getByRole('link', { name: SEED_TITLE, exact: true }).click();
      await page.waitForLoadState('load');
      expect([new URL(page.url()).pathname.startsWith('/feeds/articles/'), await page.locator('h1').innerText()]).toEqual([true, SEED_TITLE]);
    });
  });
});

describe('the layout', () => {
  it.each([
    ['desktop', 1280, 900],
    ['phone', 390, 844],
  ])('fits a %s screen (%i px) without sideways scrolling', async (name, width, height) => {
    await withPage(
      async (page) => {
        for (const [label, url] of [
          ['index', '/'],
          ['category', '/categories/societe/'],
        ] as const) {
          await page.goto(`${site.baseUrl}${url}`);
          await page.screenshot({ path: path.join(SCREENSHOTS, `gazette-e2e-${label}-${name}.png`), fullPage: true });
        }
        await page.goto(`${site.baseUrl}/`);
        await page.getByRole('link', { name: SEED_TITLE, exact: true }).click();
        await page.waitForLoadState('load');
        await page.screenshot({ path: path.join(SCREENSHOTS, `gazette-e2e-article-${name}.png`), fullPage: true });
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      },
      { width, height },
    );
  });
});

// --- helpers ---

async function withPage(run: (page: Page) => Promise<void>, viewport = { width: 1280, height: 900 }): Promise<void> {
  const context = await site.browser.newContext({ viewport, locale: 'fr-FR' });
  try {
    await run(await context.newPage());
  } finally {
    await context.close();
  }
}

/** `link[rel=alternate]` of the page, hrefs resolved by the browser against the page URL. */
async function alternatesOf(page: Page): Promise<{ type: string; href: string }[]> {
  return page.$$eval('link[rel="alternate"]', (links) => links.map((l) => ({ type: (l as HTMLLinkElement).type, href: (l as HTMLLinkElement).href })));
}

/**
 * Fetches `href` with the browser's network stack and the page's cookies, as a feed reader extension would from that
 * page. Not from a page script: the pages' Content-Security-Policy lets no script run or connect anywhere.
 */
async function fetchFromPage(page: Page, href: string): Promise<{ status: number; type: string; body: string }> {
  const response = await page.request.get(href);
  const type = (response.headers()['content-type'] ?? '').split(';')[0]!.trim();
  return { status: response.status(), type, body: await response.text() };
}

async function itemTitlesOf(body: string, type: string): Promise<string[]> {
  if (type === 'application/feed+json') {
    return (JSON.parse(body) as { items: { title?: string }[] }).items.map((i) => i.title ?? '');
  }
  const feed = await new Parser().parseString(body);
  return feed.items.map((i) => i.title ?? '');
}
