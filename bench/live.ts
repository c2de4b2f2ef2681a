// bench: the live site — `gazette serve` start → first 200, its memory, edit → change served (p50/p95 over N
// edits, polling the feed's ETag), and /feed.xml latency (p50/p99/max) while a burst of edits lands.
// Run: npm run bench:live [-- --size 10000 --edits 20] [-- --smoke]   (numbers printed, never asserted)
import http from 'node:http';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { editRecordText, writeCorpus } from './corpus.ts';
import { readVmKb, startServe } from './_lib/gazette.ts';
import { describeMachine, formatBytes, formatMs, percentile, printTable, readBenchArgs } from './_lib/stats.ts';

const { size, smoke, extra } = readBenchArgs({ size: 10_000, runs: 1, smokeSize: 60 });
const edits = Number(extra.edits ?? (smoke ? 3 : 20));
const BURST_EDITS = smoke ? 3 : 10;
const BURST_INTERVAL_MS = 100;
const BURST_CLIENTS = 4;
const POLL_MS = 5;
const EDIT_TIMEOUT_MS = 600_000; // a full rebuild of 10,000 records on a busy machine
const FEED = '/feed.xml';

console.log(`bench:live — ${size} records, ${edits} edits, a burst of ${BURST_EDITS} edits ${BURST_INTERVAL_MS} ms apart${smoke ? ' (smoke)' : ''}`);
console.log(describeMachine());
const corpus = await writeCorpus({ size, seed: 5 });
// The newest records are in /feed.xml, so editing one of them must change its ETag.
const newest = [...corpus.records].sort((a, b) => (a.date < b.date ? 1 : -1)).slice(0, 5);
const originals = new Map(await Promise.all(newest.map(async (r) => [r.file, await readFile(path.join(corpus.itemsDir, r.file), 'utf8')] as const)));
const server = await startServe({ config: corpus.configFile });
const agent = new http.Agent({ keepAlive: true, maxSockets: BURST_CLIENTS + 1 });
let round = 0;
/** Failed requests by error code. */
const failed = new Map<string, number>();
try {
  let first = await get(FEED);
  while (first.status !== 200) {
    await sleep(POLL_MS);
    first = await get(FEED);
  }
  const firstOk = performance.now() - server.spawnedAt;
  const rssAfterStart = readVmKb(server.pid, 'VmRSS') * 1024;
  const peakAtStart = readVmKb(server.pid, 'VmHWM') * 1024;

  // Edit → served: one edit at a time, each measured until the feed's ETag changes.
  const latencies: number[] = [];
  let etag = first.etag;
  for (let i = 0; i < edits; i += 1) {
    const started = performance.now();
    await editNext();
    etag = await waitForNewEtag(etag, started);
    latencies.push(performance.now() - started);
    await sleep(200); // let the watcher settle, so edits are not merged by its debounce
  }

  // Requests during a burst of edits: clients hammer /feed.xml while edits land, until the last one is served.
  const requestTimes: number[] = [];
  let stop = false;
  const clients = Array.from({ length: BURST_CLIENTS }, async () => {
    while (!stop) {
      const t = performance.now();
      await get(FEED, { 'accept-encoding': 'gzip' });
      requestTimes.push(performance.now() - t);
    }
  });
  const burstStart = performance.now();
  for (let i = 0; i < BURST_EDITS; i += 1) {
    await editNext();
    await sleep(BURST_INTERVAL_MS);
  }
  const lastEdit = performance.now();
  const before = etag;
  etag = await waitForNewEtag(before, lastEdit, true);
  stop = true;
  await Promise.all(clients);
  const burstMs = performance.now() - burstStart;
  const sortedEdits = [...latencies].sort((a, b) => a - b);
  const sortedRequests = [...requestTimes].sort((a, b) => a - b);

  console.log();
  printTable(
    ['measure', 'value', 'goal (docs/performance.md)'],
    [
      ['start → first 200 of /feed.xml', formatMs(firstOk), '≤ 3 s cold'],
      ['  of which: spawn → listening', formatMs(server.listeningMs), ''],
      ['RSS after start (peak so far)', `${formatBytes(rssAfterStart)} (${formatBytes(peakAtStart)})`, '≤ 300 MB'],
      [
        `edit → change served, p50 / p95 (${edits} edits)`,
        `${formatMs(percentile(sortedEdits, 50))} / ${formatMs(percentile(sortedEdits, 95))}`,
        '≤ 100 ms p95',
      ],
      ['  min / max', `${formatMs(sortedEdits[0]!)} / ${formatMs(sortedEdits.at(-1)!)}`, ''],
      [
        `/feed.xml during the burst: p50 / p99 / max (${sortedRequests.length} requests, ${formatMs(burstMs)})`,
        `${formatMs(percentile(sortedRequests, 50))} / ${formatMs(percentile(sortedRequests, 99))} / ${formatMs(sortedRequests.at(-1)!)}`,
        '≤ 20 ms p99',
      ],
      ['failed requests (connection errors)', failed.size === 0 ? 'none' : [...failed].map(([code, n]) => `${n} × ${code}`).join(', '), 'none'],
      ['RSS after the edits (peak)', `${formatBytes(readVmKb(server.pid, 'VmRSS') * 1024)} (${formatBytes(readVmKb(server.pid, 'VmHWM') * 1024)})`, ''],
    ],
  );
} catch (error) {
  console.error(`gazette serve said:\n${server.output().slice(-4000)}`);
  throw error;
} finally {
  agent.destroy();
  await server.stop();
  await rm(corpus.root, { recursive: true, force: true });
}

// --- internal ---

/** Gives the next of the newest records a new title (a different record each time, round-robin). */
async function editNext(): Promise<void> {
  round += 1;
  const record = newest[round % newest.length]!;
  await writeFile(path.join(corpus.itemsDir, record.file), editRecordText(record.file, originals.get(record.file)!, round));
}

/** Polls /feed.xml until its ETag differs from `previous`; with `settle`, until it stops changing too. */
async function waitForNewEtag(previous: string | undefined, since: number, settle = false): Promise<string | undefined> {
  let current = previous;
  let lastChange = performance.now();
  for (;;) {
    if (performance.now() - since > EDIT_TIMEOUT_MS) throw new Error(`no new ETag on ${FEED} ${EDIT_TIMEOUT_MS} ms after an edit`);
    const answer = await get(FEED);
    if (answer.status === 200 && answer.etag !== current) {
      if (!settle) return answer.etag;
      current = answer.etag;
      lastChange = performance.now();
    }
    // Settled: changed at least once and then unchanged for a second (the last edit of the burst is in).
    if (settle && current !== previous && performance.now() - lastChange > 1000) return current;
    await sleep(POLL_MS);
  }
}

/**
 * One request; a failed one (the server reset the connection — Node drops a request whose headers waited
 * more than `headersTimeout`, 60 s, behind a blocked event loop) is counted and answers status 0.
 */
function get(urlPath: string, headers: Record<string, string> = {}): Promise<{ status: number; etag: string | undefined }> {
  return new Promise((resolve) => {
    http
      .get(`${server.origin}${urlPath}`, { headers, agent }, (res) => {
        res.resume().on('end', () => resolve({ status: res.statusCode ?? 0, etag: res.headers.etag }));
      })
      .on('error', (error: NodeJS.ErrnoException) => {
        failed.set(error.code ?? error.message, (failed.get(error.code ?? error.message) ?? 0) + 1);
        resolve({ status: 0, etag: undefined });
      });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
