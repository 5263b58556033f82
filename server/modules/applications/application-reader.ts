import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import type { EvidenceFileEntity } from '../../db/entities/evidence-file.entity.js';
import type { PersonEntity } from '../../db/entities/person.entity.js';
import { findActiveGeneralist, findPerson, listEvidence, statusHistory, type Application } from '../../db/repositories/applications.repository.js';
import { assessApplication, type Issue } from '../../domain/application.js';
import { addDays, todayIn } from '../../domain/plain-date.js';
import { entryCriteriaSchema, registerSettingsSchema, type EntryCriteria, type RegisterSettings } from '../../domain/register-rules.js';
import { enqueue, type Queues } from '../../jobs/registry.js';
import type { Actor } from '../../policies/actor.js';
import { registrationActions } from '../../policies/registration-actions.js';
import type { EvidenceStore } from '../../storage/evidence-store.js';
import { presentDetail } from './applications.presenter.js';

export interface ApplicationsDeps {
  db: DataSource;
  evidence: EvidenceStore;
  queues: Queues;
  logger: Logger;
}

export type Detail = ReturnType<typeof presentDetail>;

/**
 * Reading and assessing applications, used by the registrant's side (ApplicationsService) and the staff's side
 * (StaffApplicationsService), which are both handed one instance by the composition root.
 */
export class ApplicationReader {
  constructor(readonly deps: ApplicationsDeps) {}

  rules(r: Pick<Application, 'variant'>): { settings: RegisterSettings; criteria: EntryCriteria } {
    return { settings: registerSettingsSchema.parse(r.variant.register.settings), criteria: entryCriteriaSchema.parse(r.variant.entryCriteria) };
  }

  conceptExpiresOn(r: Application, settings: RegisterSettings): string | null {
    if (r.status !== 'concept') return null;
    return addDays(todayIn(settings.timeZone, r.statusChangedAt), settings.concepts.retentionDays);
  }

  async assess(db: DataSource | EntityManager, r: Application, person: PersonEntity | null, evidence: EvidenceFileEntity[]): Promise<Issue[]> {
    const { settings, criteria } = this.rules(r);
    const generalist = r.variant.kind === 'specialist' ? await findActiveGeneralist(db, r.personId, r.variant.registerId) : null;
    const complete = person && person.email && person.givenNames && person.familyName;
    return assessApplication({
      kind: r.variant.kind,
      criteria,
      answers: r.application,
      person: complete ? { givenNames: person.givenNames, prefix: person.namePrefix, familyName: person.familyName, email: person.email! } : null,
      evidenceKinds: new Set(evidence.map((e) => e.kind)),
      hasActiveGeneralist: generalist !== null,
      today: todayIn(settings.timeZone),
    });
  }

  /** The application as the actor sees it, with what the actor may do with it now. */
  async detail(db: DataSource | EntityManager, r: Application, actor: Actor): Promise<Detail> {
    const person = await findPerson(db, r.personId);
    const [evidence, history] = await Promise.all([listEvidence(db, r.id), statusHistory(db, r.id)]);
    const { settings, criteria } = this.rules(r);
    const issues = await this.assess(db, r, person, evidence);
    const can = registrationActions(actor, { personId: r.personId, status: r.status, complete: issues.length === 0 });
    return presentDetail(r, { conceptExpiresOn: this.conceptExpiresOn(r, settings), person, evidence, history, criteria, issues, evidenceMaxBytes: settings.evidence.maxBytes, can });
  }

  /** After commit only: a lost enqueue is healed by the outbox sweep, so it must not fail the request. */
  async sendAfterCommit(outboxId: string | null): Promise<void> {
    if (!outboxId) return;
    await enqueue(this.deps.queues, 'email.send', { outboxId }).catch((err: unknown) => this.deps.logger.warn({ err, outboxId }, 'mail not enqueued; the outbox sweep will retry'));
  }
}
