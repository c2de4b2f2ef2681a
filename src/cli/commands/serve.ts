// cli: `gazette serve` → a running server until SIGINT/SIGTERM, then exit code 0.
// The port is bound before the first build or the watcher starts: a taken port or an unknown host fails at once,
// with nothing left running to keep the process alive.
import type { AddressInfo } from 'node:net';
import { formatDiagnostic, isGazetteError } from '../../diagnostics.ts';
import { startServer } from '../../serve-site.ts';
import type { BuildSettingsInput } from '../../site/build-settings.ts';
import { feedUrls } from '../../_lib/site-paths.ts';
import { processIO, type CliIO } from '../io.ts';
import { EXIT } from '../command-spec.ts';
import { loadCommandConfig } from './load.ts';
import { commandSettings } from './settings.ts';
import { configFilePath } from '../../config/load-config.ts';
import { reloadConfigOnChange } from '../../site/config-reload.ts';

/** Arguments of {@link runServe}, as parsed by `cli/main.ts`. */
export interface ServeArgs {
  /** Config file; default `feed.config.ts`. */
  readonly config?: string | undefined;
  /** Items folder; default `config.itemsDir`. */
  readonly items?: string | undefined;
  /** Port; default `PORT` from the environment, else 3000. 0 picks a free port. */
  readonly port?: number | undefined;
  /** Interface to bind; default `127.0.0.1` (not reachable from other machines unless asked). */
  readonly host?: string | undefined;
  /** No per-request log lines. */
  readonly quiet?: boolean | undefined;
  /** The build settings the command line gives (command-spec.ts flagSettings: `--no-pages`, `--future`, `--no-ledger`). */
  readonly settings?: BuildSettingsInput | undefined;
  /** Resolves to stop the server instead of a signal (tests). */
  readonly until?: Promise<unknown>;
  /** Where lines go; default the io's stdout for information, stderr for problems. */
  readonly print?: (line: string) => void;
}

export const DEFAULT_PORT = 3000;
export const DEFAULT_HOST = '127.0.0.1';

/** Listen errors that are the user's to fix (port taken or privileged, host unknown or not on this machine). */
const LISTEN_ERRORS: Readonly<Record<string, string>> = {
  EADDRINUSE: 'the port is already in use (stop the other server or pass --port)',
  EACCES: 'permission denied (ports below 1024 need privileges; pass --port)',
  EADDRNOTAVAIL: 'this address is not one of this machine’s (pass --host 127.0.0.1 or 0.0.0.0)',
  ENOTFOUND: 'unknown host name',
  EAI_AGAIN: 'the host name could not be resolved',
  EAI_NONAME: 'unknown host name',
};

/** Serves the feeds until SIGINT/SIGTERM; resolves 0 after a clean shutdown, 1 when it cannot start. */
export async function runServe(args: ServeArgs = {}, io: CliIO = processIO()): Promise<number> {
  const print = args.print ?? ((line: string) => io.stdout.write(`${line}\n`));
  const printError = args.print ?? ((line: string) => io.stderr.write(`${line}\n`));
  let port: number;
  try {
    port = resolvePort(args.port, io.env.PORT);
  } catch (error) {
    printError(`gazette serve: ${(error as Error).message}`);
    return EXIT.invalid;
  }

  let config;
  try {
    config = await loadCommandConfig({ config: args.config, items: args.items });
  } catch (error) {
    if (isGazetteError(error)) {
      printError(error.message);
      return EXIT.invalid;
    }
    throw error;
  }

  const host = args.host ?? DEFAULT_HOST;
  const { settings, ledger } = commandSettings(config, 'serve', args.settings);
  let server;
  try {
    // Build diagnostics always print; request lines only without --quiet (then no request log runs at all).
    server = await startServer({
      ...settings,
      config,
      port,
      host,
      log: print,
      requestLog: !args.quiet,
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const why = LISTEN_ERRORS[code];
    if (why === undefined) throw error;
    printError(`gazette serve: cannot listen on ${host}:${port}: ${why} (${code})`);
    return EXIT.invalid;
  }

  // An edit of the config file is applied without a restart once it validates; until then the previous one serves.
  const reloader = reloadConfigOnChange(server.feeds.site, config, {
    file: configFilePath(args.config ? { file: args.config } : {}),
    load: () => loadCommandConfig({ config: args.config, items: args.items }),
    log: printError,
  });
  try {
    await reloader.ready;
    const address = server.address() as AddressInfo;
    const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    const base = `http://${shownHost}:${address.port}`;
    const local = feedUrls({ path: '' }, { siteUrl: base });
    print(`Gazette serving ${config.title} on ${base}/`);
    print(`  RSS   ${local.rss}`);
    print(`  Atom  ${local.atom}`);
    print(`  JSON  ${local.json}`);
    print(`  Health ${base}/healthz`);
    // Said once, here, not by every rebuild.
    for (const d of ledger.diagnostics) printError(formatDiagnostic(d));

    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      void args.until?.then(stop, stop);
    });
    print('shutting down');
  } finally {
    // Idle keep-alive connections (feed readers) would hold close() open; active requests still finish.
    await reloader.close();
    server.closeIdleConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await server.feeds.close();
  }
  return EXIT.ok;
}

/** `--port` wins over `PORT`; both must be whole numbers 0–65535. */
export function resolvePort(flag: number | undefined, env: string | undefined): number {
  const raw = flag ?? (env !== undefined && env.trim() !== '' ? Number(env) : DEFAULT_PORT);
  if (!Number.isInteger(raw) || raw < 0 || raw > 65_535) {
    throw new RangeError(`port: expected a whole number from 0 to 65535, got ${JSON.stringify(flag ?? env)}`);
  }
  return raw;
}

// --- internal ---
