import { z } from 'zod';
import { evidenceParams, idParams, instant, localized, noQuery, page, pageQuery, plainDate, registrationNumber, uuid, variantKind } from './common.js';
import { activityMeasure, activitySource, activityStatus } from './cpd-activities.js';
import type { ErrorCode } from './errors.js';
import type { RouteContract } from './routes.js';
import { freeText, singleLineText } from './text.js';

/**
 * Register staff's CPD work (issue 8): one review queue of activities without accreditation, accreditation
 * requests, objections and organisation account requests, oldest first with their age against the register's
 * target (settings.cpd.review.targetDays); and the review of activities (approve, adjust with a reason, reject with
 * a reason). The decisions on accreditation requests, objections and organisations live in their own areas; the
 * queue links to them (client paths /staff/accreditations/:id and /staff/organisations/:id).
 */

export const CPD_QUEUE_KINDS = ['activity', 'accreditation', 'objection', 'organisation'] as const;
export const cpdQueueKind = z.enum(CPD_QUEUE_KINDS);
export type CpdQueueKind = z.infer<typeof cpdQueueKind>;

const categoryCode = z.string().regex(/^[a-z0-9_-]{2,60}$/);
const unit = z.enum(['points', 'hours']);

export const cpdQueueQuery = z.strictObject({
  kind: cpdQueueKind.optional(),
  /** Activities of this norm category only (the other kinds have no category and drop out). */
  category: categoryCode.optional(),
  /** Only items past the target. */
  overdue: z.enum(['true', 'false']).optional(),
  /** Part of a name, registration number, title or organisation name. */
  q: singleLineText({ min: 1, max: 100 }).optional(),
  ...pageQuery(100, 25),
});
export type CpdQueueQuery = z.infer<typeof cpdQueueQuery>;

export const cpdQueueItem = z
  .object({
    kind: cpdQueueKind,
    /** The activity, the accreditation request (also for an objection) or the organisation. */
    id: uuid,
    /** Who it is about: the registrant, the provider, or the organisation asking for an account. */
    subject: z.object({ name: z.string(), registrationNumber: registrationNumber.nullable() }),
    /** The activity's or the request's title; null for an organisation. */
    title: z.string().nullable(),
    /** The activity kind, the accreditation form, or the organisation kind, with the register's name where it has one. */
    type: z.object({ code: z.string(), name: localized.nullable() }).nullable(),
    /** Activities: the norm category. */
    category: z.string().nullable(),
    /** What is claimed as entered: points and/or hours (a request: its net contact hours). */
    claim: z.object({ points: z.number().nullable(), hours: z.number().nullable() }).nullable(),
    /** When it entered the queue: created, submitted, lodged or requested. */
    enteredAt: instant,
    ageDays: z.number().int().min(0),
    targetDays: z.number().int().positive(),
    overdue: z.boolean(),
  })
  .meta({ id: 'StaffCpdQueueItem' });

const kindCount = z.object({ total: z.number().int().min(0), overdue: z.number().int().min(0) });
export const cpdQueue = page(cpdQueueItem)
  .extend({
    /** The register's review target in days (for organisations, which belong to no register: the shortest target). */
    targetDays: z.number().int().positive(),
    /** Per kind, with the text and category filters applied (not the kind and overdue filters): for tab badges. */
    counts: z.object({ activity: kindCount, accreditation: kindCount, objection: kindCount, organisation: kindCount }),
    /** The norm categories of the registers' variants (the category filter's choices), from the register data. */
    categories: z.array(z.object({ code: z.string(), name: localized, unit })),
  })
  .meta({ id: 'StaffCpdQueue' });
export type CpdQueue = z.infer<typeof cpdQueue>;


export const staffCpdActivity = z
  .object({
    id: uuid,
    status: activityStatus,
    source: activitySource,
    kind: z.object({ code: z.string(), name: localized.nullable(), measure: activityMeasure.nullable() }),
    title: z.string(),
    providerName: z.string().nullable(),
    description: z.string().nullable(),
    category: z.object({ code: z.string(), name: localized.nullable(), unit }),
    subcategory: z.string().nullable(),
    completedOn: plainDate,
    periodStartsOn: plainDate.nullable(),
    employerName: z.string().nullable(),
    points: z.number().nullable(),
    hours: z.number().nullable(),
    sessionMinutes: z.number().int().nullable(),
    supervisees: z.number().int().nullable(),
    /** What approving grants, in the category's unit (group supervision after the conversion table). */
    claim: z.object({
      amount: z.number(),
      unit,
      conversion: z.object({ supervisees: z.number(), hours: z.number(), points: z.number() }).nullable(),
      minSessionMinutes: z.number().int().nullable(),
    }),
    accreditation: z.object({ id: uuid, code: z.string().nullable(), title: z.string() }).nullable(),
    competences: z.array(z.object({ code: z.string(), name: localized })),
    evidence: z.array(z.object({ id: uuid, kind: z.string(), originalName: z.string(), contentType: z.string(), sizeBytes: z.number().int(), createdAt: instant })),
    registrant: z.object({
      personId: uuid,
      name: z.string(),
      registrationNumber: registrationNumber.nullable(),
      email: z.string().nullable(),
      /** The variants the person is registered in now. */
      variants: z.array(z.object({ code: z.string(), name: z.string(), kind: variantKind, status: z.string() })),
    }),
    approvedPoints: z.number().nullable(),
    staffReason: z.string().nullable(),
    decidedAt: instant.nullable(),
    decidedBy: z.string().nullable(),
    createdAt: instant,
    /** Send it back with a decision: an activity changed since it was read is refused with 409. */
    updatedAt: instant,
    ageDays: z.number().int().min(0),
    targetDays: z.number().int().positive(),
    overdue: z.boolean(),
    can: z.object({ decide: z.boolean() }),
  })
  .meta({ id: 'StaffCpdActivity' });
export type StaffCpdActivity = z.infer<typeof staffCpdActivity>;

const reason = freeText({ min: 5, max: 2000 });
const expected = { expectedStatus: z.literal('pending'), expectedUpdatedAt: instant.optional() };
/** Points (or hours, for an hours category) with at most two decimals. */
const amount = z
  .number()
  .min(0)
  .max(99_999)
  .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, 'Use at most two decimals.');
export const CPD_REVIEW_DECISIONS = ['approve', 'adjust', 'reject'] as const;
export const cpdActivityDecisionBody = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('approve'), ...expected }),
  z.strictObject({ decision: z.literal('adjust'), ...expected, points: amount, reason }),
  z.strictObject({ decision: z.literal('reject'), ...expected, reason }),
]);
export type CpdActivityDecisionBody = z.infer<typeof cpdActivityDecisionBody>;

export const cpdActivityDecisionResult = z
  .object({ id: uuid, status: activityStatus, approvedPoints: z.number().nullable(), unit, staffReason: z.string().nullable(), decidedAt: instant })
  .meta({ id: 'StaffCpdDecisionResult' });
export type CpdActivityDecisionResult = z.infer<typeof cpdActivityDecisionResult>;

const LOGGED_IN: readonly ErrorCode[] = ['unauthenticated', 'forbidden'];
const JSON_BODY: readonly ErrorCode[] = ['malformed_body', 'payload_too_large', 'unsupported_encoding', 'unsupported_charset', 'csrf_origin_missing', 'csrf_origin_mismatch'];

export const STAFF_CPD_ROUTES = {
  staffCpdQueue: {
    method: 'GET',
    path: '/api/staff/cpd-queue',
    summary: 'The CPD review queue (activities, accreditation requests, objections, organisation requests), oldest first, with age against the target',
    tag: 'staff',
    query: cpdQueueQuery,
    success: { status: 200, json: cpdQueue },
    errors: LOGGED_IN,
  },
  staffCpdActivity: {
    method: 'GET',
    path: '/api/staff/cpd/activities/:id',
    summary: "A registrant's activity with its evidence and the registrant's registrations (every access is audited)",
    tag: 'staff',
    params: idParams,
    query: noQuery,
    success: { status: 200, json: staffCpdActivity },
    errors: [...LOGGED_IN, 'not_found'],
  },
  staffCpdEvidence: {
    method: 'GET',
    path: '/api/staff/cpd/activities/:id/evidence/:evidenceId',
    summary: "Read an activity's evidence (every access is audited)",
    tag: 'staff',
    params: evidenceParams,
    success: { status: 200, file: 'evidence' },
    errors: [...LOGGED_IN, 'not_found'],
  },
  decideCpdActivity: {
    method: 'POST',
    path: '/api/staff/cpd/activities/:id/decision',
    summary: 'Approve (the claim), adjust (fewer points or hours, with a reason) or reject (with a reason) a pending activity',
    tag: 'staff',
    params: idParams,
    body: { json: cpdActivityDecisionBody },
    success: { status: 200, json: cpdActivityDecisionResult },
    errors: [...LOGGED_IN, ...JSON_BODY, 'not_found', 'status_changed', 'adjustment_not_below_claim'],
  },
} as const satisfies Record<string, RouteContract>;
