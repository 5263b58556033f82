import type { DataSource, EntityManager } from 'typeorm';
import {
  countSubmissions,
  createConcept,
  deleteEvidence,
  ensurePersonForAccount,
  findActiveGeneralist,
  findEvidence,
  findPersonOfAccount,
  findRegistration,
  findVariantByCode,
  insertEvidence,
  listEvidence,
  listRegistrationsOfPerson,
  listVariants,
  lockRegistration,
  markSubmitted,
  saveAnswers,
  updatePerson,
  type Application,
} from '../../db/repositories/applications.repository.js';
import { recordAudit } from '../../db/repositories/audit.repository.js';
import { findVariantEligibilityFacts } from '../../db/repositories/eligibility.repository.js';
import { queueEmail } from '../../db/repositories/email-outbox.repository.js';
import { transitionRegistration } from '../../db/repositories/registrations.repository.js';
import { acceptedEvidenceKinds } from '../../domain/application.js';
import { variantsOpenForApplication } from '../../domain/eligibility.js';
import { AppError, notFound } from '../../domain/errors.js';
import { acceptEvidenceFile } from '../../domain/evidence.js';
import { entryCriteriaSchema } from '../../domain/register-rules.js';
import { withPerson, type Actor } from '../../policies/actor.js';
import { authorize, type Action } from '../../policies/policy.js';
import { registrationActions } from '../../policies/registration-actions.js';
import type { ApplicationReader, Detail } from './application-reader.js';
import { presentEvidence, presentPerson, presentRegistration } from './applications.presenter.js';

const notEditable = (status: string) => new AppError('not_editable', `Only a concept can be changed; this application is ${status}.`, { status });

/** The registrant's own applications: only ever their own person's rows (others get 404, never 403). */
export class ApplicationsService {
  private readonly deps: ApplicationReader['deps'];

  constructor(private readonly reader: ApplicationReader) {
    this.deps = reader.deps;
  }

  async variants() {
    const variants = await listVariants(this.deps.db);
    return variants.map((v) => ({ code: v.code, name: v.name, nameEn: v.nameEn, kind: v.kind, parentCode: v.parentVariant?.code ?? null, criteria: entryCriteriaSchema.parse(v.entryCriteria) }));
  }

  async list(actor: Actor) {
    const person = actor.account ? await findPersonOfAccount(this.deps.db, actor.account.id) : null;
    const registrations = person ? await listRegistrationsOfPerson(this.deps.db, person.id) : [];
    const items = await Promise.all(
      registrations.map(async (r) => {
        const issues = await this.reader.assess(this.deps.db, r, person, await listEvidence(this.deps.db, r.id));
        const can = registrationActions(actor, { personId: r.personId, status: r.status, complete: issues.length === 0 });
        return presentRegistration(r, this.reader.conceptExpiresOn(r, this.reader.rules(r).settings), can);
      }),
    );
    const apply = variantsOpenForApplication(await findVariantEligibilityFacts(this.deps.db, person?.id ?? null));
    return { person: presentPerson(person), items, can: { apply } };
  }

  /** The registration, if the actor may take this action on it: another's row is 404, never 403. */
  private async own(db: DataSource | EntityManager, actor: Actor, action: Action, id: string): Promise<Application> {
    const registration = await findRegistration(db, id);
    if (!registration) throw notFound('Application');
    authorize(actor, action, { personId: registration.personId });
    return registration;
  }

  async get(actor: Actor, id: string): Promise<Detail> {
    return this.reader.detail(this.deps.db, await this.own(this.deps.db, actor, 'ownRegistration.read', id), actor);
  }

  async create(actor: Actor, variantCode: string): Promise<Detail> {
    const accountId = actor.account!.id;
    const variant = await findVariantByCode(this.deps.db, variantCode);
    if (!variant) throw new AppError('unknown_variant', `There is no variant "${variantCode}".`);
    const { created, person } = await this.deps.db
      .transaction(async (m) => {
        const person = await ensurePersonForAccount(m, accountId);
        if (variant.kind === 'specialist' && !(await findActiveGeneralist(m, person.id, variant.registerId))) {
          throw new AppError('generalist_required', 'A specialist registration needs an active generalist registration first.');
        }
        const created = await createConcept(m, person.id, variant.id, accountId);
        await recordAudit(m, { actorAccountId: accountId, action: 'application.created', subjectType: 'registration', subjectId: created, details: { variant: variant.code } });
        return { created, person };
      })
      .catch((err: unknown) => {
        // The partial unique index (one live registration per person and variant) decides under concurrency.
        if ((err as { driverError?: { code?: string } }).driverError?.code === '23505') {
          throw new AppError('already_exists', 'You already have an application or registration for this variant.');
        }
        throw err;
      });
    // A first application makes the account's person in this request; the actor owns it from now on.
    return this.get(withPerson(actor, { id: person.id, registrationNumber: person.registrationNumber, name: '' }), created);
  }

  async update(actor: Actor, id: string, body: { person?: Parameters<typeof updatePerson>[2]; application?: Application['application'] }): Promise<Detail> {
    await this.deps.db.transaction(async (m) => {
      // Lock first, then read and check: a status read before the lock may be stale by the time we write.
      await lockRegistration(m, id);
      const r = await this.own(m, actor, 'ownRegistration.edit', id);
      if (r.status !== 'concept') throw notEditable(r.status);
      if (body.person) await updatePerson(m, r.personId, body.person);
      if (body.application) {
        const allowed = new Set(this.reader.rules(r).criteria.requirements.map((q) => q.code));
        const unknown = Object.keys(body.application.requirements ?? {}).filter((code) => !allowed.has(code));
        if (unknown.length) throw new AppError('invalid_input', 'The request is not valid.', unknown.map((code) => ({ path: `application.requirements.${code}`, message: 'Not a requirement of this variant.', code: 'unknown_requirement' })));
        await saveAnswers(m, id, body.application);
      }
    });
    return this.get(actor, id);
  }

  /**
   * The largest upload this application takes (its register's setting). Asked before the body is read, so an
   * upload to someone else's application (404) or to one that is no longer a concept (409) is refused unread.
   */
  async uploadLimit(actor: Actor, id: string): Promise<number> {
    const r = await this.own(this.deps.db, actor, 'ownEvidence.upload', id);
    if (r.status !== 'concept') throw notEditable(r.status);
    return this.reader.rules(r).settings.evidence.maxBytes;
  }

  async upload(actor: Actor, id: string, kind: string, file: { buffer: Buffer; originalname: string }) {
    const r = await this.own(this.deps.db, actor, 'ownEvidence.upload', id);
    if (r.status !== 'concept') throw notEditable(r.status);
    const { settings, criteria } = this.reader.rules(r);
    const maxBytes = settings.evidence.maxBytes;
    if (!acceptedEvidenceKinds(criteria).includes(kind)) {
      throw new AppError('invalid_evidence_kind', `This application does not take evidence of kind "${kind}".`);
    }
    const accepted = await acceptEvidenceFile(file, maxBytes);
    const row = await this.deps.evidence.keep(file.buffer, (evidenceId) =>
      this.deps.db.transaction(async (m) => {
        const locked = await lockRegistration(m, id);
        if (locked !== 'concept') throw notEditable(locked ?? 'gone');
        return insertEvidence(m, { id: evidenceId, registrationId: id, kind, ...accepted, uploadedBy: actor.account!.id });
      }),
    );
    return presentEvidence(row);
  }

  async removeEvidence(actor: Actor, id: string, evidenceId: string): Promise<void> {
    const removed = await this.deps.db.transaction(async (m) => {
      // Lock first, then read and check (as update does): a concurrent submit must not lose its evidence.
      await lockRegistration(m, id);
      const r = await this.own(m, actor, 'ownEvidence.delete', id);
      if (r.status !== 'concept') throw notEditable(r.status);
      return deleteEvidence(m, id, evidenceId);
    });
    if (!removed) throw notFound('Evidence');
    await this.deps.evidence.remove(evidenceId);
  }

  async openEvidence(actor: Actor, id: string, evidenceId: string) {
    await this.own(this.deps.db, actor, 'ownEvidence.read', id);
    const row = await findEvidence(this.deps.db, id, evidenceId);
    if (!row) throw notFound('Evidence');
    return { row, stream: this.deps.evidence.open(row.id) };
  }

  async submit(actor: Actor, id: string): Promise<Detail> {
    const accountId = actor.account!.id;
    const outboxId = await this.deps.db.transaction(async (m) => {
      await lockRegistration(m, id);
      const r = await this.own(m, actor, 'ownRegistration.submit', id);
      if (r.status !== 'concept') throw new AppError('already_submitted', `This application is ${r.status}; it cannot be submitted again.`, { status: r.status });
      const person = await findPersonOfAccount(m, accountId);
      const issues = await this.reader.assess(m, r, person, await listEvidence(m, id));
      if (issues.length) throw new AppError('application_incomplete', 'The application is not complete yet.', issues);
      await transitionRegistration(m, { registrationId: id, to: 'submitted', actor: 'registrant', actorAccountId: accountId, reason: null, expectedFrom: 'concept' });
      await markSubmitted(m, id);
      const n = await countSubmissions(m, id);
      return person?.email
        ? queueEmail(m, { dedupeKey: `submitted:${id}:${n}`, template: 'application_submitted', toAddress: person.email, accountId, params: { variant: r.variant.name, registrationId: id } })
        : null;
    });
    await this.reader.sendAfterCommit(outboxId);
    return this.get(actor, id);
  }
}
