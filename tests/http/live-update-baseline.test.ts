import { copyFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type FeedRouter } from '../../src/http/router.ts';
import { makeConfig } from '../helpers/factories.ts';
import { listen, makeItemsCopy, pollUntil, request } from './_lib/site-server.ts';

const BROKEN = fileURLToPath(new URL('../fixtures/items-broken/impossible-date.md', import.meta.url));

let port: number;
let itemsDir: string;
let feeds: FeedRouter;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const items = await makeItemsCopy();
  itemsDir = items.itemsDir;
  await copyFile(BROKEN, path.join(itemsDir, 'impossible-date.md'));
  const app = createApp(makeConfig(), { itemsDir, watch: true });
  feeds = app.feeds;
  await feeds.ready;
  const server = await listen(app);
  port = server.port;
  cleanup = async () => {
    await server.close();
    await feeds.close();
    await items.remove();
  };
});
afterAll(() => cleanup());

describe('live updates on a site that already has a broken record', () => {
  describe('when the server starts', () => {
    it('publishes the valid records and reports the broken one', async () => {
      const report = JSON.parse((await request(port, '/healthz')).body.toString());
      expect([report.articles, report.diagnostics.some((d: string) => d.includes('impossible-date.md'))]).toEqual([3, true]);
    });
  });

  describe('when a valid record is added and the old error remains', () => {
    it('still publishes the new record within one second', async () => {
      await writeFile(
        path.join(itemsDir, 'ajout.md'),
        '---\ntitle: "Météo : premières neiges en plaine"\ndate: 2024-12-03\n---\n\nIl neige.\n',
      );
      const seen = await pollUntil(
        async () => (await request(port, '/feed.xml')).body.toString().includes('premières neiges en plaine'),
        1000,
      );
      expect(seen).toBe(true);
    });
  });
});
