// http: a SnapshotSource → an Express router that serves Gazette's paths and calls next() for everything else.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Router, type NextFunction, type Request, type Response } from 'express';
import { isMountPath } from '../_lib/mount-path.ts';
import { isSitePath, NOT_FOUND_PATH, siteUrlOf } from '../_lib/site-paths.ts';
import type { FeedSnapshot, SnapshotEntry } from '../publish/feed-snapshot.ts';
import { healthReport, isOperatorRequest } from './health.ts';
import { sendNotFound, wantsPage } from './not-found.ts';
import { resolvePublicFile, sendPublicFile } from './public-files.ts';
import type { RateLimiter } from './rate-limit.ts';
import { ALLOWED_METHODS, lookupPath, sendSnapshotEntry, sendText, type SendOptions } from './serve-snapshot.ts';
import type { SnapshotSource } from './snapshot-source.ts';

/** Options of {@link createSnapshotRouter}. */
export interface SnapshotRouterOptions {
  /** `Cache-Control` of every feed and page (config.cacheControl). */
  readonly cacheControl: string;
  /**
   * Public path the router is mounted at (`/feeds`): the snapshot of that mount path is served. Default: taken
   * from `req.baseUrl` per request.
   */
  readonly mountPath?: string;
  /** Shows file names and messages in /healthz to requests with `Authorization: Bearer <token>` (local ones see them anyway). */
  readonly healthToken?: string;
  /** The static-assets folder (config.publicDir): its files are served at the paths the build does not own. */
  readonly publicDir?: string;
  /** WebSub hubs (config.hub), named with the feed's own URL in the `Link` header of every feed response. */
  readonly hubs?: readonly string[];
  /** config.siteUrl, without the mount path: the base of the `rel="self"` link. Needed for the `Link` header. */
  readonly siteUrl?: string;
  /** The opt-in limit on full feed downloads; shared with the fast path of `gazette serve`. */
  readonly rateLimiter?: RateLimiter;
}

/**
 * The router. It answers its own paths (what the snapshot holds, `/healthz`, the slash redirects) and hands every
 * other path and method to `next()`, so it can be mounted at `/` before or after the host app's routes.
 */
export function createSnapshotRouter(source: SnapshotSource, options: SnapshotRouterOptions): Router {
  if (!source || typeof source.snapshotFor !== 'function') throw new TypeError('source must be a SnapshotSource');
  if (!options || typeof options.cacheControl !== 'string') throw new TypeError('options.cacheControl must be a string');
  const router = Router();
  const sendOptions = sendOptionsByMount(options);
  /** A file of the static-assets folder, or the next handler: the host app's, or a 404. */
  const sendPublic = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const file =
      options.publicDir !== undefined && (req.method === 'GET' || req.method === 'HEAD') ? await resolvePublicFile(options.publicDir, req.path) : undefined;
    if (file) sendPublicFile(req, res, file, { cacheControl: options.cacheControl });
    else next();
  };
  router.use(async (req: Request, res: Response, next: NextFunction) => {
    try {
      const isRead = req.method === 'GET' || req.method === 'HEAD';
      if (req.path === '/healthz') {
        if (!isRead) return sendMethodNotAllowed(res);
        const mountPath = options.mountPath ?? mountPathOf(req);
        return sendHealth(req, res, source, await source.snapshotFor(mountPath).catch(() => undefined), options.healthToken);
      }
      // Mounted at /feeds, `GET /feeds` would show the front page with links that resolve outside the mount.
      if (req.path === '/' && req.baseUrl !== '' && !requestPath(req.originalUrl).endsWith('/')) {
        if (!isRead) return next();
        return redirect(req, res, `${req.baseUrl}/`);
      }
      if (!isSitePath(req.path)) return await sendPublic(req, res, next);
      const snapshot = await source.snapshotFor(options.mountPath ?? mountPathOf(req));
      if (!snapshot) {
        res.setHeader('Retry-After', '5');
        return sendText(res, 503, 'Service Unavailable: no feeds have been built yet; see /healthz.\n', req.method === 'HEAD');
      }
      const found = lookupPath(snapshot, req.path);
      // Inside Gazette's namespaces an unknown page is Gazette's to answer: its 404 page (other files go to the host).
      if (found.kind === 'missing') {
        if (!isRead || !wantsPage(req.path) || !snapshot.entries.has(NOT_FOUND_PATH)) return await sendPublic(req, res, next);
        return await sendPublic(req, res, (error?: unknown) => (error === undefined ? sendNotFound(req, res, snapshot, req.path) : next(error)));
      }
      if (!isRead) return sendMethodNotAllowed(res);
      if (found.kind === 'redirect') return redirect(req, res, found.location);
      if (found.kind === 'moved') return redirect(req, res, `${req.baseUrl}${encodeURI(found.to)}`);
      const send = sendOptions(options.mountPath ?? mountPathOf(req));
      if (found.kind === 'pending') return sendPendingPage(req, res, await found.page.load(), send);
      sendSnapshotEntry(req, res, found.entry, send);
    } catch (error) {
      next(error);
    }
  });
  return router;
}

/**
 * The same answers without Express, for `gazette serve`: GET and HEAD of a path in the site-root snapshot are
 * answered here, before the app, from the precomputed bytes. Returns false for anything else.
 */
export function createFastPath(
  source: SnapshotSource,
  options: Pick<SnapshotRouterOptions, 'cacheControl' | 'hubs' | 'siteUrl' | 'rateLimiter'>,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  const send = sendOptionsByMount(options)('');
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const snapshot: FeedSnapshot | undefined = source.current();
    if (!snapshot) return false;
    const url = req.url ?? '/';
    const found = lookupPath(snapshot, requestPath(url));
    if (found.kind === 'moved') {
      redirect(req, res, encodeURI(found.to));
      return true;
    }
    if (found.kind === 'pending') {
      const sendPage = (entry: SnapshotEntry | undefined) => sendPendingPage(req, res, entry, send);
      void found.page.load().then(sendPage, () => sendPage(undefined));
      return true;
    }
    if (found.kind !== 'entry') return false;
    sendSnapshotEntry(req, res, found.entry, send);
    return true;
  };
}

/** A page rendered for this request (then kept), or 503 when it cannot be right now (its record is being edited). */
function sendPendingPage(req: IncomingMessage, res: ServerResponse, entry: SnapshotEntry | undefined, options: SendOptions): void {
  if (entry) {
    sendSnapshotEntry(req, res, entry, options);
    return;
  }
  res.setHeader('Retry-After', '1');
  sendText(res, 503, 'Service Unavailable: this page is being rebuilt; try again in a moment.\n', req.method === 'HEAD');
}

// --- internal ---

/** The send options of each mount path, made once (the `rel="self"` base differs per mount path). */
function sendOptionsByMount(options: Pick<SnapshotRouterOptions, 'cacheControl' | 'hubs' | 'siteUrl' | 'rateLimiter'>): (mountPath: string) => SendOptions {
  const made = new Map<string, SendOptions>();
  return (mountPath) => {
    let send = made.get(mountPath);
    if (send === undefined) {
      send = {
        cacheControl: options.cacheControl,
        ...(options.hubs && options.siteUrl !== undefined ? { hubs: options.hubs, selfBase: siteUrlOf(options.siteUrl, mountPath) } : {}),
        ...(options.rateLimiter ? { rateLimiter: options.rateLimiter } : {}),
      };
      made.set(mountPath, send);
    }
    return send;
  };
}

function mountPathOf(req: Request): string {
  return isMountPath(req.baseUrl) ? req.baseUrl : '';
}

function requestPath(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/** 301 to `location`, keeping the query string; from the router or the fast path (no Express there). */
function redirect(req: IncomingMessage & { originalUrl?: string }, res: ServerResponse, location: string): void {
  const url = req.originalUrl ?? req.url ?? '';
  const query = url.includes('?') ? url.slice(url.indexOf('?')) : '';
  res.setHeader('Location', location + query);
  sendText(res, 301, `Moved Permanently: ${location}\n`, req.method === 'HEAD');
}

function sendHealth(req: Request, res: Response, source: SnapshotSource, snapshot: FeedSnapshot | undefined, token: string | undefined): void {
  const report = healthReport(source.health(), snapshot, isOperatorRequest(req, token));
  const body = Buffer.from(`${JSON.stringify(report, null, 2)}\n`, 'utf8');
  res.statusCode = report.status === 'failed' || report.status === 'starting' ? 503 : 200;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Length', String(body.length));
  res.end(req.method === 'HEAD' ? undefined : body);
}

function sendMethodNotAllowed(res: Response): void {
  // RFC 9110 §15.5.6: a 405 must list the methods the resource supports.
  res.setHeader('Allow', ALLOWED_METHODS);
  sendText(res, 405, 'Method Not Allowed\n');
}
