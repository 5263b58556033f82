import { z } from 'zod';

/**
 * The only reader of process.env. Everything is validated once, at start; every bad variable is
 * listed and the process exits non-zero instead of falling back to a guess.
 */
const booleanFromEnv = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    PUBLIC_URL: z.url().optional(),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
    REDIS_URL: z.url({ protocol: /^rediss?$/ }),
    OIDC_ISSUER: z.url(),
    OIDC_CLIENT_ID: z.string().min(1),
    OIDC_CLIENT_SECRET: z.string().min(1),
    SMTP_URL: z.url({ protocol: /^smtps?$/ }),
    MAIL_FROM: z.string().min(3).default('Vakregister <noreply@vakregister.local>'),
    SESSION_SECRET: z.string().min(16).optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    TRUST_PROXY: booleanFromEnv.default(false),
    PUBLIC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(300),
    /** How often each API instance shares its public rate-limit counts through Redis. */
    PUBLIC_RATE_LIMIT_SYNC_MS: z.coerce.number().int().min(10).max(10_000).default(250),
    CLIENT_DIST_DIR: z.string().optional(),
    /** Where evidence uploads are kept: outside any public path, readable only through the API. */
    EVIDENCE_DIR: z.string().min(1).optional(),
    /** Set by scripts/start.ts and scripts/test.ts when they started the embedded dev services. */
    VAKREGISTER_DEV_SERVICES: booleanFromEnv.default(false),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
    if (env.VAKREGISTER_DEV_SERVICES) {
      ctx.addIssue({ code: 'custom', path: ['VAKREGISTER_DEV_SERVICES'], message: 'the development OIDC provider and mail sink are refused in production' });
    }
    if (!env.SESSION_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'required in production (at least 16 characters)' });
    }
    if (!env.PUBLIC_URL?.startsWith('https://')) {
      ctx.addIssue({ code: 'custom', path: ['PUBLIC_URL'], message: 'required in production and must be https' });
    }
  });

export type Env = z.infer<typeof schema>;

export interface AppConfig {
  env: Env['NODE_ENV'];
  port: number;
  publicUrl: string;
  secureCookies: boolean;
  trustProxy: boolean;
  databaseUrl: string;
  redisUrl: string;
  oidc: { issuer: string; clientId: string; clientSecret: string };
  smtpUrl: string;
  mailFrom: string;
  sessionSecret: string;
  logLevel: Env['LOG_LEVEL'];
  publicRateLimitPerMinute: number;
  publicRateLimitSyncMs: number;
  clientDistDir: string | null;
  evidenceDir: string;
  devServices: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses an environment (process.env by default) into the typed config, or throws listing every problem. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`));
  }
  const e = parsed.data;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    publicUrl,
    secureCookies: publicUrl.startsWith('https://'),
    trustProxy: e.TRUST_PROXY,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    oidc: { issuer: e.OIDC_ISSUER.replace(/\/$/, ''), clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET },
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    // Development only: production refuses to start without SESSION_SECRET (see superRefine).
    sessionSecret: e.SESSION_SECRET ?? 'vakregister-development-session-secret',
    logLevel: e.LOG_LEVEL,
    publicRateLimitPerMinute: e.PUBLIC_RATE_LIMIT_PER_MINUTE,
    publicRateLimitSyncMs: e.PUBLIC_RATE_LIMIT_SYNC_MS,
    clientDistDir: e.CLIENT_DIST_DIR ?? null,
    evidenceDir: e.EVIDENCE_DIR ?? `${process.cwd()}/.data/evidence`,
    devServices: e.VAKREGISTER_DEV_SERVICES,
  };
}

/** For process entry points: load or print every problem and exit non-zero. */
export function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78);
    }
    throw err;
  }
}

const scriptSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  OIDC_ISSUER: z.url().optional(),
  EVIDENCE_DIR: z.string().min(1).optional(),
});

/**
 * For maintenance scripts (seed) that only need the database: without DATABASE_URL they use the given
 * defaults, which are those of the `npm start` stack.
 */
export function loadScriptConfig(
  defaults: { databaseUrl: string; oidcIssuer: string; evidenceDir: string },
  source: NodeJS.ProcessEnv = process.env,
): { databaseUrl: string; oidcIssuer: string; evidenceDir: string; usingDefaults: boolean } {
  const parsed = scriptSchema.safeParse(source);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  return {
    databaseUrl: parsed.data.DATABASE_URL ?? defaults.databaseUrl,
    oidcIssuer: (parsed.data.OIDC_ISSUER ?? defaults.oidcIssuer).replace(/\/$/, ''),
    evidenceDir: parsed.data.EVIDENCE_DIR ?? defaults.evidenceDir,
    usingDefaults: !parsed.data.DATABASE_URL,
  };
}
