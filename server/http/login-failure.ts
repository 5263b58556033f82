import type { Request, Response } from 'express';
import type { Logger } from 'pino';

/** What the login-failed page can tell the user; the client shows a text per reason and offers to try again. */
export const LOGIN_FAILURE_REASONS = ['access_denied', 'login_required', 'provider_error', 'invalid_request', 'unknown'] as const;
export type LoginFailureReason = (typeof LOGIN_FAILURE_REASONS)[number];

/** How a login through /auth/callback went wrong. */
export type LoginFailure =
  /** The provider sent the user back with ?error= (RFC 6749 4.1.2.1, OpenID Connect Core 3.1.2.6). */
  | { kind: 'provider_said'; error: string }
  /** The callback is not the answer to a login we started: no code, no error, or a state we do not know. */
  | { kind: 'not_our_request' }
  /** The strategy refused what the provider sent (e.g. an ID token for another audience or with a wrong nonce). */
  | { kind: 'refused'; message: string | undefined }
  /** An error on the way: the token or userinfo endpoint, the network, or our own account lookup. */
  | { kind: 'error'; err: unknown };

const PROVIDER_ERRORS: Record<string, LoginFailureReason> = {
  access_denied: 'access_denied',
  login_required: 'login_required',
  interaction_required: 'login_required',
  consent_required: 'login_required',
  account_selection_required: 'login_required',
  invalid_request: 'invalid_request',
  invalid_request_uri: 'invalid_request',
  invalid_request_object: 'invalid_request',
  request_not_supported: 'invalid_request',
  request_uri_not_supported: 'invalid_request',
  unsupported_response_type: 'invalid_request',
  invalid_scope: 'invalid_request',
  unauthorized_client: 'invalid_request',
  server_error: 'provider_error',
  temporarily_unavailable: 'provider_error',
};

function errorFields(err: unknown): { name?: string; code?: string; message?: string; status?: number } {
  if (typeof err !== 'object' || err === null) return { message: String(err) };
  const e = err as { name?: unknown; code?: unknown; message?: unknown; status?: unknown; oauthError?: { statusCode?: unknown; code?: unknown; message?: unknown } };
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    name: text(e.name),
    code: text(e.code) ?? text(e.oauthError?.code),
    message: text(e.message),
    status: typeof e.status === 'number' ? e.status : typeof e.oauthError?.statusCode === 'number' ? e.oauthError.statusCode : undefined,
  };
}

/** Pure: which reason the user is shown for a failure. */
export function loginFailureReason(failure: LoginFailure): LoginFailureReason {
  switch (failure.kind) {
    case 'provider_said':
      return PROVIDER_ERRORS[failure.error] ?? 'provider_error';
    case 'not_our_request':
      return 'invalid_request';
    case 'refused':
      return 'provider_error';
    case 'error': {
      const { name, code } = errorFields(failure.err);
      // The provider's own ?error= as passport-openidconnect raises it.
      if (name === 'AuthorizationError') return PROVIDER_ERRORS[code ?? ''] ?? 'provider_error';
      // The token endpoint refused the code: a stale, reused or forged code is a bad request of ours to retry.
      if (name === 'TokenError') return code === 'invalid_grant' || code === 'invalid_request' ? 'invalid_request' : 'provider_error';
      // The token or userinfo endpoint could not be reached or answered nonsense.
      if (name === 'InternalOAuthError') return 'provider_error';
      return 'unknown';
    }
  }
}

export function loginFailedPath(reason: LoginFailureReason): string {
  return `/login/failed?reason=${reason}`;
}

/**
 * Every failed /auth/callback ends here: logged once at warn with the request id (never the query string, which
 * holds the code, nor any token), then a redirect to the page that says what happened.
 */
export function respondLoginFailed(req: Request, res: Response, logger: Logger, failure: LoginFailure): void {
  const reason = loginFailureReason(failure);
  const detail =
    failure.kind === 'error' ? { error: errorFields(failure.err) } : failure.kind === 'provider_said' ? { providerError: failure.error.slice(0, 100) } : failure.kind === 'refused' ? { refusal: failure.message } : {};
  logger.warn({ requestId: req.id, reason, failure: failure.kind, ...detail }, 'login failed');
  res.redirect(302, loginFailedPath(reason));
}
