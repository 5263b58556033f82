/** Registration numbers are strings: leading zeros are part of the number. */
export function formatRegistrationNumber(sequenceValue: number | bigint, digits: number): string {
  const text = String(sequenceValue);
  if (text.length > digits) throw new RangeError(`registration number ${text} exceeds ${digits} digits`);
  return text.padStart(digits, '0');
}

export function looksLikeRegistrationNumber(query: string): boolean {
  return /^\d{4,12}$/.test(query.trim());
}
