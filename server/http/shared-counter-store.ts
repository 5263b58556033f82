import type { Redis } from 'ioredis';

interface Counter {
  /** Start of the fixed window this counter counts, in ms since the epoch. */
  windowStart: number;
  /** The window's total in Redis as last read back (all instances, including our own flushed hits). */
  shared: number;
  /** Hits sent to Redis whose reply has not arrived yet. */
  inFlight: number;
  /** Hits counted here and not yet sent. */
  pending: number;
}

export interface SharedCounterStoreOptions {
  redis: Redis;
  /** Key prefix in Redis, e.g. `rl:public:`. */
  prefix: string;
  /** How often this process sends its counts to Redis and reads back the shared totals. */
  syncIntervalMs: number;
  /** Called when syncs start failing (once per outage, not on every retry); the counts stay here meanwhile. */
  onSyncError?: (err: unknown) => void;
}

/**
 * Counts fixed windows per client (for the public rate limit, server/http/security.ts) in this process at once and shares them through Redis
 * every `syncIntervalMs`: one pipelined INCRBY + PEXPIREAT per active client, instead of a Redis round trip on
 * every request (about a third of the Node CPU a public lookup costs).
 *
 * - One API process counts exactly: its own hits are in the total at once.
 * - With several processes, each sees the others' hits at most one sync later, so a client spread over N of them
 *   can overshoot the limit by what it sends in one interval.
 * - While Redis is unreachable every process still limits on its own counts, and sends them when it is back.
 */
/** A client's count in the current window, and when that window ends. */
export interface WindowCount {
  totalHits: number;
  resetTime: Date;
}

export class SharedCounterStore {
  readonly prefix: string;
  private windowMs = 60_000;
  private readonly counters = new Map<string, Counter>();
  /** The next sync, only while there are unsent hits: an idle store keeps no timer. */
  private timer: NodeJS.Timeout | null = null;
  private syncing: Promise<void> | null = null;
  private stopped = false;
  private failing = false;

  constructor(private readonly options: SharedCounterStoreOptions) {
    this.prefix = options.prefix;
  }

  init(options: { windowMs: number }): void {
    this.windowMs = options.windowMs;
  }

  increment(key: string): WindowCount {
    const counter = this.counter(key, Date.now());
    counter.pending += 1;
    this.scheduleSync();
    return this.info(counter);
  }

  /** Forgets a client's count, here and in Redis (an operator lifting a limit). */
  async resetKey(key: string): Promise<void> {
    const counter = this.counters.get(key);
    this.counters.delete(key);
    if (counter) await this.options.redis.del(this.redisKey(key, counter.windowStart));
  }

  /** Sends what is still unsent; no sync is scheduled after this. */
  async shutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.sync();
  }

  /**
   * Sends every counter's unsent hits and reads back the shared totals, in one pipeline. Returns when done;
   * a sync already under way is awaited instead of starting a second one.
   */
  sync(): Promise<void> {
    this.syncing ??= this.send().finally(() => (this.syncing = null));
    return this.syncing;
  }

  private scheduleSync(): void {
    if (this.timer || this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.sync();
    }, this.options.syncIntervalMs);
    // The store must never keep a process alive that is otherwise done.
    this.timer.unref();
  }

  private async send(): Promise<void> {
    const currentWindow = this.windowStartOf(Date.now());
    const batch: Array<{ key: string; counter: Counter; delta: number }> = [];
    for (const [key, counter] of this.counters) {
      if (counter.windowStart < currentWindow && counter.inFlight === 0) {
        // A window that has ended no longer limits anyone.
        this.counters.delete(key);
      } else if (counter.pending !== 0) {
        batch.push({ key, counter, delta: counter.pending });
        counter.inFlight += counter.pending;
        counter.pending = 0;
      }
    }
    if (batch.length === 0) return;

    const pipeline = this.options.redis.pipeline();
    for (const { key, counter, delta } of batch) {
      const redisKey = this.redisKey(key, counter.windowStart);
      pipeline.incrby(redisKey, delta);
      // Kept one sync past the window's end, so a late sync of that window still finds it.
      pipeline.pexpireat(redisKey, counter.windowStart + this.windowMs + this.options.syncIntervalMs);
    }
    let replies: Array<[Error | null, unknown]> | null = null;
    let error: unknown = null;
    try {
      replies = await pipeline.exec();
    } catch (err) {
      error = err;
    }
    batch.forEach(({ counter, delta }, i) => {
      counter.inFlight -= delta;
      const [err, total] = replies?.[2 * i] ?? [new Error('no reply'), null];
      if (err || typeof total !== 'number') counter.pending += delta;
      else counter.shared = total;
    });
    error ??= replies?.find(([err]) => err)?.[0] ?? null;
    if (error && !this.failing) this.options.onSyncError?.(error);
    this.failing = error !== null;
    // Hits that could not be sent (or arrived meanwhile) go with the next sync.
    if ([...this.counters.values()].some((c) => c.pending !== 0)) this.scheduleSync();
  }

  private counter(key: string, now: number): Counter {
    const windowStart = this.windowStartOf(now);
    let counter = this.counters.get(key);
    if (!counter || counter.windowStart !== windowStart) {
      counter = { windowStart, shared: 0, inFlight: 0, pending: 0 };
      this.counters.set(key, counter);
    }
    return counter;
  }

  private info(counter: Counter): WindowCount {
    return { totalHits: counter.shared + counter.inFlight + counter.pending, resetTime: new Date(counter.windowStart + this.windowMs) };
  }

  private windowStartOf(now: number): number {
    return now - (now % this.windowMs);
  }

  private redisKey(key: string, windowStart: number): string {
    return `${this.prefix}${key}:${windowStart}`;
  }
}
