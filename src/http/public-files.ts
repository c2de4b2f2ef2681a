// http: a request path → the file of the static-assets folder (`public/`) it names, or nothing. The one place a
// request path becomes a file path: no traversal, no dotfile, no directory listing, no symlink out of the folder.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isNotModified } from './conditional.ts';
import path from 'node:path';
import { floorToSecond } from '../_lib/floor-to-second.ts';

/** A file of the static-assets folder that may be sent. */
export interface PublicFile {
  /** Real absolute path (symlinks resolved), inside the folder. */
  readonly absolute: string;
  /** Size in bytes. */
  readonly size: number;
  /** Last modification instant (for `Last-Modified`). */
  readonly mtime: Date;
  /** `Content-Type` header value, with `charset=utf-8` for text. */
  readonly contentType: string;
}

/** Content types by lower-case extension; anything else is `application/octet-stream`. */
export const PUBLIC_CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  htm: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8', // RFC 9239 §6
  mjs: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
  webmanifest: 'application/manifest+json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  ico: 'image/x-icon',
  pdf: 'application/pdf',
  woff: 'font/woff',
  woff2: 'font/woff2',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
};

/** `Content-Type` of a file name by its extension (`robots.txt` → `text/plain; charset=utf-8`). */
export function contentTypeOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const extension = dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
  return Object.hasOwn(PUBLIC_CONTENT_TYPES, extension) ? PUBLIC_CONTENT_TYPES[extension]! : 'application/octet-stream';
}

/**
 * The file `urlPath` (a request path such as `/images/une.jpg`, percent-encoded as received) names inside
 * `publicDir`, or undefined: for a path that is not clean (`..`, `.` or empty segments, encoded or not, a backslash,
 * a NUL or other control character, bad percent-encoding), a dotfile or dot-folder anywhere on the way (`/.git/`,
 * `/.env`), a folder (no listing; `/dir/` serves `dir/index.html` if there is one), a missing file, or a symlink
 * whose real path leaves the folder or is a dotfile.
 */
export async function resolvePublicFile(publicDir: string, urlPath: string): Promise<PublicFile | undefined> {
  if (typeof publicDir !== 'string' || publicDir === '') throw new TypeError('publicDir: expected a folder path');
  if (typeof urlPath !== 'string') throw new TypeError(`urlPath: expected a string, got ${typeof urlPath}`);
  const segments = readSegments(urlPath);
  if (!segments) return undefined;

  let root: string;
  let real: string;
  try {
    root = await realpath(publicDir);
    real = await realpath(path.join(root, ...segments));
  } catch {
    return undefined; // a missing folder or file, or a dangling symlink
  }
  const inside = path.relative(root, real);
  if (inside === '' || path.isAbsolute(inside) || inside.split(path.sep).some((s) => s === '..' || s.startsWith('.'))) return undefined;

  try {
    const info = await stat(real);
    if (!info.isFile()) return undefined;
    return { absolute: real, size: info.size, mtime: info.mtime, contentType: contentTypeOf(segments.at(-1)!) };
  } catch {
    return undefined;
  }
}

// --- internal ---

/** The path's segments, decoded once, each a plain file or folder name; undefined when any is not. */
function readSegments(urlPath: string): string[] | undefined {
  if (!urlPath.startsWith('/') || urlPath.includes('\\') || urlPath.includes('\0')) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\\') || /[\u0000-\u001F\u007F]/.test(decoded)) return undefined;
  const segments = decoded.slice(1).split('/');
  if (segments.at(-1) === '') segments[segments.length - 1] = 'index.html';
  if (segments.some((s) => s === '' || s.startsWith('.'))) return undefined;
  return segments;
}

/** Options of {@link sendPublicFile}. */
export interface SendPublicFileOptions {
  /** `Cache-Control` of every answer (config.cacheControl), as for feeds and pages. */
  readonly cacheControl: string;
}

/**
 * Sends one static asset with the validators and caching headers of feeds and pages: a strong ETag from its size and
 * modification time (as nginx makes one), `Last-Modified` in whole seconds, 304 when fresh, no body for HEAD.
 */
export function sendPublicFile(req: IncomingMessage, res: ServerResponse, file: PublicFile, options: SendPublicFileOptions): void {
  const lastModified = floorToSecond(file.mtime);
  const etag = `"${file.size.toString(16)}-${Math.floor(file.mtime.getTime() / 1000).toString(16)}"`;
  res.setHeader('Cache-Control', options.cacheControl);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('ETag', etag);
  res.setHeader('Last-Modified', lastModified.toUTCString());
  if (isNotModified({ method: req.method ?? 'GET', headers: req.headers }, { etag, lastModified })) {
    res.statusCode = 304;
    res.end();
    return;
  }
  res.statusCode = 200;
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Length', String(file.size));
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file.absolute);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}
