import type { AppConfig } from '../../config/config.js';
import type { RouteImpls } from '../../http/api.js';
import { authenticateOidc, SESSION_COOKIE } from '../../http/auth.js';
import { presentMe } from './accounts.presenter.js';

/** Login (OpenID Connect code flow through passport), logout, and who is asking. */
export function accountRoutes(config: Pick<AppConfig, 'secureCookies'>): RouteImpls<'login' | 'loginCallback' | 'logout' | 'me'> {
  return {
    login: { action: 'session.login', before: () => [authenticateOidc({})], handle: async () => undefined },
    loginCallback: {
      action: 'session.login',
      before: () => [authenticateOidc({ failureRedirect: '/account?login=failed', successReturnToOrRedirect: '/account', failureMessage: false })],
      handle: async () => undefined,
    },
    logout: {
      action: 'session.logout',
      async handle({ req, res }) {
        await new Promise<void>((resolve, reject) => req.logout((err) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve())));
        await new Promise<void>((resolve, reject) => req.session.destroy((err: unknown) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve())));
        res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: config.secureCookies });
        res.status(204).end();
      },
    },
    me: { action: 'session.me', handle: async ({ actor }) => presentMe(actor) },
  };
}
