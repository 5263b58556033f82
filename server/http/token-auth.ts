import type { Request, Response } from 'express';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/config.js';
import { AppError } from '../domain/errors.js';
import { bearerToken } from '../domain/organisations.js';
import type { OrganisationsService } from '../modules/organisations/organisations.service.js';
import type { Actor } from '../policies/actor.js';
import { countAgainstLimit } from './security.js';
import { SharedCounterStore } from './shared-counter-store.js';

/** Turns an `Authorization` header into the actor of an organisation's API token, or refuses the request. */
export type BearerResolver = (authorization: string, req: Request, res: Response) => Promise<Actor>;

const WINDOW_MS = 60_000;

/**
 * API tokens (RFC 6750 bearer tokens): a malformed, unknown or revoked token is refused at once with 401 and
 * `WWW-Authenticate: Bearer` (no session needed, none consulted); a valid one is limited per token to the register's
 * requestsPerMinute, counted like the public limit (SharedCounterStore, shared through Redis).
 */
export function bearerResolver(config: AppConfig, redis: Redis, logger: Logger, organisations: OrganisationsService, prefix = 'rl:token:'): BearerResolver {
  const store = new SharedCounterStore({
    redis,
    prefix,
    syncIntervalMs: config.publicRateLimitSyncMs,
    onSyncError: (err) => logger.warn({ err }, 'token rate limit counts not shared: Redis unreachable'),
  });
  store.init({ windowMs: WINDOW_MS });
  return async (authorization, _req, res) => {
    const presented = bearerToken(authorization);
    const caller = presented ? await organisations.tokenCaller(presented) : null;
    if (!caller) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="vakregister", error="invalid_token"');
      throw new AppError('invalid_token', 'The API token is missing, malformed, unknown or revoked.');
    }
    if (!countAgainstLimit(res, store.increment(caller.tokenId), caller.requestsPerMinute, WINDOW_MS)) {
      throw new AppError('rate_limited', 'Too many requests with this API token. Try again in a minute.');
    }
    return caller.actor;
  };
}
