// Test helpers: a real Gazette app on 127.0.0.1:0 over a temporary copy of the fixture site, and a raw HTTP client.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import type { ResolvedConfig } from '../../../src/config/config-schema.ts';
import { createApp, createFeedRouter, type FeedRouter, type FeedRouterOptions } from '../../../src/serve-site.ts';
import type { BuildStatus, LiveSite } from '../../../src/site/live-site.ts';
import { ageTree, copyRecords } from '../../helpers/record-files.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

export const FIXTURE_ITEMS = fileURLToPath(new URL('../../fixtures/items/', import.meta.url));

/**
 * A folder with a copy of the fixture items, removed by `remove()`. The copies are dated an hour back, as records
 * saved long ago: a build reads them at once, without the settle wait and writer scan of fresh files (record-files.ts).
 */
export async function makeItemsCopy(): Promise<{ root: string; itemsDir: string; remove: () => Promise<void> }> {
  const { dir: root, remove } = await makeTempDir('gazette-http-');
  const itemsDir = path.join(root, 'items');
  await copyRecords(FIXTURE_ITEMS, itemsDir);
  return { root, itemsDir, remove };
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
export function request(port: number, rawPath: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<RawResponse> {
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

/**
 * Resolves with true once `check` holds, looking every 20 ms: for what announces itself by no event the test can
 * wait on (a folder watcher's callback). No deadline: the test's timeout fails a wait that never ends, so a loaded
 * machine makes the test slower, never red.
 */
export async function waitUntil(check: () => boolean | Promise<boolean>): Promise<true> {
  while (!(await check())) await new Promise((r) => setTimeout(r, 20));
  return true;
}

/**
 * Resolves once `check` holds: tried now and again after every build the live site applies (a watcher's rebuild, a
 * schedule timer's), with that build's status. No deadline of its own: on a loaded machine a build may take long,
 * and the test's timeout is what fails a wait that never ends.
 */
export function untilBuilt(site: LiveSite, check: (status: BuildStatus | undefined) => boolean | Promise<boolean>): Promise<void> {
  return new Promise((resolve, reject) => {
    let running = false;
    let queued: BuildStatus | undefined | null = null;
    let done = false;
    const attempt = async (status: BuildStatus | undefined): Promise<void> => {
      if (done) return;
      if (running) {
        queued = status;
        return;
      }
      running = true;
      try {
        let next: BuildStatus | undefined | null = status;
        while (next !== null && !done) {
          queued = null;
          if (await check(next)) {
            done = true;
            stop();
            resolve();
          }
          next = queued;
        }
      } catch (error) {
        done = true;
        stop();
        reject(error);
      } finally {
        running = false;
      }
    };
    const stop = site.onBuilt((status) => void attempt(status));
    void attempt(site.status());
  });
}

/** A running Gazette app over a temporary copy of the fixture items. */
export interface TestSite {
  readonly port: number;
  readonly itemsDir: string;
  readonly feeds: FeedRouter;
  /** Stops the server and the watcher and removes the temporary items. */
  close(): Promise<void>;
}

/**
 * Starts the real app on 127.0.0.1:0 once its first build is done; `prepare` may edit the items first (what it writes
 * is dated an hour back too: the site starts over records saved long ago). Builds run in this thread unless the test
 * passes `worker: true`: a build worker evaluates a bundle of the sources again (_lib/source-worker.ts: ≈ 70 ms a site),
 * and what crosses the thread is proven by worker-engine.test.ts, live-site.test.ts and serve.test.ts.
 */
export async function startSite(options: FeedRouterOptions & { config: ResolvedConfig; prepare?: (itemsDir: string) => Promise<void> }): Promise<TestSite> {
  const { config, prepare, ...routerOptions } = options;
  const items = await makeItemsCopy();
  if (prepare) {
    await prepare(items.itemsDir);
    await ageTree(items.itemsDir);
  }
  const app = createApp(config, { worker: false, ...routerOptions, itemsDir: items.itemsDir });
  await app.feeds.ready;
  const server = await listen(app);
  return {
    port: server.port,
    itemsDir: items.itemsDir,
    feeds: app.feeds,
    close: async () => {
      await server.close();
      await app.feeds.close();
      await items.remove();
    },
  };
}

/** A host Express app with the feed router mounted at `mountAt` over a copy of the fixture items. */
export interface HostApp {
  readonly port: number;
  readonly router: FeedRouter;
  /** Stops the server and the router and removes the temporary items. */
  close(): Promise<void>;
}

/** Starts a host app: `setup` adds the host's own routes around the router, mounted at `mountAt` (builds in this thread). */
export async function startHostApp(
  config: ResolvedConfig,
  mountAt: string,
  setup: (app: Express, mount: () => void) => void = (_app, mount) => mount(),
): Promise<HostApp> {
  const items = await makeItemsCopy();
  const app = express();
  app.set('etag', false);
  const router = createFeedRouter(config, { itemsDir: items.itemsDir, watch: false, worker: false });
  setup(app, () => void app.use(mountAt, router));
  const server = await listen(app);
  return {
    port: server.port,
    router,
    close: async () => {
      await server.close();
      await router.close();
      await items.remove();
    },
  };
}
