import { z } from 'zod';

/**
 * Building blocks of the API contract. Everything under server/contract is shared with the client, which may
 * import types and zod schemas from here and nothing else of the server: files here import only zod and each other.
 */

/** A legal date as 'YYYY-MM-DD' (cycle ends, decision dates): a day, never an instant. */
export const plainDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD.')
  .refine((value) => {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'This date does not exist.')
  .meta({ format: 'date' });
/** An instant, ISO 8601 in UTC. */
export const instant = z.iso.datetime({ offset: true }).meta({ description: 'ISO 8601 instant (UTC).' });
export const uuid = z.uuid();
export const code = z.string().regex(/^[a-z0-9-]{2,40}$/);
export const registrationNumber = z.string().regex(/^\d{4,12}$/, 'A registration number has 4 to 12 digits.');
export const variantKind = z.enum(['generalist', 'specialist']);
/** A name the register holds in Dutch and English. */
export const localized = z.object({ nl: z.string(), en: z.string() });

export const noQuery = z.strictObject({});
export const idParams = z.strictObject({ id: uuid });
export const evidenceParams = z.strictObject({ id: uuid, evidenceId: uuid });
export const registrationNumberParams = z.strictObject({ registrationNumber });

export const pageQuery = (maxPageSize: number, defaultPageSize: number) => ({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(maxPageSize).default(defaultPageSize),
});

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int().min(0), page: z.number().int().min(1), pageSize: z.number().int().min(1) });

/** The registration lifecycle's statuses (the table registration_statuses holds the same codes). */
export const registrationStatus = z.enum([
  'concept',
  'submitted',
  'in_review',
  'registered',
  'rejected',
  'reregistration_submitted',
  'struck_off',
  'suspended',
  'lapsed',
  'withdrawn',
]);
export type RegistrationStatusCode = z.infer<typeof registrationStatus>;
