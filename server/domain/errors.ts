import type { ErrorCode } from '../contract/errors.js';

export type { ErrorCode } from '../contract/errors.js';

/**
 * The one error type the domain, services and repositories throw: a documented code (server/contract/errors.ts),
 * a message for people, and optional details. Which HTTP status a code means is decided in server/http only.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string): AppError => new AppError('not_found', `${what} not found.`);
export const unauthenticated = (): AppError => new AppError('unauthenticated', 'Log in to use this.');
export const forbidden = (): AppError => new AppError('forbidden', 'You are not allowed to do this.');

/** The upload limit, named in whole megabytes (or kilobytes below one). */
export function fileTooLarge(maxBytes: number): AppError {
  const size = maxBytes >= 1024 * 1024 ? `${Math.floor(maxBytes / 1024 / 1024)} MB` : `${Math.floor(maxBytes / 1024)} kB`;
  return new AppError('file_too_large', `A file may be at most ${size}.`, { maxBytes });
}
