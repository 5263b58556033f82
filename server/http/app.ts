import express, { type Express, type RequestHandler } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { AccountsService } from '../modules/accounts/accounts.service.js';
import { authRouter, meRouter } from '../modules/accounts/accounts.router.js';
import { healthRouter } from '../modules/health/health.router.js';
import { publicRegisterRouter } from '../modules/public-register/public-register.router.js';
import { PublicRegisterService } from '../modules/public-register/public-register.service.js';
import { myCertificateRouter, publicVerifyRouter } from '../modules/certificates/certificates.router.js';
import { staffRouter } from '../modules/staff/staff.router.js';
import { myRegistrationsRouter, variantsRouter } from '../modules/applications/applications.router.js';
import { ApplicationsService } from '../modules/applications/applications.service.js';
import { staffApplicationsRouter } from '../modules/staff-applications/staff-applications.router.js';
import { StaffApplicationsService } from '../modules/staff-applications/staff-applications.service.js';
import { EvidenceStore } from '../storage/evidence-store.js';
import { configurePassport, requireLogin, requireRole, sessionRouter, type OidcDiscovery } from './auth.js';
import { accessLog } from './access-log.js';
import { apiNotFound, errorMiddleware } from './errors.js';
import { originCheck, publicRateLimit, securityHeaders } from './security.js';

export interface AppDeps {
  config: AppConfig;
  dataSource: DataSource;
  redis: Redis;
  emailQueue: Queue;
  certificateQueue: Queue;
  logger: Logger;
  discovery: OidcDiscovery;
}

/** Runs the middleware except under the given sub-paths of where it is mounted. */
function onlyOutside(prefixes: string[], middleware: RequestHandler): RequestHandler {
  return (req, res, next) => (prefixes.some((p) => req.path === p || req.path.startsWith(`${p}/`)) ? next() : middleware(req, res, next));
}

/** Builds the HTTP app; listening is the caller's business (server/main.ts, tests). */
export function createApp(deps: AppDeps): Express {
  const { config, dataSource, redis, logger } = deps;
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
  app.use('/api/public', publicRateLimit(config, redis, logger));
  app.use('/api/public/verify', publicVerifyRouter({ db: dataSource }));
  app.use('/api/public', publicRegisterRouter(new PublicRegisterService(dataSource)));

  app.use(express.json({ limit: '100kb' }));
  app.use(express.urlencoded({ extended: false, limit: '100kb', parameterLimit: 50 }));

  app.use('/healthz', healthRouter(dataSource, redis));

  const pool = (dataSource.driver as unknown as { master: pg.Pool }).master;
  app.use(originCheck(config));

  // Sessions and passport only where someone can be logged in: the public API, health check and the client's
  // static files never read a session, so they skip the store lookup and cookie handling.
  const accounts = new AccountsService(dataSource, deps.emailQueue, logger);
  configurePassport(config, deps.discovery, (claims) => accounts.onLogin(claims));
  app.use(['/auth', '/api'], onlyOutside(['/public', '/variants'], sessionRouter(config, pool)));

  app.use('/auth', authRouter(config, logger));
  app.use('/api/me', meRouter(dataSource));
  const appDeps = { db: dataSource, evidence: new EvidenceStore(config.evidenceDir), emailQueue: deps.emailQueue, logger };
  const applications = new ApplicationsService(appDeps);
  const requireStaff = requireRole((id) => accounts.roles(id), 'staff');
  app.use('/api/variants', variantsRouter(applications));
  app.use('/api/my/registrations', requireLogin(), myRegistrationsRouter(applications));
  app.use('/api/staff/applications', requireStaff, staffApplicationsRouter(new StaffApplicationsService({ ...appDeps, certificateQueue: deps.certificateQueue })));
  app.use('/api/my/certificate', requireLogin(), myCertificateRouter({ db: dataSource }));
  app.use('/api/staff', staffRouter(dataSource, requireStaff));
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
