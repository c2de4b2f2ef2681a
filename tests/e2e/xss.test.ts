// e2e: hostile records on the real server, their pages loaded in Debian's Chromium: no script ever runs.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useServedChromium } from './_lib/browser.ts';
import { mustResolveConfig } from '../../src/config/config-schema.ts';
import { startServer } from '../../src/serve-site.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

/** URLs that browsers read as `javascript:` once they strip the TAB, CR or LF (WHATWG URL), and other schemes. */
const HOSTILE_URLS = [
  'java\nscript:alert(document.domain)',
  'java\tscript:alert(1)',
  'java\rscript:alert(1)',
  ' JaVaScRiPt:alert(1)',
  'javascript&colon;alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '//evil.example/x',
];

/** One record per URL and per field that ends in an attribute: the author's link, the link and the image. */
function hostileRecords(): Record<string, string> {
  const records: Record<string, string> = {};
  HOSTILE_URLS.forEach((url, i) => {
    const yaml = JSON.stringify(url); // a YAML double-quoted string: \n, \t and \r become the real characters
    records[`auteur-${i}.md`] = `---\ntitle: "Auteur ${i}"\ndate: 2024-11-2${i % 9}\nauthor: { name: Pirate, url: ${yaml} }\n---\n\nCorps.\n`;
    records[`lien-${i}.md`] = `---\ntitle: "Lien ${i}"\ndate: 2024-11-2${i % 9}\nlink: ${yaml}\nimage: ${yaml}\n---\n\nCorps.\n`;
    records[`corps-${i}.md`] =
      `---\ntitle: "Corps ${i}"\ndate: 2024-11-2${i % 9}\n---\n\n[clic](${url}) <a href=${yaml}>a</a> <img src=${yaml}> <svg onload="alert(1)"></svg> <script>alert(1)</script>\n`;
  });
  records['sain.md'] = '---\ntitle: "Un article sain"\ndate: 2024-11-30\n---\n\nRien à signaler.\n';
  return records;
}

const root = useTempDir('gazette-xss-', 'all');
const site = useServedChromium(async () => {
  const itemsDir = path.join(root(), 'items');
  await mkdir(itemsDir);
  for (const [name, text] of Object.entries(hostileRecords())) await writeFile(path.join(itemsDir, name), text);
  const config = mustResolveConfig({ title: 'Gazette', siteUrl: 'https://gazette.example.org', itemsDir });
  return startServer({ config, port: 0, host: '127.0.0.1', watch: false, ledger: 'off' });
});

describe('pages built from hostile records, in Chromium', () => {
  it('never run a script, on load or on a click of any link', async () => {
    const context = await site.browser.newContext();
    // Only this server is reachable: a click on an external link is aborted at once instead of waiting on a DNS
    // lookup this machine may never answer (a javascript: URL needs no request, so it would still run).
    await context.route(
      (url) => !url.href.startsWith(site.baseUrl),
      (route) => route.abort(),
    );
    const dialogs: string[] = [];
    const attributes: string[] = [];
    let clicks = 0;
    try {
      const page = await context.newPage();
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      const paths = ['/', ...(await listArticlePaths())];
      for (const p of paths) {
        await page.goto(`${site.baseUrl}${p}`);
        attributes.push(...(await page.$$eval('[href], [src]', (els) => els.map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? ''))));
        // Click each link of the article (body, author, image caption) as a reader would, each in a page of its own
        // so that no navigation interrupts another; a javascript: URL would run its alert on the click.
        const count = await page.locator('article a[href]').count();
        clicks += count;
        for (let i = 0; i < count; i += 1) {
          const tab = await context.newPage();
          tab.on('dialog', (dialog) => {
            dialogs.push(dialog.message());
            void dialog.dismiss();
          });
          await tab.goto(`${site.baseUrl}${p}`);
          await tab
            .locator('article a[href]')
            .nth(i)
            .click({ noWaitAfter: true, timeout: 2_000 })
            .catch(() => {});
          await tab.waitForTimeout(50);
          await tab.close();
        }
      }
      expect([paths.length > 1, clicks > 0]).toEqual([true, true]);
    } finally {
      await context.close();
    }
    const unsafe = attributes.filter((v) => /^\s*(javascript|data|vbscript):/i.test(v.replace(/[\t\n\r]/g, '')) || v.startsWith('//'));
    expect({ dialogs, unsafe }).toEqual({ dialogs: [], unsafe: [] });
  });

  it('are served with a Content-Security-Policy that runs no script', async () => {
    const response = await fetch(`${site.baseUrl}/`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect([csp.includes("default-src 'none'"), csp.includes('script-src')]).toEqual([true, false]);
  });
});

async function listArticlePaths(): Promise<string[]> {
  const feed = (await (await fetch(`${site.baseUrl}/feed.json`)).json()) as { items: { url: string }[] };
  return feed.items.flatMap((i) => {
    const url = new URL(i.url);
    return url.hostname === 'gazette.example.org' ? [url.pathname] : [];
  });
}
