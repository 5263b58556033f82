import { z } from 'zod';
import { isVerificationCode, normalizeVerificationCode } from '../../domain/verification-code.js';

export { registrationNumberParamSchema } from '../public-register/public-register.schemas.js';

export const noQuerySchema = z.strictObject({});

/** Typed or scanned: case, spaces and dashes are forgiven; an empty field means "no code". */
const verificationCodeSchema = z
  .string()
  .max(64, 'A verification code has 10 letters and digits.')
  .transform(normalizeVerificationCode)
  .refine((code) => code === '' || isVerificationCode(code), 'A verification code has 10 letters and digits (never I, O, 0 or 1).')
  .transform((code) => (code === '' ? null : code));

export const verifyQuerySchema = z.strictObject({ code: verificationCodeSchema.optional() });
export type VerifyQuery = z.infer<typeof verifyQuerySchema>;
