import { createHash } from 'node:crypto';
import { copyFile, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildSite, type BuildResult } from '../../src/site/build-site.ts';
import { createBuildCache, type BuildCache } from '../../src/site/build-cache.ts';
import { makeConfig } from '../helpers/factories.ts';
import { makeItemsCopy } from '../http/_lib/site-server.ts';

const UNKNOWN_KEY = fileURLToPath(new URL('../fixtures/items-broken/unknown-key.md', import.meta.url));
const config = makeConfig();

/** What a reader or a CDN can see of a build: every path's bytes in each encoding, ETags and Last-Modified. */
function outputOf(result: BuildResult) {
  const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
  return [...(result.snapshot?.entries.values() ?? [])].map((e) => ({
    path: e.path,
    contentType: e.contentType,
    identity: sha(e.identity),
    gzip: sha(e.gzip),
    br: sha(e.br),
    etags: e.etags,
    lastModified: e.lastModified.getTime(),
  }));
}

const feedJson = (result: BuildResult) => result.snapshot?.entries.get('/feed.json')?.identity.toString('utf8') ?? '';

describe('buildSite with a build cache', () => {
  let itemsDir: string;
  let remove: () => Promise<void>;
  let cache: BuildCache;
  const build = () => buildSite(config, { itemsDir, displayDir: 'items', cache });
  const coldBuild = () => buildSite(config, { itemsDir, displayDir: 'items' });
  const record = (name: string) => path.join(itemsDir, name);

  beforeEach(async () => {
    ({ itemsDir, remove } = await makeItemsCopy());
    await copyFile(UNKNOWN_KEY, record('unknown-key.md'));
    cache = createBuildCache();
  });
  afterEach(async () => {
    vi.useRealTimers();
    await remove();
  });

  describe('when nothing changed', () => {
    it('gives the bytes, ETags and diagnostics of a cold build', async () => {
      await build();
      const [cached, cold] = [await build(), await coldBuild()];
      expect([outputOf(cached), cached.diagnostics]).toEqual([outputOf(cold), cold.diagnostics]);
    });
  });

  describe('when a record is edited', () => {
    it('gives the bytes, ETags and diagnostics of a cold build of the edited folder', async () => {
      await build();
      const file = record('rentree-universitaire.md');
      await writeFile(file, (await readFile(file, 'utf8')).replace('hausse des loyers', 'baisse des bourses'));
      const [cached, cold] = [await build(), await coldBuild()];
      expect([outputOf(cached), cached.diagnostics]).toEqual([outputOf(cold), cold.diagnostics]);
    });
  });

  describe('when an edit keeps the size and the mtime of the file', () => {
    it('publishes the new title all the same', async () => {
      await build();
      const file = record('rentree-universitaire.md');
      const before = await stat(file);
      // Same byte length, and the mtime put back: an mtime/size cache would serve the old article.
      await writeFile(file, (await readFile(file, 'utf8')).replace('hausse des loyers', 'baisse des loyers'));
      await utimes(file, before.atime, before.mtime);
      expect(feedJson(await build())).toContain('baisse des loyers');
    });
  });

  describe('when a record is removed', () => {
    it('drops its article from the feeds', async () => {
      await build();
      await rm(record('rentree-universitaire.md'));
      expect(feedJson(await build())).not.toContain('Rentrée universitaire');
    });

    it('drops its article page', async () => {
      await build();
      await rm(record('rentree-universitaire.md'));
      expect((await build()).snapshot?.entries.has('/articles/rentree-universitaire-loyers/')).toBe(false);
    });
  });

  describe('when a record with a warning is unchanged', () => {
    it('reports the warning on every build', async () => {
      await build();
      await build();
      const third = await build();
      expect(third.diagnostics.filter((d) => d.code === 'unknown-key').map((d) => d.file)).toEqual(['items/unknown-key.md']);
    });
  });

  describe('when many edits follow each other', () => {
    it('keeps only the entries the last build used', async () => {
      const file = record('rentree-universitaire.md');
      const original = await readFile(file, 'utf8');
      let last: BuildResult | undefined;
      for (let round = 1; round <= 6; round += 1) {
        await writeFile(file, original.replace('hausse des loyers', `hausse n° ${round}`).replace('slug: rentree-universitaire-loyers', `slug: rentree-${round}`));
        last = await build();
      }
      const feeds = [...(last?.snapshot?.entries.values() ?? [])].filter((e) => !e.contentType.startsWith('text/html')).length;
      expect(cache.sizes()).toEqual({ articles: last?.recordCount, lint: feeds, encodings: last?.snapshot?.entries.size });
    });
  });

  describe('when a feed holds a date more than a day ahead', () => {
    const future = async () => {
      await writeFile(record('annonce.md'), '---\ntitle: Annonce\ndate: 2030-01-10T09:00:00+01:00\n---\n\nBientôt.\n');
    };
    const futureWarnings = (result: BuildResult) => result.diagnostics.filter((d) => d.code === 'date-future').length;

    it('stops warning once the clock has passed it', async () => {
      await future();
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
      await build();
      vi.setSystemTime(new Date('2030-02-01T00:00:00Z'));
      expect(futureWarnings(await build())).toBe(0);
    });

    it('warns again when the clock is set back before it', async () => {
      await future();
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2030-02-01T00:00:00Z'));
      await build();
      vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
      expect(futureWarnings(await build())).toBeGreaterThan(0);
    });
  });

  describe('when the items folder disappears', () => {
    it('empties the cache, as that build used nothing', async () => {
      await build();
      await rm(itemsDir, { recursive: true });
      await build();
      expect(cache.sizes()).toEqual({ articles: 0, lint: 0, encodings: 0 });
    });
  });
});

describe('createBuildCache', () => {
  describe('when two records differ in a way JSON would not show', () => {
    it('does not mistake one for the other', () => {
      const cache = createBuildCache();
      // JSON.stringify writes an invalid Date and null alike; toArticle does not read them alike.
      const raw = (date: unknown) => ({
        file: 'items/a.md', relPath: 'a', format: 'md' as const, body: { kind: 'none' as const },
        fields: { title: { value: 'Titre', line: 2 }, date: { value: date, line: 3 } },
      });
      const codes = [raw(new Date(Number.NaN)), raw(null)].map((r) => cache.toArticle(r, config).diagnostics.map((d) => d.code));
      expect(codes).toEqual([['date-impossible'], ['missing-field']]);
    });
  });
});
