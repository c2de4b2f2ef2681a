// Test helpers: a real Gazette app on 127.0.0.1:0 over a temporary copy of the fixture site, and a raw HTTP client.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Express } from 'express';

export const FIXTURE_ITEMS = fileURLToPath(new URL('../../fixtures/items/', import.meta.url));

/** A folder with a copy of the fixture items, removed by `remove()`. */
export async function makeItemsCopy(): Promise<{ root: string; itemsDir: string; remove: () => Promise<void> }> {
  const root = await mkdtemp(path.join(tmpdir(), 'gazette-http-'));
  const itemsDir = path.join(root, 'items');
  await cp(FIXTURE_ITEMS, itemsDir, { recursive: true });
  return { root, itemsDir, remove: () => rm(root, { recursive: true, force: true }) };
}

/** Listens on 127.0.0.1, port 0; resolves with the base URL and a closer. */
export async function listen(app: Express): Promise<{ origin: string; port: number; close: () => Promise<void> }> {
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A raw response: bytes exactly as sent (no decompression, no path normalisation as fetch would do). */
export interface RawResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
}

/** Sends one request with the path written verbatim on the request line. */
export function request(
  port: number,
  rawPath: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: rawPath, method: options.method ?? 'GET', headers: options.headers ?? {}, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Polls `check` every 20 ms until it returns true or `budgetMs` runs out; returns whether it succeeded. */
export async function pollUntil(check: () => Promise<boolean>, budgetMs: number): Promise<boolean> {
  const deadline = Date.now() + budgetMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
}
