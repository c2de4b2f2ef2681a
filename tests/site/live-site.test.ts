import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMountPath } from '../../src/_lib/mount-path.ts';
import { createLiveSite, type LiveSite } from '../../src/site/live-site.ts';
import { makeConfig } from '../helpers/factories.ts';
import { makeItemsCopy } from '../http/_lib/site-server.ts';

describe('createLiveSite', () => {
  let site: LiveSite;
  let lines: string[];
  let remove: () => Promise<void>;
  beforeAll(async () => {
    const items = await makeItemsCopy();
    remove = items.remove;
    lines = [];
    site = createLiveSite(makeConfig(), { itemsDir: items.itemsDir, log: (l) => lines.push(l) });
    await site.ready;
  });
  afterAll(async () => {
    await site.close();
    await remove();
  });

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
    const site = createLiveSite(makeConfig(), { itemsDir: path.join('/nonexistent', 'gazette-items') });
    await site.ready;
    expect([site.current(), site.status()?.ok]).toEqual([undefined, false]);
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
