import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolvePort, runServe, type ServeArgs } from '../../src/cli/commands/serve.ts';
import { FIXTURE_ITEMS, request } from './_lib/site-server.ts';
import { copyRecords } from '../helpers/record-files.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

describe('resolvePort', () => {
  it.each([
    [8080, undefined, 8080],
    [8080, '9000', 8080],
    [undefined, '9000', 9000],
    [undefined, undefined, 3000],
    [undefined, '', 3000],
    [0, undefined, 0],
  ] as const)('given --port %s and PORT=%s uses %s', (flag, env, expected) => {
    expect(resolvePort(flag, env)).toBe(expected);
  });

  it.each([
    [undefined, 'abc'],
    [70000, undefined],
    [-1, undefined],
    [undefined, '80.5'],
  ] as const)('refuses --port %s / PORT=%s', (flag, env) => {
    expect(() => resolvePort(flag, env)).toThrow(RangeError);
  });
});

/** Runs `runServe` on port 0 with its lines captured; `port` resolves once it announces where it listens. */
function serve(args: Omit<ServeArgs, 'port' | 'until' | 'print'>) {
  const lines: string[] = [];
  let stop!: () => void;
  const until = new Promise<void>((resolve) => (stop = resolve));
  let announced!: (port: number) => void;
  const port = new Promise<number>((resolve) => (announced = resolve));
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  /** Resolves at the first line matching `pattern` printed from now on. */
  const printed = (pattern: RegExp) => new Promise<void>((resolve) => waiters.push({ pattern, resolve }));
  const running = runServe({
    ...args,
    port: 0,
    until,
    print: (line) => {
      lines.push(line);
      for (const w of [...waiters]) {
        if (!w.pattern.test(line)) continue;
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
      const m = /^Gazette serving .* on http:\/\/127\.0\.0\.1:(\d+)\/$/.exec(line);
      if (m) announced(Number(m[1]));
    },
  });
  return { lines, port, printed, stop: () => (stop(), running) };
}

describe('runServe', () => {
  const root = useTempDir('gazette-serve-', 'all');
  let configFile: string;
  /** The server started, asked and stopped by the first group below. */
  let stopped: Promise<{ lines: string[]; exitCode: number; feedStatus: number }>;
  /** One quiet server for the two tests of the second group (neither needs a fresh one). */
  let serving: ReturnType<typeof serve>;
  beforeAll(async () => {
    await copyRecords(FIXTURE_ITEMS, path.join(root(), 'items'));
    configFile = path.join(root(), 'feed.config.ts');
    const src = path.resolve('src/index.ts');
    await writeFile(
      configFile,
      `import { defineConfig } from ${JSON.stringify(src)};\nexport default defineConfig({ title: 'Serve test', siteUrl: 'https://serve.example.org' });\n`,
    );
    // Both servers start at once: each builds in a worker of its own, and a worker's start partly waits (a thread,
    // the config's loading), which the other start fills.
    const first = serve({ config: configFile, items: path.join(root(), 'items') });
    stopped = (async () => {
      const port = await first.port;
      const feedStatus = (await request(port, '/feed.xml')).status;
      await request(port, '/nope');
      return { lines: first.lines, exitCode: await first.stop(), feedStatus };
    })();
    serving = serve({ config: configFile, items: path.join(root(), 'items'), quiet: true });
    await Promise.all([stopped, serving.port]);
  });
  afterAll(async () => {
    await serving?.stop();
  });

  describe('when started on port 0 and stopped', () => {
    let lines: string[];
    let exitCode: number;
    let feedStatus: number;
    beforeAll(async () => {
      ({ lines, exitCode, feedStatus } = await stopped);
    });

    it('binds 127.0.0.1 and serves the feeds', () => expect(feedStatus).toBe(200));
    it('prints the feed URLs', () => expect(lines.some((l) => /RSS +http:\/\/127\.0\.0\.1:\d+\/feed\.xml$/.test(l))).toBe(true));
    it('logs one line per request', () => expect(lines.some((l) => /^GET \/nope 404 \d+B [\d.]+ms$/.test(l))).toBe(true));
    it('resolves 0 after shutting down', () => expect(exitCode).toBe(0));
  });

  describe('a quiet server', () => {
    let port: number;
    beforeAll(async () => {
      port = await serving.port;
    });

    describe('when --quiet', () => {
      it('prints no request lines', async () => {
        expect((await request(port, '/feed.xml')).status).toBe(200);
        expect(serving.lines.some((l) => l.startsWith('GET '))).toBe(false);
      });
    });

    describe('when the config file is edited while serving', () => {
      it('applies a valid edit without a restart, and keeps it through an invalid one, which the log and /healthz report', async () => {
        const original = await readFile(configFile, 'utf8');
        try {
          const rebuilt = serving.printed(/^built \d+ articles? \(.*every document rendered/);
          await writeFile(configFile, original.replace("'Serve test'", "'Serve test, renommé'"));
          await rebuilt;
          const renamed = (await request(port, '/feed.xml')).body.toString().includes('Serve test, renommé');
          const refused = serving.printed(/feed\.config\.ts is not valid: the previous configuration stays/);
          await writeFile(configFile, original.replace("siteUrl: 'https://serve.example.org'", "siteUrl: 'serve.example.org'"));
          await refused;
          const health = JSON.parse((await request(port, '/healthz')).body.toString()) as { status: string; diagnostics: string[] };
          const kept = (await request(port, '/feed.xml')).body.toString().includes('Serve test, renommé');
          expect({
            renamed,
            kept,
            status: health.status,
            named: health.diagnostics.filter((d) => d.includes('feed.config.ts') && d.includes('siteUrl')).length,
          }).toEqual({
            renamed: true,
            kept: true,
            status: 'degraded',
            named: 1,
          });
        } finally {
          await writeFile(configFile, original);
        }
      });
    });
  });

  describe('when the config file is missing', () => {
    it('prints the problem and resolves 1', async () => {
      const lines: string[] = [];
      const code = await runServe({ config: path.join(root(), 'absent.config.ts'), port: 0, print: (l) => lines.push(l) });
      expect([code, lines.join('\n').includes('absent.config.ts')]).toEqual([1, true]);
    });
  });
});
