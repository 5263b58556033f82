/**
 * The errors the register's rules and data layer raise, by code. What a code means to an HTTP client (its status)
 * is decided in one place only, server/http/errors.ts.
 */
export const ERROR_CODES = [
  // who you are and what you may do
  'unauthenticated',
  'forbidden',
  'csrf_origin_mismatch',
  'csrf_origin_missing',
  'rate_limited',
  // what you sent
  'invalid_input',
  'unknown_variant',
  'invalid_evidence_kind',
  'empty_file',
  'file_required',
  'invalid_upload',
  'file_too_large',
  'unsupported_file_type',
  // what is not there
  'not_found',
  'no_certificate',
  // the state you found has changed, or does not allow this
  'already_exists',
  'not_editable',
  'already_submitted',
  'status_changed',
  'transition_not_allowed',
  'actor_not_allowed',
  'reason_required',
  'generalist_not_active',
  'certificate_pending',
  // the rules are not met
  'generalist_required',
  'application_incomplete',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The one error type the domain, the data layer and the services throw. */
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

/** The limit named in whole megabytes (or kilobytes below one). */
export function fileTooLarge(maxBytes: number): AppError {
  const size = maxBytes >= 1024 * 1024 ? `${Math.floor(maxBytes / 1024 / 1024)} MB` : `${Math.floor(maxBytes / 1024)} kB`;
  return new AppError('file_too_large', `A file may be at most ${size}.`, { maxBytes });
}
