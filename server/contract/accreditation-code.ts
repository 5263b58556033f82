/**
 * The accreditation code as people type it: two groups of four symbols from an alphabet without the look-alikes
 * 0/O and 1/I. Shared with the client (which normalises what a user types) and the activities module.
 */
export const ACCREDITATION_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const ACCREDITATION_CODE_PATTERN = /^[A-Z2-9]{4}-[A-Z2-9]{4}$/;

/** Upper case, spaces and dashes dropped, the dash put back: "abcd efgh" and "ABCD-EFGH" are the same code. */
export function normalizeAccreditationCode(input: string): string {
  const plain = input.toUpperCase().replace(/[\s-]+/g, '');
  return plain.length === 8 ? `${plain.slice(0, 4)}-${plain.slice(4)}` : plain;
}

export function isAccreditationCode(value: string): boolean {
  if (!ACCREDITATION_CODE_PATTERN.test(value)) return false;
  for (const ch of value.replace('-', '')) if (!ACCREDITATION_CODE_ALPHABET.includes(ch)) return false;
  return true;
}
