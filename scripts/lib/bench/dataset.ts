import path from 'node:path';
import { createDataSource } from '../../../server/db/data-source.js';
import { prefixedLogger } from '../log.js';
import { migrate } from '../prepare.js';
import { seedDatabase } from '../seed.js';
import { startStack, type Stack, type StackPorts } from '../stack.js';

/** Ports of the benchmark's own stack: apart from `npm start` (3000…) and `npm test` (3100…). */
export const BENCH_PORTS: StackPorts = { app: 3200, postgres: 54340, redis: 63810, oidc: 3201, smtp: 1225, mailWeb: 1280 };
export const BENCH_BASELINE_PORT = 3202;
export const BENCH_REGISTRANTS = 100_000;

/**
 * The benchmark's isolated stack with a migrated database holding BENCH_REGISTRANTS seeded registrants.
 * The data dir is kept between runs, so only the first run pays for the seed.
 */
export async function startBenchStack(dataDir: string, log: (line: string) => void): Promise<Stack> {
  // Never the caller's DATABASE_URL & co.: the benchmark seeds 100,000 people into its database.
  const stack = await startStack({ dataDir: path.resolve(dataDir), ports: BENCH_PORTS, source: { NODE_ENV: 'test' } });
  try {
    const databaseUrl = stack.env.DATABASE_URL!;
    await migrate(databaseUrl, prefixedLogger('migrate'));
    const db = createDataSource(databaseUrl, { poolSize: 2, applicationName: 'vakregister-bench-seed' });
    await db.initialize();
    try {
      const [last] = (await db.query(`SELECT 1 AS present FROM persons WHERE seed_key = $1`, [`seed-person-${BENCH_REGISTRANTS - 1}`])) as unknown[];
      if (last) log(`dataset: ${BENCH_REGISTRANTS.toLocaleString('en')} registrants already seeded in ${dataDir}`);
      else await seedDatabase(db, { registrants: BENCH_REGISTRANTS, issuer: stack.env.OIDC_ISSUER!, log: (line) => log(line) });
      // The steady state of a live register: statistics current and the visibility map set (index-only scans).
      await db.query('VACUUM ANALYZE');
    } finally {
      await db.destroy();
    }
    return stack;
  } catch (err) {
    await stack.stop();
    throw err;
  }
}
