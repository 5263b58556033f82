import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { createDataSource } from '../server/db/data-source.js';
import { DEMO_USERS } from './lib/dev-oidc.js';
import { prefixedLogger } from './lib/log.js';
import { buildClient, migrate } from './lib/prepare.js';
import { spawnTs, stopChild } from './lib/processes.js';
import { seedDatabase } from './lib/seed.js';
import { DEMO_API_TOKEN, seedDemoApiToken } from './lib/seed-organisations.js';
import { DEV_PORTS, startStack } from './lib/stack.js';

/** `npm start`: the whole register on one machine, with demo data, in one terminal. Ctrl-C stops every part. */
const log = prefixedLogger('start');
const stack = await startStack({ dataDir: path.resolve('.data'), ports: DEV_PORTS }).catch((err: unknown) => {
  log(err instanceof Error ? err.message : String(err));
  process.exit(1);
});

const children: ChildProcess[] = [];
let stopping = false;
async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    log('stopping…');
    await Promise.all(children.map((c) => stopChild(c, 25_000)));
    await stack.stop();
    log('stopped');
  }
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

try {
  await migrate(stack.env.DATABASE_URL!, prefixedLogger('migrate'));
  const ds = createDataSource(stack.env.DATABASE_URL!, { poolSize: 2, applicationName: 'vakregister-seed' });
  await ds.initialize();
  try {
    await seedDatabase(ds, { registrants: 200, issuer: stack.env.OIDC_ISSUER!, evidenceDir: stack.env.EVIDENCE_DIR!, log: prefixedLogger('seed') });
    if (stack.env.VAKREGISTER_DEV_SERVICES) await seedDemoApiToken(ds);
  } finally {
    await ds.destroy();
  }
  log('building the client…');
  await buildClient();
} catch (err) {
  log(`start failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  await stopAll(1);
}

for (const [name, entry] of [
  ['server', 'server/main.ts'],
  ['workers', 'workers/main.ts'],
] as const) {
  const child = spawnTs(name, entry, stack.env);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      log(`${name} exited (${signal ?? code}); stopping everything`);
      void stopAll(1);
    }
  });
  children.push(child);
}

const url = stack.env.PUBLIC_URL!;
const lines = [
  '',
  `Vakregister runs at ${url}`,
  ...stack.started.map((s) => `  ${s}`),
  '',
  stack.env.VAKREGISTER_DEV_SERVICES ? 'Demo logins (development OpenID provider):' : '',
  ...(stack.env.VAKREGISTER_DEV_SERVICES
    ? [
        ...DEMO_USERS.map((u) => `  ${u.role.padEnd(13)} user ${u.username.padEnd(13)} password ${u.password}`),
        '  first-time user: any name starting with "nieuw-", password demo-nieuw',
        `  provider API: curl -H 'Authorization: Bearer ${DEMO_API_TOKEN}' ${url}/api/token`,
      ]
    : []),
  '',
  'Press Ctrl-C to stop.',
  '',
];
for (const line of lines) log(line);
