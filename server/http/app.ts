import express, { type Express, type RequestHandler } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type pg from 'pg';
import type { AppConfig } from '../config/config.js';
import { ROUTES, type RouteName } from '../contract/routes.js';
import { accountRoutes } from '../modules/accounts/accounts.routes.js';
import { accreditationRoutes, OWN_JSON_BODY } from '../modules/accreditations/accreditations.routes.js';
import { applicationRoutes } from '../modules/applications/applications.routes.js';
import { certificateRoutes } from '../modules/certificates/certificates.routes.js';
import { cpdActivityRoutes } from '../modules/cpd-activities/cpd-activities.routes.js';
import { docsAssets, docsRoutes, DOCS_ASSETS_PATH } from '../modules/docs/docs.routes.js';
import { organisationRoutes } from '../modules/organisations/organisations.routes.js';
import { publicRegisterRoutes } from '../modules/public-register/public-register.routes.js';
import { staffRoutes } from '../modules/staff-applications/staff-applications.routes.js';
import { staffCpdRoutes } from '../modules/staff-cpd/staff-cpd.routes.js';
import type { Runtime } from '../runtime.js';
import { buildServices, type Services } from '../services.js';
import { accessLog } from './access-log.js';
import { apiRouter, routesUnder, type RouteImpls } from './api.js';
import { configurePassport, sessionRouter, type OidcDiscovery } from './auth.js';
import { apiNotFound, errorMiddleware } from './errors.js';
import { originCheck, publicRateLimit, securityHeaders } from './security.js';
import { bearerResolver } from './token-auth.js';

export interface AppDeps extends Pick<Runtime, 'dataSource' | 'redis' | 'queues'> {
  config: AppConfig;
  logger: Logger;
  discovery: OidcDiscovery;
}

/** Every route of the contract with its implementation; a route missing here is a compile error. */
export function implementations(config: AppConfig, services: Services, logger: Logger): RouteImpls {
  return {
    health: { action: 'system.health', handle: () => services.health.check(), status: (body) => (body.status === 'ok' ? 200 : 503) },
    ...docsRoutes(config.publicUrl),
    ...accountRoutes(config, logger),
    ...publicRegisterRoutes(services),
    ...applicationRoutes(services),
    ...certificateRoutes(services),
    ...staffRoutes(services),
    ...staffCpdRoutes(services),
    ...accreditationRoutes(services),
    ...organisationRoutes(services),
    ...cpdActivityRoutes(services),
  };
}

/** Builds the HTTP app; listening is the caller's business (server/main.ts, tests). */
export function createApp(deps: AppDeps): Express {
  const { config, logger } = deps;
  const services = buildServices(deps, config, logger);
  const impls = implementations(config, services, logger);
  const resolveActor = (accountId: string) => services.accounts.actor(accountId);
  const resolveBearer = bearerResolver(config, deps.redis, logger, services.organisations);
  const mount = (names: RouteName[], base = '') => apiRouter(names, impls, resolveActor, base, resolveBearer);

  const app = express();
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // API answers are not cached (Cache-Control: no-store), so hashing every body for an ETag is wasted work.
  // Static files keep theirs: express.static and sendFile make their own.
  app.set('etag', false);

  app.use(accessLog(logger, { ignorePaths: ['/healthz'] }));
  app.use(securityHeaders(config));
  // The public API first, the hottest routes: GET only, no login, no body, no session. Rate limited per client,
  // once for all its routes.
  const publicRoutes = routesUnder('/api/public');
  app.use('/api/public', publicRateLimit(config, deps.redis, logger), mount(publicRoutes, '/api/public'));
  const otherSessionless: RouteName[] = ['health', 'variants', 'docsOpenApi', 'docsReference'];
  app.use(mount(otherSessionless));
  const sessionless = [...publicRoutes, ...otherSessionless];
  app.use(DOCS_ASSETS_PATH, docsAssets());

  // A route that reads a larger JSON body itself, after its policy check (attendance lists), is skipped here.
  app.use(express.json({ limit: '100kb', type: (req) => !OWN_JSON_BODY.test((req as express.Request).path) && typeof (req as express.Request).is('application/json') === 'string' }));
  app.use(express.urlencoded({ extended: false, limit: '100kb', parameterLimit: 50 }));
  app.use(originCheck(config));

  // Sessions and passport only where someone can be logged in: the routes above and the client's static files
  // never read a session, so they skip the store lookup and cookie handling.
  const pool = (deps.dataSource.driver as unknown as { master: pg.Pool }).master;
  configurePassport(config, deps.discovery, (claims) => services.accounts.onLogin(claims));
  const withSession: RequestHandler = sessionRouter(config, pool);
  app.use(['/auth', '/api'], withSession);
  app.use(mount((Object.keys(ROUTES) as RouteName[]).filter((n) => !sessionless.includes(n))));
  app.use('/api', apiNotFound);
  app.use('/auth', apiNotFound);

  const clientDist = config.clientDistDir ?? path.resolve(process.cwd(), 'client', 'dist');
  if (existsSync(path.join(clientDist, 'index.html'))) {
    app.use(express.static(clientDist, { index: false, maxAge: '1h' }));
    // Client-side routes: every other GET gets the app shell.
    app.get(/.*/, (_req, res) => res.sendFile(path.join(clientDist, 'index.html')));
  } else {
    logger.warn({ clientDist }, 'client build not found; only the API is served');
  }

  app.use(errorMiddleware(logger));
  return app;
}
