// One build at a time per output folder: real processes hold the lock (a child that sleeps, one that has exited).
import type { ChildProcess } from 'node:child_process';
import { access, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockFileOf, lockOutputFolder } from '../../src/publish/output-lock.ts';
import { deadPid, sleeper } from '../helpers/processes.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

describe('lockOutputFolder', () => {
  const root = useTempDir('gazette-lock-');
  let out: string;
  const children: ChildProcess[] = [];
  beforeEach(async () => {
    out = path.join(root(), 'dist');
  });
  afterEach(async () => {
    for (const child of children.splice(0)) child.kill();
  });

  it('writes this process’s pid beside the folder, and removes it on release', async () => {
    const lock = await lockOutputFolder(out);
    const held = [path.basename(lock.file), (await readdir(root())).join(',')];
    await lock.release();
    expect([...held, (await readdir(root())).join(',')]).toEqual(['dist.lock', 'dist.lock', '']);
  });

  it.each([
    ['the pid of a process that has exited', async () => `${await deadPid()}\n`],
    ['no pid at all (a torn write)', async () => 'garbage'],
    ['an empty file', async () => ''],
  ])('takes over a lock holding %s', async (_label, text) => {
    await writeFile(lockFileOf(out), await text());
    const lock = await lockOutputFolder(out, { wait: false });
    await lock.release();
    expect(await readdir(root())).toEqual([]);
  });

  it('with wait: false, fails at once naming the live holder’s pid', async () => {
    const holder = sleeper();
    children.push(holder);
    await writeFile(lockFileOf(out), `${holder.pid}\n`);
    const error = await lockOutputFolder(out, { wait: false }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(new RegExp(`dist/ is being written by another build \\(pid ${holder.pid}\\)$`));
  });

  it('waits while the holder lives, says so once, and takes the lock when the holder is gone', async () => {
    const holder = sleeper();
    children.push(holder);
    await writeFile(lockFileOf(out), `${holder.pid}\n`);
    const waits: number[] = [];
    let taken = false;
    const locking = lockOutputFolder(out, { pollMs: 20, onWait: (pid) => waits.push(pid) }).then((lock) => {
      taken = true;
      return lock;
    });
    await new Promise<void>((resolve) => {
      const check = () => (waits.length > 0 ? resolve() : setTimeout(check, 10));
      check();
    });
    const takenWhileAlive = taken;
    holder.kill();
    const lock = await locking;
    expect({ takenWhileAlive, waits: waits.length, holder: waits[0] === holder.pid, file: await exists(lock.file) }).toEqual({
      takenWhileAlive: false,
      waits: 1,
      holder: true,
      file: true,
    });
    await lock.release();
  });

  it('makes a second lock in this process wait for the first', async () => {
    const first = await lockOutputFolder(out);
    const waits: number[] = [];
    const second = lockOutputFolder(out, { pollMs: 10, onWait: (pid) => waits.push(pid) });
    await new Promise<void>((resolve) => {
      const check = () => (waits.length > 0 ? resolve() : setTimeout(check, 10));
      check();
    });
    await first.release();
    const lock = await second;
    await lock.release();
    expect(waits).toEqual([process.pid]);
  });
});
