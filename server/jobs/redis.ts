import { Redis } from 'ioredis';

export function createRedis(url: string, name: string): Redis {
  // maxRetriesPerRequest null is what BullMQ requires for blocking connections.
  return new Redis(url, { maxRetriesPerRequest: null, connectionName: name, lazyConnect: false });
}
