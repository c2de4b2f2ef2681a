// A record is read only once it has stopped changing: real writers in child processes, as an upload or an FTP save.
import { spawn, type ChildProcess } from 'node:child_process';
import { rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lookForWriter } from '../../src/records/find-file-writer.ts';
import { readSettled } from '../../src/records/read-settled.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

/**
 * A child that writes `parts` into `file` in place, `pauseMs` apart, printing "started" after the first part; with
 * `forever`, it keeps appending until killed.
 */
function slowWriter(file: string, parts: readonly string[], pauseMs: number, forever = false): ChildProcess {
  const script = `
    const fs = require('node:fs');
    const [file, parts, pause, forever] = JSON.parse(process.argv[1]);
    const fd = fs.openSync(file, 'w');
    fs.writeSync(fd, parts[0]);
    process.stdout.write('started\\n');
    let i = 1;
    const next = () => {
      if (i >= parts.length && !forever) return fs.closeSync(fd);
      fs.writeSync(fd, parts[i++ % parts.length]);
      setTimeout(next, pause);
    };
    setTimeout(next, pause);`;
  return spawn(process.execPath, ['-e', script, JSON.stringify([file, parts, pauseMs, forever])], { stdio: ['ignore', 'pipe', 'inherit'] });
}

/** Whether a writer scan here sees every process (root, a local file system): the quiet read applies. */
const conclusiveScans = await (async () => {
  const probe = path.join(tmpdir(), `gazette-quiet-probe-${process.pid}`);
  await writeFile(probe, '');
  try {
    return (await lookForWriter(probe, await stat(probe))).conclusive;
  } finally {
    await rm(probe, { force: true });
  }
})();

const started = (child: ChildProcess) => new Promise<void>((resolve) => child.stdout?.once('data', () => resolve()));
const exited = (child: ChildProcess) => new Promise((resolve) => child.once('exit', resolve));

// With `sync`, a settled file is read by synchronous calls; anything else goes the careful way, the same in both.
describe.each([{ sync: false }, { sync: true }])('readSettled (%o)', ({ sync }) => {
  const root = useTempDir('gazette-settle-');
  const children: ChildProcess[] = [];
  afterEach(async () => {
    for (const child of children.splice(0)) child.kill();
  });

  it('waits for a slow writer to finish and reads the whole record, never a part', async () => {
    const file = path.join(root(), 'lente.txt');
    const parts = ['vendredi, novembre 22, 2024\nNational\n\nDépêche lente : le conseil', ' régional', ' adopte', ' son budget', '\n\nTexte.\n'];
    const writer = slowWriter(file, parts, 100);
    children.push(writer);
    const done = exited(writer);
    await started(writer);
    const text = Buffer.from(await readSettled(file, 1_000_000, { settleMs: 400, limitMs: 20_000, sync })).toString('utf8');
    await done;
    expect(text).toBe(parts.join(''));
  });

  it.runIf(process.platform === 'linux')(
    'waits for a writer that paused longer than the settle interval while holding the file open (an upload, a slow save)',
    async () => {
      const file = path.join(root(), 'l.txt');
      const parts = ['vendredi, novembre 22, 2024\nNational\n\nDépêche lente : le conseil', ' régional\n\nTexte.\n'];
      // The pause of issue 21, python3 -c "f=open(…,'w'); f.write(…); f.flush(); time.sleep(1.5); f.write(…)", five
      // times the settle interval of 300 ms: here 600 ms against 120 ms, for a shorter test.
      const writer = slowWriter(file, parts, 600);
      children.push(writer);
      const done = exited(writer);
      await started(writer);
      const text = Buffer.from(await readSettled(file, 1_000_000, { settleMs: 120, sync })).toString('utf8');
      await done;
      expect(text).toBe(parts.join(''));
    },
  );

  it.runIf(process.platform === 'linux')('reads a file still held by its writer after the writer limit as it is, and says who holds it', async () => {
    const file = path.join(root(), 'l.txt');
    const writer = slowWriter(file, ['le début', ' la fin'], 600_000);
    children.push(writer);
    await started(writer);
    const held: number[] = [];
    const bytes = await readSettled(file, 1_000_000, { writerLimitMs: 500, onStillOpen: (w) => held.push(w.pid) });
    expect({ text: Buffer.from(bytes).toString('utf8'), held }).toEqual({ text: 'le début', held: [writer.pid] });
  });

  it('reads a file replaced whole by a rename at once, without a settle wait (the test would time out)', async () => {
    const file = path.join(root(), 'a.md');
    await writeFile(`${file}.tmp`, 'tout le texte\n');
    await rename(`${file}.tmp`, file);
    const bytes = await readSettled(file, 1000, { replaced: true, settleMs: 600_000, limitMs: 600_000, sync });
    expect(Buffer.from(bytes).toString('utf8')).toBe('tout le texte\n');
  });

  it.runIf(conclusiveScans)(
    'reads a file its writer closed once it is still for a moment, without the settle wait, where every writer can be seen (the test would time out)',
    async () => {
      const file = path.join(root(), 'enregistre.md');
      await writeFile(file, 'enregistré par un éditeur\n');
      const bytes = await readSettled(file, 1000, { settleMs: 600_000, limitMs: 600_000, sync });
      expect(Buffer.from(bytes).toString('utf8')).toBe('enregistré par un éditeur\n');
    },
  );

  it('fails with ESETTLE when a file keeps changing past the limit', async () => {
    const file = path.join(root(), 'journal.txt');
    const writer = slowWriter(file, ['ligne\n'], 10, true);
    children.push(writer);
    await started(writer);
    const error = await readSettled(file, 1_000_000, { settleMs: 200, limitMs: 400, sync }).catch((e: unknown) => e);
    expect((error as NodeJS.ErrnoException).code).toBe('ESETTLE');
  });

  it.each([
    ['the whole file', 1000, 'un texte posé depuis une heure\n'],
    ['at most max bytes', 8, 'un texte'],
  ])('reads a file that changed long ago at once: %s', async (_label, max, expected) => {
    const file = path.join(root(), 'ancien.md');
    await writeFile(file, 'un texte posé depuis une heure\n');
    const hourAgo = new Date(Date.now() - 3_600_000);
    await utimes(file, hourAgo, hourAgo);
    const bytes = await readSettled(file, max, { settleMs: 600_000, limitMs: 600_000, sync });
    expect(Buffer.from(bytes).toString('utf8')).toBe(expected);
  });

  it.each([
    ['a missing file', 'ENOENT'],
    ['a folder', 'EINVAL'],
  ])('fails on %s with code %s', async (label, code) => {
    const target = label === 'a folder' ? root() : path.join(root(), 'absent.md');
    const error = await readSettled(target, 1000, { sync }).catch((e: unknown) => e);
    expect((error as NodeJS.ErrnoException).code).toBe(code);
  });
});
