// cli: `gazette serve` → a running server until SIGINT/SIGTERM, then exit code 0.
import type { AddressInfo } from 'node:net';
import { isGazetteError } from '../../diagnostics.ts';
import { startServer } from '../../serve-site.ts';
import { feedUrls } from '../../render/feed-urls.ts';
import { loadCommandConfig } from './load.ts';

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
  /** Resolves to stop the server instead of a signal (tests). */
  readonly until?: Promise<unknown>;
  /** Where lines go; default stdout for information, stderr for problems. */
  readonly print?: (line: string) => void;
}

export const DEFAULT_PORT = 3000;
export const DEFAULT_HOST = '127.0.0.1';

/** Serves the feeds until SIGINT/SIGTERM; resolves 0 after a clean shutdown, 1 when it cannot start. */
export async function runServe(args: ServeArgs = {}): Promise<number> {
  const print = args.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const printError = args.print ?? ((line: string) => process.stderr.write(`${line}\n`));
  let port: number;
  try {
    port = resolvePort(args.port, process.env.PORT);
  } catch (error) {
    printError((error as Error).message);
    return 1;
  }

  let config;
  try {
    config = await loadCommandConfig({ config: args.config, items: args.items });
  } catch (error) {
    if (isGazetteError(error)) {
      printError(error.message);
      return 1;
    }
    throw error;
  }

  const host = args.host ?? DEFAULT_HOST;
  let server;
  try {
    server = await startServer({
      config,
      port,
      host,
      // Build diagnostics always print; request lines only without --quiet.
      log: (line) => {
        if (!args.quiet || !/^[A-Z]+ \S+ \d{3} /.test(line)) print(line);
      },
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      printError(`cannot listen on ${host}:${port}: ${(error as Error).message}`);
      return 1;
    }
    throw error;
  }

  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const base = `http://${shownHost}:${address.port}`;
  const local = feedUrls({ path: '' }, { siteUrl: base });
  print(`Gazette serving ${config.title} on ${base}/`);
  print(`  RSS   ${local.rss}`);
  print(`  Atom  ${local.atom}`);
  print(`  JSON  ${local.json}`);
  print(`  Health ${base}/healthz`);

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    void args.until?.then(stop, stop);
    server.once('close', () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    });
  });
  print('shutting down');
  // Idle keep-alive connections (feed readers) would hold close() open; active requests still finish.
  server.closeIdleConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await server.feeds.close();
  return 0;
}

/** `--port` wins over `PORT`; both must be whole numbers 0–65535. */
export function resolvePort(flag: number | undefined, env: string | undefined): number {
  const raw = flag ?? (env !== undefined && env.trim() !== '' ? Number(env) : DEFAULT_PORT);
  if (!Number.isInteger(raw) || raw < 0 || raw > 65_535) {
    throw new RangeError(`port: expected a whole number from 0 to 65535, got ${JSON.stringify(flag ?? env)}`);
  }
  return raw;
}
