import { z } from 'zod';
import type { ErrorCode } from './errors.js';
import { me } from './accounts.js';
import { ACCREDITATION_ROUTES } from './accreditations.js';
import { createApplicationBody, myRegistrations, registrationDetail, evidence, updateApplicationBody, uploadFields, variantList } from './applications.js';
import { certificateStatus } from './certificates.js';
import { CPD_ACTIVITY_ROUTES } from './cpd-activities.js';
import { evidenceParams, idParams, noQuery, registrationNumberParams } from './common.js';
import { health } from './health.js';
import { ORGANISATION_ROUTES } from './organisations.js';
import { publicEntry, publicSearchQuery, publicSearchResult, verification, verifyQuery } from './public-register.js';
import { auditEvents, auditQuery, decisionBody, decisionResult, staffApplication, staffQueue, staffQueueQuery } from './staff.js';
import { STAFF_CPD_ROUTES } from './staff-cpd.js';

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** What a successful call answers: JSON of a schema, a file, a redirect or nothing. */
export type Success =
  | { status: 200 | 201; json: z.ZodType }
  | { status: 200; file: 'application/pdf' | 'evidence' | 'text/csv' }
  | { status: 302; redirect: string }
  | { status: 204 }
  | { status: 200; html: true };

export interface RouteContract {
  method: Method;
  /** Express path syntax (`:id`); the OpenAPI document writes `{id}`. */
  path: string;
  summary: string;
  tag: 'public' | 'account' | 'registrant' | 'organisation' | 'provider' | 'staff' | 'system';
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: { json: z.ZodType } | { multipart: z.ZodObject; file: string };
  success: Success;
  /** The error codes this route answers with, besides the ones every route may give (see COMMON_ERRORS). */
  errors: readonly ErrorCode[];
}

/** Any route may answer these: bad input, a malformed body, an overloaded or broken server. */
export const COMMON_ERRORS: readonly ErrorCode[] = ['invalid_input', 'invalid_path', 'bad_request', 'internal_error'];
const JSON_BODY_ERRORS: readonly ErrorCode[] = ['malformed_body', 'payload_too_large', 'unsupported_encoding', 'unsupported_charset', 'csrf_origin_missing', 'csrf_origin_mismatch'];
const LOGGED_IN: readonly ErrorCode[] = ['unauthenticated', 'forbidden'];

/**
 * Every route of the API, once: method, path, request and response schemas and documented errors. The server
 * implements each (server/http/routes.ts, with the policy action it needs), the OpenAPI document is generated from
 * it, the authorisation matrix test walks it, and the client calls paths and reads types from it.
 */
export const ROUTES = {
  health: { method: 'GET', path: '/healthz', summary: 'Liveness and readiness: database and Redis', tag: 'system', success: { status: 200, json: health }, errors: [] },
  docsOpenApi: { method: 'GET', path: '/api/docs/openapi.json', summary: 'This OpenAPI 3.1 document', tag: 'system', success: { status: 200, json: z.looseObject({ openapi: z.string() }) }, errors: [] },
  docsReference: { method: 'GET', path: '/api/docs', summary: 'A readable reference of this API', tag: 'system', success: { status: 200, html: true }, errors: [] },

  login: { method: 'GET', path: '/auth/login', summary: 'Start an OpenID Connect login (redirects to the provider)', tag: 'account', success: { status: 302, redirect: 'the OpenID provider' }, errors: [] },
  loginCallback: {
    method: 'GET',
    path: '/auth/callback',
    summary: "The OpenID provider's redirect back; lands on the account page, or on /login/failed?reason=…",
    tag: 'account',
    success: { status: 302, redirect: '/account or /login/failed' },
    errors: [],
  },
  logout: { method: 'POST', path: '/auth/logout', summary: 'End the session', tag: 'account', success: { status: 204 }, errors: JSON_BODY_ERRORS },
  me: { method: 'GET', path: '/api/me', summary: 'Who is asking: account, roles and person (account null when anonymous)', tag: 'account', query: noQuery, success: { status: 200, json: me }, errors: [] },

  publicSearch: {
    method: 'GET',
    path: '/api/public/register',
    summary: 'Search the public register by name or registration number',
    tag: 'public',
    query: publicSearchQuery,
    success: { status: 200, json: publicSearchResult },
    errors: ['rate_limited'],
  },
  publicLookup: {
    method: 'GET',
    path: '/api/public/register/:registrationNumber',
    summary: 'One public register entry',
    tag: 'public',
    params: registrationNumberParams,
    query: noQuery,
    success: { status: 200, json: publicEntry },
    errors: ['not_found', 'rate_limited'],
  },
  publicVerify: {
    method: 'GET',
    path: '/api/public/verify/:registrationNumber',
    summary: "The live public entry, and whether a certificate's verification code is current or superseded",
    tag: 'public',
    params: registrationNumberParams,
    query: verifyQuery,
    success: { status: 200, json: verification },
    errors: ['not_found', 'rate_limited'],
  },
  variants: { method: 'GET', path: '/api/variants', summary: 'The variants with their entry criteria', tag: 'public', query: noQuery, success: { status: 200, json: variantList }, errors: [] },

  myRegistrations: {
    method: 'GET',
    path: '/api/my/registrations',
    summary: "The registrant's own applications and registrations, and what they may apply for",
    tag: 'registrant',
    query: noQuery,
    success: { status: 200, json: myRegistrations },
    errors: LOGGED_IN,
  },
  createApplication: {
    method: 'POST',
    path: '/api/my/registrations',
    summary: 'Start an application (a concept) for a variant',
    tag: 'registrant',
    body: { json: createApplicationBody },
    success: { status: 201, json: registrationDetail },
    errors: [...LOGGED_IN, ...JSON_BODY_ERRORS, 'unknown_variant', 'generalist_required', 'already_exists'],
  },
  myApplication: {
    method: 'GET',
    path: '/api/my/registrations/:id',
    summary: 'One own application with its completeness check',
    tag: 'registrant',
    params: idParams,
    query: noQuery,
    success: { status: 200, json: registrationDetail },
    errors: [...LOGGED_IN, 'not_found'],
  },
  updateApplication: {
    method: 'PATCH',
    path: '/api/my/registrations/:id',
    summary: 'Save person details and answers of a concept',
    tag: 'registrant',
    params: idParams,
    body: { json: updateApplicationBody },
    success: { status: 200, json: registrationDetail },
    errors: [...LOGGED_IN, ...JSON_BODY_ERRORS, 'not_found', 'not_editable'],
  },
  submitApplication: {
    method: 'POST',
    path: '/api/my/registrations/:id/submit',
    summary: 'Submit a complete concept for review',
    tag: 'registrant',
    params: idParams,
    success: { status: 200, json: registrationDetail },
    errors: [...LOGGED_IN, ...JSON_BODY_ERRORS, 'not_found', 'already_submitted', 'application_incomplete'],
  },
  uploadEvidence: {
    method: 'POST',
    path: '/api/my/registrations/:id/evidence',
    summary: "Upload evidence (multipart: kind, file): PDF, JPEG or PNG up to the register's limit, type judged by content",
    tag: 'registrant',
    params: idParams,
    body: { multipart: uploadFields, file: 'file' },
    success: { status: 201, json: evidence },
    errors: [...LOGGED_IN, ...JSON_BODY_ERRORS, 'not_found', 'not_editable', 'invalid_evidence_kind', 'empty_file', 'file_required', 'file_too_large', 'unsupported_file_type', 'unreadable_file', 'invalid_upload'],
  },
  myEvidence: {
    method: 'GET',
    path: '/api/my/registrations/:id/evidence/:evidenceId',
    summary: 'Read an own upload',
    tag: 'registrant',
    params: evidenceParams,
    success: { status: 200, file: 'evidence' },
    errors: [...LOGGED_IN, 'not_found'],
  },
  deleteEvidence: {
    method: 'DELETE',
    path: '/api/my/registrations/:id/evidence/:evidenceId',
    summary: 'Remove an upload from a concept',
    tag: 'registrant',
    params: evidenceParams,
    success: { status: 204 },
    errors: [...LOGGED_IN, ...JSON_BODY_ERRORS, 'not_found', 'not_editable'],
  },
  myCertificate: {
    method: 'GET',
    path: '/api/my/certificate',
    summary: 'The newest registration certificate (PDF)',
    tag: 'registrant',
    query: noQuery,
    success: { status: 200, file: 'application/pdf' },
    errors: [...LOGGED_IN, 'no_certificate', 'certificate_pending'],
  },
  myCertificateStatus: {
    method: 'GET',
    path: '/api/my/certificate/status',
    summary: 'The state of the newest certificate revision',
    tag: 'registrant',
    query: noQuery,
    success: { status: 200, json: certificateStatus },
    errors: LOGGED_IN,
  },

  staffQueue: {
    method: 'GET',
    path: '/api/staff/applications',
    summary: 'The review queue, oldest first, with age in days',
    tag: 'staff',
    query: staffQueueQuery,
    success: { status: 200, json: staffQueue },
    errors: LOGGED_IN,
  },
  staffApplication: {
    method: 'GET',
    path: '/api/staff/applications/:id',
    summary: 'A dossier (every access is audited)',
    tag: 'staff',
    params: idParams,
    query: noQuery,
    success: { status: 200, json: staffApplication },
    errors: [...LOGGED_IN, 'not_found'],
  },
  staffEvidence: {
    method: 'GET',
    path: '/api/staff/applications/:id/evidence/:evidenceId',
    summary: "Read a dossier's evidence (every access is audited)",
    tag: 'staff',
    params: evidenceParams,
    success: { status: 200, file: 'evidence' },
    errors: [...LOGGED_IN, 'not_found'],
  },
  decideApplication: {
    method: 'POST',
    path: '/api/staff/applications/:id/decision',
    summary: 'Approve, reject (with a reason) or ask for more information (with a question)',
    tag: 'staff',
    params: idParams,
    body: { json: decisionBody },
    success: { status: 200, json: decisionResult },
    errors: [...LOGGED_IN, ...JSON_BODY_ERRORS, 'not_found', 'status_changed', 'generalist_not_active'],
  },
  auditEvents: {
    method: 'GET',
    path: '/api/staff/audit-events',
    summary: 'The audit trail, newest first',
    tag: 'staff',
    query: auditQuery,
    success: { status: 200, json: auditEvents },
    errors: LOGGED_IN,
  },
  ...STAFF_CPD_ROUTES,
  ...ACCREDITATION_ROUTES,
  ...ORGANISATION_ROUTES,
  ...CPD_ACTIVITY_ROUTES,
} as const satisfies Record<string, RouteContract>;

export type RouteName = keyof typeof ROUTES;
type JsonOf<S> = S extends { json: infer T extends z.ZodType } ? T : never;
/** The JSON a route answers with, as the client reads it. */
export type ResponseOf<N extends RouteName> = z.output<JsonOf<(typeof ROUTES)[N]['success']>>;
