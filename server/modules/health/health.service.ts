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

export class HealthService {
  constructor(
    private readonly db: DataSource,
    private readonly redis: Redis,
  ) {}

  /** ok when Postgres and Redis answer within 2 s; degraded, naming what is down, otherwise. */
  async check() {
    const [dbResult, redisResult] = await Promise.allSettled([withTimeout(pingDatabase(this.db), 2000), withTimeout(this.redis.ping(), 2000)]);
    return {
      status: dbResult.status === 'fulfilled' && redisResult.status === 'fulfilled' ? ('ok' as const) : ('degraded' as const),
      db: dbResult.status === 'fulfilled' ? ('ok' as const) : ('down' as const),
      redis: redisResult.status === 'fulfilled' ? ('ok' as const) : ('down' as const),
    };
  }
}
