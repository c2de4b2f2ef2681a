// cli: where a command's output goes, and whether it may be coloured — passed in, so tests run commands in-process.

/** A writable text stream; `isTTY` is true only for a terminal. */
export interface OutStream {
  write(chunk: string): unknown;
  readonly isTTY?: boolean | undefined;
  readonly columns?: number | undefined;
}

/** The streams and environment one CLI invocation uses. */
export interface CliIO {
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  /** Read for `NO_COLOR` and `PORT`; default `process.env`. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The real process streams and environment. */
export function processIO(): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
}

/**
 * Colour only on a terminal, never when `NO_COLOR` is set to anything non-empty (no-color.org), nor for
 * `TERM=dumb`.
 */
export function colorEnabled(stream: OutStream, env: CliIO['env']): boolean {
  return stream.isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
}

const STYLES = { red: [31, 39], yellow: [33, 39], green: [32, 39], dim: [2, 22], bold: [1, 22] } as const;

/** `text` in an ANSI style when `on`, else unchanged. */
export function paint(text: string, style: keyof typeof STYLES, on: boolean): string {
  if (!on) return text;
  const [open, close] = STYLES[style];
  return `\u001B[${open}m${text}\u001B[${close}m`;
}
