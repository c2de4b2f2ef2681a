import { copyFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeConfig } from '../helpers/factories.ts';
import { request, startSite, untilBuilt, type TestSite } from './_lib/site-server.ts';

const BROKEN = fileURLToPath(new URL('../fixtures/items-broken/impossible-date.md', import.meta.url));

let site: TestSite;
beforeAll(async () => {
  site = await startSite({
    config: makeConfig(),
    watch: true,
    prepare: (itemsDir) => copyFile(BROKEN, path.join(itemsDir, 'impossible-date.md')),
  });
});
afterAll(() => site.close());

// The second step adds a record to the site the first one inspected: they run in order, even under `--sequence.shuffle`.
describe('live updates on a site that already has a broken record', { shuffle: false }, () => {
  describe('when the server starts', () => {
    it('publishes the valid records and reports the broken one', async () => {
      const report = JSON.parse((await request(site.port, '/healthz')).body.toString());
      expect([report.articles, report.diagnostics.some((d: string) => d.includes('impossible-date.md'))]).toEqual([3, true]);
    });
  });

  describe('when a valid record is added and the old error remains', () => {
    it('still publishes the new record, after the rebuild the edit starts', async () => {
      await writeFile(path.join(site.itemsDir, 'ajout.md'), '---\ntitle: "Météo : premières neiges en plaine"\ndate: 2024-12-03\n---\n\nIl neige.\n');
      const served = async () => (await request(site.port, '/feed.xml')).body.toString().includes('premières neiges en plaine');
      await untilBuilt(site.feeds.site, served);
      expect([await served(), JSON.parse((await request(site.port, '/healthz')).body.toString()).articles]).toEqual([true, 4]);
    });
  });
});
