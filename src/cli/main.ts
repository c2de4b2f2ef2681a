// cli: argv → command → exit code. Expected errors print as plain lines; only bugs print a stack.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { pathToFileURL } from 'node:url';
import { isGazetteError } from '../diagnostics.ts';
import { runBuild } from './commands/build.ts';
import { runCheck } from './commands/check.ts';
import { runLint } from './commands/lint.ts';
import { runNew } from './commands/new.ts';
import { runServe } from './commands/serve.ts';

export const USAGE = `Usage: gazette <command> [options]

Commands:
  build   Write every feed and page to --out (default dist/), atomically
  check   Validate every record and lint the feeds; write nothing
  serve   Serve the feeds over HTTP and follow edits in the items folder
  lint    Lint feed files (RSS, Atom, JSON Feed) given as paths
  new     Create a draft record: gazette new "Titre de l’article"

Options:
  --config FILE   Configuration file (default feed.config.ts)
  --items DIR     Records folder (default: config itemsDir, else items/)
  --out DIR       Output folder of build (default: config outDir, else dist/)
  --port N        Port of serve (default $PORT, else 3000)
  --host HOST     Address serve binds to (default 127.0.0.1)
  --quiet         serve: no request log
  -h, --help      This help
`;

const OPTIONS = {
  config: { type: 'string' },
  items: { type: 'string' },
  out: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  quiet: { type: 'boolean' },
  'no-pages': { type: 'boolean' },
  future: { type: 'boolean' },
  clean: { type: 'boolean' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} satisfies ParseArgsConfig['options'];

/** Runs one CLI invocation and returns its exit status (0 only when every record is valid). */
export async function runMain(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    process.stderr.write(`gazette: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    process.stdout.write(USAGE);
    return command === undefined && !values.help ? 2 : 0;
  }

  try {
    switch (command) {
      case 'build':
        return await runBuild({
          config: values.config, items: values.items, out: values.out,
          pages: values['no-pages'] ? false : undefined, future: values.future, clean: values.clean, force: values.force,
        });
      case 'check':
        return await runCheck({ config: values.config, items: values.items, future: values.future });
      case 'lint':
        return await runLint({ files: rest });
      case 'new':
        return await runNew({ config: values.config, items: values.items, title: rest.join(' ') });
      case 'serve': {
        // A malformed flag is a usage error (2); PORT from the environment is checked by runServe.
        const port = values.port === undefined ? undefined : Number(values.port);
        if (values.port !== undefined && (!/^\d+$/.test(values.port) || port! > 65535)) {
          process.stderr.write(`gazette: --port: expected a port number from 0 to 65535, got "${values.port}"\n`);
          return 2;
        }
        return await runServe({
          config: values.config,
          items: values.items,
          port,
          host: values.host,
          quiet: values.quiet ?? false,
        });
      }
      default:
        process.stderr.write(`gazette: unknown command "${command}"\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (isGazetteError(error)) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

/** Runs the CLI as a process: sets the exit status; an unexpected error (a bug) prints its stack and exits 70. */
export async function runCli(argv: readonly string[]): Promise<void> {
  try {
    process.exitCode = await runMain(argv);
  } catch (error) {
    process.stderr.write(`gazette: unexpected error (a bug, please report it)\n${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 70;
  }
}

// Run when executed directly (`tsx src/cli/main.ts …`, as `npm start` does); bin/gazette.js calls runCli too.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runCli(process.argv.slice(2));
