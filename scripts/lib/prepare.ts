import { createDataSource, runMigrations } from '../../server/db/data-source.js';
import { run } from './processes.js';

export async function migrate(databaseUrl: string, log: (line: string) => void): Promise<void> {
  const ds = createDataSource(databaseUrl, { poolSize: 2, applicationName: 'vakregister-migrate' });
  await ds.initialize();
  try {
    const applied = await runMigrations(ds);
    log(applied.length ? `applied migrations: ${applied.join(', ')}` : 'database schema is up to date');
  } finally {
    await ds.destroy();
  }
}

export async function buildClient(): Promise<void> {
  const code = await run('vite', process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'client/vite.config.ts', '--logLevel', 'warn']);
  if (code !== 0) throw new Error(`client build failed (exit ${code})`);
}
