// cli: argv → command → exit status. Expected errors print as one plain line; only bugs print a stack.
// Commands are imported lazily, so `--help`, `--version` and usage errors never load the pipeline.
import { pathToFileURL } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isGazetteError } from '../diagnostics.ts';
import { processIO, type CliIO } from './io.ts';
import { packageVersion } from './package-version.ts';
import { COMMANDS, COMMON_FLAGS, EXIT, closest, commandHelp, findCommand, flagSettings, generalHelp, type CommandSpec, type FlagSpec } from './command-spec.ts';

/** What a command line asks for, before anything runs. */
export type Invocation =
  | { readonly kind: 'help'; readonly text: string }
  | { readonly kind: 'version' }
  | { readonly kind: 'usage-error'; readonly message: string; readonly showHelp?: boolean }
  | {
      readonly kind: 'run';
      readonly command: string;
      readonly values: Readonly<Record<string, string | boolean | undefined>>;
      readonly positionals: readonly string[];
    };

/** Parses a command line against the command table; pure, so every rule is table-tested. */
export function parseCommandLine(argv: readonly string[]): Invocation {
  const scan = parseArgs({ args: [...argv], options: toParseArgs(ALL_FLAGS), strict: false, allowPositionals: true, tokens: true });
  const commandToken = scan.tokens.find((t) => t.kind === 'positional');
  if (scan.values.version === true) return { kind: 'version' };
  if (!commandToken) {
    if (scan.values.help === true) return { kind: 'help', text: generalHelp() };
    const unknown = scan.tokens.find((t) => t.kind === 'option');
    return unknown
      ? { kind: 'usage-error', message: `gazette: ${unknown.rawName} is not an option of gazette itself; name a command first (gazette help)` }
      : { kind: 'usage-error', message: 'gazette: name a command', showHelp: true };
  }
  const name = commandToken.value;
  const spec = findCommand(name);
  if (!spec) {
    const guess = closest(
      name,
      COMMANDS.map((c) => c.name),
    );
    return {
      kind: 'usage-error',
      message: `gazette: unknown command "${name}"${guess ? `; did you mean "gazette ${guess}"?` : ''} (gazette help lists them)`,
    };
  }

  const rest = argv.filter((_, i) => i !== commandToken.index);
  const flags = { ...spec.flags, ...COMMON_FLAGS };
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: toParseArgs(flags), strict: true, allowPositionals: true });
  } catch (error) {
    return { kind: 'usage-error', message: `gazette ${spec.name}: ${describeParseError(error, rest, spec)} (gazette help ${spec.name})` };
  }
  const { values, positionals } = parsed;
  if (values.help === true) return { kind: 'help', text: commandHelp(spec) };
  if (spec.name === 'help') {
    const [topic, ...extra] = positionals;
    if (topic === undefined) return { kind: 'help', text: generalHelp() };
    const target = findCommand(topic);
    if (!target || extra.length > 0) {
      const guess = closest(
        topic,
        COMMANDS.map((c) => c.name),
      );
      return { kind: 'usage-error', message: `gazette help: no command "${positionals.join(' ')}"${guess ? `; did you mean "${guess}"?` : ''}` };
    }
    return { kind: 'help', text: commandHelp(target) };
  }
  if (spec.positionals === 'none' && positionals.length > 0) {
    return { kind: 'usage-error', message: `gazette ${spec.name}: takes no argument, got "${positionals[0]}" (gazette help ${spec.name})` };
  }
  if (spec.positionals === 'optional' && positionals.length > 1) {
    return { kind: 'usage-error', message: `gazette ${spec.name}: takes at most one ${spec.args}, got ${positionals.length}` };
  }
  return { kind: 'run', command: spec.name, values: values as Record<string, string | boolean | undefined>, positionals };
}

/** Runs one CLI invocation with the given streams and returns its exit status; throws only on a bug. */
export async function runMain(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  const invocation = parseCommandLine(argv);
  switch (invocation.kind) {
    case 'help':
      io.stdout.write(invocation.text);
      return EXIT.ok;
    case 'version':
      io.stdout.write(`${packageVersion()}\n`);
      return EXIT.ok;
    case 'usage-error':
      io.stderr.write(`${invocation.message}\n${invocation.showHelp ? `\n${generalHelp()}` : ''}`);
      return EXIT.usage;
    case 'run':
      try {
        return await runCommand(invocation, io);
      } catch (error) {
        const message = userErrorMessage(error);
        if (message === undefined) throw error;
        io.stderr.write(`gazette ${invocation.command}: ${message}\n`);
        return EXIT.invalid;
      }
  }
}

/** Runs the CLI as a process: sets the exit status; an unexpected error (a bug) prints its stack and exits 70. */
export async function runCli(argv: readonly string[], io: CliIO = processIO()): Promise<void> {
  try {
    process.exitCode = await runMain(argv, io);
  } catch (error) {
    io.stderr.write(`gazette: unexpected error (a bug, please report it)\n${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = EXIT.bug;
  }
}

// --- internal ---

const ALL_FLAGS: Readonly<Record<string, FlagSpec>> = Object.assign({}, ...COMMANDS.map((c) => c.flags), COMMON_FLAGS, {
  version: { type: 'boolean', short: 'v', help: '' },
});

function toParseArgs(flags: Readonly<Record<string, FlagSpec>>): NonNullable<ParseArgsConfig['options']> {
  return Object.fromEntries(Object.entries(flags).map(([name, f]) => [name, f.short ? { type: f.type, short: f.short } : { type: f.type }]));
}

/** One short sentence for a parseArgs error, with the closest flag of the command when one is near. */
function describeParseError(error: unknown, args: readonly string[], spec: CommandSpec): string {
  const code = (error as { code?: string }).code;
  const flagNames = [...Object.keys(spec.flags), ...Object.keys(COMMON_FLAGS)];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const scan = parseArgs({ args: [...args], strict: false, allowPositionals: true, tokens: true });
    const bad = scan.tokens.find((t) => t.kind === 'option' && !(t.name in spec.flags) && !(t.name in COMMON_FLAGS));
    const raw = bad?.kind === 'option' ? bad.rawName : 'an option';
    const guess = bad?.kind === 'option' ? closest(bad.name, flagNames) : undefined;
    return `unknown option ${raw}${guess ? `; did you mean --${guess}?` : ''}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = /'(-[^' ]+)/.exec((error as Error).message)?.[1];
    const flag = name?.replace(/^-+/, '');
    const spec2 = flag ? (spec.flags[flag] ?? COMMON_FLAGS[flag]) : undefined;
    return spec2?.type === 'boolean' ? `${name} takes no value` : `${name ?? 'an option'} needs a value`;
  }
  return (error as Error).message;
}

/** The one line shown for an error the user can fix (a file, folder, port or disk problem); undefined for a bug. */
function userErrorMessage(error: unknown): string | undefined {
  if (isGazetteError(error)) return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && USER_ERRNO.has(code)) return (error as Error).message;
  return undefined;
}

/** System errors caused by the machine or the user's files, never by Gazette's code. */
const USER_ERRNO = new Set([
  'EACCES',
  'EPERM',
  'ENOSPC',
  'EDQUOT',
  'EROFS',
  'ENOENT',
  'ENOTDIR',
  'EISDIR',
  'EEXIST',
  'ENOTEMPTY',
  'EMFILE',
  'ENFILE',
  'ELOOP',
  'ENAMETOOLONG',
  'EBUSY',
  'EXDEV',
  'EIO',
]);

async function runCommand(inv: Extract<Invocation, { kind: 'run' }>, io: CliIO): Promise<number> {
  const v = inv.values;
  const str = (name: string) => (typeof v[name] === 'string' ? (v[name] as string) : undefined);
  const bool = (name: string) => v[name] === true;
  // The build settings of the flags that carry one (`--no-pages`, `--future`, `--no-ledger`…): the spec's rows say which.
  const spec = findCommand(inv.command);
  const settings = spec ? flagSettings(spec, v) : {};
  switch (inv.command) {
    case 'build': {
      const { runBuild } = await import('./commands/build.ts');
      return runBuild(
        {
          config: str('config'),
          items: str('items'),
          out: str('out'),
          json: bool('json'),
          clean: bool('clean'),
          force: bool('force'),
          best: bool('best'),
          wait: bool('no-wait') ? false : undefined,
          settings,
        },
        io,
      );
    }
    case 'check': {
      const { runCheck } = await import('./commands/check.ts');
      return runCheck({ config: str('config'), items: str('items'), json: bool('json'), settings }, io);
    }
    case 'serve': {
      const raw = str('port');
      if (raw !== undefined && (!/^\d+$/.test(raw) || Number(raw) > 65_535)) {
        io.stderr.write(`gazette serve: --port: expected a port number from 0 to 65535, got "${raw}"\n`);
        return EXIT.usage;
      }
      const { runServe } = await import('./commands/serve.ts');
      return runServe(
        {
          config: str('config'),
          items: str('items'),
          port: raw === undefined ? undefined : Number(raw),
          host: str('host'),
          quiet: bool('quiet'),
          settings,
        },
        io,
      );
    }
    case 'ping': {
      const { runPing } = await import('./commands/ping.ts');
      return runPing({ config: str('config'), out: str('out'), all: bool('all') }, io);
    }
    case 'lint': {
      const { runLint } = await import('./commands/lint.ts');
      return runLint({ files: inv.positionals, json: bool('json') }, io);
    }
    case 'new': {
      const { runNew } = await import('./commands/new.ts');
      return runNew({ config: str('config'), items: str('items'), title: inv.positionals.join(' ') }, io);
    }
    case 'init': {
      const { runInit } = await import('./commands/init.ts');
      return runInit({ dir: inv.positionals[0] ?? '.' }, io);
    }
    default:
      throw new Error(`command "${inv.command}" is in the table but has no runner`);
  }
}

// Run when executed directly (`tsx src/cli/main.ts …`, as `npm run gazette` does); bin/gazette.js calls runCli too.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runCli(process.argv.slice(2));
