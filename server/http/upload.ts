import type { RequestHandler, Response } from 'express';
import multer from 'multer';
import { AppError, fileTooLarge } from '../domain/errors.js';

/**
 * One file per request, kept in memory (at most maxBytes) so its content can be checked before anything is
 * stored. The limit may depend on the request (the register's setting, looked up by an earlier handler into
 * res.locals). Multer's own errors become the one error shape.
 */
export function singleFileUpload(field: string, maxBytes: (res: Response) => number): RequestHandler {
  return (req, res, next) => {
    // Multer reads the raw bytes and would store a compressed body as if it were the file.
    const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    if (encoding !== 'identity') return next(new AppError('unsupported_encoding', 'Send the upload without a Content-Encoding.'));
    const limit = maxBytes(res);
    const handler = multer({ storage: multer.memoryStorage(), limits: { fileSize: limit, files: 1, fields: 5, fieldSize: 1024, parts: 7 } }).single(field);
    handler(req, res, (err: unknown) => {
      if (!err) {
        if (!req.file) return next(new AppError('file_required', `Send the file as multipart/form-data field "${field}".`));
        return next();
      }
      if (err instanceof multer.MulterError) {
        if (err.code === 'LIMIT_FILE_SIZE') return next(fileTooLarge(limit));
        return next(new AppError('invalid_upload', `The upload is not valid (${err.code}).`));
      }
      next(new AppError('invalid_upload', 'The upload could not be read.'));
    });
  };
}
