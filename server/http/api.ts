import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { z } from 'zod';
import { ROUTES, type RouteContract, type RouteName } from '../contract/routes.js';
import { ANONYMOUS, type Actor } from '../policies/actor.js';
import { AppError } from '../domain/errors.js';
import { authorize, isOpenToAnyone, takesTokens, type Action } from '../policies/policy.js';
import type { BearerResolver } from './token-auth.js';

type Route<N extends RouteName> = (typeof ROUTES)[N];
type OutputOf<T> = T extends z.ZodType ? z.output<T> : undefined;
type BodyOf<R> = R extends { body: { json: infer S } } ? OutputOf<S> : R extends { body: { multipart: infer S } } ? OutputOf<S> : undefined;

/** What a route's handler gets: its validated input and the actor, plus req/res for the few that stream or redirect. */
export interface RouteInput<N extends RouteName> {
  params: Route<N> extends { params: infer S } ? OutputOf<S> : Record<string, never>;
  query: Route<N> extends { query: infer S } ? OutputOf<S> : Record<string, never>;
  body: BodyOf<Route<N>>;
  actor: Actor;
  requestId: string | null;
  req: Request;
  res: Response;
}

/** JSON routes return their body (typed by the contract); file, redirect and 204 routes write the response themselves. */
type Result<N extends RouteName> = Route<N>['success'] extends { json: infer S extends z.ZodType } ? z.input<S> : void;

export interface RouteImpl<N extends RouteName> {
  /** The policy action this route needs; checked before any input is read. */
  action: Action;
  /** Middleware run after the policy check and the params, before the body (e.g. reading a multipart upload). */
  before?: (input: Pick<RouteInput<N>, 'params' | 'actor'>) => RequestHandler[] | Promise<RequestHandler[]>;
  handle(input: RouteInput<N>): Promise<Result<N>>;
  /** The status of a JSON answer when it is not the contract's success status (the health check's 503). */
  status?: (result: Result<N>) => number;
}

export type RouteImpls<N extends RouteName = RouteName> = { [K in N]: RouteImpl<K> };

function refuseToken(): never {
  throw new AppError('forbidden', 'This route does not take API tokens; it is for people logged in.');
}

export type ActorResolver = (accountId: string) => Promise<Actor | null>;

function runMiddleware(handlers: RequestHandler[], req: Request, res: Response): Promise<void> {
  return handlers.reduce<Promise<void>>(
    (previous, handler) =>
      previous.then(
        () =>
          new Promise<void>((resolve, reject) => {
            Promise.resolve(handler(req, res, (err?: unknown) => (err ? reject(err instanceof Error ? err : new Error('middleware failed', { cause: err })) : resolve()))).catch(reject);
          }),
      ),
    Promise.resolve(),
  );
}

/**
 * An Express router serving the named routes of the contract, each through one path: actor → policy check →
 * params and query validated → `before` middleware → body validated → handler → JSON answer (no-store).
 */
export function apiRouter<N extends RouteName>(names: readonly N[], impls: RouteImpls<N>, resolveActor: ActorResolver, base = '', resolveBearer?: BearerResolver): Router {
  const router = Router();
  for (const name of names) {
    const contract: RouteContract = ROUTES[name];
    const impl = impls[name] as unknown as RouteImpl<RouteName>;
    const path = contract.path.slice(base.length) || '/';
    const method = contract.method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete';
    router[method](path, async (req, res) => {
      // The actor, resolved once per request (one route answers it): anonymous without a session (the public API:
      // no lookup, no extra await), else the account with roles, person and memberships; a deleted account is anonymous.
      // An Authorization header is an organisation's API token: it decides alone, whatever session (so a request that
      // carries one never acts as a cookie session, which is why the Origin check lets it pass). On a route that takes
      // tokens it is valid or refused at once (401); a route for sessions only refuses it (403) unread, and a public
      // route ignores it.
      const authorization = req.headers.authorization;
      const actor =
        authorization !== undefined && resolveBearer
          ? takesTokens(impl.action)
            ? await resolveBearer(authorization, req, res)
            : isOpenToAnyone(impl.action)
              ? ANONYMOUS
              : refuseToken()
          : req.user
            ? ((await resolveActor(req.user.accountId)) ?? ANONYMOUS)
            : ANONYMOUS;
      authorize(actor, impl.action);
      const params = contract.params ? contract.params.parse(req.params) : {};
      const query = contract.query ? contract.query.parse(req.query) : {};
      if (impl.before) await runMiddleware(await impl.before({ params, actor } as never), req, res);
      const body = contract.body ? ('json' in contract.body ? contract.body.json.parse(req.body) : contract.body.multipart.parse(req.body)) : undefined;
      const requestId = String(req.id ?? '') || null;
      const result = await impl.handle({ params, query, body, actor, requestId, req, res } as never);
      if ('json' in contract.success) {
        const status = impl.status?.(result as never) ?? contract.success.status;
        if (status !== 200) res.status(status);
        res.setHeader('Cache-Control', 'no-store');
        res.json(result);
      }
    });
  }
  return router;
}

/** The routes of the contract whose path starts with a prefix: how app.ts mounts groups behind different middleware. */
export const routesUnder = (prefix: string): RouteName[] =>
  (Object.keys(ROUTES) as RouteName[]).filter((n) => ROUTES[n].path === prefix || ROUTES[n].path.startsWith(`${prefix}/`));
