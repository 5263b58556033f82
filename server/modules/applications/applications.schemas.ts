import { z } from 'zod';
import { answersSchema, personDetailsSchema } from '../../domain/application.js';

export const idParamSchema = z.strictObject({ id: z.uuid() });
export const evidenceParamSchema = z.strictObject({ id: z.uuid(), evidenceId: z.uuid() });
export const createSchema = z.strictObject({ variantCode: z.string().regex(/^[a-z0-9-]{2,40}$/) });
export const updateSchema = z
  .strictObject({ person: personDetailsSchema.optional(), application: answersSchema.optional() })
  .refine((b) => b.person !== undefined || b.application !== undefined, 'Send person, application or both.');
export const uploadFieldsSchema = z.strictObject({ kind: z.string().regex(/^[a-z0-9-]{2,40}$/) });
export const noQuerySchema = z.strictObject({});
