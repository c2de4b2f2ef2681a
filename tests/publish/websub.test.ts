import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { TOPICS_PER_REQUEST, describeFailure, publishBody, publishTiming, publishToHub } from '../../src/publish/websub.ts';
import { type HubAnswer, type TestHub, startTestHub } from '../helpers/test-hub.ts';

const TOPICS = ['https://example.org/feed.xml', 'https://example.org/categories/societe/atom.xml?x=1&y=2'];
// A generous time limit: only the hub that never answers waits for it (a loaded machine may answer slowly).
const FAST = { backoffMs: 1, timeoutMs: 5000 };

let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
});

describe('publishBody', () => {
  it('writes hub.mode=publish and one hub.url per topic, form-encoded', () => {
    expect(publishBody(TOPICS)).toBe(
      'hub.mode=publish&hub.url=https%3A%2F%2Fexample.org%2Ffeed.xml&hub.url=https%3A%2F%2Fexample.org%2Fcategories%2Fsociete%2Fatom.xml%3Fx%3D1%26y%3D2',
    );
  });
});

describe('publishTiming', () => {
  // The tests below pass short waits; this one holds the defaults to what the operator reads.
  it('gives each try 10 s and waits 0.5 s, then 1 s, by default, as docs/http.md says', async () => {
    const doc = (await readFile('docs/http.md', 'utf8')).replace(/\s+/g, ' ');
    const timeout = /a timeout \(([\d.]+) s\)/.exec(doc)?.[1];
    const waits = /tried again twice \(after ([\d.]+) s, then ([\d.]+) s[;)]/.exec(doc)?.slice(1);
    expect(publishTiming()).toEqual({ timeoutMs: Number(timeout) * 1000, waitsMs: waits?.map((w) => Number(w) * 1000) });
    expect(publishTiming()).toEqual({ timeoutMs: 10_000, waitsMs: [500, 1000] });
  });

  it('doubles the backoff given before the third try', () => {
    expect(publishTiming({ timeoutMs: 20, backoffMs: 3 })).toEqual({ timeoutMs: 20, waitsMs: [3, 6] });
  });
});

describe('publishToHub', () => {
  describe('when the hub answers 204', () => {
    it('sends one form-encoded POST naming every topic', async () => {
      hub = await startTestHub(204);
      const result = await publishToHub(hub.url, TOPICS, { ...FAST, userAgent: 'Gazette/test' });
      expect([result.ok, result.status, result.requests, hub.requests]).toEqual([
        true,
        204,
        1,
        [
          {
            method: 'POST',
            contentType: 'application/x-www-form-urlencoded',
            userAgent: 'Gazette/test',
            body: publishBody(TOPICS),
            mode: 'publish',
            urls: TOPICS,
          },
        ],
      ]);
    });
  });

  // Concurrent: the hub that never answers holds its test for three time limits, the CPU idle meanwhile.
  describe.concurrent('when the hub fails', () => {
    it.for<[string, HubAnswer[], number, { ok: boolean; status?: number; requests: number; error: RegExp }]>([
      ['answers 500 three times', [500], FAST.timeoutMs, { ok: false, status: 500, requests: 3, error: /^status 500$/ }],
      ['answers nothing three times', ['nothing'], FAST.timeoutMs, { ok: false, requests: 3, error: /\w/ }],
      ['answers 400', [400], FAST.timeoutMs, { ok: false, status: 400, requests: 1, error: /^status 400$/ }],
      ['never answers', ['hang'], 100, { ok: false, requests: 3, error: /^timed out after 100 ms$/ }],
    ])('reports it when it %s, retrying only what may pass', async ([, answers, timeoutMs, expected], { expect, onTestFinished }) => {
      const hub = await startTestHub(...answers);
      onTestFinished(() => hub.close());
      const result = await publishToHub(hub.url, TOPICS, { ...FAST, timeoutMs });
      // The last request the client gave up on may still be unread by the hub (one thread for both): waited for, then
      // counted, so a request too many still shows.
      await hub.received(result.requests);
      expect([result.ok, result.status, result.requests, hub.requests.length]).toEqual([expected.ok, expected.status, expected.requests, expected.requests]);
      expect(result.error).toMatch(expected.error);
    });

    it('succeeds on the third try after a 503 and a dropped connection', async ({ expect, onTestFinished }) => {
      const hub = await startTestHub(503, 'nothing', 204);
      onTestFinished(() => hub.close());
      const result = await publishToHub(hub.url, TOPICS, FAST);
      expect([result.ok, result.status, result.requests]).toEqual([true, 204, 3]);
    });

    it('never throws when nothing listens', async ({ expect }) => {
      const hub = await startTestHub();
      const url = hub.url;
      await hub.close();
      const result = await publishToHub(url, TOPICS, FAST);
      expect([result.ok, result.requests, describeFailure(result)]).toEqual([false, 3, `hub ${url}: ECONNREFUSED after 3 tries`]);
    });
  });

  describe('when many feeds changed', () => {
    it(`names at most ${TOPICS_PER_REQUEST} topics per request, and every topic once`, async () => {
      hub = await startTestHub(204);
      const topics = Array.from({ length: TOPICS_PER_REQUEST + 3 }, (_, i) => `https://example.org/categories/c${i}/feed.xml`);
      const result = await publishToHub(hub.url, topics, FAST);
      expect([result.ok, hub.requests.map((r) => r.urls.length), hub.requests.flatMap((r) => r.urls)]).toEqual([true, [TOPICS_PER_REQUEST, 3], topics]);
    });
  });

  it('refuses a hub that is not an http(s) URL with a TypeError', async () => {
    await expect(publishToHub('ftp://hub.example.org/', TOPICS)).rejects.toThrow(TypeError);
  });
});
