// Two builds into one --out at once (two CI jobs, a cron and a person): the real bin in child processes, as they meet.
// Needs the compiled lib/ (`npm run build`).
import { execFile, type ChildProcess } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { BIN, gazetteBin, writeCliProject } from './_lib/run.ts';
import { sleeper } from '../helpers/processes.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const run = promisify(execFile);

// Both tests wait on child processes at once (describe.concurrent), each in its own project folder.
describe.concurrent('gazette build, twice at once into one --out', () => {
  const tmp = useTempDir('gazette-twice-', 'all');
  const held = useTempDir('gazette-held-', 'all');
  let holder: ChildProcess | undefined;
  beforeAll(async () => {
    await Promise.all([writeCliProject(tmp()), writeCliProject(held())]);
  });
  afterAll(async () => {
    holder?.kill();
  });
  const build = (...flags: string[]) =>
    run(process.execPath, [BIN, 'build', '--config', 'c.json', '--items', 'items', '--out', 'dist', ...flags], { cwd: tmp(), timeout: 60_000 }).then(
      () => 0,
      (error: { code: number; stderr: string }) => error.stderr,
    );

  it('finishes every build, leaves the output whole and no out.tmp-*, out.old-* or lock beside it', async ({ expect }) => {
    const codes = await Promise.all([build(), build(), build()]);
    const feed = JSON.parse(await readFile(path.join(tmp(), 'dist', 'feed.json'), 'utf8')) as { items: unknown[] };
    const fixtures = (await readdir('tests/fixtures/items')).filter((f) => /\.(md|json|txt)$/.test(f) && !f.startsWith('.'));
    expect({
      codes,
      items: feed.items.length > 0 && feed.items.length <= fixtures.length,
      beside: (await readdir(tmp())).filter((f) => f.startsWith('dist')),
    }).toEqual({
      codes: [0, 0, 0],
      items: true,
      beside: ['dist'],
    });
  });

  it('with --no-wait, exits 1 with one line naming the pid of the build that holds the folder', async ({ expect }) => {
    holder = sleeper();
    await writeFile(path.join(held(), 'dist.lock'), `${holder.pid}\n`);
    const result = await gazetteBin(['build', '--config', 'c.json', '--items', 'items', '--out', 'dist', '--no-wait'], { cwd: held() });
    holder.kill();
    await rm(path.join(held(), 'dist.lock'));
    expect(result).toEqual({ code: 1, stdout: '', stderr: `gazette build: dist/ is being written by another build (pid ${holder.pid})\n` });
  });
});
