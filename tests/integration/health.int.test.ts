import { expect } from 'chai';
import { Redis } from 'ioredis';
import { createDataSource } from '../../server/db/data-source.js';
import { discoverIssuer } from '../../server/http/auth.js';
import { createApp } from '../../server/http/app.js';
import { createLogger } from '../../server/logger.js';
import { loadConfig } from '../../server/config/config.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import type { AddressInfo } from 'node:net';

describe('GET /healthz', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ port: 0 });
  });
  after(() => app?.close());

  it('answers 200 with db and redis ok', async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).to.equal(200);
    expect(await res.json()).to.deep.equal({ status: 'ok', db: 'ok', redis: 'ok' });
  });

  it('answers 503 naming what is down', async () => {
    const config = { ...loadConfig(), logLevel: 'silent' as const };
    // A database that was closed and a Redis nobody listens on.
    const deadDb = createDataSource(config.databaseUrl, { poolSize: 1 });
    await deadDb.initialize();
    await deadDb.destroy();
    const deadRedis = new Redis('redis://127.0.0.1:1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
    deadRedis.on('error', () => undefined);
    const down = createApp({
      config,
      logger: createLogger(config, 'test'),
      discovery: await discoverIssuer(config.oidc.issuer),
      dataSource: app.runtime.dataSource,
      redis: deadRedis,
      queues: app.runtime.queues,
    });
    const server = down.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`;
      const res = await fetch(url);
      expect(res.status).to.equal(503);
      expect(await res.json()).to.deep.equal({ status: 'degraded', db: 'ok', redis: 'down' });

      const down2 = createApp({ config, logger: createLogger(config, 'test'), discovery: await discoverIssuer(config.oidc.issuer), dataSource: deadDb, redis: app.runtime.redis, queues: app.runtime.queues });
      const server2 = down2.listen(0, '127.0.0.1');
      await new Promise((r) => server2.once('listening', r));
      const res2 = await fetch(`http://127.0.0.1:${(server2.address() as AddressInfo).port}/healthz`);
      expect(res2.status).to.equal(503);
      expect(await res2.json()).to.deep.equal({ status: 'degraded', db: 'down', redis: 'ok' });
      server2.close();
    } finally {
      server.close();
      deadRedis.disconnect();
    }
  });
});
