import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '../server/config/config.js';
import { createDataSource } from '../server/db/data-source.js';
import { seedDatabase } from './lib/seed.js';

/** `npm run seed` (demo data, idempotent) or `npm run seed -- --registrants 100000` (benchmark set). */
const { values } = parseArgs({ options: { registrants: { type: 'string', default: '200' } }, strict: true });
const registrants = Number(values.registrants);
if (!Number.isInteger(registrants) || registrants < 1 || registrants > 2_000_000) {
  process.stderr.write('--registrants must be a whole number from 1 to 2,000,000\n');
  process.exit(2);
}
const config = loadConfigOrExit();
const dataSource = createDataSource(config.databaseUrl, { poolSize: 2, applicationName: 'vakregister-seed' });
await dataSource.initialize();
try {
  await seedDatabase(dataSource, { registrants, issuer: config.oidc.issuer, log: (line) => process.stdout.write(`${line}\n`) });
} finally {
  await dataSource.destroy();
}
