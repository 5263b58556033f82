import type { AppConfig } from '../../config/config.js';
import type { RouteImpls } from '../../http/api.js';
import type { Logger } from 'pino';
import { authenticateOidc, oidcCallback, SESSION_COOKIE } from '../../http/auth.js';
import { presentMe } from './accounts.presenter.js';

const asError = (err: unknown): Error => (err instanceof Error ? err : new Error('session operation failed', { cause: err }));

/** Login (OpenID Connect code flow through passport), logout, and who is asking. */
export function accountRoutes(config: Pick<AppConfig, 'secureCookies'>, logger: Logger): RouteImpls<'login' | 'loginCallback' | 'logout' | 'me'> {
  return {
    login: { action: 'session.login', before: () => [authenticateOidc({})], handle: () => Promise.resolve() },
    // Every failure lands on /login/failed?reason=… (see server/http/login-failure.ts), never on an error body.
    loginCallback: { action: 'session.login', before: () => [oidcCallback(logger, '/account')], handle: () => Promise.resolve() },
    logout: {
      action: 'session.logout',
      async handle({ req, res }) {
        await new Promise<void>((resolve, reject) => req.logout((err) => (err ? reject(asError(err)) : resolve())));
        await new Promise<void>((resolve, reject) => req.session.destroy((err: unknown) => (err ? reject(asError(err)) : resolve())));
        res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: config.secureCookies });
        res.status(204).end();
      },
    },
    me: { action: 'session.me', handle: ({ actor }) => Promise.resolve(presentMe(actor)) },
  };
}
