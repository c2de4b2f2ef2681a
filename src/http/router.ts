// http: FeedSnapshot → an Express router (mountable anywhere), an app, and a server for `gazette serve`.
import http from 'node:http';
import express, { Router, type Express, type Request, type Response } from 'express';
import type { ResolvedConfig } from '../config/config-schema.ts';
import { formatDiagnostic } from '../diagnostics.ts';
import { createLiveSite, isMountPath, type BuildStatus } from '../site/live-site.ts';
import { createRequestLog } from './request-log.ts';
import { ALLOWED_METHODS, lookupPath, sendSnapshotEntry, sendText } from './serve-snapshot.ts';

/** Options of {@link createFeedRouter} and {@link createApp}. */
export interface FeedRouterOptions {
  /** Folder of records; default `config.itemsDir`. */
  readonly itemsDir?: string;
  /** Rebuild on changes below `itemsDir`. Default true. */
  readonly watch?: boolean;
  /** `true` logs requests and build messages to stderr; a function receives each line instead. Default false. */
  readonly log?: boolean | ((line: string) => void);
  /**
   * Public path the router is mounted at (`/feeds`), added to `siteUrl` for links and self URLs.
   * Default: taken from `req.baseUrl` per request, with one build per distinct mount path.
   */
  readonly mountPath?: string;
}

/** The /healthz document. */
export interface HealthReport {
  readonly status: 'ok' | 'degraded' | 'starting' | 'failed';
  readonly articles: number;
  readonly updated: string | null;
  readonly lastBuild: { readonly ok: boolean; readonly at: string; readonly errors: number; readonly warnings: number; readonly published: boolean } | null;
  readonly diagnostics: readonly string[];
}

/** An Express router serving Gazette's routes, plus its lifecycle. */
export interface FeedRouter extends Router {
  /** Resolves once the first build is done. */
  readonly ready: Promise<void>;
  /** Stops watching `itemsDir`. */
  close(): Promise<void>;
  /** What /healthz reports. */
  status(): HealthReport;
}

/** Longest diagnostics list /healthz shows; the count fields stay exact. */
const MAX_HEALTH_DIAGNOSTICS = 100;

/** Creates the router: builds the site now, watches `itemsDir`, and answers from the current snapshot. */
export function createFeedRouter(config: ResolvedConfig, options: FeedRouterOptions = {}): FeedRouter {
  if (!config || typeof config.cacheControl !== 'string') throw new TypeError('config must be a ResolvedConfig');
  if (options.mountPath !== undefined && !isMountPath(options.mountPath)) {
    throw new TypeError(`mountPath must be "" or like "/feeds", got ${JSON.stringify(options.mountPath)}`);
  }
  const log = toLogger(options.log);
  const site = createLiveSite(config, {
    watch: options.watch ?? true,
    ...(options.itemsDir !== undefined ? { itemsDir: options.itemsDir } : {}),
    ...(log ? { log } : {}),
  });
  // The snapshot is awaited per request; a failed first build is reported through status, not as a rejection.
  site.ready.catch(() => {});

  const status = (): HealthReport => {
    const build = site.status();
    const snapshot = site.current();
    return {
      status: healthOf(build, snapshot !== undefined),
      articles: snapshot?.articleCount ?? 0,
      updated: snapshot?.updated.toISOString() ?? null,
      lastBuild: build
        ? { ok: build.ok, at: build.at.toISOString(), errors: build.errors, warnings: build.warnings, published: build.published }
        : null,
      diagnostics: (build?.diagnostics ?? []).slice(0, MAX_HEALTH_DIAGNOSTICS).map(formatDiagnostic),
    };
  };

  const router = Router() as FeedRouter;
  router.use(async (req: Request, res: Response) => {
    const isRead = req.method === 'GET' || req.method === 'HEAD';
    if (req.path === '/healthz') {
      if (!isRead) return sendMethodNotAllowed(res);
      await site.ready.catch(() => {});
      const report = status();
      const body = Buffer.from(`${JSON.stringify(report, null, 2)}\n`, 'utf8');
      res.statusCode = report.status === 'failed' || report.status === 'starting' ? 503 : 200;
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Content-Length', String(body.length));
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    const mountPath = options.mountPath ?? (isMountPath(req.baseUrl) ? req.baseUrl : '');
    const snapshot = await site.snapshotFor(mountPath);
    if (!snapshot) {
      res.setHeader('Retry-After', '5');
      return sendText(res, 503, 'Service Unavailable: no feeds have been built yet; see /healthz.\n', req.method === 'HEAD');
    }
    const found = lookupPath(snapshot, req.path);
    if (found.kind === 'missing') return sendText(res, 404, 'Not Found\n', req.method === 'HEAD');
    if (!isRead) return sendMethodNotAllowed(res);
    if (found.kind === 'redirect') {
      const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
      res.setHeader('Location', found.location + query);
      return sendText(res, 301, `Moved Permanently: ${found.location}\n`, req.method === 'HEAD');
    }
    sendSnapshotEntry(req, res, found.entry, { cacheControl: config.cacheControl });
  });

  return Object.assign(router, {
    ready: site.ready.catch(() => {}),
    close: () => site.close(),
    status,
  });
}

/** An Express app with the Gazette router at `/` (no ETag of its own, no X-Powered-By). */
export function createApp(config: ResolvedConfig, options: FeedRouterOptions = {}): Express & { feeds: FeedRouter } {
  const app = express();
  // Our ETags are precomputed per encoding; Express's own would hash every body again and disagree.
  app.set('etag', false);
  app.set('x-powered-by', false);
  const logger = toLogger(options.log);
  if (logger) app.use(createRequestLog(logger));
  const feeds = createFeedRouter(config, { ...options, log: logger ?? false });
  app.use('/', feeds);
  return Object.assign(app, { feeds });
}

/** Options of {@link startServer}. */
export interface StartServerOptions extends FeedRouterOptions {
  readonly config: ResolvedConfig;
  /** Port; 0 picks a free one. */
  readonly port: number;
  /** Interface to bind; default `127.0.0.1`. */
  readonly host?: string;
}

/** Builds, then listens; resolves with the listening server. Closing the server also stops the watcher. */
export async function startServer(options: StartServerOptions): Promise<http.Server & { feeds: FeedRouter }> {
  const { config, port, host = '127.0.0.1', ...rest } = options;
  const app = createApp(config, rest);
  await app.feeds.ready;
  const server = http.createServer(app);
  server.on('close', () => void app.feeds.close());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return Object.assign(server, { feeds: app.feeds });
}

// --- internal ---

function sendMethodNotAllowed(res: Response): void {
  // RFC 9110 §15.5.6: a 405 must list the methods the resource supports.
  res.setHeader('Allow', ALLOWED_METHODS);
  sendText(res, 405, 'Method Not Allowed\n');
}

function healthOf(build: BuildStatus | undefined, serving: boolean): HealthReport['status'] {
  if (!build) return 'starting';
  if (!serving) return 'failed';
  return build.ok ? 'ok' : 'degraded';
}

function toLogger(log: FeedRouterOptions['log']): ((line: string) => void) | undefined {
  if (typeof log === 'function') return log;
  if (log === true) return (line) => process.stderr.write(`${line}\n`);
  return undefined;
}
