import { randomInt } from 'node:crypto';
import { VERIFICATION_CODE_ALPHABET, VERIFICATION_CODE_LENGTH } from '../contract/verification-code.js';

export { isVerificationCode, normalizeVerificationCode, VERIFICATION_CODE_ALPHABET, VERIFICATION_CODE_LENGTH } from '../contract/verification-code.js';

/** Draws a verification code with a CSPRNG: 32^10 ≈ 10^15 codes. */
export function generateVerificationCode(): string {
  let code = '';
  for (let i = 0; i < VERIFICATION_CODE_LENGTH; i++) code += VERIFICATION_CODE_ALPHABET[randomInt(VERIFICATION_CODE_ALPHABET.length)];
  return code;
}
