import type { ErrorRequestHandler, RequestHandler } from 'express';
import { QueryFailedError } from 'typeorm';
import { ZodError } from 'zod';
import type { Logger } from 'pino';
import { AppError } from '../domain/errors.js';
import { ERROR_STATUS } from './error-status.js';

interface ErrorBody {
  error: { code: string; message: string; details?: unknown; requestId: string };
}

function body(requestId: string, code: string, message: string, details?: unknown): ErrorBody {
  return { error: { code, message, ...(details === undefined ? {} : { details }), requestId } };
}

function pgCode(err: unknown): string | undefined {
  if (err instanceof QueryFailedError) {
    const driverError = (err as QueryFailedError & { driverError?: { code?: string } }).driverError;
    return driverError?.code;
  }
  return undefined;
}

/** Errors that express's own parsers raise carry a status and a type. */
function parserError(err: unknown): { status: number; type: string } | null {
  if (typeof err === 'object' && err !== null && 'type' in err && 'status' in err) {
    const { status, type } = err as { status: unknown; type: unknown };
    if (typeof status === 'number' && typeof type === 'string') return { status, type };
  }
  return null;
}

/**
 * A path parameter that is not valid percent-encoding: the router (Express 5) throws a URIError it marks 400
 * while decoding req.params, before any handler runs.
 */
function isBadPathEncoding(err: unknown): boolean {
  return err instanceof URIError && (err as URIError & { status?: unknown }).status === 400;
}

/**
 * A body that does not match its Content-Encoding: body-parser passes zlib's error on, marked 400 but without a
 * type (zlib's codes are Z_DATA_ERROR, Z_BUF_ERROR, ERR_BROTLI_...).
 */
function isBadBodyEncoding(err: unknown): boolean {
  if (typeof err !== 'object' || err === null || (err as { status?: unknown }).status !== 400) return false;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && /^(Z_|ERR_BROTLI|ERR__ERROR_|ERR_ZSTD)/.test(code);
}

export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const requestId = String(req.id ?? '');
    if (err instanceof AppError) {
      res.status(ERROR_STATUS[err.code]).json(body(requestId, err.code, err.message, err.details));
      return;
    }
    if (err instanceof ZodError) {
      const issues = err.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code }));
      res.status(400).json(body(requestId, 'invalid_input', 'The request is not valid.', issues));
      return;
    }
    if (pgCode(err) === '23505') {
      res.status(409).json(body(requestId, 'conflict', 'This already exists.'));
      return;
    }
    if (isBadPathEncoding(err)) {
      res.status(400).json(body(requestId, 'invalid_path', 'The address contains invalid percent-encoding.'));
      return;
    }
    if (isBadBodyEncoding(err)) {
      res.status(400).json(body(requestId, 'malformed_body', 'The request body does not match its Content-Encoding.'));
      return;
    }
    const parser = parserError(err);
    if (parser) {
      const map: Record<string, [string, string]> = {
        'entity.too.large': ['payload_too_large', 'The request body is too large.'],
        'entity.parse.failed': ['malformed_body', 'The request body is not valid JSON.'],
        'encoding.unsupported': ['unsupported_encoding', 'The request body encoding is not supported.'],
        'charset.unsupported': ['unsupported_charset', 'The request body charset is not supported.'],
      };
      const [code, message] = map[parser.type] ?? ['bad_request', 'The request could not be read.'];
      res.status(parser.status >= 400 && parser.status < 500 ? parser.status : 400).json(body(requestId, code, message));
      return;
    }
    logger.error({ err, requestId }, 'unhandled request error');
    res.status(500).json(body(requestId, 'internal_error', 'Something went wrong on our side. Quote the request id when you contact us.'));
  };
}

export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new AppError('not_found', `No route ${req.method} ${req.path}.`));
};
