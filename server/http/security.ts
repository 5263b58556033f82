import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/config.js';
import { AppError } from '../domain/errors.js';
import { SharedCounterStore } from './shared-counter-store.js';

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

/**
 * CSRF protection by strict origin check: a state-changing request must come from our own origin.
 * Browsers always send Origin on cross-site POST/PUT/PATCH/DELETE, so a missing Origin is only accepted
 * when Sec-Fetch-Site says same-origin, or when no cookie is sent at all (machine clients).
 */
export function originCheck(config: AppConfig): RequestHandler {
  const allowed = new URL(config.publicUrl).origin;
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
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
 */
export function publicRateLimit(config: AppConfig, redis: Redis, logger: Logger, prefix = 'rl:public:'): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: config.publicRateLimitPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store: new SharedCounterStore({
      redis,
      prefix,
      syncIntervalMs: config.publicRateLimitSyncMs,
      onSyncError: (err) => logger.warn({ err }, 'rate limit counts not shared: Redis unreachable'),
    }),
    handler: (_req, _res, next) => next(new AppError('rate_limited', 'Too many requests. Try again in a minute.')),
  });
}
