import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** This request's id: the caller's X-Request-Id when it is well-formed, else a new UUID. */
      id: string;
    }
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** The path without its query string, and without the secret of an invitation link (/invitations/<secret>). */
const logPath = (url: string): string => url.split('?')[0]!.replace(/^\/invitations\/[^/]+/, '/invitations/[redacted]');

/**
 * Gives every request an id (echoed as X-Request-Id, used in error bodies and audit rows) and logs one line when
 * it ends: method, path without the query string (it can carry names typed into the public search), status and
 * duration. Errors themselves are logged by the error middleware.
 *
 * Not pino-http: it builds two child loggers with the serialized request on every request, even when nothing is
 * logged, which measured ~40 µs of a ~600 µs public lookup. Here nothing is done unless a line can be written.
 */
export function accessLog(logger: Logger, options: { ignorePaths: string[] }): RequestHandler {
  const ignored = new Set(options.ignorePaths);
  return (req, res, next) => {
    const incoming = req.headers['x-request-id'];
    req.id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', req.id);
    // Failures are logged at error level, so listening is needed as long as that level is on. The level is asked
    // first: req.path parses the URL.
    if (!logger.isLevelEnabled('error') || ignored.has(req.path)) return next();

    const started = process.hrtime.bigint();
    const done = (event: 'finish' | 'close') => {
      res.off('finish', onFinish);
      res.off('close', onClose);
      const line = {
        req: { id: req.id, method: req.method, path: logPath(req.originalUrl) },
        res: { statusCode: res.statusCode },
        responseTime: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        ...(event === 'close' ? { aborted: true } : {}),
      };
      if (res.statusCode >= 500) logger.error(line, 'request failed');
      else logger.info(line, event === 'close' ? 'request aborted' : 'request completed');
    };
    const onFinish = () => done('finish');
    const onClose = () => done('close');
    res.once('finish', onFinish);
    res.once('close', onClose);
    next();
  };
}
