import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeConfig } from '../helpers/factories.ts';
import { request, startSite, untilBuilt, type RawResponse, type TestSite } from './_lib/site-server.ts';

let site: TestSite;
const logLines: string[] = [];
beforeAll(async () => {
  site = await startSite({ config: makeConfig(), watch: true, log: (line) => logLines.push(line) });
});
afterAll(() => site.close());

const feed = (): Promise<RawResponse> => request(site.port, '/feed.xml');
const health = async () => JSON.parse((await request(site.port, '/healthz')).body.toString());

const record = (title: string, date: string, extra = '') => `---\ntitle: "${title}"\ndate: ${date}\ncategories: [National]\n${extra}---\n\nUn paragraphe.\n`;

// The steps build on each other (a served edit, then a broken one), so they run in order in one file, even under
// `--sequence.shuffle`.
describe('live updates', { shuffle: false }, () => {
  let before: RawResponse;
  let afterNew: RawResponse;

  describe('when a new record is written while serving', () => {
    beforeAll(async () => {
      before = await feed();
      await writeFile(path.join(site.itemsDir, 'nouvel-article.md'), record('Municipales : un nouveau maire à Lyon', '2024-12-02 09:30'));
    });

    // How fast is measured by `npm run bench:live`, not here: on a loaded machine a test waits for the rebuild.
    it('serves it in /feed.xml after the rebuild the edit starts', async () => {
      await untilBuilt(site.feeds.site, async () => (await feed()).body.toString().includes('Municipales : un nouveau maire à Lyon'));
      expect((await feed()).body.toString()).toContain('Municipales : un nouveau maire à Lyon');
    });

    it('changes the ETag', async () => {
      afterNew = await feed();
      expect(afterNew.headers.etag).not.toBe(before.headers.etag);
    });

    it('answers 304 to the new ETag', async () => {
      const res = await request(site.port, '/feed.xml', { headers: { 'if-none-match': afterNew.headers.etag! } });
      expect(res.status).toBe(304);
    });
  });

  describe('when a record is then broken', () => {
    beforeAll(async () => {
      await writeFile(path.join(site.itemsDir, 'nouvel-article.md'), record('Municipales : un nouveau maire à Lyon', '30 février 2024'));
      await writeFile(path.join(site.itemsDir, 'casse.md'), '---\ntitle: [pas fermé\n---\n');
    });

    it('reports the errors in /healthz', async () => {
      await untilBuilt(site.feeds.site, async () => (await health()).lastBuild.errors >= 2);
      expect((await health()).lastBuild.errors).toBe(2);
    });

    it('names the broken files in /healthz diagnostics', async () => {
      const { diagnostics } = (await health()) as { diagnostics: string[] };
      expect([diagnostics.some((d) => d.includes('nouvel-article.md')), diagnostics.some((d) => d.includes('casse.md'))]).toEqual([true, true]);
    });

    it('keeps the last good version of the record that broke, and says so', async () => {
      const report = await health();
      expect([report.status, report.details.kept.some((f: string) => f.endsWith('nouvel-article.md'))]).toEqual(['degraded', true]);
    });

    it('keeps serving the last good feed, byte for byte, with its ETag', async () => {
      const res = await feed();
      expect([res.body.equals(afterNew.body), res.headers.etag]).toEqual([true, afterNew.headers.etag]);
    });

    it('logs the problems as file:line field: message lines', () => {
      expect(logLines.some((l) => /nouvel-article\.md:\d+ date: /.test(l))).toBe(true);
    });
  });

  describe('when the broken records are fixed', () => {
    beforeAll(async () => {
      await writeFile(path.join(site.itemsDir, 'nouvel-article.md'), record('Municipales : le maire de Lyon élu', '2024-12-02 09:30'));
      await writeFile(path.join(site.itemsDir, 'casse.md'), record('Une dépêche réparée', '2024-12-01'));
    });

    it('serves the fixed records again', async () => {
      const fixed = async () => {
        const body = (await feed()).body.toString();
        return body.includes('le maire de Lyon élu') && body.includes('Une dépêche réparée');
      };
      await untilBuilt(site.feeds.site, fixed);
      expect(await fixed()).toBe(true);
    });

    it('reports a clean build', async () => {
      const report = await health();
      expect([report.status, report.lastBuild.errors, report.articles]).toEqual(['ok', 0, 5]);
    });
  });
});
