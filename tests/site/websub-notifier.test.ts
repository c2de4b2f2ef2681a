import { afterEach, describe, expect, it } from 'vitest';
import { createWebSubNotifier } from '../../src/site/websub-notifier.ts';
import { startTestHub, type TestHub } from '../helpers/test-hub.ts';

const A = 'https://example.org/feed.xml';
const B = 'https://example.org/atom.xml';
const C = 'https://example.org/feed.json';

let hubs: TestHub[] = [];
afterEach(async () => {
  await Promise.all(hubs.map((h) => h.close()));
  hubs = [];
});

describe('createWebSubNotifier', () => {
  describe('when feeds change while a hub is being told', () => {
    it('tells it of them all in one more request right after', async () => {
      const hub = await startTestHub(204);
      hubs.push(hub);
      const notifier = createWebSubNotifier({ hubs: [hub.url] });
      notifier.notify([A]);
      notifier.notify([B]);
      notifier.notify([C, B]);
      await notifier.idle();
      expect(hub.requests.map((r) => r.urls)).toEqual([[A], [B, C]]);
    });
  });

  describe('when one hub never answers', () => {
    it('tells the other hubs without waiting for it, and close() cancels it', async () => {
      const stuck = await startTestHub('hang');
      const good = await startTestHub(204);
      hubs.push(stuck, good);
      // Waits longer than the test's timeout: close() must cancel the request in flight and the wait before a retry.
      const notifier = createWebSubNotifier({ hubs: [stuck.url, good.url], timeoutMs: 120_000, backoffMs: 120_000 });
      notifier.notify([A]);
      await Promise.all([stuck.received(1), good.received(1)]);
      await new Promise<void>((resolve) => {
        const check = () => (notifier.results().length === 1 ? resolve() : setImmediate(check));
        check();
      });
      await notifier.close();
      notifier.notify([B]);
      await notifier.idle();
      expect([notifier.results().map((r) => [r.hub, r.ok]), stuck.requests.length, good.requests.length]).toEqual([[[good.url, true]], 1, 1]);
    });
  });

  it('tells no hub of an empty change', async () => {
    const hub = await startTestHub(204);
    hubs.push(hub);
    const notifier = createWebSubNotifier({ hubs: [hub.url] });
    notifier.notify([]);
    await notifier.idle();
    expect(hub.requests).toEqual([]);
  });
});
