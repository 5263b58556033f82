/**
 * Request schemas the client validates its forms with, copied from the server:
 * replaced by server/contract at merge (the lead swaps this import; keep these exact copies of
 * server/domain/application.ts's answersSchema and personDetailsSchema,
 * server/modules/applications/applications.schemas.ts's createSchema,
 * server/modules/staff-applications/staff-applications.schemas.ts's decisionSchema,
 * server/modules/public-register/public-register.schemas.ts's searchQuerySchema, and
 * server/modules/certificates/certificates.schemas.ts's verifyQuerySchema with server/domain/verification-code.ts).
 */
import { z } from 'zod';

const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Mirrors server/domain/plain-date.ts isPlainDate: YYYY-MM-DD and a real calendar day. */
function isPlainDate(value: string): boolean {
  const m = PLAIN_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** What a registrant fills in; documents arrive as evidence files. Validated on every save. */
export const answersSchema = z.strictObject({
  diplomaCode: z.string().regex(/^[a-z0-9-]{2,40}$/).optional(),
  diplomaYear: z.number().int().min(1950).max(2100).optional(),
  vogIssuedOn: z.string().refine(isPlainDate, 'Use a date as YYYY-MM-DD.').optional(),
  declarations: z
    .strictObject({ beroepscode: z.boolean().optional(), tuchtrecht: z.boolean().optional(), publication: z.boolean().optional() })
    .optional(),
  requirements: z.record(z.string().regex(/^[a-z0-9-]{2,40}$/), z.strictObject({ hours: z.number().min(0).max(100_000).optional() })).optional(),
});

export const personDetailsSchema = z.strictObject({
  givenNames: z.string().trim().min(1).max(100),
  prefix: z
    .string()
    .trim()
    .max(30)
    .nullable()
    .transform((v) => (v ? v : null)),
  familyName: z.string().trim().min(1).max(100),
  email: z.email().max(200),
});

/** POST /api/my/registrations: start a concept for a variant. */
export const createSchema = z.strictObject({ variantCode: z.string().regex(/^[a-z0-9-]{2,40}$/) });

export const decisionSchema = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('approve'), expectedStatus: z.enum(['submitted', 'in_review']) }),
  z.strictObject({ decision: z.literal('reject'), expectedStatus: z.enum(['submitted', 'in_review']), reason: z.string().trim().min(5).max(2000) }),
  z.strictObject({ decision: z.literal('request_info'), expectedStatus: z.enum(['submitted', 'in_review']), question: z.string().trim().min(5).max(2000) }),
]);

export const searchQuerySchema = z.strictObject({
  q: z.string().trim().min(2, 'Type at least 2 characters.').max(100, 'Use at most 100 characters.'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});

const VERIFICATION_CODE = /^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{10}$/;

/** True only for strings a generator could have produced (so never I, O, 0 or 1). */
export function isVerificationCode(value: string): boolean {
  return VERIFICATION_CODE.test(value);
}

/** What people type, paste or scan: lower case, spaces and dashes ("abcde-fghjk", "ABCDE – FGHJK") are forgiven. */
export function normalizeVerificationCode(input: string): string {
  return input.toUpperCase().replace(/[\s\u002D\u2010-\u2015\u2212]+/g, '');
}

/** Typed or scanned: case, spaces and dashes are forgiven; an empty field means "no code". */
const verificationCodeSchema = z
  .string()
  .max(64, 'A verification code has 10 letters and digits.')
  .transform(normalizeVerificationCode)
  .refine((code) => code === '' || isVerificationCode(code), 'A verification code has 10 letters and digits (never I, O, 0 or 1).')
  .transform((code) => (code === '' ? null : code));

export const verifyQuerySchema = z.strictObject({ code: verificationCodeSchema.optional() });
