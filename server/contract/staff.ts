import { z } from 'zod';
import { code, instant, page, pageQuery, registrationNumber, registrationStatus, uuid } from './common.js';
import { registrationDetail } from './applications.js';
import { freeText } from './text.js';

export const OPEN_STATUSES = ['submitted', 'in_review'] as const;
const openStatus = z.enum(OPEN_STATUSES);

export const staffQueueQuery = z.strictObject({ status: openStatus.optional(), variant: code.optional(), ...pageQuery(100, 25) });
export type StaffQueueQuery = z.infer<typeof staffQueueQuery>;

export const staffQueueItem = z
  .object({
    id: uuid,
    person: z.object({ name: z.string(), email: z.string().nullable() }),
    variant: z.object({ code: z.string(), name: z.string() }),
    status: openStatus,
    submittedAt: instant,
    ageDays: z.number().int().min(0),
    /** The register's review target (settings.cpd.review.targetDays, the one target of every staff queue). */
    targetDays: z.number().int().positive(),
    /** Waiting more than targetDays whole days. */
    overdue: z.boolean(),
  })
  .meta({ id: 'StaffQueueItem' });
/** `targetDays`: the review target (of the registers, the shortest), to say what "overdue" means. */
export const staffQueue = page(staffQueueItem)
  .extend({ targetDays: z.number().int().positive() })
  .meta({ id: 'StaffQueue' });
export type StaffQueue = z.infer<typeof staffQueue>;

export const staffApplication = registrationDetail.meta({ id: 'StaffApplication' });
export type StaffApplication = z.infer<typeof staffApplication>;

const reason = freeText({ min: 5, max: 2000 });
export const decisionBody = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('approve'), expectedStatus: openStatus }),
  z.strictObject({ decision: z.literal('reject'), expectedStatus: openStatus, reason }),
  z.strictObject({ decision: z.literal('request_info'), expectedStatus: openStatus, question: reason }),
]);
export type DecisionBody = z.infer<typeof decisionBody>;
export const decisionResult = z.object({ status: registrationStatus, registrationNumber: registrationNumber.nullable() }).meta({ id: 'DecisionResult' });
export type DecisionResult = z.infer<typeof decisionResult>;

export const auditQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.string().regex(/^\d{1,18}$/).optional(),
});
export const auditEvent = z
  .object({
    id: z.string(),
    occurredAt: instant,
    actorAccountId: uuid.nullable(),
    action: z.string(),
    subjectType: z.string(),
    subjectId: z.string(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEvent' });
export const auditEvents = z.object({ items: z.array(auditEvent) });
