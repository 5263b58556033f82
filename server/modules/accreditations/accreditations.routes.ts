import express, { type RequestHandler } from 'express';
import type { RouteImpls, RouteInput } from '../../http/api.js';
import { singleFileUpload } from '../../http/upload.js';
import { AppError } from '../../domain/errors.js';
import type { Services } from '../../services.js';

type AccreditationRoutes =
  | 'accreditationOptions'
  | 'myAccreditations'
  | 'submitAccreditation'
  | 'myAccreditation'
  | 'withdrawAccreditation'
  | 'objectAccreditation'
  | 'setAccreditationAgenda'
  | 'accreditationRuns'
  | 'addAccreditationRun'
  | 'runAttendance'
  | 'uploadAttendanceCsv'
  | 'uploadAttendanceJson'
  | 'attendanceUpload'
  | 'attendanceUploadCsv'
  | 'staffAccreditation'
  | 'decideAccreditation'
  | 'publicAgenda';

const ctx = ({ actor, requestId }: Pick<RouteInput<'myAccreditations'>, 'actor' | 'requestId'>) => ({ actor, requestId });

const tooLarge = (maxBytes: number) =>
  new AppError('attendance_too_large', `An attendance list may be at most ${Math.floor(maxBytes / 1024 / 1024) || 1} MB; split it and upload the parts. Nothing was booked.`, { maxBytes });

/** The size limit of the register replaces the generic one: the provider is told it is the attendance limit. */
function withAttendanceLimit(handler: RequestHandler, maxBytes: number): RequestHandler {
  return (req, res, next) =>
    handler(req, res, (err?: unknown) => {
      if (err instanceof AppError && err.code === 'file_too_large') return next(tooLarge(maxBytes));
      if (err && typeof err === 'object' && (err as { type?: string }).type === 'entity.too.large') return next(tooLarge(maxBytes));
      next(err as Error | undefined);
    });
}

/**
 * The JSON attendance route reads its own body (up to the register's attendance limit, after the policy check);
 * the app's 100 kB JSON parser leaves it alone.
 */
export const OWN_JSON_BODY = /^\/api\/provider\/runs\/[^/]+\/attendance\/numbers\/?$/;

/** /api/provider/accreditations…, /api/provider/runs…, /api/staff/accreditations… and the public agenda. */
export function accreditationRoutes(s: Services): RouteImpls<AccreditationRoutes> {
  const service = s.accreditations;
  return {
    accreditationOptions: { action: 'accreditations.read', handle: ({ actor }) => service.options(actor) },
    myAccreditations: { action: 'accreditations.read', handle: ({ actor }) => service.listOwn(actor) },
    submitAccreditation: { action: 'accreditations.submit', handle: (input) => service.submit(ctx(input), input.body) },
    myAccreditation: { action: 'accreditations.read', handle: ({ actor, params }) => service.detail(actor, params.id) },
    withdrawAccreditation: { action: 'accreditations.withdraw', handle: (input) => service.withdraw(ctx(input), input.params.id) },
    objectAccreditation: { action: 'accreditations.object', handle: (input) => service.object(ctx(input), input.params.id, input.body.reason) },
    setAccreditationAgenda: { action: 'accreditations.agenda', handle: (input) => service.setAgenda(ctx(input), input.params.id, input.body.inAgenda) },
    accreditationRuns: { action: 'accreditations.read', handle: ({ actor, params }) => service.runs(actor, params.id) },
    addAccreditationRun: { action: 'accreditations.runs', handle: (input) => service.addRun(ctx(input), input.params.id, input.body) },
    runAttendance: { action: 'attendance.read', handle: ({ actor, params }) => service.runAttendance(actor, params.id) },
    uploadAttendanceCsv: {
      action: 'attendance.upload',
      // Another organisation's run (404), an unapproved accreditation or a run not yet over (409) is refused unread.
      before: async ({ actor, params }) => {
        const maxBytes = await service.prepareUpload(actor, params.id);
        return [withAttendanceLimit(singleFileUpload('file', () => maxBytes), maxBytes)];
      },
      handle: (input) => service.uploadCsv(ctx(input), input.params.id, input.req.file!),
    },
    uploadAttendanceJson: {
      action: 'attendance.upload',
      before: async ({ actor, params }) => {
        const maxBytes = await service.prepareUpload(actor, params.id);
        return [withAttendanceLimit(express.json({ limit: maxBytes }), maxBytes)];
      },
      handle: (input) => service.uploadJson(ctx(input), input.params.id, input.body.registrationNumbers),
    },
    attendanceUpload: { action: 'attendance.read', handle: ({ actor, params }) => service.upload(actor, params.id) },
    attendanceUploadCsv: {
      action: 'attendance.read',
      async handle({ actor, params, res }) {
        const { csv, fileName } = await service.uploadResultsCsv(actor, params.id);
        res.set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${fileName}"`, 'Cache-Control': 'no-store' });
        res.send(csv);
      },
    },
    staffAccreditation: { action: 'accreditations.review', handle: (input) => service.staffDetail(ctx(input), input.params.id) },
    decideAccreditation: { action: 'accreditations.decide', handle: (input) => service.decide(ctx(input), input.params.id, input.body) },
    publicAgenda: { action: 'public.read', handle: ({ query }) => service.agenda(query) },
  };
}
