import type { RequestHandler, Response } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import helmet from 'helmet';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/config.js';
import { AppError } from '../domain/errors.js';
import { SharedCounterStore, type WindowCount } from './shared-counter-store.js';

export function securityHeaders(config: AppConfig): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'", config.oidc.issuer],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    strictTransportSecurity: config.secureCookies,
  });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** An API call that identifies itself by a bearer token (and so is judged by the token alone). */
export function isBearerApiCall(path: string, authorization: string | undefined): boolean {
  return path.startsWith('/api/') && authorization !== undefined && /^Bearer\s/i.test(authorization);
}

/**
 * CSRF protection by strict origin check: a state-changing request must come from our own origin.
 * Browsers always send Origin on cross-site POST/PUT/PATCH/DELETE, so a missing Origin is only accepted
 * when Sec-Fetch-Site says same-origin, or when no cookie is sent at all (machine clients).
 *
 * An API call with `Authorization: Bearer …` passes whatever its Origin and cookies (an LMS posting from its
 * server): CSRF rides on credentials a browser attaches by itself, and a browser never attaches an Authorization
 * header by itself (a cross-site page could only send one after a CORS preflight, which this app never allows),
 * and under /api such a request acts as the token alone, never as the session (server/http/api.ts).
 */
export function originCheck(config: AppConfig): RequestHandler {
  const allowed = new URL(config.publicUrl).origin;
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    if (isBearerApiCall(req.path, req.get('authorization'))) return next();
    const origin = req.get('origin');
    if (origin) {
      return origin === allowed ? next() : next(new AppError('csrf_origin_mismatch', 'Cross-site request refused.'));
    }
    const fetchSite = req.get('sec-fetch-site');
    if (fetchSite === 'same-origin') return next();
    if (!req.get('cookie')) return next();
    next(new AppError('csrf_origin_missing', 'Cross-site request refused: the Origin header is missing.'));
  };
}

/**
 * Per-client limit for the public register. Counted in this process and shared through Redis every
 * `publicRateLimitSyncMs` (see SharedCounterStore), so every API instance limits on the same counts without a
 * Redis round trip per request, and a Redis outage leaves each instance limiting on its own counts.
 *
 * The store counts synchronously, so the middleware does too: express-rate-limit's generic middleware awaits its
 * options and store five times per request and evaluates `req.ip` for a debug line, about a tenth of a public
 * lookup's Node CPU (measured with npm run bench). The client key is express-rate-limit's own (ipKeyGenerator: IPv6
 * clients by /56 subnet), and the answer carries the IETF draft-8 RateLimit and RateLimit-Policy headers, with
 * Retry-After when refused.
 */
export function publicRateLimit(config: AppConfig, redis: Redis, logger: Logger, prefix = 'rl:public:'): RequestHandler {
  const windowMs = 60_000;
  const limit = config.publicRateLimitPerMinute;
  const store = new SharedCounterStore({
    redis,
    prefix,
    syncIntervalMs: config.publicRateLimitSyncMs,
    onSyncError: (err) => logger.warn({ err }, 'rate limit counts not shared: Redis unreachable'),
  });
  store.init({ windowMs });
  return (req, res, next) => {
    // Without a trusted proxy req.ip is the socket's address; asking express would parse X-Forwarded-For for nothing.
    const ip = (config.trustProxy ? req.ip : req.socket.remoteAddress) ?? 'unknown';
    if (countAgainstLimit(res, store.increment(ipKeyGenerator(ip)), limit, windowMs)) return next();
    next(new AppError('rate_limited', 'Too many requests. Try again in a minute.'));
  };
}

/**
 * The IETF draft-8 RateLimit and RateLimit-Policy headers for one counted hit, with Retry-After when refused;
 * true when the hit is within the limit. Shared by the public limit and the per-token limit (token-auth.ts).
 */
export function countAgainstLimit(res: Response, count: WindowCount, limit: number, windowMs: number): boolean {
  const windowSeconds = Math.ceil(windowMs / 1000);
  const name = `${limit}-in-${windowSeconds}sec`;
  const resetSeconds = Math.max(0, Math.ceil((count.resetTime.getTime() - Date.now()) / 1000));
  res.setHeader('RateLimit', `"${name}"; r=${Math.max(0, limit - count.totalHits)}; t=${resetSeconds}`);
  res.setHeader('RateLimit-Policy', `"${name}"; q=${limit}; w=${windowSeconds}`);
  if (count.totalHits <= limit) return true;
  res.setHeader('Retry-After', String(resetSeconds));
  return false;
}
