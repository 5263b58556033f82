import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import type { AppConfig } from './config/config.js';
import { createDataSource } from './db/data-source.js';
import { createCertificateQueue } from './jobs/certificates.js';
import { createEmailQueue, createRedis } from './jobs/queues.js';

// Legal dates stay 'YYYY-MM-DD' strings; never turn them into instants in the server's time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

export interface Runtime {
  dataSource: DataSource;
  redis: Redis;
  emailQueue: Queue;
  certificateQueue: Queue;
  close(): Promise<void>;
}

/** The shared infrastructure of a process: database, Redis, queues. close() releases them in order. */
export async function openRuntime(config: AppConfig, logger: Logger, name: string): Promise<Runtime> {
  const dataSource = createDataSource(config.databaseUrl, { applicationName: name });
  await dataSource.initialize();
  const redis = createRedis(config.redisUrl, `${name}-main`);
  redis.on('error', (err) => logger.warn({ err: err.message }, 'redis connection error'));
  // BullMQ never closes a connection it was handed, so the runtime keeps them and closes them itself.
  const queueConnections = [createRedis(config.redisUrl, `${name}-queue`), createRedis(config.redisUrl, `${name}-certificate-queue`)] as const;
  const emailQueue = createEmailQueue(queueConnections[0]);
  const certificateQueue = createCertificateQueue(queueConnections[1]);
  return {
    dataSource,
    redis,
    emailQueue,
    certificateQueue,
    async close() {
      await certificateQueue.close().catch((err: unknown) => logger.warn({ err }, 'queue close failed'));
      await emailQueue.close().catch((err: unknown) => logger.warn({ err }, 'queue close failed'));
      for (const connection of queueConnections) connection.disconnect();
      redis.disconnect();
      await dataSource.destroy();
    },
  };
}
