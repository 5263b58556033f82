import { expect } from 'chai';
import { Redis } from 'ioredis';
import { loadConfig } from '../../server/config/config.js';
import { SharedCounterStore } from '../../server/http/shared-counter-store.js';
import { waitFor } from '../helpers/test-app.js';

/** API instances' stores over the test stack's Redis, synced by hand (the timer is an hour) unless a test says otherwise. */
describe('public rate limit counts (SharedCounterStore over real Redis)', () => {
  const prefix = `rl:test:${process.pid}:`;
  let redis: Redis;
  const stores: SharedCounterStore[] = [];

  function store(options: { windowMs?: number; redis?: Redis; onSyncError?: (err: unknown) => void; syncIntervalMs?: number } = {}): SharedCounterStore {
    const s = new SharedCounterStore({ redis: options.redis ?? redis, prefix, syncIntervalMs: options.syncIntervalMs ?? 3_600_000, onSyncError: options.onSyncError });
    s.init({ windowMs: options.windowMs ?? 60_000 });
    stores.push(s);
    return s;
  }
  const hits = (s: SharedCounterStore, key: string, n: number) => Array.from({ length: n }, () => s.increment(key).totalHits);

  before(() => {
    redis = new Redis(loadConfig().redisUrl);
  });
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.shutdown().catch(() => undefined);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
  });
  after(() => redis.quit());

  it('counts a client at once, without waiting for Redis, and sends the counts on its own', async () => {
    const a = store({ syncIntervalMs: 50 });
    expect(hits(a, '203.0.113.7', 4)).to.deep.equal([1, 2, 3, 4]);
    expect(hits(a, '198.51.100.1', 1)).to.deep.equal([1]);
    const sent = async () => Number(await redis.get((await redis.keys(`${prefix}203.0.113.7:*`))[0] ?? 'none'));
    await waitFor('counts in Redis', sent, (n) => n === 4, 2_000);
  });

  it('shares the counts between instances at each sync, and keeps them in Redis for the window only', async () => {
    const a = store();
    const b = store();
    hits(a, 'client', 5);
    await a.sync();
    // B has not heard of A's hits until it syncs its own.
    expect(b.increment('client').totalHits).to.equal(1);
    await b.sync();
    expect(b.increment('client').totalHits).to.equal(7);
    await b.sync();
    expect(a.increment('client').totalHits).to.equal(6);
    await a.sync();
    expect(a.increment('client').totalHits).to.equal(9);

    const [key] = await redis.keys(`${prefix}client:*`);
    expect(Number(await redis.get(key!))).to.equal(8);
    const ttl = await redis.pttl(key!);
    expect(ttl).to.be.above(0).and.at.most(60_000 + 3_600_000);
  });

  it('starts again at 1 in the next window', async () => {
    const a = store({ windowMs: 200 });
    // Start just after a window boundary, so the first three hits share a window.
    await new Promise((resolve) => setTimeout(resolve, 200 - (Date.now() % 200) + 5));
    expect(hits(a, 'client', 3)).to.deep.equal([1, 2, 3]);
    await new Promise((resolve) => setTimeout(resolve, 210));
    expect(hits(a, 'client', 1)).to.deep.equal([1]);
  });

  it('keeps limiting on its own counts while Redis is unreachable, losing none of them', async () => {
    const dead = new Redis('redis://127.0.0.1:1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
    dead.on('error', () => undefined);
    const errors: unknown[] = [];
    const offline = store({ redis: dead, onSyncError: (err) => errors.push(err) });
    hits(offline, 'client', 3);
    await offline.sync();
    await offline.sync();
    // Told once per outage, not on every retry.
    expect(errors).to.have.length(1);
    // Nothing was lost: the three hits still count, and the next one makes four.
    expect(offline.increment('client').totalHits).to.equal(4);
    dead.disconnect();
  });

  it('forgets a client on resetKey, here and in Redis', async () => {
    const a = store();
    hits(a, 'client', 3);
    await a.sync();
    await a.resetKey('client');
    expect(await redis.keys(`${prefix}client:*`)).to.deep.equal([]);
    expect(a.increment('client').totalHits).to.equal(1);
  });
});
