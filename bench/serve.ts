import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { rm } from 'node:fs/promises';
import express from 'express';
import { writeCorpus } from './corpus.ts';
import { hasCommand, importGazette, runText, startServe } from './_lib/gazette.ts';
import { describeMachine, printTable, ratio, readBenchArgs, summarize } from './_lib/stats.ts';

const { size, runs, smoke, extra } = readBenchArgs({ size: 1000, runs: 2, smokeSize: 60 });
const seconds = Number(extra.seconds ?? (smoke ? 1 : 5));
const CONNECTIONS = 50;
const PATH = '/feed.xml';
const useWrk = hasCommand('wrk');

interface Scenario {
  readonly name: string;
  readonly headers: Record<string, string>;
  readonly status: number;
}

const corpus = await writeCorpus({ size, seed: 3 });
const gazette = await startServe({ config: corpus.configFile });
const servers: Array<{ name: string; origin: string; close: () => Promise<void> }> = [];
try {
  const [br, gzip, identity] = await compressedAnswers(gazette.origin);
  console.log(
    `bench:serve — ${PATH}: ${kb(identity.body.length)} identity, ${kb(gzip.body.length)} gzip, ${kb(br.body.length)} br; corpus ${size}; ` +
      `${useWrk ? `wrk -t2 -c${CONNECTIONS}` : `in-process client, ${CONNECTIONS} connections (no wrk)`}, ${seconds}s × ${runs} run(s)${smoke ? ' (smoke)' : ''}`,
  );
  console.log(describeMachine());

  const scenarios: Scenario[] = [
    { name: '200 gzip', headers: { 'accept-encoding': 'gzip' }, status: 200 },
    { name: '200 br', headers: { 'accept-encoding': 'br' }, status: 200 },
    { name: '200 identity', headers: { 'accept-encoding': 'identity' }, status: 200 },
    { name: '304', headers: { 'accept-encoding': 'gzip', 'if-none-match': String(gzip.headers.etag) }, status: 304 },
  ];

  servers.push(await startRaw({ br, gzip, identity }));
  servers.push(await startRouter(corpus.configFile, corpus.itemsDir));
  await compressedAnswers(servers[1]!.origin);
  servers.push({ name: '(c) gazette serve', origin: gazette.origin, close: () => gazette.stop() });

  // Same answer from all three before measuring anything: otherwise the ratio compares different work.
  for (const scenario of scenarios) {
    const answers = await Promise.all(servers.map((s) => fetchRaw(s.origin, PATH, scenario.headers)));
    for (const [i, answer] of answers.entries()) {
      if (answer.status !== scenario.status || !answer.body.equals(answers[0]!.body) || answer.headers.etag !== answers[0]!.headers.etag) {
        throw new Error(
          `${servers[i]!.name} ${scenario.name}: status ${answer.status}, ${answer.body.length} bytes, ETag ${answer.headers.etag} — not the answer of (a)`,
        );
      }
    }
  }

  const rps = new Map<string, number[]>();
  for (let round = 1; round <= runs; round += 1) {
    for (const scenario of scenarios) {
      for (const server of round % 2 === 1 ? servers : [...servers].reverse()) {
        const key = `${scenario.name}\t${server.name}`;
        const value = await measure(server.origin, scenario);
        rps.set(key, [...(rps.get(key) ?? []), value]);
      }
    }
  }
  const median = (scenario: string, server: string) => summarize(rps.get(`${scenario}\t${server}`)!).median;
  console.log();
  printTable(
    ['request', ...servers.map((s) => `${s.name} req/s`), '(b)/(a)', '(c)/(a)'],
    scenarios.map((sc) => [
      sc.name,
      ...servers.map((s) => median(sc.name, s.name).toFixed(0)),
      ratio(median(sc.name, servers[1]!.name), median(sc.name, servers[0]!.name)),
      ratio(median(sc.name, servers[2]!.name), median(sc.name, servers[0]!.name)),
    ]),
  );
  console.log('goals (docs/performance.md): (c)/(a) ≥ 0.8×, (b)/(a) ≥ 0.3×');
} finally {
  await Promise.all(servers.map((s) => s.close()));
  await gazette.stop();
  await rm(corpus.root, { recursive: true, force: true });
}

// --- internal ---

/**
 * The br, gzip and identity answers of `origin` for the feed, once it serves the feed compressed: a live build serves
 * a feed's identity bytes at once and its encodings once made (docs/http.md).
 */
async function compressedAnswers(origin: string): Promise<[RawAnswer, RawAnswer, RawAnswer]> {
  for (;;) {
    const answers = await Promise.all(['br', 'gzip', 'identity'].map((coding) => fetchRaw(origin, PATH, { 'accept-encoding': coding })));
    if (answers[0]!.headers['content-encoding'] === 'br' && answers[1]!.headers['content-encoding'] === 'gzip') {
      return answers as [RawAnswer, RawAnswer, RawAnswer];
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

interface RawAnswer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
}

/** (a): the bytes and headers gazette serve sent, answered from a table in a plain node:http handler. */
async function startRaw(answers: { br: RawAnswer; gzip: RawAnswer; identity: RawAnswer }) {
  const SKIP = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);
  const table = Object.fromEntries(
    Object.entries(answers).map(([coding, answer]) => {
      const headers = Object.entries(answer.headers).filter(([name]) => !SKIP.has(name)) as Array<[string, string]>;
      const notModified = headers.filter(([name]) => !['content-type', 'content-length', 'content-encoding'].includes(name));
      return [coding, { body: answer.body, etag: String(answer.headers.etag), headers, notModified }];
    }),
  ) as Record<'br' | 'gzip' | 'identity', { body: Buffer; etag: string; headers: Array<[string, string]>; notModified: Array<[string, string]> }>;
  const server = http.createServer((req, res) => {
    if (req.url !== PATH) {
      res.statusCode = 404;
      res.end();
      return;
    }
    const accept = req.headers['accept-encoding'] ?? '';
    const entry = table[/\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : 'identity'];
    if (req.headers['if-none-match'] === entry.etag) {
      res.writeHead(304, entry.notModified);
      res.end();
      return;
    }
    res.writeHead(200, entry.headers);
    res.end(entry.body);
  });
  return listen('(a) raw node:http', server);
}

/** (b): the public createFeedRouter mounted in a plain Express app, as a newsroom's own app would. */
async function startRouter(configFile: string, itemsDir: string) {
  const { createFeedRouter, loadConfig } = await importGazette();
  const config = await loadConfig({ file: configFile });
  const router = createFeedRouter(config, { itemsDir, watch: false });
  await router.ready;
  const app = express();
  app.set('etag', false);
  app.set('x-powered-by', false);
  app.use('/', router);
  const listening = await listen('(b) Express router', http.createServer(app));
  return { ...listening, close: async () => (await listening.close(), await router.close()) };
}

async function listen(name: string, server: http.Server) {
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    name,
    origin,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

async function measure(origin: string, scenario: Scenario): Promise<number> {
  if (useWrk) {
    const headerArgs = Object.entries(scenario.headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]);
    const output = await runText('wrk', ['-t2', `-c${CONNECTIONS}`, `-d${seconds}s`, ...headerArgs, `${origin}${PATH}`]);
    const match = /Requests\/sec:\s+([\d.]+)/.exec(output);
    if (!match) throw new Error(`wrk printed no Requests/sec:\n${output}`);
    if (/Non-2xx or 3xx responses/.test(output)) throw new Error(`wrk saw errors:\n${output}`);
    return Number(match[1]);
  }
  return measureInProcess(origin, scenario);
}

/** Fallback without wrk: a keep-alive client loop (it shares this process's core, so ratios are softer). */
async function measureInProcess(origin: string, scenario: Scenario): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const url = `${origin}${PATH}`;
  const get = () =>
    new Promise<void>((resolve, reject) => {
      http.get(url, { headers: scenario.headers, agent }, (res) => res.resume().on('end', resolve)).on('error', reject);
    });
  const deadline = performance.now() + seconds * 1000;
  let done = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < deadline) {
        await get();
        done += 1;
      }
    }),
  );
  agent.destroy();
  return done / ((performance.now() - start) / 1000);
}

function fetchRaw(origin: string, urlPath: string, headers: Record<string, string>): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    http
      .get(`${origin}${urlPath}`, { headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

function kb(bytes: number): string {
  return `${Math.round(bytes / 1024)} KB`;
}
