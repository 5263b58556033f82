import { Router, type RequestHandler } from 'express';
import session from 'express-session';
import connectPgSimple from 'connect-pg-simple';
import passport from 'passport';
import { Strategy as OpenIDConnectStrategy, type Profile, type VerifyCallback } from 'passport-openidconnect';
import type pg from 'pg';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { AppConfig } from '../config/config.js';
import { cleanReceivedName } from '../domain/text.js';
import { respondLoginFailed } from './login-failure.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface User {
      accountId: string;
    }
  }
}

const discoverySchema = z.object({
  issuer: z.string(),
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  userinfo_endpoint: z.url(),
  end_session_endpoint: z.url().optional(),
});
export type OidcDiscovery = z.infer<typeof discoverySchema>;

/** Reads the issuer's discovery document, retrying briefly while a freshly started provider comes up. */
export async function discoverIssuer(issuer: string, deadlineMs = 20_000): Promise<OidcDiscovery> {
  const url = `${issuer}/.well-known/openid-configuration`;
  const until = Date.now() + deadlineMs;
  let lastError: unknown;
  while (Date.now() < until) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (res.ok) {
        const doc = discoverySchema.parse(await res.json());
        if (doc.issuer.replace(/\/$/, '') !== issuer) throw new Error(`discovery document names issuer ${doc.issuer}, expected ${issuer}`);
        return doc;
      }
      lastError = new Error(`HTTP ${res.status}`);
    } catch (err) {
      lastError = err;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`OIDC discovery at ${url} failed: ${String(lastError)}`);
}

export const SESSION_COOKIE = 'vr.sid';

export function sessionMiddleware(config: AppConfig, pool: pg.Pool): RequestHandler {
  const PgStore = connectPgSimple(session);
  return session({
    name: SESSION_COOKIE,
    secret: config.sessionSecret,
    store: new PgStore({ pool, tableName: 'http_sessions', createTableIfMissing: false, pruneSessionInterval: 15 * 60 }),
    resave: false,
    saveUninitialized: false,
    rolling: true,
    proxy: config.trustProxy,
    cookie: { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, maxAge: 8 * 60 * 60 * 1000 },
  });
}

export interface LoginHandler {
  (claims: { issuer: string; subject: string; displayName: string; email: string | null }): Promise<{ accountId: string }>;
}

/** Authorization code flow with state (session-stored) and nonce, against the configured issuer. */
export function configurePassport(config: AppConfig, discovery: OidcDiscovery, onLogin: LoginHandler): void {
  passport.use(
    'oidc',
    new OpenIDConnectStrategy(
      {
        issuer: discovery.issuer,
        authorizationURL: discovery.authorization_endpoint,
        tokenURL: discovery.token_endpoint,
        userInfoURL: discovery.userinfo_endpoint,
        clientID: config.oidc.clientId,
        clientSecret: config.oidc.clientSecret,
        callbackURL: `${config.publicUrl}/auth/callback`,
        scope: ['profile', 'email'],
        nonce: 'true',
        // Claims such as email come from the userinfo endpoint; a conforming provider keeps them out of the ID token.
        skipUserProfile: false,
      } as ConstructorParameters<typeof OpenIDConnectStrategy>[0],
      (issuer: string, profile: Profile, done: VerifyCallback) => {
        const email = profile.emails?.[0]?.value ?? null;
        // The provider's name becomes the first name of the person (and so of the public entry): no control or
        // text-direction characters, whatever the provider lets its users type.
        const displayName = cleanReceivedName(profile.displayName ?? '') || cleanReceivedName(email ?? '') || profile.id;
        onLogin({ issuer: issuer.replace(/\/$/, ''), subject: profile.id, displayName, email: email && cleanReceivedName(email) === email ? email : null })
          .then(({ accountId }) => done(null, { accountId }))
          .catch((err: unknown) => done(err instanceof Error ? err : new Error(String(err))));
      },
    ),
  );
  passport.serializeUser((user, done) => done(null, user.accountId));
  passport.deserializeUser((accountId: string, done) => done(null, { accountId }));
}

/** The session store, then passport reading the logged-in account from it: one unit, mounted where logins matter. */
export function sessionRouter(config: AppConfig, pool: pg.Pool): Router {
  const router = Router();
  router.use(sessionMiddleware(config, pool), passport.initialize(), passport.session() as RequestHandler);
  return router;
}

export const authenticateOidc = (options: passport.AuthenticateOptions): RequestHandler => passport.authenticate('oidc', options) as RequestHandler;

/**
 * /auth/callback: the provider's answer to our authorization request. Success logs the account in and goes to
 * successRedirect; every failure (an ?error= from the provider, a callback we did not ask for, a refused ID token,
 * an unreachable or refusing token/userinfo endpoint, our own account lookup) goes through respondLoginFailed.
 */
export function oidcCallback(logger: Logger, successRedirect: string): RequestHandler {
  return (req, res, next) => {
    const { error, code } = req.query;
    if (typeof error === 'string' && error !== '') return respondLoginFailed(req, res, logger, { kind: 'provider_said', error });
    // Without a code the strategy would start a new login instead of answering this one.
    if (typeof code !== 'string' || code === '') return respondLoginFailed(req, res, logger, { kind: 'not_our_request' });
    const authenticate = passport.authenticate('oidc', (err: unknown, user: Express.User | false, info: unknown, status: unknown) => {
      if (err) return respondLoginFailed(req, res, logger, { kind: 'error', err });
      if (!user) {
        const message = typeof info === 'object' && info !== null && 'message' in info ? String(info.message) : undefined;
        // The state store fails with 403 "Unable to verify authorization request state." when the session holds no
        // login we started (none at all, another browser, or already used); other 403s are about the ID token.
        const unknownState = status === 403 && message !== undefined && /request state/i.test(message);
        return respondLoginFailed(req, res, logger, unknownState ? { kind: 'not_our_request' } : { kind: 'refused', message });
      }
      req.logIn(user, (loginErr) => (loginErr ? respondLoginFailed(req, res, logger, { kind: 'error', err: loginErr }) : res.redirect(302, successRedirect)));
    }) as RequestHandler;
    authenticate(req, res, next);
  };
}
