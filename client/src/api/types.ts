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

/** Statuses in which a registration counts as active (a specialist may hang under it). */
export const ACTIVE_STATUSES: readonly Status[] = ['registered', 'reregistration_submitted'];
/** Statuses that end an application or registration: a new application for the same variant is possible. */
export const CLOSED_STATUSES: readonly Status[] = ['rejected', 'withdrawn', 'lapsed', 'struck_off'];

export const NEXT_STEPS = ['complete_and_submit', 'answer_question', 'wait_for_review', 'download_certificate', 'none'] as const;
export type NextStepCode = (typeof NEXT_STEPS)[number];

export const ISSUE_CODES = [
  'required',
  'vog_too_old',
  'vog_in_future',
  'declaration_required',
  'evidence_required',
  'minimum_not_met',
  'diploma_not_listed',
  'generalist_required',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export const DECLARATIONS = ['beroepscode', 'tuchtrecht', 'publication'] as const;
export const REQUIREMENT_KINDS = ['document', 'hours', 'statement'] as const;
/** Evidence kinds that are not a requirement code. */
export const FIXED_EVIDENCE_KINDS = ['diploma', 'vog', 'evc-certificate'] as const;
export const CERTIFICATE_STATUSES = ['pending', 'rendered', 'failed'] as const;
export const CODE_STATUSES = ['current', 'superseded', 'unknown'] as const;
export const DECISIONS = ['approve', 'reject', 'request_info'] as const;
export const OPEN_STATUSES = ['submitted', 'in_review'] as const;

export function isNextStep(value: string): value is NextStepCode {
  return (NEXT_STEPS as readonly string[]).includes(value);
}
export function isIssueCode(value: string): value is IssueCode {
  return (ISSUE_CODES as readonly string[]).includes(value);
}
export function isActiveStatus(value: string): boolean {
  return (ACTIVE_STATUSES as readonly string[]).includes(value);
}
export function isClosedStatus(value: string): boolean {
  return (CLOSED_STATUSES as readonly string[]).includes(value);
}
export function isOpenStatus(value: string): value is (typeof OPEN_STATUSES)[number] {
  return (OPEN_STATUSES as readonly string[]).includes(value);
}
export function isFixedEvidenceKind(value: string): value is (typeof FIXED_EVIDENCE_KINDS)[number] {
  return (FIXED_EVIDENCE_KINDS as readonly string[]).includes(value);
}
