import { Router } from 'express';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { pingDatabase } from '../../db/repositories/health.repository.js';

async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** 200 when Postgres and Redis answer; 503 naming what is down. */
export function healthRouter(db: DataSource, redis: Redis): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    const [dbResult, redisResult] = await Promise.allSettled([withTimeout(pingDatabase(db), 2000), withTimeout(redis.ping(), 2000)]);
    const body = {
      status: dbResult.status === 'fulfilled' && redisResult.status === 'fulfilled' ? 'ok' : 'degraded',
      db: dbResult.status === 'fulfilled' ? 'ok' : 'down',
      redis: redisResult.status === 'fulfilled' ? 'ok' : 'down',
    };
    res.set('Cache-Control', 'no-store');
    res.status(body.status === 'ok' ? 200 : 503).json(body);
  });
  return router;
}
