import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import type { AppConfig } from './config/config.js';
import { createDataSource } from './db/data-source.js';
import { createRedis } from './jobs/redis.js';
import { createQueues, type Queues } from './jobs/registry.js';

// Legal dates stay 'YYYY-MM-DD' strings; never turn them into instants in the server's time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

export interface Runtime {
  dataSource: DataSource;
  redis: Redis;
  /** One Queue per queue of the job registry; enqueue with enqueue(runtime.queues, name, payload). */
  queues: Queues;
  close(): Promise<void>;
}

/** The shared infrastructure of a process: database, Redis, queues. close() releases them in order. */
export async function openRuntime(config: AppConfig, logger: Logger, name: string): Promise<Runtime> {
  const dataSource = createDataSource(config.databaseUrl, { applicationName: name });
  await dataSource.initialize();
  const redis = createRedis(config.redisUrl, `${name}-main`);
  redis.on('error', (err) => logger.warn({ err: err.message }, 'redis connection error'));
  // BullMQ never closes a connection it was handed, so the runtime keeps it and closes it itself.
  const queueConnection = createRedis(config.redisUrl, `${name}-queues`);
  queueConnection.on('error', (err) => logger.warn({ err: err.message }, 'redis connection error'));
  const queues = createQueues(queueConnection);
  return {
    dataSource,
    redis,
    queues,
    async close() {
      for (const queue of Object.values(queues)) await queue.close().catch((err: unknown) => logger.warn({ err, queue: queue.name }, 'queue close failed'));
      queueConnection.disconnect();
      redis.disconnect();
      await dataSource.destroy();
    },
  };
}
