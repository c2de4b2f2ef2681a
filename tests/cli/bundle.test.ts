// The bundled CLI (lib/bundle/, scripts/bundle-cli.mjs) on its own: a package folder that holds only package.json,
// bin/ and lib/bundle/ (no other file of lib/), with the repo's node_modules for express and jiti, runs build, check
// and serve on a copy of items/ with a TypeScript config whose `import … from 'gazette'` it answers itself.
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './_lib/run.ts';
import { request } from '../http/_lib/site-server.ts';
import { copyRecords } from '../helpers/record-files.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const run = promisify(execFile);
const tmp = useTempDir('gazette-bundle-', 'all');
let bin: string;
let site: string;
const TITLE = 'L’essai du paquet';

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'lib/bundle/cli.js'))) throw new Error('lib/bundle/ is missing: run `npm run build` first (the test runs the bundled CLI)');
  const pkg = path.join(tmp(), 'package');
  await mkdir(path.join(pkg, 'lib'), { recursive: true });
  await cp(path.join(ROOT, 'package.json'), path.join(pkg, 'package.json'));
  await cp(path.join(ROOT, 'bin'), path.join(pkg, 'bin'), { recursive: true });
  await cp(path.join(ROOT, 'lib/bundle'), path.join(pkg, 'lib/bundle'), { recursive: true });
  await symlink(path.join(ROOT, 'node_modules'), path.join(pkg, 'node_modules'), 'dir');
  bin = path.join(pkg, 'bin/gazette.js');
  site = path.join(tmp(), 'site');
  // Dated an hour back: read at once, not waited on as files just written (tests/helpers/record-files.ts).
  await copyRecords(path.join(ROOT, 'items'), path.join(site, 'items'));
  await writeFile(
    path.join(site, 'feed.config.ts'),
    `import { defineConfig } from 'gazette';\nexport default defineConfig({ title: ${JSON.stringify(TITLE)}, siteUrl: 'https://bundle.example.org' });\n`,
  );
});

/** The bundled bin in the site folder; never rejects. */
async function gazette(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: site, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// The three runs wait on their own child processes at once (describe.concurrent); the cache they share under
// node_modules/.cache is written whole or not at all, as for the builds of concurrent-builds.test.ts.
describe.concurrent('the bundled gazette bin, with no other file of lib/ beside it', () => {
  it('runs check on items/ and exits 0', async ({ expect }) => {
    const result = await gazette(['check']);
    expect(result.stderr).not.toContain('unexpected error');
    expect(result.code).toBe(0);
    expect(result.stdout + result.stderr).toMatch(/articles published/);
  });

  it('runs build on items/, exits 0, and writes the front page and the main feed with the config’s title', async ({ expect }) => {
    const result = await gazette(['build', '--out', 'dist']);
    expect(result.stderr).not.toContain('unexpected error');
    expect(result.code).toBe(0);
    expect(result.stdout + result.stderr).toMatch(/articles published/);
    expect(await readFile(path.join(site, 'dist/index.html'), 'utf8')).toContain(`<h1 class="site-title">${TITLE}</h1>`);
    expect(await readFile(path.join(site, 'dist/feed.xml'), 'utf8')).toContain(`<title>${TITLE}</title>`);
  });

  it('serves the front page with status 200 on 127.0.0.1 port 0, then stops on SIGTERM', async ({ expect }) => {
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0'], { cwd: site, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = once(child, 'exit');
    try {
      let port: number | undefined;
      for await (const line of createInterface({ input: child.stdout })) {
        const m = /^Gazette serving .* on http:\/\/127\.0\.0\.1:(\d+)\/$/.exec(line);
        if (m) {
          port = Number(m[1]);
          break;
        }
      }
      expect(port).toBeGreaterThan(0);
      const home = await request(port as number, '/');
      expect(home.status).toBe(200);
      expect(home.body.toString()).toContain('<!doctype html>');
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = await exited;
    expect(code).toBe(0);
  });
});

// The workers are found by URL beside the module that starts them (_lib/source-worker.ts, bounded-build.ts); a bundle that
// left one out would fall back without a word (gazette build would run unbounded in the process).
describe('the bundle', () => {
  it.each([
    ['src/site/worker-engine.ts', "startWorkerModule('rebuild-worker'", 'rebuild-worker.js'],
    ['src/cli/commands/bounded-build.ts', './build-worker.js', 'build-worker.js'],
    ['src/site/page-pool.ts', "startWorkerModule('page-worker'", 'page-worker.js'],
  ])('ships the worker %s starts (%s) beside its entry', async (source, named, worker) => {
    expect(await readFile(path.join(ROOT, source), 'utf8')).toContain(named);
    expect(existsSync(path.join(ROOT, 'lib/bundle', worker))).toBe(true);
  });
});
