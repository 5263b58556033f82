import { z } from 'zod';
import { ACCREDITATION_CODE_PATTERN } from './accreditation-code.js';
import { code, idParams, instant, noQuery, page, pageQuery, plainDate, uuid } from './common.js';
import type { ErrorCode } from './errors.js';
import { TOKEN_ERRORS } from './organisations.js';
import type { RouteContract } from './routes.js';
import { freeText, singleLineText } from './text.js';

/**
 * Accreditation (issue 8): providers' requests per activity and register, staff decisions and objections, runs,
 * attendance that books points, and the public course agenda.
 */

const named = z.object({ nl: z.string(), en: z.string() });
const competenceCode = z.string().regex(/^[a-z0-9-]{2,60}$/);
const formCode = z.string().regex(/^[a-z_]{2,40}$/);
const categoryCode = z.string().regex(/^[a-z0-9_-]{1,60}$/);
export const accreditationCode = z.string().regex(ACCREDITATION_CODE_PATTERN, 'An accreditation code looks like ABCD-EF23.');

export const ACCREDITATION_STATUSES = ['submitted', 'approved', 'rejected', 'objection', 'withdrawn'] as const;
export const accreditationStatus = z.enum(ACCREDITATION_STATUSES);
export type AccreditationStatus = z.infer<typeof accreditationStatus>;

export const ATTENDANCE_OUTCOMES = ['booked', 'already_booked', 'duplicate_in_upload', 'unknown_number', 'not_registered', 'invalid_row'] as const;
export const attendanceOutcome = z.enum(ATTENDANCE_OUTCOMES);
export type AttendanceOutcome = z.infer<typeof attendanceOutcome>;

/** Net contact hours with at most two decimals (the table keeps numeric(6,2)). */
const netHours = z
  .number()
  .positive('Net contact hours must be more than 0.')
  .max(9999, 'That is not a plausible number of hours.')
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, 'Use at most two decimals.');

export const runInput = z
  .strictObject({ startsOn: plainDate, endsOn: plainDate, place: singleLineText({ max: 200 }), online: z.boolean().default(false) })
  .refine((r) => r.endsOn >= r.startsOn, { message: 'A run cannot end before it starts.', path: ['endsOn'] });
export type RunInput = z.infer<typeof runInput>;

export const submitAccreditationBody = z.strictObject({
  /** Needed only for a member of more than one provider organisation. */
  organisationId: uuid.optional(),
  title: singleLineText({ max: 200 }),
  description: freeText({ max: 5000 }),
  form: formCode,
  netContactHours: netHours,
  variantCodes: z.array(code).min(1, 'Choose at least one target variant.').max(20),
  competenceCodes: z.array(competenceCode).max(30).default([]),
  runs: z.array(runInput).min(1, 'Plan at least one run.').max(1000),
  hasFinalTest: z.boolean(),
});
export type SubmitAccreditationBody = z.infer<typeof submitAccreditationBody>;

export const run = z
  .object({ id: uuid, startsOn: plainDate, endsOn: plainDate, place: z.string(), online: z.boolean(), bookedCount: z.number().int().min(0) })
  .meta({ id: 'AccreditationRun' });
export const runList = z.object({ items: z.array(run) }).meta({ id: 'AccreditationRuns' });

export const accreditationDecision = z
  .object({
    id: uuid,
    outcome: z.enum(['approved', 'rejected', 'objection_refused']),
    points: z.number().nullable(),
    category: z.string().nullable(),
    subcategory: z.string().nullable(),
    termYears: z.number().int().nullable(),
    /** The net contact hours an approval's points were computed from. */
    netContactHours: z.number().nullable(),
    reason: z.string().nullable(),
    decidedAt: instant,
  })
  .meta({ id: 'AccreditationDecision' });

export const OBJECTION_STATES = ['open', 'granted', 'refused'] as const;
export const accreditationObjection = z
  .object({
    id: uuid,
    /** The decision objected to, and what it was: an approval or a rejection. */
    decisionId: uuid,
    against: z.enum(['approved', 'rejected', 'objection_refused']),
    reason: z.string(),
    lodgedAt: instant,
    /** open: with staff; granted: a new approval (see resolution); refused: with staff's reason. */
    state: z.enum(OBJECTION_STATES),
    resolvedAt: instant.nullable(),
    resolution: z.object({ decisionId: uuid, outcome: z.enum(['approved', 'objection_refused']), reason: z.string().nullable(), decidedAt: instant }).nullable(),
  })
  .meta({ id: 'AccreditationObjection' });

/** What the actor may do with the request now; the client keeps no status rules of its own. */
export const accreditationActions = z
  .object({ withdraw: z.boolean(), object: z.boolean(), addRun: z.boolean(), uploadAttendance: z.boolean(), toggleAgenda: z.boolean(), decide: z.boolean() })
  .meta({ id: 'AccreditationActions' });

export const accreditationDetail = z
  .object({
    id: uuid,
    organisation: z.object({ id: uuid, name: z.string() }),
    register: z.object({ code: z.string(), name: z.string() }),
    title: z.string(),
    description: z.string(),
    form: z.object({ code: z.string(), name: named }),
    netContactHours: z.number(),
    hasFinalTest: z.boolean(),
    finalTestRequired: z.boolean(),
    status: accreditationStatus,
    /**
     * An objection is with staff. Against a rejection the status is 'objection'; against an approval the status stays
     * 'approved' and the code keeps working until staff decide.
     */
    objectionOpen: z.boolean(),
    code: z.string().nullable(),
    /** The points the register's rounding rule gives for the net hours (what staff approve). */
    computedPoints: z.number(),
    points: z.number().nullable(),
    category: z.string().nullable(),
    subcategory: z.string().nullable(),
    termYears: z.number().int().nullable(),
    validFrom: plainDate.nullable(),
    validUntil: plainDate.nullable(),
    rejectionReason: z.string().nullable(),
    decidedAt: instant.nullable(),
    /** The last day an objection can be lodged, while that is possible at all. */
    objectionDeadline: plainDate.nullable(),
    submittedAt: instant,
    inAgenda: z.boolean(),
    /** The approved target variants once decided (before that: the requested ones). */
    variants: z.array(z.object({ code: z.string(), name: z.string() })),
    /** The variants the provider asked for; staff approve these or fewer. */
    requestedVariants: z.array(z.object({ code: z.string(), name: z.string() })),
    competences: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string() })),
    runs: z.array(run),
    decisions: z.array(accreditationDecision),
    objections: z.array(accreditationObjection),
    can: accreditationActions,
  })
  .meta({ id: 'Accreditation' });
export type AccreditationDetail = z.infer<typeof accreditationDetail>;

export const accreditationListItem = z
  .object({
    id: uuid,
    organisation: z.object({ id: uuid, name: z.string() }),
    title: z.string(),
    form: z.string(),
    status: accreditationStatus,
    objectionOpen: z.boolean(),
    code: z.string().nullable(),
    points: z.number().nullable(),
    validUntil: plainDate.nullable(),
    submittedAt: instant,
    inAgenda: z.boolean(),
  })
  .meta({ id: 'AccreditationListItem' });
export const accreditationList = z.object({ items: z.array(accreditationListItem) }).meta({ id: 'AccreditationList' });

export const accreditationOptions = z
  .object({
    organisations: z.array(z.object({ id: uuid, name: z.string(), authorised: z.boolean() })),
    forms: z.array(z.object({ code: z.string(), name: named, category: z.string(), subcategory: z.string().nullable() })),
    variants: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string(), kind: z.enum(['generalist', 'specialist']) })),
    competences: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string() })),
    categories: z.array(z.object({ code: z.string(), name: named })),
    rules: z.object({
      maxNetHours: z.number(),
      maxRunsPerRequest: z.number().int(),
      finalTest: z.object({ forms: z.array(z.string()), minHours: z.number() }),
      rounding: z.object({ pointsPerHour: z.number(), step: z.number(), mode: z.enum(['down', 'nearest', 'up']) }),
      termYears: z.array(z.number().int()),
      objectionWeeks: z.number().int(),
      attendance: z.object({ maxRows: z.number().int(), maxBytes: z.number().int() }),
    }),
  })
  .meta({ id: 'AccreditationOptions' });
export type AccreditationOptions = z.infer<typeof accreditationOptions>;

const reason = freeText({ min: 5, max: 2000 });
export const objectionBody = z.strictObject({ reason: freeText({ min: 5, max: 5000 }) });
export const agendaBody = z.strictObject({ inAgenda: z.boolean() });
export const emptyBody = z.strictObject({});

export const accreditationDecisionBody = z.discriminatedUnion('decision', [
  z
    .strictObject({
      decision: z.literal('approve'),
      /**
       * What the staff member saw: a request ('submitted') or an open objection ('objection', against a rejection or
       * an approval; approving it grants the objection). Someone else deciding first gives 409 status_changed.
       */
      expectedStatus: z.enum(['submitted', 'objection']),
      termYears: z.number().int().positive(),
      /** Default: the form's category and subcategory (settings.cpd.accreditationForms). */
      category: categoryCode.optional(),
      subcategory: categoryCode.nullable().optional(),
      /** The target variants staff confirm: the requested ones, or fewer. */
      variantCodes: z.array(code).min(1).max(20),
      /** On an objection only: the net contact hours staff accept instead of the provider's; the points follow the rounding rule. */
      netContactHours: netHours.optional(),
      /** Why; required when granting an objection against an approval (the provider sees it). */
      reason: reason.optional(),
    })
    .refine((b) => b.netContactHours === undefined || b.expectedStatus === 'objection', {
      message: 'Net contact hours are corrected on an objection only.',
      path: ['netContactHours'],
    }),
  z.strictObject({ decision: z.literal('reject'), expectedStatus: z.literal('submitted'), reason }),
  z.strictObject({ decision: z.literal('refuse_objection'), expectedStatus: z.literal('objection'), reason }),
]);
export type AccreditationDecisionBody = z.infer<typeof accreditationDecisionBody>;

export const staffAccreditation = accreditationDetail
  .extend({
    categories: z.array(z.object({ code: z.string(), name: named })),
    termYearsAllowed: z.array(z.number().int()),
    history: z.array(z.object({ action: z.string(), occurredAt: instant, actor: z.string().nullable(), details: z.record(z.string(), z.unknown()) })),
  })
  .meta({ id: 'StaffAccreditation' });
export type StaffAccreditation = z.infer<typeof staffAccreditation>;

export const runParams = idParams;
export const attendanceJsonBody = z.strictObject({
  /** One registration number per entry; each is judged on its own (garbage comes back as invalid_row). */
  registrationNumbers: z.array(z.string().max(200)).min(1, 'Send at least one registration number.'),
});
export const attendanceUploadFields = z.strictObject({});

export const attendanceRow = z.object({ rowNumber: z.number().int().min(1), raw: z.string(), registrationNumber: z.string().nullable(), outcome: attendanceOutcome });
export const attendanceUploadSummary = z
  .object({
    id: uuid,
    runId: uuid,
    format: z.enum(['csv', 'json']),
    fileName: z.string().nullable(),
    rowCount: z.number().int().min(0),
    counts: z.object(Object.fromEntries(ATTENDANCE_OUTCOMES.map((o) => [o, z.number().int().min(0)])) as Record<AttendanceOutcome, z.ZodNumber>),
    uploadedBy: z.enum(['account', 'token']),
    createdAt: instant,
  })
  .meta({ id: 'AttendanceUploadSummary' });
export const attendanceUpload = attendanceUploadSummary.extend({ rows: z.array(attendanceRow) }).meta({ id: 'AttendanceUpload' });
export type AttendanceUpload = z.infer<typeof attendanceUpload>;

export const runAttendance = z
  .object({
    run,
    accreditation: z.object({ id: uuid, title: z.string(), code: z.string().nullable(), points: z.number().nullable() }),
    uploads: z.array(attendanceUploadSummary),
    /** Who got points from this run. */
    booked: z.array(z.object({ registrationNumber: z.string(), name: z.string(), points: z.number(), bookedAt: instant })),
  })
  .meta({ id: 'RunAttendance' });
export type RunAttendance = z.infer<typeof runAttendance>;

export const agendaQuery = z.strictObject({
  q: singleLineText({ min: 0, max: 100 }).optional(),
  variant: code.optional(),
  competence: competenceCode.optional(),
  place: singleLineText({ min: 0, max: 100 }).optional(),
  from: plainDate.optional(),
  to: plainDate.optional(),
  ...pageQuery(50, 20),
});
export type AgendaQuery = z.infer<typeof agendaQuery>;
export const agendaItem = z
  .object({
    code: z.string(),
    title: z.string(),
    description: z.string(),
    provider: z.string(),
    form: z.object({ code: z.string(), name: named }),
    points: z.number(),
    category: z.string(),
    validUntil: plainDate,
    variants: z.array(z.object({ code: z.string(), name: z.string() })),
    competences: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string() })),
    runs: z.array(z.object({ startsOn: plainDate, endsOn: plainDate, place: z.string(), online: z.boolean() })),
  })
  .meta({ id: 'AgendaItem' });
export const agendaPage = page(agendaItem)
  .extend({ competences: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string() })) })
  .meta({ id: 'Agenda' });
export type AgendaPage = z.infer<typeof agendaPage>;

// ---- Routes
const LOGGED_IN: readonly ErrorCode[] = ['unauthenticated', 'forbidden'];
const JSON_BODY: readonly ErrorCode[] = ['malformed_body', 'payload_too_large', 'unsupported_encoding', 'unsupported_charset', 'csrf_origin_missing', 'csrf_origin_mismatch'];
// Attendance routes take an organisation's API token too (policy: tokens: true), so they may refuse one.
const ATTENDANCE: readonly ErrorCode[] = [...LOGGED_IN, ...TOKEN_ERRORS, ...JSON_BODY, 'not_found', 'accreditation_not_approved', 'run_outside_validity', 'run_not_finished', 'attendance_too_many_rows', 'attendance_empty'];

export const ACCREDITATION_ROUTES = {
  accreditationOptions: {
    method: 'GET',
    path: '/api/provider/accreditation-options',
    summary: 'What a request may contain: the organisations, forms, target variants, competences and the register rules',
    tag: 'provider',
    query: noQuery,
    success: { status: 200, json: accreditationOptions },
    errors: LOGGED_IN,
  },
  myAccreditations: {
    method: 'GET',
    path: '/api/provider/accreditations',
    summary: "The provider organisations' own accreditation requests, newest first",
    tag: 'provider',
    query: noQuery,
    success: { status: 200, json: accreditationList },
    errors: LOGGED_IN,
  },
  submitAccreditation: {
    method: 'POST',
    path: '/api/provider/accreditations',
    summary: 'Request accreditation of an activity (only once staff authorised the organisation)',
    tag: 'provider',
    body: { json: submitAccreditationBody },
    success: { status: 201, json: accreditationDetail },
    errors: [...LOGGED_IN, ...JSON_BODY, 'not_found', 'organisation_required', 'unknown_form', 'unknown_variant', 'unknown_competence', 'net_hours_too_high', 'final_test_required', 'too_many_runs'],
  },
  myAccreditation: {
    method: 'GET',
    path: '/api/provider/accreditations/:id',
    summary: 'One own request: status, decision and reasons, code, validity, runs, objections',
    tag: 'provider',
    params: idParams,
    query: noQuery,
    success: { status: 200, json: accreditationDetail },
    errors: [...LOGGED_IN, 'not_found'],
  },
  withdrawAccreditation: {
    method: 'POST',
    path: '/api/provider/accreditations/:id/withdraw',
    summary: 'Withdraw a request staff have not decided yet',
    tag: 'provider',
    params: idParams,
    body: { json: emptyBody },
    success: { status: 200, json: accreditationDetail },
    errors: [...LOGGED_IN, ...JSON_BODY, 'not_found', 'not_withdrawable'],
  },
  objectAccreditation: {
    method: 'POST',
    path: '/api/provider/accreditations/:id/objection',
    summary:
      'Object to a decision (a rejection or an approval) within the objection window, once; the request returns to the staff queue. An approval stays approved and its code valid until staff decide',
    tag: 'provider',
    params: idParams,
    body: { json: objectionBody },
    success: { status: 201, json: accreditationDetail },
    errors: [...LOGGED_IN, ...JSON_BODY, 'not_found', 'objection_not_possible', 'objection_window_closed', 'objection_already_lodged'],
  },
  setAccreditationAgenda: {
    method: 'PATCH',
    path: '/api/provider/accreditations/:id/agenda',
    summary: 'Show the accredited activity in the public course agenda, or keep it out',
    tag: 'provider',
    params: idParams,
    body: { json: agendaBody },
    success: { status: 200, json: accreditationDetail },
    errors: [...LOGGED_IN, ...JSON_BODY, 'not_found'],
  },
  accreditationRuns: {
    method: 'GET',
    path: '/api/provider/accreditations/:id/runs',
    summary: 'The runs of an own accreditation, with how many people got points from each',
    tag: 'provider',
    params: idParams,
    query: noQuery,
    success: { status: 200, json: runList },
    errors: [...LOGGED_IN, 'not_found'],
  },
  addAccreditationRun: {
    method: 'POST',
    path: '/api/provider/accreditations/:id/runs',
    summary: 'Add a repeat run of an approved accreditation, inside its validity window',
    tag: 'provider',
    params: idParams,
    body: { json: runInput },
    success: { status: 201, json: run },
    errors: [...LOGGED_IN, ...JSON_BODY, 'not_found', 'accreditation_not_approved', 'run_outside_validity', 'too_many_runs'],
  },
  runAttendance: {
    method: 'GET',
    path: '/api/provider/runs/:id/attendance',
    summary: 'A run: its attendance uploads and who got points (registration number, name, date booked)',
    tag: 'provider',
    params: runParams,
    query: noQuery,
    success: { status: 200, json: runAttendance },
    errors: [...LOGGED_IN, ...TOKEN_ERRORS, 'not_found'],
  },
  uploadAttendanceCsv: {
    method: 'POST',
    path: '/api/provider/runs/:id/attendance',
    summary:
      'Upload attendance as CSV (multipart field "file"): UTF-8 with or without BOM, ";" or "," detected, an optional header row, the registration number in the first column (further columns are ignored). Books points once per person; every row comes back with its outcome',
    tag: 'provider',
    params: runParams,
    body: { multipart: attendanceUploadFields, file: 'file' },
    success: { status: 201, json: attendanceUpload },
    errors: [...ATTENDANCE, 'file_required', 'empty_file', 'attendance_too_large', 'attendance_not_utf8', 'attendance_unreadable', 'invalid_upload'],
  },
  uploadAttendanceJson: {
    method: 'POST',
    path: '/api/provider/runs/:id/attendance/numbers',
    summary: 'The same as the CSV upload, as JSON `{ registrationNumbers: [...] }` (for API tokens)',
    tag: 'provider',
    params: runParams,
    body: { json: attendanceJsonBody },
    success: { status: 201, json: attendanceUpload },
    errors: [...ATTENDANCE, 'attendance_too_large'],
  },
  attendanceUpload: {
    method: 'GET',
    path: '/api/provider/attendance-uploads/:id',
    summary: 'One attendance upload with the outcome of every row',
    tag: 'provider',
    params: idParams,
    query: noQuery,
    success: { status: 200, json: attendanceUpload },
    errors: [...LOGGED_IN, ...TOKEN_ERRORS, 'not_found'],
  },
  attendanceUploadCsv: {
    method: 'GET',
    path: '/api/provider/attendance-uploads/:id/csv',
    summary: 'The outcome of every row of an upload as a CSV download (row;input;registration number;outcome)',
    tag: 'provider',
    params: idParams,
    query: noQuery,
    success: { status: 200, file: 'text/csv' },
    errors: [...LOGGED_IN, ...TOKEN_ERRORS, 'not_found'],
  },

  staffAccreditation: {
    method: 'GET',
    path: '/api/staff/accreditations/:id',
    summary: 'An accreditation request with the computed points, decisions, objections and history (every access is audited)',
    tag: 'staff',
    params: idParams,
    query: noQuery,
    success: { status: 200, json: staffAccreditation },
    errors: [...LOGGED_IN, 'not_found'],
  },
  decideAccreditation: {
    method: 'POST',
    path: '/api/staff/accreditations/:id/decision',
    summary:
      'Approve (points by the rounding rule, term, category, target variants) or reject a request; grant an objection (a new approval, the same code; points already booked are raised when the new points are higher, never lowered) or refuse it with a reason',
    tag: 'staff',
    params: idParams,
    body: { json: accreditationDecisionBody },
    success: { status: 200, json: staffAccreditation },
    errors: [
      ...LOGGED_IN,
      ...JSON_BODY,
      'not_found',
      'status_changed',
      'invalid_term',
      'unknown_category',
      'variant_not_requested',
      'no_points',
      'net_hours_too_high',
      'final_test_required',
      'reason_required',
    ],
  },

  publicAgenda: {
    method: 'GET',
    path: '/api/public/agenda',
    summary: 'The course agenda: accredited activities with upcoming runs, by text, variant, competence, place and dates',
    tag: 'public',
    query: agendaQuery,
    success: { status: 200, json: agendaPage },
    errors: ['rate_limited'],
  },
} as const satisfies Record<string, RouteContract>;
