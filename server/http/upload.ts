import type { RequestHandler } from 'express';
import multer from 'multer';
import { AppError } from './errors.js';

/**
 * One file per request, kept in memory (at most maxBytes) so its content can be checked before anything is
 * stored. Multer's own errors become the one error shape.
 */
export function singleFileUpload(field: string, maxBytes: number): RequestHandler {
  const handler = multer({ storage: multer.memoryStorage(), limits: { fileSize: maxBytes, files: 1, fields: 5, fieldSize: 1024, parts: 7 } }).single(field);
  return (req, res, next) => {
    handler(req, res, (err: unknown) => {
      if (!err) {
        if (!req.file) return next(new AppError('file_required', 400, `Send the file as multipart/form-data field "${field}".`));
        return next();
      }
      if (err instanceof multer.MulterError) {
        if (err.code === 'LIMIT_FILE_SIZE') return next(new AppError('file_too_large', 413, `A file may be at most ${Math.round(maxBytes / 1024 / 1024)} MB.`));
        return next(new AppError('invalid_upload', 400, `The upload is not valid (${err.code}).`));
      }
      next(new AppError('invalid_upload', 400, 'The upload could not be read.'));
    });
  };
}
