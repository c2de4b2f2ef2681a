// Which process holds a file open for writing: real child processes holding real files open, read through /proc.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it, type TestContext } from 'vitest';
import { findFileWriter, lookForWriter } from '../../src/records/find-file-writer.ts';
import { casesOf } from '../helpers/cases.ts';

/** The shell redirection that opens a file as fs.openSync's `flags` do (the same open(2) access mode and flags). */
const REDIRECTIONS: Readonly<Record<string, string>> = { r: '<', 'r+': '<>', w: '>', a: '>>' };

/**
 * A child that opens `file` with `flags` (fs.openSync's), says "open", and holds it until it is killed: sleep(1) with
 * the file on descriptor 3, not node (a node start costs ≈ 50 ms of CPU, and the tests start nine at once).
 */
function holder(file: string, flags: string): ChildProcess {
  const redirection = REDIRECTIONS[flags];
  if (redirection === undefined) throw new TypeError(`holder: no redirection for flags ${flags}`);
  return spawn('sh', ['-c', `exec 3${redirection}"$1" && echo open && exec sleep 3600`, 'sh', file], { stdio: ['ignore', 'pipe', 'inherit'] });
}

const opened = (child: ChildProcess) => new Promise<void>((resolve) => child.stdout?.once('data', () => resolve()));
const exited = (child: ChildProcess) => new Promise<void>((resolve) => child.once('exit', () => resolve()));

/**
 * A folder of the test of `context` and a way to hold a file open, both undone after the test: the tests run at once
 * (they mostly wait for node children to start), so each cleans up through its own context.
 */
async function setUp({ onTestFinished }: TestContext) {
  const root = await mkdtemp(path.join(tmpdir(), 'gazette-writer-'));
  onTestFinished(() => rm(root, { recursive: true, force: true }));
  const hold = async (file: string, flags: string): Promise<ChildProcess> => {
    const child = holder(file, flags);
    onTestFinished(() => void child.kill());
    await opened(child);
    return child;
  };
  return { root, hold };
}

describe.runIf(process.platform === 'linux')('findFileWriter', { concurrent: true }, () => {
  const openModes = casesOf('records/find-file-writer', 'open modes', 'string', 'string', 'boolean');

  describe.each(openModes)('when another process holds the file open %s', (_label, flags, writing) => {
    it(writing ? 'names that process' : 'finds no writer', async (context) => {
      const { root, hold } = await setUp(context);
      const file = path.join(root, 'depeche.txt');
      await writeFile(file, '');
      const child = await hold(file, flags);
      // Changed while held: a scan is shared by the files last changed before it began (find-file-writer.ts), and a
      // concurrent test's scan may have begun between a change and the open.
      await writeFile(file, 'vendredi, novembre 22, 2024\n');
      const writer = await findFileWriter(file, await stat(file));
      context.expect(writer && { pid: writer.pid, command: writer.command }).toEqual(writing ? { pid: child.pid, command: 'sleep' } : undefined);
    });
  });

  it('finds no writer once the writing process has closed the file', async (context) => {
    const { root, hold } = await setUp(context);
    const file = path.join(root, 'depeche.txt');
    await writeFile(file, 'x');
    const child = await hold(file, 'w');
    child.kill();
    await exited(child);
    context.expect(await findFileWriter(file, await stat(file))).toBeUndefined();
  });

  it.for([
    ['a file no process holds, run as root on a local disk', 'closed', process.getuid?.() === 0],
    ['a file a process holds open for writing', 'held', false],
    ['a file on a file system other than a local disk (/proc)', 'proc', false],
  ] as const)('calls its answer conclusive only where no writer could hide: %s', async ([, kind, conclusive], context) => {
    const { root, hold } = await setUp(context);
    const file = kind === 'proc' ? '/proc/self/status' : path.join(root, 'depeche.txt');
    if (kind !== 'proc') await writeFile(file, 'x');
    if (kind === 'held') await hold(file, 'a');
    if (kind === 'held') await writeFile(file, 'y'); // changed while held, as above
    context.expect((await lookForWriter(file, await stat(file))).conclusive).toBe(conclusive);
  });

  it('does not take a file of the same name held open elsewhere for this one', async (context) => {
    const { root, hold } = await setUp(context);
    const file = path.join(root, 'depeche.txt');
    await mkdir(path.join(root, 'other'));
    await writeFile(path.join(root, 'other', 'depeche.txt'), 'x');
    await hold(path.join(root, 'other', 'depeche.txt'), 'w');
    await writeFile(file, 'y');
    context.expect(await findFileWriter(file, await stat(file))).toBeUndefined();
  });
});
