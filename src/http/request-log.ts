// http: one line per answered request (`GET /feed.xml 200 1234B 0.4ms`), for `gazette serve`.
import type { NextFunction, Request, Response } from 'express';

/** Express middleware that calls `write` with one line when each response finishes. */
export function createRequestLog(write: (line: string) => void): (req: Request, res: Response, next: NextFunction) => void {
  if (typeof write !== 'function') throw new TypeError('write must be a function');
  return (req, res, next) => {
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const length = res.getHeader('Content-Length');
      const bytes = req.method === 'HEAD' || res.statusCode === 304 ? 0 : Number(length ?? 0);
      write(`${req.method} ${req.originalUrl ?? req.url} ${res.statusCode} ${bytes}B ${ms.toFixed(1)}ms`);
    });
    next();
  };
}
