// Test helper: real processes for tests of pid files (a live one that is not this process, one that has exited).
import { type ChildProcess, spawn } from 'node:child_process';

// sleep(1) and true(1), not node: a process is all these tests need, and a node start costs ≈ 50 ms of CPU.

/** A live process that is not this one: a child that sleeps until killed. */
export function sleeper(): ChildProcess {
  return spawn('sleep', ['3600'], { stdio: 'ignore' });
}

/** The pid of a process that has exited. */
export async function deadPid(): Promise<number> {
  const child = spawn('true', [], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid ?? 0;
}
