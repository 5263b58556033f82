import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig, type AppConfig } from '../../server/config/config.js';
import { discoverIssuer, type OidcDiscovery } from '../../server/http/auth.js';
import { createApp } from '../../server/http/app.js';
import { createLogger } from '../../server/logger.js';
import { openRuntime, type Runtime } from '../../server/runtime.js';
import { startWorkers, type WorkerSet } from '../../workers/workers.js';
import { checkResponsesOf } from './contract-check.js';

/** The origins of the apps the tests run; every answer from them is checked against the contract. */
const liveOrigins = new Set<string>();
checkResponsesOf((origin) => liveOrigins.has(origin));

export interface TestApp {
  url: string;
  config: AppConfig;
  runtime: Runtime;
  close(): Promise<void>;
}

/**
 * The real app against the test stack's Postgres, Redis and dev OIDC provider (started by scripts/test.ts).
 * `port: 0` gives a throwaway instance on a free port (no OIDC redirect registered there).
 */
export async function startTestApp(
  options: { overrides?: Partial<AppConfig>; port?: number; workers?: boolean; discovery?: (found: OidcDiscovery) => OidcDiscovery } = {},
): Promise<TestApp> {
  const base = loadConfig();
  const config: AppConfig = { ...base, logLevel: 'silent', ...options.overrides };
  const logger = createLogger(config, 'test');
  const runtime = await openRuntime(config, logger, 'vakregister-test');
  const found = await discoverIssuer(config.oidc.issuer);
  const discovery = options.discovery ? options.discovery(found) : found;
  const app = createApp({ config, logger, discovery, ...runtime });
  const port = options.port ?? config.port;
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(port, '127.0.0.1', () => resolve(s));
  });
  let workers: WorkerSet | null = null;
  if (options.workers) workers = await startWorkers(config, runtime, logger);
  const actualPort = (server.address() as AddressInfo).port;
  const url = port === config.port ? config.publicUrl : `http://127.0.0.1:${actualPort}`;
  const origin = new URL(url).origin;
  liveOrigins.add(origin);
  return {
    url,
    config,
    runtime,
    async close() {
      liveOrigins.delete(origin);
      await workers?.close(10_000);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.close();
    },
  };
}

/** Waits for a condition instead of sleeping; fails with the last value after the deadline. */
export async function waitFor<T>(what: string, probe: () => Promise<T>, accept: (value: T) => boolean, deadlineMs = 15_000): Promise<T> {
  const until = Date.now() + deadlineMs;
  let last: T | undefined;
  while (Date.now() < until) {
    last = await probe();
    if (accept(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
}
