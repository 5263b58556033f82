import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadScriptConfig } from '../server/config/config.js';
import { createDataSource } from '../server/db/data-source.js';
import { seedDatabase } from './lib/seed.js';
import { DEV_DATABASE_URL, DEV_PORTS } from './lib/stack.js';

/**
 * `npm run seed` (demo data, idempotent) or `npm run seed -- --registrants 100000` (benchmark set).
 * Without DATABASE_URL it seeds the database of a running `npm start`.
 */
const { values } = parseArgs({ options: { registrants: { type: 'string', default: '200' } }, strict: true });
const registrants = Number(values.registrants);
if (!Number.isInteger(registrants) || registrants < 1 || registrants > 2_000_000) {
  process.stderr.write('--registrants must be a whole number from 1 to 2,000,000\n');
  process.exit(2);
}
let config: ReturnType<typeof loadScriptConfig>;
try {
  config = loadScriptConfig({ databaseUrl: DEV_DATABASE_URL, oidcIssuer: `http://localhost:${DEV_PORTS.oidc}`, evidenceDir: path.resolve('.data', 'evidence') });
} catch (err) {
  process.stderr.write(`${err instanceof ConfigError ? err.message : String(err)}\n`);
  process.exit(78);
}
if (config.usingDefaults) process.stdout.write(`seed: DATABASE_URL not set; using the npm start database on port ${DEV_PORTS.postgres}\n`);
const dataSource = createDataSource(config.databaseUrl, { poolSize: 2, applicationName: 'vakregister-seed' });
try {
  await dataSource.initialize();
} catch (err) {
  process.stderr.write(`seed: cannot reach the database (${String(err)}). Start it with \`npm start\` or set DATABASE_URL.\n`);
  process.exit(1);
}
try {
  await seedDatabase(dataSource, { registrants, issuer: config.oidcIssuer, evidenceDir: config.evidenceDir, log: (line) => process.stdout.write(`${line}\n`) });
} finally {
  await dataSource.destroy();
}
