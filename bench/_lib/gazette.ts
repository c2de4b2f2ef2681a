// bench: the one place that knows how to run Gazette — its CLI as a process and its public API in-process.
// Default: the compiled `bin/gazette.js` when lib/ is built, else the sources through tsx; GAZETTE_CLI=bin|tsx forces one.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (where package.json and node_modules are). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * How the CLI is started: today the TypeScript sources through tsx's loader; `bin` runs bin/gazette.js,
 * which is what `npx gazette` runs (and what a compiled build will be).
 */
const CLI_ENTRY: Record<string, readonly string[]> = {
  tsx: ['--import', import.meta.resolve('tsx'), path.join(PROJECT_ROOT, 'src/cli/main.ts')],
  bin: [path.join(PROJECT_ROOT, 'bin/gazette.js')],
};
// The compiled CLI is what users run; the TypeScript sources only when nothing is built yet.
const CLI_MODE = process.env.GAZETTE_CLI ?? (existsSync(path.join(PROJECT_ROOT, 'lib/cli/main.js')) ? 'bin' : 'tsx');

/** `node` and its arguments for one CLI invocation. */
export function gazetteCommand(args: readonly string[]): { command: string; args: string[] } {
  const entry = CLI_ENTRY[CLI_MODE];
  if (!entry) throw new RangeError(`GAZETTE_CLI: expected ${Object.keys(CLI_ENTRY).join(' or ')}, got "${CLI_MODE}"`);
  // GAZETTE_NODE_FLAGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`, which NODE_OPTIONS refuses) go to node itself.
  const flags = (process.env.GAZETTE_NODE_FLAGS ?? '').split(' ').filter((flag) => flag !== '');
  return { command: process.execPath, args: [...flags, ...entry, ...args] };
}

/** The public API (`src/index.ts`, the package's `exports`), loaded once. */
export async function importGazette(): Promise<typeof import('../../src/index.ts')> {
  return import('../../src/index.ts');
}

/** What one measured process did. */
export interface ProcessRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Wall time, milliseconds. */
  readonly ms: number;
  /** Peak resident set (kernel's maxrss of the process and its waited children), bytes. */
  readonly peakRss: number;
}

/** Runs any command under GNU time for its peak RSS; rejects only when it cannot start. */
export async function runMeasured(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ProcessRun> {
  const timeFile = `/tmp/gazette-bench-time-${process.pid}-${Math.random().toString(16).slice(2)}`;
  const useTime = existsSync('/usr/bin/time');
  const [cmd, argv] = useTime ? ['/usr/bin/time', ['-f', '%M', '-o', timeFile, command, ...args]] : [command, [...args]];
  const start = performance.now();
  const child = spawn(cmd, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let peakPolled = 0;
  const poll = useTime ? undefined : setInterval(() => (peakPolled = Math.max(peakPolled, readVmKb(child.pid, 'VmHWM') * 1024)), 20);
  const { code, stdout, stderr } = await collect(child);
  const ms = performance.now() - start;
  if (poll) clearInterval(poll);
  let peakRss = peakPolled;
  if (useTime) {
    const text = readFileSync(timeFile, 'utf8');
    const kb = Number(text.trim().split('\n').at(-1));
    peakRss = kb * 1024;
    await import('node:fs/promises').then((fs) => fs.rm(timeFile, { force: true }));
  }
  return { code, stdout, stderr, ms, peakRss };
}

/** One `gazette …` invocation, measured. */
export function runGazette(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ProcessRun> {
  const { command, args: argv } = gazetteCommand(args);
  return runMeasured(command, argv, options);
}

/** Whether `gazette build` knows a flag, read from its usage text (e.g. `--no-pages`). */
export async function buildSupports(flag: string): Promise<boolean> {
  const { command, args } = gazetteCommand(['build', '--help']);
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const { stdout } = await collect(child);
  return stdout.includes(flag);
}

/** A running `gazette serve`. */
export interface ServeProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** `performance.now()` when the process was spawned. */
  readonly spawnedAt: number;
  /** Milliseconds from spawn to the "serving" line (the socket is listening). */
  readonly listeningMs: number;
  /** Everything printed so far. */
  output(): string;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
}

/** Starts `gazette serve --port 0` (with `--quiet` unless `quiet: false`) and resolves once it prints its address. */
export async function startServe(options: {
  config: string;
  quiet?: boolean;
  cwd?: string;
  extraArgs?: readonly string[];
  env?: NodeJS.ProcessEnv;
}): Promise<ServeProcess> {
  const quiet = options.quiet === false ? [] : ['--quiet'];
  const { command, args } = gazetteCommand(['serve', '--config', options.config, '--port', '0', ...quiet, ...(options.extraArgs ?? [])]);
  const start = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const origin = await new Promise<string>((resolve, reject) => {
    const check = () => {
      const match = /serving .* on (http:\/\/[^/\s]+)\//.exec(text);
      if (match) {
        child.stdout.off('data', check);
        resolve(match[1]!);
      }
    };
    child.stdout.on('data', check);
    child.once('exit', (code) => reject(new Error(`gazette serve exited (${code}) before listening:\n${text}`)));
  });
  const listeningMs = performance.now() - start;
  return {
    child,
    pid: child.pid!,
    origin,
    spawnedAt: start,
    listeningMs,
    output: () => text,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** VmRSS / VmHWM of a live process in kB (0 once it is gone). */
export function readVmKb(pid: number | undefined, field: 'VmRSS' | 'VmHWM'): number {
  if (pid === undefined) return 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Whether an executable is on PATH. */
export function hasCommand(name: string): boolean {
  return (process.env.PATH ?? '').split(':').some((dir) => dir !== '' && existsSync(path.join(dir, name)));
}

// --- internal ---

function collect(child: ChildProcess): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs a tool (wrk…) to its end: its stdout and stderr as one text; rejects on a non-zero exit, with that text. */
export function runText(command: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (output += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (output += s));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} exited ${code}:\n${output}`))));
  });
}
