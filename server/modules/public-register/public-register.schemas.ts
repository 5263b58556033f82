import { z } from 'zod';
import { singleLineText } from '../../domain/text.js';

export const searchQuerySchema = z.strictObject({
  q: singleLineText({ min: 2, max: 100 }),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export const registrationNumberParamSchema = z.strictObject({
  registrationNumber: z.string().regex(/^\d{4,12}$/, 'A registration number has 4 to 12 digits.'),
});

export const noQuerySchema = z.strictObject({});
