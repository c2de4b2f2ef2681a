// _lib: whether a process id names a live process on this machine (a lock holder, a build that left a folder).

/**
 * True when `pid` is a running process: this one, or one `kill(pid, 0)` finds (EPERM: it exists but is another
 * user's). Not a positive integer: false.
 */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
