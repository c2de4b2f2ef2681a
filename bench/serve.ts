// bench: requests/s of the precomputed-snapshot router vs. a naive Express handler that re-encodes per request.
// Run: npx tsx bench/serve.ts [seconds]   (both servers measured in the same run, printed as a ratio)
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import express, { type Express } from 'express';
import { mustResolveConfig } from '../src/config/config-schema.ts';
import { createApp } from '../src/serve-site.ts';

const SECONDS = Number(process.argv[2] ?? 3);
const CONCURRENCY = 16;
const ARTICLES = 50;

const config = mustResolveConfig({ title: 'Banc d’essai', siteUrl: 'https://bench.example.org', limit: ARTICLES });
const root = await mkdtemp(path.join(tmpdir(), 'gazette-bench-'));
const itemsDir = path.join(root, 'items');
await writeItems(itemsDir);

const fast = createApp(config, { itemsDir, watch: false });
await fast.feeds.ready;
const feedBody = await fetchOnce(fast, '/feed.xml');
console.log(`feed: ${(feedBody.length / 1024).toFixed(0)} KB, ${ARTICLES} articles, ${CONCURRENCY} connections, ${SECONDS}s each`);

// What a first version would do: Express's res.send (hashes the body for its ETag) + gzip on every request,
// which is the work the compression() middleware does.
const naive = express();
naive.get('/feed.xml', (req, res) => {
  res.type('application/rss+xml; charset=utf-8').set('Vary', 'Accept-Encoding');
  if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
    res.set('Content-Encoding', 'gzip').send(gzipSync(feedBody, { level: 6 }));
  } else res.send(feedBody);
});

const headers = { 'accept-encoding': 'gzip' };
const fastRps = await measure(fast, '/feed.xml', headers);
const naiveRps = await measure(naive, '/feed.xml', headers);
console.log(`precomputed snapshot: ${fastRps.toFixed(0)} req/s`);
console.log(`naive gzip per request: ${naiveRps.toFixed(0)} req/s`);
console.log(`ratio: ${(fastRps / naiveRps).toFixed(1)}×`);
await fast.feeds.close();
await rm(root, { recursive: true, force: true });

// --- internal ---

async function writeItems(dir: string): Promise<void> {
  const { mkdir } = await import('node:fs/promises');
  await mkdir(dir, { recursive: true });
  const paragraph = 'La rédaction suit « l’actualité » de près : élus, associations et habitants s’expriment. '.repeat(12);
  for (let i = 1; i <= ARTICLES; i += 1) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const body = Array.from({ length: 6 }, (_, k) => `## Partie ${k + 1}\n\n${paragraph}\n`).join('\n');
    await writeFile(
      path.join(dir, `article-${i}.md`),
      `---\ntitle: "Dépêche n° ${i} : la séance du conseil"\ndate: 2024-11-${day} 08:${String(i % 60).padStart(2, '0')}\ncategories: [Société, National]\n---\n\n${body}`,
    );
  }
}

async function withServer<T>(app: Express, run: (port: number) => Promise<T>): Promise<T> {
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await run((server.address() as AddressInfo).port);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

async function fetchOnce(app: Express, urlPath: string): Promise<Buffer> {
  return withServer(app, async (port) => Buffer.from(await (await fetch(`http://127.0.0.1:${port}${urlPath}`)).arrayBuffer()));
}

async function measure(app: Express, urlPath: string, reqHeaders: Record<string, string>): Promise<number> {
  return withServer(app, async (port) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const get = () =>
      new Promise<void>((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port, path: urlPath, headers: reqHeaders, agent }, (res) => {
            res.resume();
            res.on('end', resolve);
          })
          .on('error', reject);
      });
    const deadline = performance.now() + SECONDS * 1000;
    let done = 0;
    const worker = async () => {
      while (performance.now() < deadline) {
        await get();
        done += 1;
      }
    };
    const start = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    agent.destroy();
    return done / ((performance.now() - start) / 1000);
  });
}
