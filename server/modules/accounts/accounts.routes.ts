import type { AppConfig } from '../../config/config.js';
import type { RouteImpls } from '../../http/api.js';
import type { Logger } from 'pino';
import { authenticateOidc, oidcCallback, SESSION_COOKIE } from '../../http/auth.js';
import { presentMe } from './accounts.presenter.js';

/** Login (OpenID Connect code flow through passport), logout, and who is asking. */
export function accountRoutes(config: Pick<AppConfig, 'secureCookies'>, logger: Logger): RouteImpls<'login' | 'loginCallback' | 'logout' | 'me'> {
  return {
    login: { action: 'session.login', before: () => [authenticateOidc({})], handle: async () => undefined },
    // Every failure lands on /login/failed?reason=… (see server/http/login-failure.ts), never on an error body.
    loginCallback: { action: 'session.login', before: () => [oidcCallback(logger, '/account')], handle: async () => undefined },
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
