// Side by side with Debian's php-pubsubhubbub-publisher (the PubSubHubbub project's PHP publisher), against the same
// local hub: where the requests agree, and the rows where the two differ on purpose. Skips without php or the library
// (Debian packages php-cli and php-pubsubhubbub-publisher).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { publishToHub } from '../../src/publish/websub.ts';
import { startTestHub, type HubAnswer, type HubRequest } from '../helpers/test-hub.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const LIBRARY = '/usr/share/php/Pubsubhubbub/Publisher/autoload.php';
const hasPhp = await promisify(execFile)('php', ['-r', 'echo 1;']).then(
  () => true,
  () => false,
);
const available = hasPhp && existsSync(LIBRARY);
if (!available) console.warn(`skipped: the PHP side-by-side needs php and ${LIBRARY} (apt-get install php-cli php-pubsubhubbub-publisher)`);

const SCRIPT = `<?php
require '${LIBRARY}';
$publisher = new pubsubhubbub\\publisher\\Publisher($argv[1]);
echo $publisher->publish_update(array_slice($argv, 2)) ? 'ok' : 'failed';
`;

const dir = useTempDir('gazette-php-', 'all');
beforeAll(async () => {
  await writeFile(path.join(dir(), 'publish.php'), SCRIPT);
});

/** One publish by each side to a fresh hub answering `answer`: whether each called it a success, and the requests. */
async function sideBySide(topics: readonly string[], answer: HubAnswer) {
  const php = await startTestHub(answer);
  const ours = await startTestHub(answer);
  try {
    const { stdout } = await promisify(execFile)('php', [path.join(dir(), 'publish.php'), php.url, ...topics]);
    const result = await publishToHub(ours.url, topics, { backoffMs: 1 });
    return { php: { ok: stdout === 'ok', requests: php.requests }, ours: { ok: result.ok, requests: ours.requests } };
  } finally {
    await Promise.all([php.close(), ours.close()]);
  }
}

const fields = (r: HubRequest | undefined) => ({ method: r?.method, contentType: r?.contentType, mode: r?.mode, urls: r?.urls });
const FEEDS = ['https://example.org/feed.xml', 'https://example.org/categories/societe/atom.xml', 'https://example.org/feed.json'];

describe.skipIf(!available)('beside php-pubsubhubbub-publisher', () => {
  it('sends the same request, byte for byte, for Gazette feed URLs', async () => {
    const { php, ours } = await sideBySide(FEEDS, 204);
    expect([ours.requests[0]?.body, fields(ours.requests[0]), ours.ok]).toEqual([php.requests[0]?.body, fields(php.requests[0]), php.ok]);
  });

  // Where the two differ, each row says how and why.
  it.each<[string, readonly string[], HubAnswer, (s: Awaited<ReturnType<typeof sideBySide>>) => unknown, unknown]>([
    // PHP's urlencode escapes "*" (%2A); the WHATWG form serializer does not. Both decode to the same topic.
    [
      'escapes "*" in a topic where we do not',
      ['https://example.org/a*b/feed.xml'],
      204,
      (s) => [s.php.requests[0]?.body.includes('%2A'), s.ours.requests[0]?.body.includes('a*b'), s.php.requests[0]?.urls, s.ours.requests[0]?.urls],
      [true, true, ['https://example.org/a*b/feed.xml'], ['https://example.org/a*b/feed.xml']],
    ],
    // It takes only 204 as success; a hub that queues the publish answers 202 Accepted (RFC 9110 §15.3.3), which we
    // count as told: W3C WebSub leaves the publish answer to hubs, and any 2xx says the hub took it.
    ['calls a 202 a failure where we call it a success', FEEDS, 202, (s) => [s.php.ok, s.ours.ok], [false, true]],
    // It tries once; we try a 5xx three times, with backoff.
    [
      'tries a 503 once where we try it three times',
      FEEDS,
      503,
      (s) => [s.php.requests.length, s.php.ok, s.ours.requests.length, s.ours.ok],
      [1, false, 3, false],
    ],
  ])('it %s', async (_, topics, answer, pick, expected) => {
    expect(pick(await sideBySide(topics, answer))).toEqual(expected);
  });
});
