/**
 * The format of a certificate's verification code: 10 symbols from an alphabet without the look-alikes I, O, 0
 * and 1, so a code read off paper is typed back correctly. Shared by the server (which draws codes) and the client.
 */
export const VERIFICATION_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const VERIFICATION_CODE_LENGTH = 10;

const VERIFICATION_CODE = new RegExp(`^[${VERIFICATION_CODE_ALPHABET}]{${VERIFICATION_CODE_LENGTH}}$`);

/** True only for strings a generator could have produced (so never I, O, 0 or 1). */
export function isVerificationCode(value: string): boolean {
  return VERIFICATION_CODE.test(value);
}

/** What people type, paste or scan: lower case, spaces and dashes ("abcde-fghjk", "ABCDE – FGHJK") are forgiven. */
export function normalizeVerificationCode(input: string): string {
  return input.toUpperCase().replace(/[\s\u002D\u2010-\u2015\u2212]+/g, '');
}
