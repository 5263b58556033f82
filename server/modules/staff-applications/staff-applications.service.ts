import type { EntityManager } from 'typeorm';
import { computeCycle, reregistrationDateFor } from '../../domain/cycle.js';
import { displayName } from '../../domain/person-name.js';
import { todayIn } from '../../domain/plain-date.js';
import {
  ensureRegistrationNumber,
  findActiveGeneralist,
  findEvidence,
  findRegistration,
  markDecided,
  setRegistered,
  setStaffQuestion,
  findPersonContact,
  latestStatusChangeId,
  staffQueue,
  type Application,
} from '../../db/repositories/applications.repository.js';
import { recordAudit } from '../../db/repositories/audit.repository.js';
import { listRegisterSettings } from '../../db/repositories/staff-cpd.repository.js';
import { reviewAge } from '../../domain/cpd-review.js';
import { registerSettingsSchema } from '../../domain/register-rules.js';
import { issueCertificateRevision } from '../../db/repositories/certificates.repository.js';
import { queueEmail } from '../../db/repositories/email-outbox.repository.js';
import { transitionRegistration } from '../../db/repositories/registrations.repository.js';
import { AppError, notFound } from '../../domain/errors.js';
import type { DecisionBody as Decision, DecisionResult, StaffQueueQuery } from '../../contract/staff.js';
import { enqueue } from '../../jobs/registry.js';
import type { Actor } from '../../policies/actor.js';
import type { ApplicationReader, Detail } from '../applications/application-reader.js';

interface Context {
  staffAccountId: string;
  requestId: string | null;
  actor: Actor;
}

/** Register staff: the review queue, dossiers (every access logged) and decisions (every decision audited). */
export class StaffApplicationsService {
  private readonly deps: ApplicationReader['deps'];

  constructor(private readonly reader: ApplicationReader) {
    this.deps = reader.deps;
  }

  async queue(q: StaffQueueQuery, now = new Date()) {
    // The review target is register data (settings.cpd.review.targetDays), one target for every staff queue.
    const targets = new Map((await listRegisterSettings(this.deps.db)).map((g) => [g.id, registerSettingsSchema.parse(g.settings).cpd.review.targetDays]));
    const shortest = Math.min(...targets.values());
    const { rows: found, total } = await staffQueue(this.deps.db, {
      statuses: q.status ? [q.status] : ['submitted', 'in_review'],
      variantCode: q.variant ?? null,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return {
      items: found.map((r) => {
        const targetDays = targets.get(r.variant.registerId) ?? shortest;
        return {
          id: r.id,
          person: { name: displayName({ givenNames: r.person.givenNames, prefix: r.person.namePrefix, familyName: r.person.familyName }), email: r.person.email },
          variant: { code: r.variant.code, name: r.variant.name },
          // The queue selects only open statuses.
          status: r.status as StaffQueueQuery['status'] & string,
          submittedAt: r.submittedAt.toISOString(),
          ...reviewAge(r.submittedAt, now, targetDays),
          targetDays,
        };
      }),
      total,
      page: q.page,
      pageSize: q.pageSize,
      targetDays: shortest,
    };
  }

  async dossier(ctx: Context, id: string): Promise<Detail> {
    const r = await findRegistration(this.deps.db, id);
    if (!r) throw notFound('Application');
    await recordAudit(this.deps.db, { actorAccountId: ctx.staffAccountId, action: 'dossier.viewed', subjectType: 'registration', subjectId: id, requestId: ctx.requestId });
    return this.reader.detail(this.deps.db, r, ctx.actor);
  }

  async openEvidence(ctx: Context, id: string, evidenceId: string) {
    const row = await findEvidence(this.deps.db, id, evidenceId);
    if (!row) throw notFound('Evidence');
    await recordAudit(this.deps.db, { actorAccountId: ctx.staffAccountId, action: 'evidence.viewed', subjectType: 'registration', subjectId: id, details: { evidenceId }, requestId: ctx.requestId });
    return { row, stream: this.deps.evidence.open(row.id) };
  }

  /**
   * Approve, reject or ask for more information. The transition locks the row and checks the status the staff
   * member saw, so of two concurrent decisions exactly one wins and the other gets 409.
   */
  async decide(ctx: Context, id: string, d: Decision): Promise<DecisionResult> {
    const outcome = await this.deps.db.transaction(async (m) => {
      const before = await findRegistration(m, id);
      if (!before) throw notFound('Application');
      const move = (to: 'in_review' | 'registered' | 'rejected' | 'concept', expectedFrom: 'submitted' | 'in_review', reason: string | null) =>
        transitionRegistration(m, { registrationId: id, to, actor: 'staff', actorAccountId: ctx.staffAccountId, reason, expectedFrom });
      // Decisions are taken from in_review; a submitted application is taken into review first (both audited).
      let from = d.expectedStatus;
      if (d.decision !== 'request_info' && from === 'submitted') {
        await move('in_review', 'submitted', null);
        from = 'in_review';
      }
      const person = await findPersonContact(m, before.personId);
      // One mail per decision: the key names the status change that carried it.
      const mail = async (template: string, params: Record<string, string | null>) => {
        if (!person.email) return null;
        const changeId = await latestStatusChangeId(m, id);
        return queueEmail(m, { dedupeKey: `decision:${id}:${changeId}`, template, toAddress: person.email, accountId: person.accountId, params: { variant: before.variant.name, registrationId: id, ...params } });
      };

      switch (d.decision) {
        case 'approve': {
          await move('registered', from, null);
          const result = await this.register(m, before);
          await markDecided(m, id, ctx.staffAccountId);
          await recordAudit(m, { actorAccountId: ctx.staffAccountId, action: 'application.approved', subjectType: 'registration', subjectId: id, details: { registrationNumber: result.registrationNumber }, requestId: ctx.requestId });
          const outboxId = await mail('application_approved', { registrationNumber: result.registrationNumber, validUntil: result.validUntil, deadline: result.deadline });
          return { status: 'registered' as const, registrationNumber: result.registrationNumber, outboxId, certificateId: result.certificateId };
        }
        case 'reject': {
          await move('rejected', from, d.reason);
          await markDecided(m, id, ctx.staffAccountId);
          await recordAudit(m, { actorAccountId: ctx.staffAccountId, action: 'application.rejected', subjectType: 'registration', subjectId: id, details: { reason: d.reason }, requestId: ctx.requestId });
          return { status: 'rejected' as const, registrationNumber: null, outboxId: await mail('application_rejected', { reason: d.reason }), certificateId: null };
        }
        case 'request_info': {
          await move('concept', from, d.question);
          await setStaffQuestion(m, id, d.question, ctx.staffAccountId);
          await recordAudit(m, { actorAccountId: ctx.staffAccountId, action: 'application.info_requested', subjectType: 'registration', subjectId: id, details: { question: d.question }, requestId: ctx.requestId });
          return { status: 'concept' as const, registrationNumber: null, outboxId: await mail('application_info_requested', { question: d.question }), certificateId: null };
        }
        default: {
          const exhaustive: never = d;
          throw new Error(`unknown decision ${JSON.stringify(exhaustive)}`);
        }
      }
    });
    // Side effects only after the decision is committed.
    await this.reader.sendAfterCommit(outcome.outboxId);
    if (outcome.certificateId) {
      await enqueue(this.deps.queues, 'certificate.render', { certificateId: outcome.certificateId }).catch((err: unknown) =>
        this.deps.logger.warn({ err, certificateId: outcome.certificateId }, 'certificate not enqueued'),
      );
    }
    return { status: outcome.status, registrationNumber: outcome.registrationNumber };
  }

  /** Number, registration date and cycle: a generalist's cycle starts today; a specialist shares its generalist's. */
  private async register(m: EntityManager, r: Application) {
    const { settings } = this.reader.rules(r);
    const today = todayIn(settings.timeZone);
    let cycle = computeCycle(today, settings.cycle);
    let parentRegistrationId: string | null = null;
    if (r.variant.kind === 'specialist') {
      const generalist = await findActiveGeneralist(m, r.personId, r.variant.registerId);
      if (!generalist?.cycleStartsOn || !generalist.cycleEndsOn || !generalist.cycleDeadline) {
        throw new AppError('generalist_not_active', 'The person no longer holds an active generalist registration.');
      }
      cycle = { startsOn: generalist.cycleStartsOn, endsOn: generalist.cycleEndsOn, reregistrationOn: reregistrationDateFor(generalist.cycleEndsOn), deadline: generalist.cycleDeadline };
      parentRegistrationId = generalist.id;
    }
    const registrationNumber = await ensureRegistrationNumber(m, r.personId, settings.registrationNumber.digits);
    await setRegistered(m, r.id, { registeredOn: today, cycle, parentRegistrationId });
    const certificate = await issueCertificateRevision(m, r.personId, today);
    return { registrationNumber, validUntil: cycle.endsOn, deadline: cycle.deadline, certificateId: certificate?.certificateId ?? null };
  }
}
