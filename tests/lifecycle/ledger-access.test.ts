// The ledger is an aid, not a gate: a read-only items folder (a real read-only bind mount) still builds and serves.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseLedgerMode, LEDGER_UNWRITABLE, saveLedger } from '../../src/lifecycle/ledger-access.ts';
import { EMPTY_LEDGER, LEDGER_FILE } from '../../src/lifecycle/ledger.ts';
import { openLedgerStore } from '../../src/lifecycle/ledger-store.ts';
import { createApp } from '../../src/serve-site.ts';
import { buildStaticSite } from '../../src/site/static-build.ts';
import { makeConfig } from '../helpers/factories.ts';
import { mountReadOnly, type ReadOnlyMount } from '../helpers/read-only-mount.ts';
import { FIXTURE_ITEMS, listen, request } from '../http/_lib/site-server.ts';
import { copyRecords } from '../helpers/record-files.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

describe('chooseLedgerMode', () => {
  it.each([
    ['a real host', 'https://www.lecourrier.fr', 'update', true, 'update', []],
    ['a real host, ledger: false', 'https://www.lecourrier.fr', 'update', false, 'off', []],
    ['a reserved host, for build and serve', 'https://www.example.org', 'update', true, 'read', ['ledger-reserved-host']],
    ['a reserved host, for check', 'http://127.0.0.1:3000', 'read', true, 'read', ['ledger-reserved-host']],
    ['a reserved host, ledger: false', 'http://localhost', 'update', false, 'off', []],
  ] as const)('with %s gives %s', (_label, siteUrl, wanted, enabled, mode, codes) => {
    const choice = chooseLedgerMode(siteUrl, wanted, { enabled, file: 'items/.published.json' });
    expect({ mode: choice.mode, codes: choice.diagnostics.map((d) => d.code) }).toEqual({ mode, codes });
  });

  it('names the reserved host and the ledger file in its one warning', () => {
    const [warning] = chooseLedgerMode('https://www.example.org', 'update', { enabled: true, file: 'items/.published.json' }).diagnostics;
    expect([warning?.file, warning?.severity, warning?.message.includes('www.example.org')]).toEqual(['items/.published.json', 'warning', true]);
  });
});

describe('a read-only items folder (read-only bind mount)', () => {
  const root = useTempDir('gazette-ro-', 'all');
  let mount: ReadOnlyMount | string;
  let itemsDir: string;
  beforeAll(async () => {
    await copyRecords(FIXTURE_ITEMS, path.join(root(), 'rw'));
    mount = await mountReadOnly(path.join(root(), 'rw'), path.join(root(), 'ro'));
    if (typeof mount === 'string') console.warn(`skipping the read-only folder tests: ${mount}`);
    itemsDir = path.join(root(), 'ro');
  });
  afterAll(async () => {
    if (typeof mount !== 'string') await mount.unmount();
  });

  it('saveLedger returns one warning naming the folder and what is lost, instead of EROFS', async (context) => {
    if (typeof mount === 'string') return context.skip();
    const entry = { id: 'a', guid: 'g', published: new Date(0), hash: 'a'.repeat(64), paths: ['/articles/a/'], aliases: [] };
    const diagnostics = await saveLedger(openLedgerStore(itemsDir), new Map([['a', entry]]), 'ro');
    expect(diagnostics.map((d) => [d.file, d.code, d.severity, /EROFS.*redirect.*first-publication/.test(d.message)])).toEqual([
      ['ro', LEDGER_UNWRITABLE, 'warning', true],
    ]);
  });

  it('an empty ledger is not written at all, so it costs no warning', async (context) => {
    if (typeof mount === 'string') return context.skip();
    expect(await saveLedger(openLedgerStore(itemsDir), EMPTY_LEDGER, 'ro')).toEqual([]);
  });

  it('buildStaticSite writes the whole site with one ledger warning, and no temporary file in the folder', async (context) => {
    if (typeof mount === 'string') return context.skip();
    const out = path.join(root(), 'dist');
    const result = await buildStaticSite(makeConfig(), { itemsDir, displayDir: 'ro', outDir: out, cacheDir: false });
    expect({
      written: result.report?.files.includes('feed.xml'),
      ledgerWarnings: result.diagnostics.filter((d) => d.code === LEDGER_UNWRITABLE).map((d) => d.file),
      leftovers: (await readdir(itemsDir)).filter((name) => name.startsWith(LEDGER_FILE)),
    }).toEqual({ written: true, ledgerWarnings: ['ro'], leftovers: [] });
  });

  it('gazette serve answers the feeds and /healthz says degraded, ledger unwritable', async (context) => {
    if (typeof mount === 'string') return context.skip();
    const app = createApp(makeConfig(), { itemsDir, watch: false, worker: false });
    await app.feeds.ready;
    const server = await listen(app);
    try {
      const feed = await request(server.port, '/feed.json');
      const health = JSON.parse((await request(server.port, '/healthz')).body.toString('utf8'));
      expect({ feed: feed.status, status: health.status, ledger: health.ledger }).toEqual({ feed: 200, status: 'degraded', ledger: 'unwritable' });
    } finally {
      await server.close();
      await app.feeds.close();
    }
  });
});
