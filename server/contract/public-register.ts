import { z } from 'zod';
import { noQuery, page, pageQuery, plainDate, registrationNumber, registrationNumberParams, variantKind } from './common.js';
import { singleLineText } from './text.js';
import { isVerificationCode, normalizeVerificationCode } from './verification-code.js';

export const publicSearchQuery = z.strictObject({
  q: singleLineText({ min: 2, max: 100 }),
  ...pageQuery(50, 20),
});
export type PublicSearchQuery = z.infer<typeof publicSearchQuery>;

export const publicMeasure = z
  .object({
    type: z.string(),
    body: z.string(),
    decisionDate: plainDate,
    final: z.boolean(),
    appealLodged: z.boolean(),
    startsOn: plainDate.nullable(),
    endsOn: plainDate.nullable(),
    publicUntil: plainDate.nullable().meta({ description: 'null: published permanently.' }),
  })
  .meta({ id: 'PublicMeasure' });
export type PublicMeasure = z.infer<typeof publicMeasure>;

/** The public fields of a register entry; nothing else ever leaves the public register. */
export const publicEntry = z
  .object({
    registrationNumber,
    name: z.string(),
    status: z.string().meta({ description: 'The public status (registered, suspended, lapsed, struck_off, ...).' }),
    register: z.object({ code: z.string(), name: z.string() }),
    variants: z.array(z.object({ code: z.string(), name: z.string(), kind: variantKind })),
    registeredSince: plainDate.nullable(),
    validUntil: plainDate.nullable(),
    measures: z.array(publicMeasure),
  })
  .meta({ id: 'PublicEntry' });
export type PublicEntry = z.infer<typeof publicEntry>;

export const publicSearchResult = page(publicEntry).meta({ id: 'PublicSearchResult' });
export type PublicSearchResult = z.infer<typeof publicSearchResult>;

export { noQuery, registrationNumberParams };

/** Typed or scanned: case, spaces and dashes are forgiven; an empty field means "no code". */
export const verificationCodeInput = z
  .string()
  .max(64, 'A verification code has 10 letters and digits.')
  .transform(normalizeVerificationCode)
  .refine((value) => value === '' || isVerificationCode(value), 'A verification code has 10 letters and digits (never I, O, 0 or 1).')
  .transform((value) => (value === '' ? null : value));
export const verifyQuery = z.strictObject({ code: verificationCodeInput.optional() });

export const codeCheck = z
  .object({
    value: z.string(),
    status: z.enum(['current', 'superseded', 'unknown']),
    revision: z.number().int().nullable(),
    issuedOn: plainDate.nullable(),
    newestRevision: z.number().int().nullable(),
  })
  .meta({ id: 'CodeCheck' });
export const verification = z.object({ entry: publicEntry, code: codeCheck.nullable() }).meta({ id: 'Verification' });
export type Verification = z.infer<typeof verification>;
