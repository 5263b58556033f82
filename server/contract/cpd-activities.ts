import { z } from 'zod';
import type { ErrorCode } from './errors.js';
import type { RouteContract } from './routes.js';
import { ACCREDITATION_CODE_PATTERN, normalizeAccreditationCode } from './accreditation-code.js';
import { code, evidenceParams, idParams, instant, localized, noQuery, plainDate, uuid, variantKind } from './common.js';
import { freeText, singleLineText } from './text.js';

/**
 * The registrant's side of CPD (issue 8): logging activities (with or without an accreditation code), evidence,
 * progress that explains every point, the competence map and the portfolio.
 */

/** An accreditation code as printed (contract/accreditation-code.ts); typed in lower case, with spaces or without the dash too. */
const accreditationCode = z
  .string()
  .trim()
  .transform(normalizeAccreditationCode)
  .pipe(z.string().regex(ACCREDITATION_CODE_PATTERN, 'An accreditation code looks like ABCD-2345.'));
const amount = z.number().finite();

export const CPD_ACTIVITY_STATUSES = ['pending', 'approved', 'adjusted', 'rejected'] as const;
export const activityStatus = z.enum(CPD_ACTIVITY_STATUSES);
export const activitySource = z.enum(['registrant', 'attendance']);
export const activityMeasure = z.enum(['points', 'session', 'supervision', 'hours']);

/**
 * One request logs one activity. With `accreditationCode` the accreditation decides title, points, category and
 * competences (the rest is ignored but for `completedOn`); without it, `kind` is one of the register's activity
 * kinds and the fields of its measure are required (checked against the register's limits).
 */
export const logActivityBody = z
  .strictObject({
    accreditationCode: accreditationCode.optional(),
    kind: z.string().regex(/^[a-z_]{2,40}$/).optional(),
    title: singleLineText({ max: 200 }).optional(),
    providerName: singleLineText({ max: 200 }).optional(),
    description: freeText({ max: 5000 }).optional(),
    completedOn: plainDate,
    /** Work experience: the period runs from periodStartsOn to completedOn. */
    periodStartsOn: plainDate.optional(),
    employerName: singleLineText({ max: 200 }).optional(),
    points: amount.optional(),
    hours: amount.optional(),
    sessionMinutes: amount.optional(),
    supervisees: amount.optional(),
    competences: z.array(code).max(20).optional(),
  })
  .refine((b) => b.accreditationCode !== undefined || b.kind !== undefined, { message: 'Send an accreditationCode or a kind.', path: ['kind'] })
  .meta({ id: 'LogActivity' });
export type LogActivityBody = z.infer<typeof logActivityBody>;

export const CPD_EVIDENCE_KINDS = ['certificate', 'reflection-statement', 'employer-statement', 'other'] as const;
export const cpdEvidenceFields = z.strictObject({ kind: z.enum(CPD_EVIDENCE_KINDS) });
export type CpdEvidenceKind = z.infer<typeof cpdEvidenceFields>['kind'];

export const cpdEvidence = z
  .object({ id: uuid, kind: z.string(), originalName: z.string(), contentType: z.string(), sizeBytes: z.number().int(), uploadedAt: instant })
  .meta({ id: 'CpdEvidence' });

export const competenceRef = z.object({ code: z.string(), name: z.string(), nameEn: z.string() });

export const cpdActivity = z
  .object({
    id: uuid,
    source: activitySource,
    kind: z.string(),
    title: z.string(),
    providerName: z.string().nullable(),
    description: z.string().nullable(),
    category: z.string(),
    subcategory: z.string().nullable(),
    completedOn: plainDate,
    periodStartsOn: plainDate.nullable(),
    employerName: z.string().nullable(),
    points: z.number().nullable(),
    hours: z.number().nullable(),
    sessionMinutes: z.number().int().nullable(),
    supervisees: z.number().int().nullable(),
    accreditation: z.object({ code: z.string(), variants: z.array(z.string()) }).nullable(),
    status: activityStatus,
    approvedPoints: z.number().nullable(),
    staffReason: z.string().nullable(),
    decidedAt: instant.nullable(),
    createdAt: instant,
    competences: z.array(competenceRef),
    evidence: z.array(cpdEvidence),
    can: z.object({ withdraw: z.boolean(), upload: z.boolean() }),
  })
  .meta({ id: 'CpdActivity' });
export type CpdActivityView = z.infer<typeof cpdActivity>;

export const cpdActivityList = z.object({ items: z.array(cpdActivity) }).meta({ id: 'CpdActivityList' });

export const competence = competenceRef.extend({ sortOrder: z.number().int() }).meta({ id: 'Competence' });
export const competenceList = z.object({ items: z.array(competence) }).meta({ id: 'CompetenceList' });

/** What the log form needs: the kinds and their measures, the limits, the minimum session, the competences. */
export const cpdForm = z
  .object({
    registered: z.boolean(),
    today: plainDate,
    diplomaYear: z.number().int().nullable(),
    variants: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string(), kind: variantKind })),
    kinds: z.array(z.object({ code: z.string(), name: localized, category: z.string(), subcategory: z.string().nullable(), measure: activityMeasure, minSessionMinutes: z.number().int().nullable() })),
    limits: z.object({ maxPoints: z.number(), maxHours: z.number(), maxSessionMinutes: z.number().int(), maxSupervisees: z.number().int() }),
    evidenceMaxBytes: z.number().int(),
    competences: z.array(competenceRef),
  })
  .meta({ id: 'CpdForm' });
export type CpdForm = z.infer<typeof cpdForm>;

export const notCountedReason = z.enum([
  'rejected',
  'outside_cycle',
  'after_submission',
  'not_accredited_for_variant',
  'session_too_short',
  'session_length_missing',
  'pending',
  'adjusted',
  'above_cap',
  'category_not_in_norm',
]);
export type NotCountedReasonCode = z.infer<typeof notCountedReason>;

export const progressItem = z.object({
  activityId: uuid,
  points: z.number(),
  counted: z.number(),
  notCounted: z.array(z.object({ points: z.number(), reason: notCountedReason, capCode: z.string().optional(), staffReason: z.string().optional() })),
});
export type ProgressItem = z.infer<typeof progressItem>;

export const categoryProgress = z.object({
  code: z.string(),
  name: localized,
  unit: z.enum(['points', 'hours']),
  required: z.number(),
  counted: z.number(),
  approved: z.number(),
  pending: z.number(),
  missing: z.number(),
  complete: z.boolean(),
  minSessionMinutes: z.number().int().nullable(),
  caps: z.array(z.object({ code: z.string(), name: localized, maximum: z.number(), counted: z.number(), above: z.number() })),
  floors: z.array(z.object({ code: z.string(), name: localized, minimum: z.number(), counted: z.number(), missing: z.number() })),
  items: z.array(progressItem),
});
export type CategoryProgressView = z.infer<typeof categoryProgress>;

export const missingItem = z.object({
  code: z.enum(['points_missing', 'hours_missing']),
  variantCode: z.string(),
  category: z.string(),
  floor: z.string().optional(),
  points: z.number().optional(),
  hours: z.number().optional(),
  before: plainDate,
});
export type MissingItemView = z.infer<typeof missingItem>;

export const progressActivity = z.object({
  id: uuid,
  title: z.string(),
  kind: z.string(),
  source: activitySource,
  completedOn: plainDate,
  status: activityStatus,
  staffReason: z.string().nullable(),
  accreditationCode: z.string().nullable(),
});
export type ProgressActivity = z.infer<typeof progressActivity>;

export const cpdProgress = z
  .object({
    /** null: no generalist registration with a cycle (nothing to count against yet). */
    cycle: z
      .object({ startsOn: plainDate, reregistrationOn: plainDate, deadline: plainDate, submittedOn: plainDate.nullable(), endsBefore: plainDate })
      .nullable(),
    complete: z.boolean(),
    norms: z.array(
      z.object({ variantCode: z.string(), variantName: z.string(), variantNameEn: z.string(), specialist: z.boolean(), complete: z.boolean(), categories: z.array(categoryProgress) }),
    ),
    missing: z.array(missingItem),
    unplaced: z.array(progressItem),
    /** Every activity named in the items, once: what the screen lists next to its explanation. */
    activities: z.array(progressActivity),
  })
  .meta({ id: 'CpdProgress' });
export type CpdProgressView = z.infer<typeof cpdProgress>;

export const competenceMap = z
  .object({
    cycle: z.object({ startsOn: plainDate, endsBefore: plainDate }).nullable(),
    covered: z.number().int(),
    total: z.number().int(),
    items: z.array(
      competenceRef.extend({
        covered: z.boolean(),
        activities: z.array(z.object({ id: uuid, title: z.string(), completedOn: plainDate, status: activityStatus, accredited: z.boolean() })),
      }),
    ),
  })
  .meta({ id: 'CompetenceMap' });
export type CompetenceMapView = z.infer<typeof competenceMap>;

export const portfolioExport = z
  .object({ id: uuid, status: z.enum(['pending', 'rendered', 'failed']), createdAt: instant, renderedAt: instant.nullable(), locale: z.enum(['nl', 'en']) })
  .meta({ id: 'PortfolioExport' });
export type PortfolioExportView = z.infer<typeof portfolioExport>;
export const portfolioRequestBody = z.strictObject({ locale: z.enum(['nl', 'en']).default('nl') });

export const portfolio = z
  .object({
    generatedAt: instant,
    person: z.object({ name: z.string(), registrationNumber: z.string().nullable() }),
    registrations: z.array(z.object({ variantCode: z.string(), variantName: z.string(), kind: variantKind, status: z.string(), registeredOn: plainDate.nullable() })),
    activities: z.array(cpdActivity),
    progress: cpdProgress,
  })
  .meta({ id: 'Portfolio' });
export type PortfolioView = z.infer<typeof portfolio>;

const JSON_BODY: readonly ErrorCode[] = ['malformed_body', 'payload_too_large', 'unsupported_encoding', 'unsupported_charset', 'csrf_origin_missing', 'csrf_origin_mismatch'];
const LOGGED_IN: readonly ErrorCode[] = ['unauthenticated', 'forbidden'];
const UPLOAD: readonly ErrorCode[] = ['empty_file', 'file_required', 'file_too_large', 'unsupported_file_type', 'unreadable_file', 'invalid_upload'];

export const CPD_ACTIVITY_ROUTES = {
  competences: {
    method: 'GET',
    path: '/api/competences',
    summary: "The register's competence profile (the Wmo competences), for forms",
    tag: 'public',
    query: noQuery,
    success: { status: 200, json: competenceList },
    errors: [],
  },
  myCpdForm: {
    method: 'GET',
    path: '/api/my/cpd/form',
    summary: 'What the log form offers: activity kinds and their measures, limits, variants, competences',
    tag: 'registrant',
    query: noQuery,
    success: { status: 200, json: cpdForm },
    errors: LOGGED_IN,
  },
  myCpdActivities: {
    method: 'GET',
    path: '/api/my/cpd/activities',
    summary: 'Every own CPD activity, newest first, with its decision and evidence',
    tag: 'registrant',
    query: noQuery,
    success: { status: 200, json: cpdActivityList },
    errors: LOGGED_IN,
  },
  logCpdActivity: {
    method: 'POST',
    path: '/api/my/cpd/activities',
    summary: 'Log an activity: with an accreditation code approved at once, without one into the staff review queue',
    tag: 'registrant',
    body: { json: logActivityBody },
    success: { status: 201, json: cpdActivity },
    errors: [
      ...LOGGED_IN,
      ...JSON_BODY,
      'cpd_not_registered',
      'accreditation_code_unknown',
      'accreditation_other_variant',
      'accreditation_outside_term',
      'accreditation_not_registered_then',
      'activity_already_logged',
      'activity_kind_unknown',
      'activity_amount_invalid',
      'activity_field_missing',
      'activity_date_in_future',
      'activity_before_diploma',
      'activity_period_invalid',
      'competence_unknown',
    ],
  },
  myCpdActivity: {
    method: 'GET',
    path: '/api/my/cpd/activities/:id',
    summary: 'One own activity: status, decision with staff reason, evidence',
    tag: 'registrant',
    params: idParams,
    query: noQuery,
    success: { status: 200, json: cpdActivity },
    errors: [...LOGGED_IN, 'not_found'],
  },
  withdrawCpdActivity: {
    method: 'DELETE',
    path: '/api/my/cpd/activities/:id',
    summary: 'Withdraw (delete) an own activity that is still pending',
    tag: 'registrant',
    params: idParams,
    success: { status: 204 },
    errors: [...LOGGED_IN, ...JSON_BODY, 'not_found', 'activity_not_pending'],
  },
  uploadCpdEvidence: {
    method: 'POST',
    path: '/api/my/cpd/activities/:id/evidence',
    summary: 'Evidence for a pending activity (multipart: kind, file): PDF, JPEG or PNG, judged by content',
    tag: 'registrant',
    params: idParams,
    body: { multipart: cpdEvidenceFields, file: 'file' },
    success: { status: 201, json: cpdEvidence },
    errors: [...LOGGED_IN, ...JSON_BODY, ...UPLOAD, 'not_found', 'activity_not_pending'],
  },
  myCpdEvidence: {
    method: 'GET',
    path: '/api/my/cpd/activities/:id/evidence/:evidenceId',
    summary: 'Read own evidence of an activity',
    tag: 'registrant',
    params: evidenceParams,
    success: { status: 200, file: 'evidence' },
    errors: [...LOGGED_IN, 'not_found'],
  },
  deleteCpdEvidence: {
    method: 'DELETE',
    path: '/api/my/cpd/activities/:id/evidence/:evidenceId',
    summary: 'Remove evidence from a pending activity',
    tag: 'registrant',
    params: evidenceParams,
    success: { status: 204 },
    errors: [...LOGGED_IN, ...JSON_BODY, 'not_found', 'activity_not_pending'],
  },
  myCpdProgress: {
    method: 'GET',
    path: '/api/my/cpd/progress',
    summary: 'Progress per norm and category for the current cycle, explaining every point that does not count',
    tag: 'registrant',
    query: noQuery,
    success: { status: 200, json: cpdProgress },
    errors: LOGGED_IN,
  },
  myCpdCompetences: {
    method: 'GET',
    path: '/api/my/cpd/competences',
    summary: "The competence map: which of the register's competences this cycle's approved learning served",
    tag: 'registrant',
    query: noQuery,
    success: { status: 200, json: competenceMap },
    errors: LOGGED_IN,
  },
  myPortfolioJson: {
    method: 'GET',
    path: '/api/my/cpd/portfolio.json',
    summary: 'Everything the register holds about own CPD: activities, evidence metadata, decisions and reasons, progress',
    tag: 'registrant',
    query: noQuery,
    success: { status: 200, json: portfolio },
    errors: LOGGED_IN,
  },
  requestPortfolioPdf: {
    method: 'POST',
    path: '/api/my/cpd/portfolio',
    summary: 'Ask for a portfolio PDF; a worker renders it (poll its status, then download)',
    tag: 'registrant',
    body: { json: portfolioRequestBody },
    success: { status: 201, json: portfolioExport },
    errors: [...LOGGED_IN, ...JSON_BODY],
  },
  myPortfolioExport: {
    method: 'GET',
    path: '/api/my/cpd/portfolio/:id',
    summary: 'The state of an own portfolio export',
    tag: 'registrant',
    params: idParams,
    query: noQuery,
    success: { status: 200, json: portfolioExport },
    errors: [...LOGGED_IN, 'not_found'],
  },
  myPortfolioPdf: {
    method: 'GET',
    path: '/api/my/cpd/portfolio/:id/pdf',
    summary: 'Download a rendered portfolio (PDF)',
    tag: 'registrant',
    params: idParams,
    query: noQuery,
    success: { status: 200, file: 'application/pdf' },
    errors: [...LOGGED_IN, 'not_found', 'portfolio_pending', 'portfolio_failed'],
  },
} as const satisfies Record<string, RouteContract>;
