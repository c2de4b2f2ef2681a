// The real bin (compiled lib/, as an installed package runs it), for what only a process shows: the shebang and
// the import of lib/, stdout/stderr/exit status, and that a failing serve exits instead of hanging.
// lint and new still write to the process streams; their runs here stay until they take an io.
// The tests run at once (describe.concurrent): each waits on its own child processes, with its own files.
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, it } from 'vitest';
import { ROOT, gazetteBin } from './_lib/run.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const run = promisify(execFile);

const tmp = useTempDir('gazette-bin-', 'all');

describe.concurrent('the gazette bin', () => {
  it('prints the version of package.json for --version and -v', async ({ expect }) => {
    const { version } = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8'));
    const results = await Promise.all(['--version', '-v'].map((flag) => gazetteBin([flag])));
    expect(results).toEqual([1, 2].map(() => ({ code: 0, stdout: `${version}\n`, stderr: '' })));
  });

  it('answers --help, --version and a usage error without loading the pipeline (no zlib, no http), unlike check', async ({ expect }) => {
    // A fresh process: node:zlib (snapshot compression) and node:http (express) come only with the pipeline.
    const script = `
      const { runMain } = await import(${JSON.stringify(path.join(ROOT, 'lib/cli/main.js'))});
      const io = { stdout: { write() {} }, stderr: { write() {} }, env: {} };
      const loaded = () => ['zlib', 'http'].filter((n) => process.moduleLoadList.includes('NativeModule ' + n)).join('+') || 'none';
      const seen = [];
      for (const argv of [['--help'], ['--version'], ['build', '--help'], ['buidl'], ['check', '--items', 'tests/fixtures/items']]) {
        await runMain(argv, io);
        seen.push(argv[0] + ':' + loaded());
      }
      console.log(seen.join(' '));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT });
    expect(stdout.trim()).toBe('--help:none --version:none build:none buidl:none check:zlib+http');
  });

  it('exits 1 with one line on a taken port instead of staying alive (the test times out if it hangs)', async ({ expect }) => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const port = (blocker.address() as { port: number }).port;
      const result = await gazetteBin(['serve', '--items', 'tests/fixtures/items', '--port', String(port)]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^gazette serve: cannot listen on 127\.0\.0\.1:\d+: .*\(EADDRINUSE\)\n$/);
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  it('gazette new creates a draft named after the title, and refuses to overwrite it', async ({ expect }) => {
    const items = path.join(tmp(), 'new-items');
    const first = await gazetteBin(['new', '--items', items, 'L’été à Marseille : « canicule » record']);
    expect(first.code).toBe(0);
    const text = await readFile(path.join(items, 'l-ete-a-marseille-canicule-record.md'), 'utf8');
    expect(text).toContain('title: "L’été à Marseille : « canicule » record"');
    expect(text).toContain('draft: true');
    const again = await gazetteBin(['new', '--items', items, 'L’été à Marseille : « canicule » record']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
  });

  it('gazette lint exits 1 and names the file of a feed with an error', async ({ expect }) => {
    const bad = path.join(tmp(), 'bad.xml');
    await writeFile(bad, '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel>');
    const result = await gazetteBin(['lint', bad]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(bad);
  });
});
