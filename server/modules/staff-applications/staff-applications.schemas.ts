import { z } from 'zod';
import { freeText } from '../../domain/text.js';

export const queueQuerySchema = z.strictObject({
  status: z.enum(['submitted', 'in_review']).optional(),
  variant: z.string().regex(/^[a-z0-9-]{2,40}$/).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export const decisionSchema = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('approve'), expectedStatus: z.enum(['submitted', 'in_review']) }),
  z.strictObject({ decision: z.literal('reject'), expectedStatus: z.enum(['submitted', 'in_review']), reason: freeText({ min: 5, max: 2000 }) }),
  z.strictObject({ decision: z.literal('request_info'), expectedStatus: z.enum(['submitted', 'in_review']), question: freeText({ min: 5, max: 2000 }) }),
]);
export type Decision = z.infer<typeof decisionSchema>;
