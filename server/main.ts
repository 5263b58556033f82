import type { Server } from 'node:http';
import { loadConfigOrExit } from './config/config.js';
import { discoverIssuer } from './http/auth.js';
import { createApp } from './http/app.js';
import { createLogger } from './logger.js';
import { openRuntime } from './runtime.js';

const config = loadConfigOrExit();
const logger = createLogger(config, 'server');
const SHUTDOWN_DEADLINE_MS = 15_000;

const runtime = await openRuntime(config, logger, 'vakregister-server');
const discovery = await discoverIssuer(config.oidc.issuer);
const app = createApp({ config, logger, discovery, ...runtime });
const server: Server = app.listen(config.port, () => logger.info({ port: config.port, url: config.publicUrl }, 'server listening'));
// (SIGTERM/SIGINT handlers below are registered in the same tick, before the listen callback can run.)

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'server stopping');
  const deadline = setTimeout(() => {
    logger.error('server shutdown deadline passed');
    process.exit(1);
  }, SHUTDOWN_DEADLINE_MS);
  deadline.unref();
  // Stop intake, let running requests finish, then release Redis and the database.
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
  await runtime.close();
  logger.info('server stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
