import { z } from 'zod';
import { registrationNumber, uuid } from './common.js';

export const ROLES = ['registrant', 'provider', 'employer', 'staff', 'municipality'] as const;
export const role = z.enum(ROLES);
export type Role = z.infer<typeof role>;

/** Who is asking: an anonymous visitor gets account null (200, not 401: being anonymous is not an error). */
export const me = z
  .object({
    account: z.object({ id: uuid, displayName: z.string(), email: z.string().nullable() }).nullable(),
    roles: z.array(role),
    person: z.object({ registrationNumber: registrationNumber.nullable(), name: z.string() }).nullable(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof me>;
