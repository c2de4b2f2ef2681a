// The package as a user gets it: `npm pack`, `gazette init` a new site, install the tarball there with express,
// then run a plain-Node host app, type-check a strict TypeScript app, and run the installed CLI.
// Vitest project `package` (npm run test:package); needs the npm registry or npm's cache (--prefer-offline).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cp, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers/temp-dir.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures/package-consumer');
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');
const exec = promisify(execFile);

const tmp = useTempDir('gazette-package-', 'all');
let app: string;
let tarball: string;
let version: string;

/** Runs a command in the app folder; never rejects, returns exit status and output. */
async function inApp(file: string, args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(file, [...args], { cwd: app, env: { ...process.env, NO_COLOR: '1' }, timeout: 240_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  version = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')).version;
  // `npm pack` runs `prepare`, so the tarball holds a fresh lib/.
  const packed = await exec('npm', ['pack', '--json', '--pack-destination', tmp()], { cwd: ROOT, maxBuffer: 16 << 20 });
  tarball = path.join(tmp(), (JSON.parse(packed.stdout) as { filename: string }[])[0]!.filename);

  app = path.join(tmp(), 'site');
  await exec(process.execPath, [path.join(ROOT, 'bin/gazette.js'), 'init', app]);
  for (const name of await readdir(FIXTURES)) await cp(path.join(FIXTURES, name), path.join(app, name));
  const install = await inApp('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball, '@types/node@20', '@types/express@5']);
  if (install.code !== 0) throw new Error(`npm install failed:\n${install.stderr}`);
}, 300_000);

describe('the packed tarball', () => {
  it('holds the compiled code, declarations, bin, README and LICENSE, and no sources, tests or sample items', async () => {
    const { stdout } = await exec('tar', ['-tzf', tarball]);
    const files = stdout
      .trim()
      .split('\n')
      .map((f) => f.replace(/^package\//, ''));
    for (const f of [
      'package.json',
      'LICENSE',
      'README.md',
      'bin/gazette.js',
      'lib/index.js',
      'lib/index.d.ts',
      'lib/stages.js',
      'lib/stages.d.ts',
      'lib/cli/main.js',
    ]) {
      expect(files).toContain(f);
    }
    expect(files.filter((f) => !/^(lib\/.*\.(js|d\.ts)|bin\/gazette\.js|package\.json|LICENSE|README\.md)$/.test(f))).toEqual([]);
  });

  it('is installed with its production dependencies only (no TypeScript loader of its own besides jiti, no test parsers)', async () => {
    const installed = await readdir(path.join(app, 'node_modules'));
    for (const name of ['gazette', 'express', 'jiti']) expect(installed).toContain(name);
    for (const name of ['tsx', 'esbuild', 'rss-parser', 'vitest', 'typescript']) expect(installed).not.toContain(name);
  });
});

describe('a plain Node host app (app.mjs) with the routers at /feeds and /', () => {
  let child: ChildProcess;
  let base: string;
  beforeAll(async () => {
    child = spawn(process.execPath, ['app.mjs'], { cwd: app, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const port = await new Promise<number>((resolve, reject) => {
      let stdout = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const m = /\{"port":(\d+)\}/.exec(stdout);
        if (m) resolve(Number(m[1]));
      });
      child.once('exit', (code) => reject(new Error(`app.mjs exited ${code}:\n${stderr}`)));
    });
    base = `http://127.0.0.1:${port}`;
  }, 60_000);
  afterAll(() => {
    child.kill('SIGTERM');
  });

  it('serves the feeds under /feeds with self links under the mount path', async () => {
    const res = await fetch(`${base}/feeds/atom.xml`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('href="https://www.example.org/feeds/atom.xml"');
  });

  it('serves the feeds and the front page at /', async () => {
    expect((await fetch(`${base}/feed.json`)).status).toBe(200);
    const page = await fetch(`${base}/`);
    expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
  });

  it('lets the host route declared before the routers answer', async () => {
    const res = await fetch(`${base}/about`);
    expect([res.status, await res.text()]).toEqual([200, 'about the host']);
  });

  // The router calls next() for the paths and methods it does not own, so routes declared after it still answer.
  it('lets the host POST route declared after the router at / answer', async () => {
    const res = await fetch(`${base}/api/comments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"texte":"Bravo"}' });
    expect([res.status, await res.json()]).toEqual([201, { received: { texte: 'Bravo' } }]);
  });

  it('lets the host GET route declared after the router at / answer', async () => {
    const res = await fetch(`${base}/contact`);
    expect([res.status, await res.text()]).toEqual([200, 'contact the host']);
  });
});

describe('a strict TypeScript app (app.ts)', () => {
  it('type-checks without skipLibCheck', async () => {
    const result = await inApp(process.execPath, [TSC, '-p', 'tsconfig.json']);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  }, 120_000);
});

describe('the installed CLI', () => {
  it('prints the package version', async () => {
    expect(await inApp('npx', ['--no-install', 'gazette', '--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('builds the site of the app’s own feed.config.ts', async () => {
    const result = await inApp('npx', ['--no-install', 'gazette', 'build']);
    // gazette init writes the placeholder https://www.example.org (RFC 2606): the ledger is not written, said once.
    expect(result.stderr).toMatch(/^items\/\.published\.json warning: not written while the siteUrl host www\.example\.org is [^\n]*\n$/);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^3 articles published, \d+ files in dist\/ \(\d+ written, \d+ unchanged\)\n$/);
    expect(await readFile(path.join(app, 'dist/feed.xml'), 'utf8')).toContain('Un article au format JSON');
  });
});
