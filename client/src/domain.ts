/** Known values that the UI translates. Unknown values from the server are shown verbatim. */

export const STATUSES = [
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
] as const;
export type Status = (typeof STATUSES)[number];

export const MEASURE_TYPES = [
  'waarschuwing',
  'berisping',
  'voorwaardelijke_schorsing',
  'schorsing',
  'doorhaling',
] as const;
export type MeasureType = (typeof MEASURE_TYPES)[number];

export const ROLES = ['registrant', 'provider', 'employer', 'staff', 'municipality'] as const;
export type Role = (typeof ROLES)[number];

export const VARIANT_KINDS = ['generalist', 'specialist'] as const;

export function isStatus(value: string): value is Status {
  return (STATUSES as readonly string[]).includes(value);
}
export function isMeasureType(value: string): value is MeasureType {
  return (MEASURE_TYPES as readonly string[]).includes(value);
}
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
