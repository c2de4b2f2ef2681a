// e2e helpers: Debian's Chromium, started headless the way this closed network needs.
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launches Chromium; fails (never skips) when it is missing, so a missing browser is visible in CI. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: run "apt-get install -y chromium" (or set CHROMIUM_PATH)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    // No background networking: this machine's closed network would refuse its connections many at a time.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Before the file's tests, the server `start` listens with (on 127.0.0.1) and Chromium; after them, both closed.
 * Returns the browser and the server's base URL, to read inside hooks and tests.
 */
export function useServedChromium(start: () => Promise<Server>): { readonly browser: Browser; readonly baseUrl: string } {
  let server: Server | undefined;
  let browser: Browser | undefined;
  let baseUrl: string | undefined;
  beforeAll(async () => {
    server = await start();
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    if (server) await new Promise<void>((resolve) => server?.close(() => resolve()));
  });
  return {
    get browser() {
      if (browser === undefined) throw new Error('Chromium is started in beforeAll: read the browser inside a hook or a test');
      return browser;
    },
    get baseUrl() {
      if (baseUrl === undefined) throw new Error('the server is started in beforeAll: read its URL inside a hook or a test');
      return baseUrl;
    },
  };
}
