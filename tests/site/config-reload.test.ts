import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { healthReport } from '../../src/http/health.ts';
import { reloadConfigOnChange, type ConfigReloader } from '../../src/site/config-reload.ts';
import { createLiveSite, type LiveSite } from '../../src/site/live-site.ts';
import { makeItemsCopy, untilBuilt } from '../http/_lib/site-server.ts';

// `gazette serve` applies an edit of feed.config.* without a restart: validated first; a config that does not
// validate keeps the previous one and is reported in the log and /healthz.
const FORMATS: readonly [string, (fields: Record<string, unknown>) => string][] = [
  ['feed.config.ts', (fields) => `export default ${JSON.stringify(fields)} as const;\n`],
  ['feed.config.mjs', (fields) => `export default ${JSON.stringify(fields)};\n`],
  ['feed.config.json', (fields) => `${JSON.stringify(fields)}\n`],
];
const fields = (title: string, extra: Record<string, unknown> = {}) => ({ title, siteUrl: 'https://example.org', itemsDir: 'items', ...extra });

describe('reloadConfigOnChange', () => {
  let site: LiveSite | undefined;
  let reloader: ConfigReloader | undefined;
  let remove: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await reloader?.close();
    await site?.close();
    await remove?.();
    [site, reloader, remove] = [undefined, undefined, undefined];
  });

  /** A live site over a copy of the fixture items, with its config written as `name` beside the items folder. */
  const start = async (name: string, write: (fields: Record<string, unknown>) => string) => {
    const items = await makeItemsCopy();
    remove = items.remove;
    const file = path.join(items.root, name);
    await writeFile(file, write(fields('Première')));
    const config = await loadConfig({ file });
    const lines: string[] = [];
    site = createLiveSite(config, { itemsDir: config.itemsDir, worker: false });
    await site.ready;
    reloader = reloadConfigOnChange(site, config, { file, load: () => loadConfig({ file }), log: (line) => lines.push(line), debounceMs: 10 });
    await reloader.ready;
    return { file, lines, site };
  };
  const title = (s: LiveSite) => JSON.parse(s.current()?.entries.get('/feed.json')?.identity.toString() ?? '{}').title as string;
  const health = (s: LiveSite) => healthReport(s.health(), s.current(), true);

  it.each(FORMATS)('applies a valid edit of %s without a restart', async (name, write) => {
    const { file, site } = await start(name, write);
    await writeFile(file, write(fields('Deuxième', { limit: 2 })));
    await untilBuilt(site, () => title(site) === 'Deuxième');
    const feed = JSON.parse(site.current()?.entries.get('/feed.json')?.identity.toString() ?? '{}');
    expect([feed.title, feed.items.length, health(site).status]).toEqual(['Deuxième', 2, 'ok']);
  });

  it('keeps the previous config for an edit that does not validate, says so in the log and /healthz, and applies the fix', async () => {
    const [name, write] = FORMATS[2]!;
    const { file, lines, site } = await start(name, write);
    await writeFile(file, write(fields('Cassée', { limit: -1 })));
    await untilBuilt(site, (status) => status?.diagnostics.some((d) => d.code === 'config-invalid') === true);

    const refused = health(site);
    expect({
      title: title(site),
      status: refused.status,
      diagnostics: refused.diagnostics?.filter((d) => d.includes('limit')),
      logged: lines.some((l) => l.includes('feed.config.json') && l.includes('limit')),
    }).toEqual({
      title: 'Première',
      status: 'degraded',
      diagnostics: [expect.stringMatching(/feed\.config\.json.*limit/)],
      logged: true,
    });

    await writeFile(file, write(fields('Réparée')));
    await untilBuilt(site, () => title(site) === 'Réparée');
    expect([health(site).status, health(site).diagnostics]).toEqual(['ok', []]);
  });

  it('reports a change of the items folder as needing a restart, and keeps serving the folder it started with', async () => {
    const [name, write] = FORMATS[2]!;
    const { file, site } = await start(name, write);
    await writeFile(file, write(fields('Ailleurs', { itemsDir: 'autres' })));
    await untilBuilt(site, () => title(site) === 'Ailleurs');
    const report = health(site);
    expect([report.articles, report.status, report.diagnostics?.filter((d) => d.includes('itemsDir')).length]).toEqual([3, 'ok', 1]);
  });
});
