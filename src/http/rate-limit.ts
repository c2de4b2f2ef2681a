// http: the opt-in limit on full feed downloads — per client address and feed, a fixed hour window, bounded memory.
import type { IncomingMessage } from 'node:http';
import type { RateLimitSettings } from '../config/config-schema.ts';

/** Default {@link RateLimiterOptions.capacity}: (address, feed) pairs remembered; about 1 MB. */
export const DEFAULT_RATE_LIMIT_CAPACITY = 10_000;

/** The window one count covers. */
const HOUR_MS = 3_600_000;

/** Options of {@link createRateLimiter}. */
export interface RateLimiterOptions extends RateLimitSettings {
  /** Most (address, feed) pairs counted at once; past it, the pair counted longest ago is dropped. */
  readonly capacity?: number;
  /** The clock (ms); a test passes its own. */
  readonly now?: () => number;
}

/** Counts full downloads and says when one is one too many. */
export interface RateLimiter {
  /**
   * Counts one full (200) response of `path` to the client of `req`. Returns undefined when it may be sent, else the
   * seconds until the client may download it again (the `Retry-After` of a 429, RFC 6585 §4).
   */
  takeFull(req: IncomingMessage, path: string): number | undefined;
  /** Pairs counted right now (for tests: never above the capacity). */
  readonly size: number;
}

/**
 * A limiter allowing `fullResponsesPerHour` full downloads of one feed per client address in an hour, counted from
 * the first one. Conditional requests answered 304 are never counted: the caller asks only before a 200.
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { fullResponsesPerHour: limit, trustProxy, capacity = DEFAULT_RATE_LIMIT_CAPACITY, now = Date.now } = options;
  if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`fullResponsesPerHour must be a positive whole number, got ${limit}`);
  if (!Number.isSafeInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive whole number, got ${capacity}`);
  // Insertion order = the order windows started: the first key is the one to drop when full.
  const windows = new Map<string, { start: number; count: number }>();
  return {
    takeFull(req, path) {
      const key = `${clientAddress(req, trustProxy)} ${path}`;
      const at = now();
      let window = windows.get(key);
      if (window === undefined || at - window.start >= HOUR_MS) {
        windows.delete(key);
        window = { start: at, count: 0 };
        windows.set(key, window);
        for (const oldest of windows.keys()) {
          if (windows.size <= capacity) break;
          windows.delete(oldest);
        }
      }
      if (window.count >= limit) return Math.max(1, Math.ceil((window.start + HOUR_MS - at) / 1000));
      window.count += 1;
      return undefined;
    },
    get size() {
      return windows.size;
    },
  };
}

/**
 * The client's address: the socket's, or with `trustProxy` the last `X-Forwarded-For` entry — the one the proxy
 * in front added; the entries before it are whatever the client wrote, so they are never trusted.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const header = req.headers['x-forwarded-for'];
    const list = Array.isArray(header) ? header.join(',') : header;
    const last = list?.split(',').at(-1)?.trim();
    if (last) return last;
  }
  return req.socket.remoteAddress ?? '';
}
