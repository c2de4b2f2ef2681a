// Test helper: real processes for tests of pid files (a live one that is not this process, one that has exited).
import { type ChildProcess, spawn } from 'node:child_process';

/** A live process that is not this one: a child that sleeps until killed. */
export function sleeper(): ChildProcess {
  return spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
}

/** The pid of a process that has exited. */
export async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid ?? 0;
}
