import { z } from 'zod';

export const searchQuerySchema = z.strictObject({
  q: z.string().trim().min(2, 'Type at least 2 characters.').max(100, 'Use at most 100 characters.'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export const registrationNumberParamSchema = z.strictObject({
  registrationNumber: z.string().regex(/^\d{4,12}$/, 'A registration number has 4 to 12 digits.'),
});

export const noQuerySchema = z.strictObject({});
