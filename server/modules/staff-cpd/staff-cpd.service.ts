import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import type { CpdActivityDecisionBody, CpdActivityDecisionResult, CpdQueue, CpdQueueQuery, StaffCpdActivity } from '../../contract/staff-cpd.js';
import { recordAudit } from '../../db/repositories/audit.repository.js';
import { queueEmail } from '../../db/repositories/email-outbox.repository.js';
import {
  cpdQueue,
  findAccreditationSummary,
  findActivityEvidence,
  findReviewActivity,
  findReviewPerson,
  listActivityCompetences,
  listActivityEvidence,
  listAllNorms,
  listRegisterNorms,
  listRegisterSettings,
  lockReviewActivity,
  recordActivityDecision,
  type ReviewActivity,
} from '../../db/repositories/staff-cpd.repository.js';
import { activityClaim, decideActivity, findNormCategory, reviewAge, type ActivityClaimRow, type Claim } from '../../domain/cpd-review.js';
import { AppError, notFound } from '../../domain/errors.js';
import { normalizeForSearch } from '../../domain/person-name.js';
import { registerSettingsSchema, variantNormSchema, type RegisterSettings } from '../../domain/register-rules.js';
import { enqueue, type Queues } from '../../jobs/registry.js';
import type { Actor } from '../../policies/actor.js';
import { can } from '../../policies/policy.js';
import type { EvidenceStore } from '../../storage/evidence-store.js';
import { presentActivity, presentQueueItem } from './staff-cpd.presenter.js';

export interface StaffCpdDeps {
  db: DataSource;
  evidence: EvidenceStore;
  queues: Queues;
  logger: Logger;
}

interface Context {
  staffAccountId: string;
  requestId: string | null;
  actor: Actor;
}

/** Review targets and rules per register, read from the register data on every call (a handful of rows). */
interface Registers {
  settings: Map<string, RegisterSettings>;
  /** Organisations belong to no register: they are judged against the shortest target of all registers. */
  organisationTargetDays: number;
}

/**
 * Register staff's CPD review: the one queue of CPD work, and the review of registrants' activities. Every read of
 * an activity or its evidence is audited, like a dossier; every decision is audited in its own transaction and
 * mailed to the registrant through the outbox after commit.
 */
export class StaffCpdService {
  constructor(private readonly deps: StaffCpdDeps) {}

  private async registers(db: DataSource | EntityManager = this.deps.db): Promise<Registers> {
    const settings = new Map<string, RegisterSettings>();
    for (const r of await listRegisterSettings(db)) settings.set(r.id, registerSettingsSchema.parse(r.settings));
    const targets = [...settings.values()].map((s) => s.cpd.review.targetDays);
    if (targets.length === 0) throw new Error('no register: the review target is register data');
    return { settings, organisationTargetDays: Math.min(...targets) };
  }

  async queue(q: CpdQueueQuery, now = new Date()): Promise<CpdQueue> {
    const [registers, norms] = await Promise.all([this.registers(), listAllNorms(this.deps.db)]);
    const categories = new Map<string, CpdQueue['categories'][number]>();
    for (const n of norms) for (const c of variantNormSchema.parse(n).categories) if (!categories.has(c.code)) categories.set(c.code, { code: c.code, name: c.name, unit: c.unit });
    const text = q.q === undefined ? null : { plain: q.q.toLowerCase(), normalized: normalizeForSearch(q.q) || q.q.toLowerCase() };
    const found = await cpdQueue(this.deps.db, {
      targets: [...registers.settings].map(([registerId, s]) => ({ registerId, targetDays: s.cpd.review.targetDays })),
      organisationTargetDays: registers.organisationTargetDays,
      now,
      kind: q.kind ?? null,
      category: q.category ?? null,
      overdueOnly: q.overdue === 'true',
      text,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return {
      items: found.rows.map((r) => presentQueueItem(r, r.registerId === null ? undefined : registers.settings.get(r.registerId), now)),
      total: found.total,
      page: q.page,
      pageSize: q.pageSize,
      targetDays: registers.organisationTargetDays,
      counts: found.counts,
      categories: [...categories.values()],
    };
  }

  /** One activity as staff review it; the read is audited. */
  async activity(ctx: Context, id: string, now = new Date()): Promise<StaffCpdActivity> {
    const a = await findReviewActivity(this.deps.db, id);
    if (!a) throw notFound('Activity');
    const rules = await this.rulesOf(this.deps.db, a);
    const [person, evidence, competences, accreditation] = await Promise.all([
      findReviewPerson(this.deps.db, a.personId),
      listActivityEvidence(this.deps.db, a.id),
      listActivityCompetences(this.deps.db, a.id),
      a.accreditationId ? findAccreditationSummary(this.deps.db, a.accreditationId) : Promise.resolve(null),
    ]);
    if (!person) throw new Error(`person ${a.personId} of activity ${a.id} missing`);
    await recordAudit(this.deps.db, { actorAccountId: ctx.staffAccountId, action: 'cpd_activity.viewed', subjectType: 'cpd_activity', subjectId: id, details: { personId: a.personId }, requestId: ctx.requestId });
    return presentActivity(a, {
      ...rules,
      person,
      evidence,
      competences,
      accreditation,
      age: reviewAge(a.createdAt, now, rules.settings.cpd.review.targetDays),
      mayDecide: can(ctx.actor, 'cpdActivities.decide'),
    });
  }

  async openEvidence(ctx: Context, id: string, evidenceId: string) {
    const row = await findActivityEvidence(this.deps.db, id, evidenceId);
    if (!row) throw notFound('Evidence');
    await recordAudit(this.deps.db, {
      actorAccountId: ctx.staffAccountId,
      action: 'cpd_activity.evidence_viewed',
      subjectType: 'cpd_activity',
      subjectId: id,
      details: { evidenceId },
      requestId: ctx.requestId,
    });
    return { row, stream: this.deps.evidence.open(row.id) };
  }

  /**
   * Approve, adjust or reject a pending activity. The row is locked first and its status (and, when sent, its
   * updatedAt) checked against what staff saw, so of two concurrent decisions exactly one wins and the other, like a
   * decision on an activity changed meanwhile, gets 409 status_changed.
   */
  async decide(ctx: Context, id: string, d: CpdActivityDecisionBody): Promise<CpdActivityDecisionResult> {
    const outcome = await this.deps.db.transaction(async (m) => {
      const before = await lockReviewActivity(m, id);
      if (!before) throw notFound('Activity');
      if (before.status !== d.expectedStatus || (d.expectedUpdatedAt !== undefined && new Date(d.expectedUpdatedAt).getTime() !== before.updatedAt.getTime())) {
        throw new AppError('status_changed', 'This activity was decided or changed meanwhile; reload it and decide again.', { status: before.status });
      }
      const { claim } = await this.rulesOf(m, before);
      const decided = decideActivity(claim, d);
      const decidedAt = await recordActivityDecision(m, id, { ...decided, decidedBy: ctx.staffAccountId });
      // Locked and pending a moment ago: the update cannot miss.
      if (!decidedAt) throw new Error(`activity ${id} not pending under its lock`);
      await recordAudit(m, {
        actorAccountId: ctx.staffAccountId,
        action: `cpd_activity.${decided.status}`,
        subjectType: 'cpd_activity',
        subjectId: id,
        details: {
          personId: before.personId,
          decision: d.decision,
          claimed: claim.amount,
          unit: claim.unit,
          reason: decided.staffReason,
          before: { status: before.status, approvedPoints: before.approvedPoints, staffReason: before.staffReason },
          after: { status: decided.status, approvedPoints: decided.approvedPoints, staffReason: decided.staffReason },
        },
        requestId: ctx.requestId,
      });
      const outboxId = await this.mail(m, before, claim, decided, decidedAt);
      return { decided, decidedAt, claim, outboxId };
    });
    // Side effects only after commit; a lost enqueue is healed by the outbox sweep.
    if (outcome.outboxId) {
      await enqueue(this.deps.queues, 'email.send', { outboxId: outcome.outboxId }).catch((err: unknown) =>
        this.deps.logger.warn({ err, outboxId: outcome.outboxId }, 'mail not enqueued; the outbox sweep will retry'),
      );
    }
    return {
      id,
      status: outcome.decided.status,
      approvedPoints: outcome.decided.approvedPoints,
      unit: outcome.claim.unit,
      staffReason: outcome.decided.staffReason,
      decidedAt: outcome.decidedAt.toISOString(),
    };
  }

  private async mail(m: EntityManager, a: ReviewActivity, claim: Claim, d: ReturnType<typeof decideActivity>, decidedAt: Date): Promise<string | null> {
    const person = await findReviewPerson(m, a.personId);
    if (!person?.email) return null;
    return queueEmail(m, {
      // One mail per decision: an activity is decided once, at this moment.
      dedupeKey: `cpd-activity-decision:${a.id}:${decidedAt.toISOString()}`,
      template: `cpd_activity_${d.status}`,
      toAddress: person.email,
      accountId: person.accountId,
      params: { activityId: a.id, title: a.title, completedOn: a.completedOn, claimed: claim.amount, approved: d.approvedPoints, unit: claim.unit, reason: d.staffReason },
    });
  }

  /** The register's rules for an activity: its settings, its norm category and what it claims. */
  private async rulesOf(db: DataSource | EntityManager, a: ReviewActivity) {
    const settings = registerSettingsSchema.parse(a.registerSettings);
    const norms = (await listRegisterNorms(db, a.registerId)).map((n) => variantNormSchema.parse(n));
    const category = findNormCategory(norms, a.category);
    const kind = settings.cpd.activityKinds.find((k) => k.code === a.kind);
    const row: ActivityClaimRow = {
      id: a.id,
      category: a.category,
      subcategory: a.subcategory,
      completedOn: a.completedOn,
      points: a.points,
      hours: a.hours,
      sessionMinutes: a.sessionMinutes,
      supervisees: a.supervisees,
    };
    return { settings, category, kind, claim: activityClaim(row, category, kind?.measure) };
  }
}
