// composition: a live site (src/site/) wired to the HTTP layer (src/http/) — the router, the app and the server.
import http from 'node:http';
import express, { type Express, type Router } from 'express';
import type { ResolvedConfig } from './config/config-schema.ts';
import { healthReport, type HealthReport } from './http/health.ts';
import { createRateLimiter, type RateLimiter } from './http/rate-limit.ts';
import { createRequestLog } from './http/request-log.ts';
import { createFastPath, createSnapshotRouter } from './http/router.ts';
import type { SnapshotSource } from './http/snapshot-source.ts';
import { sendNotFound } from './http/not-found.ts';
import { sendText } from './http/serve-snapshot.ts';
import { isMountPath } from './_lib/mount-path.ts';
import { pickBuildSettings, type BuildSettingsInput } from './site/build-settings.ts';
import { createLiveSite, type LiveSite } from './site/live-site.ts';
import { createWebSubNotifier, type WebSubNotifier, type WebSubNotifierOptions } from './site/websub-notifier.ts';
import { GAZETTE_VERSION } from './_lib/version.ts';
import { siteUrlOf } from './_lib/site-paths.ts';

/**
 * Options of {@link createFeedRouter} and {@link createApp}: the build settings, handed to the live site whole
 * (site/build-settings.ts; as createLiveSite takes them: no `cacheDir` by default, `gazette serve` passes its own),
 * and the router's own.
 */
export interface FeedRouterOptions extends BuildSettingsInput {
  /** Rebuild on changes below `itemsDir`. Default true. */
  readonly watch?: boolean;
  /** `true` logs requests and build messages to stderr; a function receives each line instead. Default false. */
  readonly log?: boolean | ((line: string) => void);
  /**
   * Public path the router is mounted at (`/feeds`), added to `siteUrl` for links and self URLs.
   * Default: taken from `req.baseUrl` per request, with one build per distinct mount path.
   */
  readonly mountPath?: string;
  /** Build in a worker thread (default true), so that a rebuild never holds a request. */
  readonly worker?: boolean;
  /** Lets a request with `Authorization: Bearer <token>` see file names and messages in /healthz. */
  readonly healthToken?: string;
  /** Debounce of the folder watcher (ms). */
  readonly debounceMs?: number;
  /** Static-assets folder served at the paths the build does not own; default `config.publicDir`. */
  readonly publicDir?: string;
  /** Time limit of each publish to a hub and wait before a retry (publish/websub.ts; default 10 s, 0.5 s then 1 s). */
  readonly websub?: Pick<WebSubNotifierOptions, 'timeoutMs' | 'backoffMs'>;
}

/** An Express router serving Gazette's routes, plus its lifecycle. */
export interface FeedRouter extends Router {
  /** Resolves once the first build is done. */
  readonly ready: Promise<void>;
  /** Stops watching `itemsDir` and the build worker. */
  close(): Promise<void>;
  /** What /healthz reports to the operator (with diagnostics). */
  status(): HealthReport;
  /** The live site behind the router. */
  readonly site: LiveSite;
  /** What the router serves from (the site, plus the WebSub facts of /healthz): the fast path of `gazette serve` too. */
  readonly source: SnapshotSource;
  /** Tells the hubs of config.hub of every feed change; undefined when no hub is configured. */
  readonly websub: WebSubNotifier | undefined;
  /** The limit of config.rateLimit, shared by every path that sends feeds; undefined when off. */
  readonly rateLimiter: RateLimiter | undefined;
}

/** Creates the router: builds the site now, watches `itemsDir`, and answers from the current snapshot. */
export function createFeedRouter(config: ResolvedConfig, options: FeedRouterOptions = {}): FeedRouter {
  if (!config || typeof config.cacheControl !== 'string') throw new TypeError('config must be a ResolvedConfig');
  // Misuse throws here, synchronously, before anything starts.
  if (options.mountPath !== undefined && !isMountPath(options.mountPath)) {
    throw new TypeError(`mountPath must be "" or like "/feeds", got ${JSON.stringify(options.mountPath)}`);
  }
  if (options.healthToken !== undefined && typeof options.healthToken !== 'string') throw new TypeError('healthToken must be a string');
  const log = toLogger(options.log);
  const websub =
    config.hub.length > 0
      ? createWebSubNotifier({ ...options.websub, hubs: config.hub, userAgent: `Gazette/${GAZETTE_VERSION}`, ...(log ? { log } : {}) })
      : undefined;
  const rateLimiter = config.rateLimit ? createRateLimiter(config.rateLimit) : undefined;
  // The mount paths feeds are served under: the fixed one, else each one a request came through (a host app may mount
  // the router anywhere; the fast path serves the root). Only their feeds exist at the URLs a hub would fetch.
  const served = new Set<string>(options.mountPath === undefined ? [] : [options.mountPath]);
  const onFeedsChanged = websub
    ? (paths: readonly string[], mountPath: string) => {
        if (served.has(mountPath)) websub.notify(paths.map((p) => siteUrlOf(config.siteUrl, mountPath + p)));
      }
    : undefined;
  // The builder looks at the served public folder too: a robots.txt of the site's own replaces Gazette's.
  const site = createLiveSite(options.publicDir === undefined ? config : { ...config, publicDir: options.publicDir }, {
    watch: options.watch ?? true,
    ...(onFeedsChanged ? { onFeedsChanged } : {}),
    ...(log ? { log } : {}),
    ...(options.worker !== undefined ? { worker: options.worker } : {}),
    ...(options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}),
    // The settings whole: a new one (site/build-settings.ts) reaches the live site without a line here.
    ...pickBuildSettings(options),
  });
  const ready = site.ready.catch((error: unknown) => {
    log?.(`first build failed: ${error instanceof Error ? error.message : String(error)}`);
  });
  const source: SnapshotSource = websub
    ? {
        ...site,
        snapshotFor: (mountPath: string) => {
          if (isMountPath(mountPath)) served.add(mountPath);
          return site.snapshotFor(mountPath);
        },
        current: () => {
          served.add('');
          return site.current();
        },
        health: () => ({ ...site.health(), websub: websub.results() }),
      }
    : site;
  const router = createSnapshotRouter(source, {
    cacheControl: config.cacheControl,
    hubs: config.hub,
    siteUrl: config.siteUrl,
    ...(rateLimiter ? { rateLimiter } : {}),
    ...(options.mountPath !== undefined ? { mountPath: options.mountPath } : {}),
    ...(options.healthToken !== undefined ? { healthToken: options.healthToken } : {}),
    // Images, robots.txt and favicon.ico: served as `gazette build` copies them, so both ways show the same site.
    publicDir: options.publicDir ?? config.publicDir,
  });
  return Object.assign(router, {
    ready,
    site,
    source,
    websub,
    rateLimiter,
    close: async () => {
      await websub?.close();
      await site.close();
    },
    status: () => healthReport(source.health(), site.current(), true),
  });
}

/** An Express app with the Gazette router at `/` (no ETag of its own, no X-Powered-By), answering 404 for the rest. */
export function createApp(config: ResolvedConfig, options: FeedRouterOptions = {}): Express & { feeds: FeedRouter } {
  return buildApp(config, options, true);
}

/** Options of {@link createSiteHandler}. */
export interface SiteHandlerOptions extends FeedRouterOptions {
  /** Receives one line per answered request (`GET /feed.xml 200 1234B 0.4ms`); none when absent (`--quiet`). */
  readonly requestLog?: (line: string) => void;
}

/**
 * The request listener of `gazette serve`: feeds and pages of the site root are answered by a plain node:http
 * handler from the precomputed bytes before Express is reached (the same send function as the router); Express
 * handles the rest (/healthz, redirects, 404). The request log is attached only when asked for, so `--quiet` costs
 * nothing per request.
 */
export function createSiteHandler(config: ResolvedConfig, options: SiteHandlerOptions = {}): { handler: http.RequestListener; feeds: FeedRouter } {
  const { requestLog: logLine, ...rest } = options;
  const app = buildApp(config, rest, false);
  const { rateLimiter } = app.feeds;
  const fast = createFastPath(app.feeds.source, {
    cacheControl: config.cacheControl,
    hubs: config.hub,
    siteUrl: config.siteUrl,
    ...(rateLimiter ? { rateLimiter } : {}),
  });
  // The fast path serves the site root from the start: asking for its snapshot once marks it served for WebSub.
  app.feeds.source.current();
  const requestLog = logLine ? createRequestLog(logLine) : undefined;
  const handler: http.RequestListener = (req, res) => {
    if (requestLog) requestLog(req as express.Request, res as express.Response, () => {});
    if (!fast(req, res)) app(req, res);
  };
  return { handler, feeds: app.feeds };
}

/** Options of {@link startServer}. */
export interface StartServerOptions extends FeedRouterOptions {
  readonly config: ResolvedConfig;
  /** Port; 0 picks a free one. */
  readonly port: number;
  /** Interface to bind; default `127.0.0.1`. */
  readonly host?: string;
  /** One `log` line per answered request (default: whenever `log` is set); false for none (`--quiet`). */
  readonly requestLog?: boolean;
}

/**
 * Binds the port, then builds and serves (see {@link createSiteHandler}); resolves with the listening server once the
 * first build is done. The port is bound before the first build, the watcher or the build worker start: a taken
 * port or an unknown host rejects at once with the listen error, and nothing is left running. Closing the server
 * also stops the watcher and the worker.
 */
export async function startServer(options: StartServerOptions): Promise<http.Server & { feeds: FeedRouter }> {
  const { config, port, host = '127.0.0.1', requestLog, ...rest } = options;
  // Requests are handed to the site once it exists; it is created only after listen succeeds.
  let handler: http.RequestListener | undefined;
  const server = http.createServer((req, res) => {
    if (handler) handler(req, res);
    else sendText(res, 503, 'Service Unavailable: starting.\n', req.method === 'HEAD');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const logger = toLogger(rest.log);
  const site = createSiteHandler(config, { ...rest, ...(logger && requestLog !== false ? { requestLog: logger } : {}) });
  handler = site.handler;
  server.on('close', () => void site.feeds.close());
  await site.feeds.ready;
  return Object.assign(server, { feeds: site.feeds });
}

// --- internal ---

function buildApp(config: ResolvedConfig, options: FeedRouterOptions, logRequests: boolean): Express & { feeds: FeedRouter } {
  const app = express();
  // Our ETags are precomputed per encoding; Express's own would hash every body again and disagree.
  app.set('etag', false);
  app.set('x-powered-by', false);
  const logger = toLogger(options.log);
  if (logger && logRequests) app.use(createRequestLog(logger));
  const feeds = createFeedRouter(config, { ...options, log: logger ?? false });
  app.use('/', feeds);
  // The app owns the whole host: an unknown page gets the site's French 404 page, anything else the short text.
  app.use(async (req: express.Request, res: express.Response) => {
    const snapshot = await feeds.source.snapshotFor(options.mountPath ?? '').catch(() => undefined);
    sendNotFound(req, res, snapshot, req.path);
  });
  return Object.assign(app, { feeds });
}

function toLogger(log: FeedRouterOptions['log']): ((line: string) => void) | undefined {
  if (typeof log === 'function') return log;
  if (log === true) return (line) => process.stderr.write(`${line}\n`);
  return undefined;
}
