/** Why a login failed, as the server's /auth/callback reports it in /login/failed?reason=…; anything else is unknown. */
export const LOGIN_FAILURE_REASONS = ['access_denied', 'login_required', 'provider_error', 'invalid_request', 'unknown'] as const;
export type LoginFailureReason = (typeof LOGIN_FAILURE_REASONS)[number];

export function loginFailureReason(raw: string | null): LoginFailureReason {
  return (LOGIN_FAILURE_REASONS as readonly string[]).includes(raw ?? '') ? (raw as LoginFailureReason) : 'unknown';
}
