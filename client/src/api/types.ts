/**
 * Every type and status list the client shares with the server, hand-copied in this one file:
 * replaced by server/contract at merge (the swap is this file and api/schemas.ts).
 * Known values are translated by the UI; unknown values from the server are shown verbatim.
 */

// --- API bodies ---------------------------------------------------------------------------------

export type VariantKind = 'generalist' | 'specialist';

export interface PublicMeasure {
  type: string;
  body: string;
  decisionDate: string;
  final: boolean;
  startsOn: string | null;
  endsOn: string | null;
  publicUntil: string | null;
}

export interface PublicEntry {
  registrationNumber: string;
  name: string;
  status: string;
  register: { code: string; name: string };
  variants: Array<{ code: string; name: string; kind: VariantKind }>;
  registeredSince: string | null;
  validUntil: string | null;
  measures: PublicMeasure[];
}

export interface RegisterSearchResult {
  items: PublicEntry[];
  total: number;
  page: number;
  pageSize: number;
}

/** GET /api/me: `account: null` (no roles, no person) for an anonymous visitor. */
export interface Me {
  account: { id: string; displayName: string; email: string | null } | null;
  roles: string[];
  person: { registrationNumber: string | null; name: string } | null;
}

/** A logged-in user's Me. */
export type AuthenticatedMe = Me & { account: NonNullable<Me['account']> };

export type DeclarationCode = 'beroepscode' | 'tuchtrecht' | 'publication';
export type RequirementKind = 'document' | 'hours' | 'statement';

export interface EntryCriteria {
  vogMaxAgeMonths: number | null;
  diplomas: Array<{ code: string; name: string }>;
  evcRouteAllowed: boolean;
  declarations: DeclarationCode[];
  requirements: Array<{
    code: string;
    name: { nl: string; en: string };
    kind: RequirementKind;
    minimum?: number;
  }>;
}

export interface Variant {
  code: string;
  name: string;
  nameEn: string;
  kind: VariantKind;
  parentCode: string | null;
  criteria: EntryCriteria;
}

export interface Answers {
  /** A diploma code, or 'other' for the EVC route. */
  diplomaCode?: string;
  diplomaYear?: number;
  vogIssuedOn?: string;
  declarations?: Partial<Record<DeclarationCode, boolean>>;
  requirements?: Record<string, { hours?: number }>;
}

export interface PersonDetails {
  givenNames: string;
  prefix: string | null;
  familyName: string;
  email: string;
}

export interface Evidence {
  id: string;
  kind: string;
  originalName: string;
  contentType: string;
  sizeBytes: number;
  createdAt: string;
}

export interface Issue {
  field: string;
  code: string;
  message: string;
}

export type NextStep = 'complete_and_submit' | 'answer_question' | 'wait_for_review' | 'download_certificate' | 'none';

export interface Cycle {
  startsOn: string;
  /** The last day inside the cycle. */
  endsOn: string;
  /** The herregistratiedatum (registration date + cycle length); optional until every server sends it. */
  reregistrationOn?: string;
  /** The last day to file the reregistration request. */
  deadline: string;
}

export interface MyRegistration {
  id: string;
  variant: { code: string; name: string; nameEn: string; kind: VariantKind };
  status: string;
  createdAt: string;
  submittedAt: string | null;
  registeredOn: string | null;
  cycle: Cycle | null;
  staffQuestion: string | null;
  conceptExpiresOn: string | null;
  nextStep: NextStep | string;
  registrationNumber: string | null;
}

export interface HistoryItem {
  fromStatus: string | null;
  toStatus: string;
  occurredAt: string;
  reason: string | null;
}

export interface MyRegistrationDetail extends MyRegistration {
  person: PersonDetails | null;
  application: Answers;
  evidence: Evidence[];
  history: HistoryItem[];
  criteria: EntryCriteria;
  /** The register's largest accepted upload, in bytes. */
  evidenceMaxBytes: number;
  completeness: { complete: boolean; issues: Issue[] };
}

export interface MyRegistrations {
  person: (PersonDetails & { registrationNumber: string | null }) | null;
  items: MyRegistration[];
}

export interface CertificateStatus {
  newest: {
    revision: number;
    status: 'pending' | 'rendered' | 'failed' | string;
    issuedOn: string | null;
    verificationCode: string | null;
  } | null;
}

export interface StaffQueueItem {
  id: string;
  person: { name: string; email: string };
  variant: { code: string; name: string };
  status: string;
  submittedAt: string | null;
  ageDays: number;
}

export interface StaffQueue {
  items: StaffQueueItem[];
  total: number;
  page: number;
  pageSize: number;
}

export interface StaffApplicationDetail extends Omit<MyRegistrationDetail, 'person'> {
  person: (PersonDetails & { registrationNumber: string | null }) | null;
}

export type Decision = 'approve' | 'reject' | 'request_info';
export type OpenStatus = 'submitted' | 'in_review';

export interface DecisionRequest {
  decision: Decision;
  reason?: string;
  question?: string;
  expectedStatus: OpenStatus;
}

export interface DecisionResult {
  status: string;
  registrationNumber: string | null;
}

export interface VerifyResult {
  entry: PublicEntry;
  code: {
    value: string;
    status: 'current' | 'superseded' | 'unknown' | string;
    revision: number | null;
    issuedOn: string | null;
    newestRevision: number | null;
  } | null;
}

// --- status lists and codes ---------------------------------------------------------------------

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
