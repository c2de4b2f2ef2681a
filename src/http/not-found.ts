// http: the answer to a path nothing serves — the site's French 404 page where a reader expects a page, the short
// plain-text 404 where a program expects a file (a feed, an image, robots.txt…).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { NOT_FOUND_PATH } from '../_lib/site-paths.ts';
import type { FeedSnapshot } from '../publish/feed-snapshot.ts';
import { negotiateEncoding } from './negotiate-encoding.ts';
import { PAGE_SECURITY_HEADERS, sendText } from './serve-snapshot.ts';

/**
 * True when a path asks for a page: its last segment has no extension (`/articles/x/`, `/old-page`) or is an HTML
 * file (`/x.html`). Decided by the path alone, not by `Accept`, so that the answer does not vary by request header
 * (no `Vary: Accept` to cache by) and matches nginx serving the static output, where only the path is known. A feed
 * reader polling a removed `/categories/x/feed.xml` gets the short text, never a page it cannot parse.
 */
export function wantsPage(path: string): boolean {
  const query = path.search(/[?#]/);
  const last = (query === -1 ? path : path.slice(0, query)).split('/').pop() ?? '';
  const dot = last.lastIndexOf('.');
  return dot <= 0 || /^\.html?$/i.test(last.slice(dot));
}

/**
 * Answers 404: with the snapshot's 404 page to a GET or HEAD of a path that {@link wantsPage} when the snapshot has
 * one (a site with pages), else with the short plain-text 404. The page carries no validators or Cache-Control (RFC 9110 §15.5.5: a
 * 404 is cacheable only heuristically, and without Last-Modified no cache keeps it), so a page published at that
 * path later is seen at once.
 */
export function sendNotFound(req: IncomingMessage, res: ServerResponse, snapshot: FeedSnapshot | undefined, path: string): void {
  const isRead = req.method === 'GET' || req.method === 'HEAD';
  const page = isRead && wantsPage(path) ? snapshot?.entries.get(NOT_FOUND_PATH) : undefined;
  const headOnly = req.method === 'HEAD';
  if (page === undefined) {
    sendText(res, 404, 'Not Found\n', headOnly);
    return;
  }
  // A client that refuses every coding still gets the page: a 404 has nothing better to offer.
  const encoding = negotiateEncoding(req.headers['accept-encoding']) ?? 'identity';
  const body = page[encoding];
  res.writeHead(404, {
    ...PAGE_SECURITY_HEADERS,
    'Content-Type': page.contentType,
    Vary: 'Accept-Encoding',
    'X-Content-Type-Options': 'nosniff',
    ...(encoding === 'identity' ? {} : { 'Content-Encoding': encoding }),
    'Content-Length': String(body.length),
  });
  res.end(headOnly ? undefined : body);
}
