// A live site whose build worker runs out of its heap: one clear line, the server stays up, the next build gets a
// worker with twice the budget. (The default budget, 256 MB + 16 KB per record file, builds every other live test.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLiveSite, type LiveSite } from '../../src/site/live-site.ts';
import { makeConfig } from '../helpers/factories.ts';
import { makeItemsCopy } from '../http/_lib/site-server.ts';

describe('a live site whose build worker has a 2 MB heap', () => {
  let site: LiveSite;
  const lines: string[] = [];
  let remove: () => Promise<void>;
  beforeAll(async () => {
    const items = await makeItemsCopy();
    remove = items.remove;
    site = createLiveSite(makeConfig(), { itemsDir: items.itemsDir, buildMemoryMb: 2, log: (l) => lines.push(l) });
    await site.ready;
    await site.rebuild();
  });
  afterAll(async () => {
    await site.close();
    await remove();
  });

  it('reports each build that ran out in one line, the next worker with twice the heap', () => {
    expect(lines).toEqual([
      'rebuild failed, keeping the last good feeds: the rebuild worker ran out of its 2 MB heap; the next build starts one with 4 MB',
      'rebuild failed, keeping the last good feeds: the rebuild worker ran out of its 4 MB heap; the next build starts one with 8 MB',
    ]);
  });

  it('stays up, serving nothing rather than stopping, and says so in its status', () => {
    expect([site.current(), site.status()?.ok]).toEqual([undefined, false]);
  });
});
