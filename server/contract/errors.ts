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
  // CPD activities (issue 8, registrant side).
  cpd_not_registered: 'Activities are logged against a registration: there is no registered generalist registration (yet).',
  accreditation_code_unknown: 'No approved accreditation has this code.',
  accreditation_other_variant: 'The accreditation is for other variants than yours (details.variants names them).',
  accreditation_outside_term: 'The completion date lies outside the accreditation term (details.validFrom, details.validUntil).',
  activity_already_logged: 'The points of this accreditation are already in your dossier (logged or booked from attendance).',
  activity_kind_unknown: "Not one of the register's activity kinds.",
  activity_amount_invalid: "Points, hours, minutes or supervisees are zero, negative or above the register's limit (details.field, details.max).",
  activity_field_missing: 'This kind of activity needs that field (details.field).',
  activity_date_in_future: "The completion date lies after today (the register's time zone).",
  activity_before_diploma: 'The completion date lies before the year of the diploma.',
  activity_period_invalid: 'The period ends before it starts.',
  activity_not_pending: 'Only a pending activity can be withdrawn or given evidence; this one was decided.',
  competence_unknown: "Not a competence of the register's profile (details.codes).",
  portfolio_pending: 'The portfolio PDF is still being made.',
  portfolio_failed: 'The portfolio PDF could not be made; ask for a new one.',
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
