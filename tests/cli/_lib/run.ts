// Runs the CLI in-process (runMain with captured streams) or as the real bin, with the same result shape.
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { runMain } from '../../../src/cli/main.ts';
import type { CliIO, OutStream } from '../../../src/cli/io.ts';
import { copyRecords } from '../../helpers/record-files.ts';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const BIN = path.join(ROOT, 'bin/gazette.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A stream that keeps what is written; `isTTY` as asked. */
export function capture(isTTY = false): OutStream & { text: string } {
  const stream = {
    text: '',
    isTTY,
    write(chunk: string) {
      stream.text += chunk;
      return true;
    },
  };
  return stream;
}

/** `gazette …args` in this process, from the repo root; env is added to nothing (only what is given). */
export async function gazette(args: readonly string[], options: { env?: CliIO['env']; tty?: boolean } = {}): Promise<CliResult> {
  const stdout = capture(options.tty);
  const stderr = capture(options.tty);
  const code = await runMain(args, { stdout, stderr, env: options.env ?? {} });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const run = promisify(execFile);

/** The real `gazette` bin (compiled lib/, as users run it) in a child process; never rejects. */
export async function gazetteBin(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, ...options.env },
      timeout: 30_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Lays out a project for the real bin in `dir`: a copy of the fixture records at `items`, and a config file `c.json`. */
export async function writeCliProject(dir: string, items = 'items'): Promise<void> {
  await copyRecords(path.join(ROOT, 'tests/fixtures/items'), path.join(dir, items));
  await writeFile(path.join(dir, 'c.json'), JSON.stringify({ title: 'G', siteUrl: 'https://www.lecourrier.fr' }));
}
