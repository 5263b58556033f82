import { z } from 'zod';

const up = z.enum(['ok', 'down']);
export const health = z.object({ status: z.enum(['ok', 'degraded']), db: up, redis: up }).meta({ id: 'Health' });
