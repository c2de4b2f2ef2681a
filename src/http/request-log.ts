// http: one line per answered request (`GET /feed.xml 200 1234B 0.4ms`), for `gazette serve`.
import type { NextFunction, Request, Response } from 'express';

/** Express middleware that calls `write` with one line when each response finishes. */
export function createRequestLog(write: (line: string) => void): (req: Request, res: Response, next: NextFunction) => void {
  if (typeof write !== 'function') throw new TypeError('write must be a function');
  return (req, res, next) => {
    const start = process.hrtime.bigint();
    // The fast path sends its headers in one writeHead call, which Node does not keep for getHeader(): the body
    // bytes are counted as they are handed to the response instead of read back from Content-Length.
    let bytes = 0;
    const { write: writeChunk, end } = res;
    const count = (chunk: unknown, encoding: unknown) => {
      if (typeof chunk === 'string') bytes += Buffer.byteLength(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
      else if (chunk instanceof Uint8Array) bytes += chunk.byteLength;
    };
    res.write = function (this: Response, chunk: unknown, ...rest: unknown[]) {
      count(chunk, rest[0]);
      return (writeChunk as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as Response['write'];
    res.end = function (this: Response, chunk?: unknown, ...rest: unknown[]) {
      if (typeof chunk !== 'function') count(chunk, rest[0]);
      return (end as (...args: unknown[]) => Response).call(this, chunk, ...rest);
    } as Response['end'];
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      // HEAD and 304 send no body (RFC 9110 §9.3.2, §15.4.5), whatever the handler passed along.
      const sent = req.method === 'HEAD' || res.statusCode === 304 ? 0 : bytes;
      write(`${req.method} ${req.originalUrl ?? req.url} ${res.statusCode} ${sent}B ${ms.toFixed(1)}ms`);
    });
    next();
  };
}
