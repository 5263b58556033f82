import express from 'express';
import type { Server } from 'node:http';
import pg from 'pg';
import { normalizeForSearch } from '../../../server/domain/person-name.js';
import {
  publicPersonByNumberQuery,
  publicPersonCountQuery,
  publicPersonSearchQuery,
  type SqlQuery,
} from '../../../server/db/repositories/public-register.repository.js';

export interface Baseline {
  url: string;
  close(): Promise<void>;
}

/**
 * The benchmark's baseline: bare Express and one pg.Pool (the app's pool size) running the statements that the
 * public register service runs, imported from its repository (named, i.e. prepared, like there), and returning
 * the rows as JSON. No middleware, no validation, no presentation: the floor the real app is compared against.
 */
export async function startBaseline(options: { databaseUrl: string; port: number; poolSize: number }): Promise<Baseline> {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize, application_name: 'vakregister-bench-baseline' });
  const run = async (q: SqlQuery): Promise<pg.QueryResultRow[]> => (await pool.query<pg.QueryResultRow>({ name: q.name, text: q.text, values: q.values })).rows;

  const app = express();
  app.get('/api/public/register/:registrationNumber', async (req, res) => {
    res.json(await run(publicPersonByNumberQuery(req.params.registrationNumber)));
  });
  app.get('/api/public/register', async (req, res) => {
    // The service's tokenization and paging, so that the statements and their parameters are the same.
    const tokens = normalizeForSearch(typeof req.query.q === 'string' ? req.query.q : '').split(' ').filter((t) => t.length > 0).slice(0, 6);
    const page = Math.max(1, Number(req.query.page ?? 1));
    const rows = await run(publicPersonSearchQuery(tokens, 20, (page - 1) * 20));
    res.json(rows.length === 0 && page > 1 ? { rows, count: await run(publicPersonCountQuery(tokens)) } : { rows });
  });

  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(options.port, '127.0.0.1', (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  return {
    url: `http://127.0.0.1:${options.port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
