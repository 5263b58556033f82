import { loadConfigOrExit } from '../server/config/config.js';
import { createDataSource, runMigrations } from '../server/db/data-source.js';

/** Runs pending migrations as its own step (docker's one-shot `migrate` service, npm run migrate). */
const config = loadConfigOrExit();
const dataSource = createDataSource(config.databaseUrl, { poolSize: 2, applicationName: 'vakregister-migrate' });
await dataSource.initialize();
try {
  const applied = await runMigrations(dataSource);
  process.stdout.write(applied.length ? `applied migrations: ${applied.join(', ')}\n` : 'database schema is up to date\n');
} finally {
  await dataSource.destroy();
}
