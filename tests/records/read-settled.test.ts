// A record is read only once it has stopped changing: real writers in child processes, as an upload or an FTP save.
import { spawn, type ChildProcess } from 'node:child_process';
import { rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it, type TestContext } from 'vitest';
import { lookForWriter } from '../../src/records/find-file-writer.ts';
import { readSettled } from '../../src/records/read-settled.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

/**
 * A child that writes `parts` into `file` in place, `pauseMs` apart, printing "started" after the first part, and
 * closes it after the last; with `forever`, it keeps appending until killed (at the latest when the test of `context`
 * ends). A shell, not node: it starts in ≈ 1 ms against ≈ 50 ms of CPU, and up to five start at once. Its pauses are
 * sleep(1) without the file (`3>&-`), so the shell is the file's one writer, and a kill ends the pause too (the trap).
 */
function slowWriter({ onTestFinished }: TestContext, file: string, parts: readonly string[], pauseMs: number, forever = false): ChildProcess {
  const script = `
    exec 3>"$1"; pause=$2; forever=$3; shift 3
    trap 'kill $! 2>/dev/null; exit 143' TERM
    started=
    while :; do
      for part in "$@"; do
        if [ -n "$started" ]; then sleep "$pause" 3>&- & wait $!; fi
        printf %s "$part" >&3
        if [ -z "$started" ]; then echo started; started=1; fi
      done
      [ "$forever" = 1 ] || exit 0
    done`;
  const args = [file, String(pauseMs / 1000), forever ? '1' : '0', ...parts];
  const child = spawn('sh', ['-c', script, 'sh', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  onTestFinished(() => void child.kill());
  return child;
}

/**
 * A folder of the test of `context`, removed after it: the tests run at once (they mostly wait on their writers), so
 * each cleans up after itself through its own context (vitest's onTestFinished import cannot tell concurrent tests apart).
 */
async function testDir({ onTestFinished }: TestContext): Promise<string> {
  const { dir, remove } = await makeTempDir('gazette-settle-');
  onTestFinished(remove);
  return dir;
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
// The tests run concurrently: each waits on its own child writer and timers, in a folder of its own.
describe.concurrent.each([{ sync: false }, { sync: true }])('readSettled (%o)', ({ sync }) => {
  it('waits for a slow writer to finish and reads the whole record, never a part', async (context) => {
    const { expect } = context;
    const file = path.join(await testDir(context), 'lente.txt');
    const parts = ['vendredi, novembre 22, 2024\nNational\n\nDépêche lente : le conseil', ' régional', ' adopte', ' son budget', '\n\nTexte.\n'];
    // An upload's pauses, shorter than the settle interval (a quarter of it).
    const writer = slowWriter(context, file, parts, 50);
    const done = exited(writer);
    await started(writer);
    const text = Buffer.from(await readSettled(file, 1_000_000, { settleMs: 200, limitMs: 20_000, sync })).toString('utf8');
    await done;
    expect(text).toBe(parts.join(''));
  });

  it.runIf(process.platform === 'linux')(
    'waits for a writer that paused longer than the settle interval while holding the file open (an upload, a slow save)',
    async (context) => {
      const { expect } = context;
      const file = path.join(await testDir(context), 'l.txt');
      const parts = ['vendredi, novembre 22, 2024\nNational\n\nDépêche lente : le conseil', ' régional\n\nTexte.\n'];
      // The pause of issue 21, python3 -c "f=open(…,'w'); f.write(…); f.flush(); time.sleep(1.5); f.write(…)", five
      // times the settle interval of 300 ms: here 400 ms against 80 ms, for a shorter test.
      const writer = slowWriter(context, file, parts, 400);
      const done = exited(writer);
      await started(writer);
      const text = Buffer.from(await readSettled(file, 1_000_000, { settleMs: 80, sync })).toString('utf8');
      await done;
      expect(text).toBe(parts.join(''));
    },
  );

  it.runIf(process.platform === 'linux')('reads a file still held by its writer after the writer limit as it is, and says who holds it', async (context) => {
    const { expect } = context;
    const file = path.join(await testDir(context), 'l.txt');
    const writer = slowWriter(context, file, ['le début', ' la fin'], 600_000);
    await started(writer);
    const held: number[] = [];
    const bytes = await readSettled(file, 1_000_000, { settleMs: 100, writerLimitMs: 200, onStillOpen: (w) => held.push(w.pid) });
    expect({ text: Buffer.from(bytes).toString('utf8'), held }).toEqual({ text: 'le début', held: [writer.pid] });
  });

  it('reads a file replaced whole by a rename at once, without a settle wait (the test would time out)', async (context) => {
    const { expect } = context;
    const file = path.join(await testDir(context), 'a.md');
    await writeFile(`${file}.tmp`, 'tout le texte\n');
    await rename(`${file}.tmp`, file);
    const bytes = await readSettled(file, 1000, { replaced: true, settleMs: 600_000, limitMs: 600_000, sync });
    expect(Buffer.from(bytes).toString('utf8')).toBe('tout le texte\n');
  });

  it.runIf(conclusiveScans)(
    'reads a file its writer closed once it is still for a moment, without the settle wait, where every writer can be seen (the test would time out)',
    async (context) => {
      const { expect } = context;
      const file = path.join(await testDir(context), 'enregistre.md');
      await writeFile(file, 'enregistré par un éditeur\n');
      const bytes = await readSettled(file, 1000, { settleMs: 600_000, limitMs: 600_000, sync });
      expect(Buffer.from(bytes).toString('utf8')).toBe('enregistré par un éditeur\n');
    },
  );

  it('fails with ESETTLE when a file keeps changing past the limit', async (context) => {
    const { expect } = context;
    const file = path.join(await testDir(context), 'journal.txt');
    const writer = slowWriter(context, file, ['ligne\n'], 10, true);
    await started(writer);
    const error = await readSettled(file, 1_000_000, { settleMs: 100, limitMs: 200, sync }).catch((e: unknown) => e);
    expect((error as NodeJS.ErrnoException).code).toBe('ESETTLE');
  });

  it.for([
    ['the whole file', 1000, 'un texte posé depuis une heure\n'],
    ['at most max bytes', 8, 'un texte'],
  ] as const)('reads a file that changed long ago at once: %s', async ([, max, expected], context) => {
    const { expect } = context;
    const file = path.join(await testDir(context), 'ancien.md');
    await writeFile(file, 'un texte posé depuis une heure\n');
    const hourAgo = new Date(Date.now() - 3_600_000);
    await utimes(file, hourAgo, hourAgo);
    const bytes = await readSettled(file, max, { settleMs: 600_000, limitMs: 600_000, sync });
    expect(Buffer.from(bytes).toString('utf8')).toBe(expected);
  });

  it.for([
    ['a missing file', 'ENOENT'],
    ['a folder', 'EINVAL'],
  ] as const)('fails on %s with code %s', async ([label, code], context) => {
    const { expect } = context;
    const target = label === 'a folder' ? await testDir(context) : path.join(await testDir(context), 'absent.md');
    const error = await readSettled(target, 1000, { sync }).catch((e: unknown) => e);
    expect((error as NodeJS.ErrnoException).code).toBe(code);
  });
});
