import { createHash, randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import { fileTypeFromBuffer } from 'file-type';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { acceptedEvidenceKinds, assessApplication, type Issue } from '../../domain/application.js';
import { cleanFileName, isEvidenceContentType } from '../../domain/evidence.js';
import { addDays, todayIn } from '../../domain/plain-date.js';
import { entryCriteriaSchema, registerSettingsSchema, type EntryCriteria, type RegisterSettings } from '../../domain/register-rules.js';
import {
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
  markSubmitted,
  saveAnswers,
  statusHistory,
  updatePerson,
  countSubmissions,
  findPerson,
  lockRegistration,
  type Application,
} from '../../db/repositories/applications.repository.js';
import type { EvidenceFileEntity } from '../../db/entities/evidence-file.entity.js';
import type { PersonEntity } from '../../db/entities/person.entity.js';
import { recordAudit } from '../../db/repositories/audit.repository.js';
import { queueEmail } from '../../db/repositories/email-outbox.repository.js';
import { transitionRegistration } from '../../db/repositories/registrations.repository.js';
import { AppError, fileTooLarge, notFound } from '../../domain/errors.js';
import { enqueueEmail } from '../../jobs/queues.js';
import type { EvidenceStore } from '../../storage/evidence-store.js';
import { presentDetail, presentEvidence, presentPerson, presentRegistration } from './applications.presenter.js';

export interface ApplicationsDeps {
  db: DataSource;
  evidence: EvidenceStore;
  emailQueue: Queue;
  logger: Logger;
}

export type Detail = ReturnType<typeof presentDetail>;

const notEditable = (status: string) => new AppError('not_editable', `Only a concept can be changed; this application is ${status}.`, { status });

/** Reading and assessing applications: shared by the registrant's and the staff's side. */
export class ApplicationReader {
  constructor(protected readonly deps: ApplicationsDeps) {}

  protected rules(r: Pick<Application, 'variant'>): { settings: RegisterSettings; criteria: EntryCriteria } {
    return { settings: registerSettingsSchema.parse(r.variant.register.settings), criteria: entryCriteriaSchema.parse(r.variant.entryCriteria) };
  }

  protected conceptExpiresOn(r: Application, settings: RegisterSettings): string | null {
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

  async detail(db: DataSource | EntityManager, r: Application): Promise<Detail> {
    const person = await findPerson(db, r.personId);
    const [evidence, history] = await Promise.all([listEvidence(db, r.id), statusHistory(db, r.id)]);
    const { settings, criteria } = this.rules(r);
    const issues = await this.assess(db, r, person, evidence);
    return presentDetail(r, { conceptExpiresOn: this.conceptExpiresOn(r, settings), person, evidence, history, criteria, issues, evidenceMaxBytes: settings.evidence.maxBytes });
  }

  /** After commit only: a lost enqueue is healed by the outbox sweep, so it must not fail the request. */
  protected async sendAfterCommit(outboxId: string | null): Promise<void> {
    if (!outboxId) return;
    await enqueueEmail(this.deps.emailQueue, outboxId).catch((err: unknown) => this.deps.logger.warn({ err, outboxId }, 'mail not enqueued; the outbox sweep will retry'));
  }
}

/** The registrant's own applications: only ever their own person's rows (others get 404, never 403). */
export class ApplicationsService extends ApplicationReader {
  async variants() {
    const variants = await listVariants(this.deps.db);
    return variants.map((v) => ({ code: v.code, name: v.name, nameEn: v.nameEn, kind: v.kind, parentCode: v.parentVariant?.code ?? null, criteria: entryCriteriaSchema.parse(v.entryCriteria) }));
  }

  async list(accountId: string) {
    const person = await findPersonOfAccount(this.deps.db, accountId);
    if (!person) return { person: null, items: [] };
    const registrations = await listRegistrationsOfPerson(this.deps.db, person.id);
    return {
      person: presentPerson(person),
      items: registrations.map((r) => presentRegistration(r, this.conceptExpiresOn(r, this.rules(r).settings))),
    };
  }

  private async own(db: DataSource | EntityManager, accountId: string, id: string): Promise<Application> {
    const person = await findPersonOfAccount(db, accountId);
    const registration = await findRegistration(db, id);
    if (!person || !registration || registration.personId !== person.id) throw notFound('Application');
    return registration;
  }

  async get(accountId: string, id: string): Promise<Detail> {
    return this.detail(this.deps.db, await this.own(this.deps.db, accountId, id));
  }

  async create(accountId: string, variantCode: string): Promise<Detail> {
    const variant = await findVariantByCode(this.deps.db, variantCode);
    if (!variant) throw new AppError('unknown_variant', `There is no variant "${variantCode}".`);
    const id = await this.deps.db
      .transaction(async (m) => {
        const person = await ensurePersonForAccount(m, accountId);
        if (variant.kind === 'specialist' && !(await findActiveGeneralist(m, person.id, variant.registerId))) {
          throw new AppError('generalist_required', 'A specialist registration needs an active generalist registration first.');
        }
        const created = await createConcept(m, person.id, variant.id, accountId);
        await recordAudit(m, { actorAccountId: accountId, action: 'application.created', subjectType: 'registration', subjectId: created, details: { variant: variant.code } });
        return created;
      })
      .catch((err: unknown) => {
        // The partial unique index (one live registration per person and variant) decides under concurrency.
        if ((err as { driverError?: { code?: string } }).driverError?.code === '23505') {
          throw new AppError('already_exists', 'You already have an application or registration for this variant.');
        }
        throw err;
      });
    return this.get(accountId, id);
  }

  async update(accountId: string, id: string, body: { person?: Parameters<typeof updatePerson>[2]; application?: Application['application'] }): Promise<Detail> {
    await this.deps.db.transaction(async (m) => {
      // Lock first, then read and check: a status read before the lock may be stale by the time we write.
      await lockRegistration(m, id);
      const r = await this.own(m, accountId, id);
      if (r.status !== 'concept') throw notEditable(r.status);
      if (body.person) await updatePerson(m, r.personId, body.person);
      if (body.application) {
        const allowed = new Set(this.rules(r).criteria.requirements.map((q) => q.code));
        const unknown = Object.keys(body.application.requirements ?? {}).filter((code) => !allowed.has(code));
        if (unknown.length) throw new AppError('invalid_input', 'The request is not valid.', unknown.map((code) => ({ path: `application.requirements.${code}`, message: 'Not a requirement of this variant.', code: 'unknown_requirement' })));
        await saveAnswers(m, id, body.application);
      }
    });
    return this.get(accountId, id);
  }

  /**
   * The largest upload this application takes (its register's setting). Asked before the body is read, so an
   * upload to someone else's application (404) or to one that is no longer a concept (409) is refused unread.
   */
  async uploadLimit(accountId: string, id: string): Promise<number> {
    const r = await this.own(this.deps.db, accountId, id);
    if (r.status !== 'concept') throw notEditable(r.status);
    return this.rules(r).settings.evidence.maxBytes;
  }

  async upload(accountId: string, id: string, kind: string, file: { buffer: Buffer; originalname: string }) {
    const r = await this.own(this.deps.db, accountId, id);
    if (r.status !== 'concept') throw notEditable(r.status);
    const maxBytes = this.rules(r).settings.evidence.maxBytes;
    if (!acceptedEvidenceKinds(this.rules(r).criteria).includes(kind)) {
      throw new AppError('invalid_evidence_kind', `This application does not take evidence of kind "${kind}".`);
    }
    if (file.buffer.length === 0) throw new AppError('empty_file', 'The file is empty.');
    if (file.buffer.length > maxBytes) throw fileTooLarge(maxBytes);
    // The content decides the type: a renamed executable or text file is refused whatever its name says.
    const mime = (await fileTypeFromBuffer(file.buffer))?.mime;
    if (!isEvidenceContentType(mime)) throw new AppError('unsupported_file_type', 'Upload a PDF, JPEG or PNG file.');
    const evidenceId = randomUUID();
    await this.deps.evidence.put(evidenceId, file.buffer);
    try {
      const row = await this.deps.db.transaction(async (m) => {
        const locked = await lockRegistration(m, id);
        if (locked !== 'concept') throw notEditable(locked ?? 'gone');
        return insertEvidence(m, {
          id: evidenceId,
          registrationId: id,
          kind,
          originalName: cleanFileName(file.originalname),
          contentType: mime,
          sizeBytes: file.buffer.length,
          sha256: createHash('sha256').update(file.buffer).digest('hex'),
          uploadedBy: accountId,
        });
      });
      return presentEvidence(row);
    } catch (err) {
      // Nothing half-done: no row, no file.
      await this.deps.evidence.remove(evidenceId);
      throw err;
    }
  }

  async removeEvidence(accountId: string, id: string, evidenceId: string): Promise<void> {
    const removed = await this.deps.db.transaction(async (m) => {
      // Lock first, then read and check (as update does): a concurrent submit must not lose its evidence.
      await lockRegistration(m, id);
      const r = await this.own(m, accountId, id);
      if (r.status !== 'concept') throw notEditable(r.status);
      return deleteEvidence(m, id, evidenceId);
    });
    if (!removed) throw notFound('Evidence');
    await this.deps.evidence.remove(evidenceId);
  }

  async openEvidence(accountId: string, id: string, evidenceId: string) {
    await this.own(this.deps.db, accountId, id);
    const row = await findEvidence(this.deps.db, id, evidenceId);
    if (!row) throw notFound('Evidence');
    return { row, stream: this.deps.evidence.open(row.id) };
  }

  async submit(accountId: string, id: string): Promise<Detail> {
    const outboxId = await this.deps.db.transaction(async (m) => {
      await lockRegistration(m, id);
      const r = await this.own(m, accountId, id);
      if (r.status !== 'concept') throw new AppError('already_submitted', `This application is ${r.status}; it cannot be submitted again.`, { status: r.status });
      const person = await findPersonOfAccount(m, accountId);
      const issues = await this.assess(m, r, person, await listEvidence(m, id));
      if (issues.length) throw new AppError('application_incomplete', 'The application is not complete yet.', issues);
      await transitionRegistration(m, { registrationId: id, to: 'submitted', actor: 'registrant', actorAccountId: accountId, reason: null, expectedFrom: 'concept' });
      await markSubmitted(m, id);
      const n = await countSubmissions(m, id);
      return person?.email
        ? queueEmail(m, { dedupeKey: `submitted:${id}:${n}`, template: 'application_submitted', toAddress: person.email, accountId, params: { variant: r.variant.name, registrationId: id } })
        : null;
    });
    await this.sendAfterCommit(outboxId);
    return this.get(accountId, id);
  }
}
