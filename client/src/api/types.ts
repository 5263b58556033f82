/**
 * The client's view of the API: every type comes from the one contract (server/contract), which the server's
 * presenters satisfy and the OpenAPI document is generated from. Only types and zod schemas are imported from there.
 * Known values are translated by the UI; unknown values from the server are shown verbatim.
 */
import type { z } from 'zod';
import type { Me as ContractMe } from '../../../server/contract/accounts.js';
import type {
  Answers as ContractAnswers,
  Cycle as ContractCycle,
  EntryCriteria as ContractEntryCriteria,
  Evidence as ContractEvidence,
  MyRegistrations as ContractMyRegistrations,
  NextStep,
  PersonDetails as ContractPersonDetails,
  Registration,
  RegistrationDetail,
  Variant as ContractVariant,
} from '../../../server/contract/applications.js';
import type { historyItem } from '../../../server/contract/applications.js';
import type { CertificateStatus as ContractCertificateStatus } from '../../../server/contract/certificates.js';
import { registrationStatus } from '../../../server/contract/common.js';
import type { PublicEntry as ContractPublicEntry, PublicMeasure as ContractPublicMeasure, PublicSearchResult, Verification } from '../../../server/contract/public-register.js';
import type { DecisionBody, DecisionResult as ContractDecisionResult, StaffApplication, StaffQueue as ContractStaffQueue } from '../../../server/contract/staff.js';
import { OPEN_STATUSES } from '../../../server/contract/staff.js';

// --- API bodies ---------------------------------------------------------------------------------

export type VariantKind = 'generalist' | 'specialist';
export type PublicMeasure = ContractPublicMeasure;
export type PublicEntry = ContractPublicEntry;
export type RegisterSearchResult = PublicSearchResult;
export type Me = ContractMe;
export type AuthenticatedMe = Me & { account: NonNullable<Me['account']> };
export type DeclarationCode = 'beroepscode' | 'tuchtrecht' | 'publication';
export type RequirementKind = 'document' | 'hours' | 'statement';
export type EntryCriteria = ContractEntryCriteria;
export type Variant = ContractVariant;
export type Answers = ContractAnswers;
export type PersonDetails = ContractPersonDetails;
export type Evidence = ContractEvidence;
export type { NextStep };
/** A problem to show next to a field: the server's completeness issues, and the form's own checks. */
export interface Issue {
  field: string;
  code: string;
  message: string;
}
export type Cycle = ContractCycle;
export type MyRegistration = Registration;
export type HistoryItem = z.output<typeof historyItem>;
export type MyRegistrationDetail = RegistrationDetail;
export type MyRegistrations = ContractMyRegistrations;
export type CertificateStatus = ContractCertificateStatus;
export type StaffQueueItem = ContractStaffQueue['items'][number];
export type StaffQueue = ContractStaffQueue;
export type StaffApplicationDetail = StaffApplication;
export type Decision = DecisionBody['decision'];
export type OpenStatus = (typeof OPEN_STATUSES)[number];
export type DecisionRequest = z.input<typeof import('../../../server/contract/staff.js').decisionBody>;
export type DecisionResult = ContractDecisionResult;
export type VerifyResult = Verification;

// --- status lists and codes ---------------------------------------------------------------------

export const STATUSES = registrationStatus.options;
export type Status = (typeof STATUSES)[number];

export const MEASURE_TYPES = [
  'waarschuwing',
  'berisping',
  'voorwaardelijke_schorsing',
  'schorsing',
  'doorhaling',
] as const;
export type MeasureType = (typeof MEASURE_TYPES)[number];

export { ROLES, type Role } from '../../../server/contract/accounts.js';
import { ROLES, type Role } from '../../../server/contract/accounts.js';

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


export { NEXT_STEPS } from '../../../server/contract/applications.js';
import { ISSUE_CODES, NEXT_STEPS } from '../../../server/contract/applications.js';
export type NextStepCode = NextStep;

export { ISSUE_CODES } from '../../../server/contract/applications.js';
export type IssueCode = (typeof ISSUE_CODES)[number];

export const DECLARATIONS = ['beroepscode', 'tuchtrecht', 'publication'] as const;
export const REQUIREMENT_KINDS = ['document', 'hours', 'statement'] as const;
/** Evidence kinds that are not a requirement code. */
export const FIXED_EVIDENCE_KINDS = ['diploma', 'vog', 'evc-certificate'] as const;
export const CERTIFICATE_STATUSES = ['pending', 'rendered', 'failed'] as const;
export const CODE_STATUSES = ['current', 'superseded', 'unknown'] as const;
export const DECISIONS = ['approve', 'reject', 'request_info'] as const;
export { OPEN_STATUSES } from '../../../server/contract/staff.js';

export function isNextStep(value: string): value is NextStepCode {
  return (NEXT_STEPS as readonly string[]).includes(value);
}
export function isIssueCode(value: string): value is IssueCode {
  return (ISSUE_CODES as readonly string[]).includes(value);
}
export function isOpenStatus(value: string): value is (typeof OPEN_STATUSES)[number] {
  return (OPEN_STATUSES as readonly string[]).includes(value);
}
export function isFixedEvidenceKind(value: string): value is (typeof FIXED_EVIDENCE_KINDS)[number] {
  return (FIXED_EVIDENCE_KINDS as readonly string[]).includes(value);
}

// --- staff CPD review (issue 8) ---------------------------------------------------------------------
export type { CpdQueue, CpdQueueKind, StaffCpdActivity, CpdActivityDecisionResult } from '../../../server/contract/staff-cpd.js';
export type CpdQueueItem = import('../../../server/contract/staff-cpd.js').CpdQueue['items'][number];
export type CpdActivityDecisionRequest = z.input<typeof import('../../../server/contract/staff-cpd.js').cpdActivityDecisionBody>;
export { CPD_QUEUE_KINDS, CPD_REVIEW_DECISIONS } from '../../../server/contract/staff-cpd.js';
