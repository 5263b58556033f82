import { z } from 'zod';

/**
 * Every error code the API answers with, and what it means. The HTTP status of each is decided in server/http
 * (error-status.ts); the OpenAPI document lists both.
 */
export const ERROR_CODES = {
  invalid_input: 'The request does not match its schema; details lists every issue (path, message, code).',
  bad_request: 'The request could not be read.',
  invalid_path: 'A path parameter is not valid percent-encoding.',
  malformed_body: 'The request body is not valid JSON.',
  payload_too_large: 'The request body is too large.',
  unsupported_encoding: 'The request body encoding is not supported.',
  unsupported_charset: 'The request body charset is not supported.',
  unauthenticated: 'Not logged in, or the account no longer exists.',
  forbidden: 'Logged in, but this actor may not do this.',
  csrf_origin_missing: 'A state-changing request without an Origin (or Referer) header.',
  csrf_origin_mismatch: 'A state-changing request from another origin.',
  not_found: 'No such resource, or not one of yours.',
  conflict: 'This already exists.',
  rate_limited: 'Too many requests; retry after the time in Retry-After.',
  internal_error: 'Something went wrong on our side; quote the request id.',
  unknown_variant: 'There is no variant with that code.',
  generalist_required: 'A specialist registration needs an active generalist registration.',
  generalist_not_active: 'The person no longer holds an active generalist registration (decided after the application was made).',
  already_exists: 'There is already an application or registration for this variant.',
  not_editable: 'Only a concept can be changed.',
  already_submitted: 'The application was submitted already.',
  application_incomplete: 'The application is not complete; details lists every missing item.',
  invalid_evidence_kind: 'This application does not take evidence of that kind.',
  empty_file: 'The uploaded file is empty.',
  file_too_large: "The file is larger than the register's limit (details.maxBytes).",
  unreadable_file: 'The file starts like a PDF, JPEG or PNG but is not a complete, readable one.',
  unsupported_file_type: 'Only PDF, JPEG and PNG files are accepted, judged by their content.',
  file_required: 'The upload has no file.',
  invalid_upload: 'The multipart upload could not be read (too many parts, fields or files).',
  status_changed: 'Someone else changed this first; reload and decide again.',
  transition_not_allowed: 'The lifecycle has no such edge from the current status.',
  actor_not_allowed: 'This kind of actor may not take that lifecycle edge.',
  reason_required: 'That lifecycle edge needs a reason.',
  no_certificate: 'There is no certificate yet.',
  certificate_pending: 'The newest certificate is being prepared.',
  adjustment_not_below_claim: 'An adjustment grants at least 0 and less than the claim (details.claimed, details.unit); to grant all of it, approve.',
  // ---- Accreditation (issue 8)
  organisation_required: 'You are a member of more than one provider organisation: say which one (organisationId).',
  unknown_form: 'There is no activity form with that code (settings.cpd.accreditationForms).',
  unknown_competence: "A competence code is not in the register's competence profile.",
  net_hours_too_high: 'More net contact hours than the register accepts for one activity (details.maxNetHours).',
  final_test_required: "This activity needs a final test: e-learning, or an activity of at least the register's minimum hours (details).",
  too_many_runs: 'More runs than the register accepts for one accreditation (details.maxRuns).',
  not_withdrawable: 'Only a request staff have not decided yet can be withdrawn.',
  objection_not_possible: 'An objection can only be lodged against a rejection.',
  objection_window_closed: 'The objection window has closed (details.deadline).',
  objection_already_lodged: 'An objection was lodged against this request before; it cannot be lodged twice.',
  invalid_term: 'That term is not one the register grants (details.allowed).',
  unknown_category: "That category is not in the norm of the register's variants.",
  variant_not_requested: 'Staff can confirm only variants the provider asked for.',
  accreditation_not_approved: 'Runs and attendance need an approved accreditation.',
  run_outside_validity: "The run lies (partly) outside the accreditation's validity window (details.validFrom, details.validUntil).",
  run_not_finished: 'Attendance can be uploaded once the run has ended (details.endsOn).',
  attendance_too_many_rows: "The attendance list has more rows than the register's limit (details.maxRows); nothing was booked.",
  attendance_too_large: "The attendance file is larger than the register's limit (details.maxBytes); nothing was booked.",
  attendance_not_utf8: 'The attendance file is not valid UTF-8 (save it as "CSV UTF-8"); nothing was booked.',
  attendance_unreadable: 'The attendance file is not readable as CSV (details.line); nothing was booked.',
  no_points: "These net contact hours give no points under the register's rounding rule.",
  attendance_empty: 'The attendance list has no rows.',
  // ---- Organisations (issue 8).
  organisation_name_taken: 'There is already an organisation of this kind with that name.',
  organisation_decided: 'Staff decided on this organisation already (details.status); reload.',
  last_admin: 'An organisation keeps at least one admin: make someone else admin first.',
  invitation_exists: 'There is an open invitation for this address already; revoke it to send a new one.',
  already_member: 'This account (or address) is a member of the organisation already.',
  invitation_closed: 'The invitation was accepted or revoked already.',
  invitation_expired: 'The invitation has expired; ask the organisation for a new one.',
  invitation_revoked: 'The invitation was revoked by the organisation.',
  invitation_used: 'The invitation was accepted already.',
  token_name_taken: 'The organisation has an active API token with that name already.',
  token_limit_reached: "The organisation has the register's maximum of active API tokens (details.maxActive); revoke one first.",
  token_revoked: 'The API token was revoked already.',
  invalid_token: 'The API token is missing, malformed, unknown or revoked.',
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;
export const errorCode = z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]);

export const errorBody = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'One of the documented error codes.' }),
      message: z.string(),
      details: z.unknown().optional(),
      requestId: z.string(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof errorBody>;
