import { createHash, randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import { fileTypeFromBuffer } from 'file-type';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { acceptedEvidenceKinds, assessApplication, type Issue } from '../../domain/application.js';
import { cleanFileName, evidenceStructureProblem, isEvidenceContentType } from '../../domain/evidence.js';
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
  type EvidenceRow,
  type PersonRow,
  type RegistrationRow,
} from '../../db/repositories/applications.repository.js';
import { recordAudit } from '../../db/repositories/audit.repository.js';
import { queueEmail } from '../../db/repositories/email-outbox.repository.js';
import { transitionRegistration } from '../../db/repositories/registrations.repository.js';
import { rows } from '../../db/sql.js';
import { AppError, fileTooLarge, notFound } from '../../http/errors.js';
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

const notEditable = (status: string) => new AppError('not_editable', 409, `Only a concept can be changed; this application is ${status}.`, { status });

/** Reading and assessing applications: shared by the registrant's and the staff's side. */
export class ApplicationReader {
  constructor(protected readonly deps: ApplicationsDeps) {}

  protected rules(r: Pick<RegistrationRow, 'register_settings' | 'entry_criteria'>): { settings: RegisterSettings; criteria: EntryCriteria } {
    return { settings: registerSettingsSchema.parse(r.register_settings), criteria: entryCriteriaSchema.parse(r.entry_criteria) };
  }

  protected conceptExpiresOn(r: RegistrationRow, settings: RegisterSettings): string | null {
    if (r.status !== 'concept') return null;
    return addDays(todayIn(settings.timeZone, r.status_changed_at), settings.concepts.retentionDays);
  }

  async assess(db: DataSource | EntityManager, r: RegistrationRow, person: PersonRow | null, evidence: EvidenceRow[]): Promise<Issue[]> {
    const { settings, criteria } = this.rules(r);
    const generalist = r.variant_kind === 'specialist' ? await findActiveGeneralist(db, r.person_id, r.register_id) : null;
    const complete = person && person.email && person.given_names && person.family_name;
    return assessApplication({
      kind: r.variant_kind,
      criteria,
      answers: r.application,
      person: complete ? { givenNames: person.given_names, prefix: person.name_prefix, familyName: person.family_name, email: person.email! } : null,
      evidenceKinds: new Set(evidence.map((e) => e.kind)),
      hasActiveGeneralist: generalist !== null,
      today: todayIn(settings.timeZone),
    });
  }

  async detail(db: DataSource | EntityManager, r: RegistrationRow): Promise<Detail> {
    const person = (await rows<PersonRow>(db, `SELECT id, given_names, name_prefix, family_name, email, registration_number FROM persons WHERE id = $1`, [r.person_id]))[0] ?? null;
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
    return variants.map((v) => ({ code: v.code, name: v.name, nameEn: v.name_en, kind: v.kind, parentCode: v.parent_code, criteria: entryCriteriaSchema.parse(v.entry_criteria) }));
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

  private async own(db: DataSource | EntityManager, accountId: string, id: string): Promise<RegistrationRow> {
    const [person, registration] = await Promise.all([findPersonOfAccount(db, accountId), findRegistration(db, id)]);
    if (!person || !registration || registration.person_id !== person.id) throw notFound('Application');
    return registration;
  }

  async get(accountId: string, id: string): Promise<Detail> {
    return this.detail(this.deps.db, await this.own(this.deps.db, accountId, id));
  }

  async create(accountId: string, variantCode: string): Promise<Detail> {
    const variant = await findVariantByCode(this.deps.db, variantCode);
    if (!variant) throw new AppError('unknown_variant', 400, `There is no variant "${variantCode}".`);
    const id = await this.deps.db
      .transaction(async (m) => {
        const person = await ensurePersonForAccount(m, accountId);
        if (variant.kind === 'specialist' && !(await findActiveGeneralist(m, person.id, variant.register_id))) {
          throw new AppError('generalist_required', 422, 'A specialist registration needs an active generalist registration first.');
        }
        const created = await createConcept(m, person.id, variant.id, accountId);
        await recordAudit(m, { actorAccountId: accountId, action: 'application.created', subjectType: 'registration', subjectId: created, details: { variant: variant.code } });
        return created;
      })
      .catch((err: unknown) => {
        // The partial unique index (one live registration per person and variant) decides under concurrency.
        if ((err as { driverError?: { code?: string } }).driverError?.code === '23505') {
          throw new AppError('already_exists', 409, 'You already have an application or registration for this variant.');
        }
        throw err;
      });
    return this.get(accountId, id);
  }

  async update(accountId: string, id: string, body: { person?: Parameters<typeof updatePerson>[2]; application?: RegistrationRow['application'] }): Promise<Detail> {
    await this.deps.db.transaction(async (m) => {
      const r = await this.own(m, accountId, id);
      await m.query(`SELECT 1 FROM registrations WHERE id = $1 FOR UPDATE`, [id]);
      if (r.status !== 'concept') throw notEditable(r.status);
      if (body.person) await updatePerson(m, r.person_id, body.person);
      if (body.application) {
        const allowed = new Set(this.rules(r).criteria.requirements.map((q) => q.code));
        const unknown = Object.keys(body.application.requirements ?? {}).filter((code) => !allowed.has(code));
        if (unknown.length) throw new AppError('invalid_input', 400, 'The request is not valid.', unknown.map((code) => ({ path: `application.requirements.${code}`, message: 'Not a requirement of this variant.', code: 'unknown_requirement' })));
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
      throw new AppError('invalid_evidence_kind', 400, `This application does not take evidence of kind "${kind}".`);
    }
    if (file.buffer.length === 0) throw new AppError('empty_file', 400, 'The file is empty.');
    if (file.buffer.length > maxBytes) throw fileTooLarge(maxBytes);
    // The content decides the type: a renamed executable or text file is refused whatever its name says.
    const mime = (await fileTypeFromBuffer(file.buffer))?.mime;
    if (!isEvidenceContentType(mime)) throw new AppError('unsupported_file_type', 415, 'Upload a PDF, JPEG or PNG file.');
    // Starting like one is not enough: staff must be able to open it.
    const problem = evidenceStructureProblem(mime, file.buffer);
    if (problem) throw new AppError('unreadable_file', 422, `${problem} Upload the complete file.`);
    const evidenceId = randomUUID();
    await this.deps.evidence.put(evidenceId, file.buffer);
    try {
      const row = await this.deps.db.transaction(async (m) => {
        const [locked] = await rows<{ status: string }>(m, `SELECT status FROM registrations WHERE id = $1 FOR UPDATE`, [id]);
        if (locked?.status !== 'concept') throw notEditable(locked?.status ?? 'gone');
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
      const r = await this.own(m, accountId, id);
      await m.query(`SELECT 1 FROM registrations WHERE id = $1 FOR UPDATE`, [id]);
      const current = await findRegistration(m, id);
      if (current!.status !== 'concept') throw new AppError('already_submitted', 409, `This application is ${current!.status}; it cannot be submitted again.`, { status: current!.status });
      const person = await findPersonOfAccount(m, accountId);
      const issues = await this.assess(m, current!, person, await listEvidence(m, id));
      if (issues.length) throw new AppError('application_incomplete', 422, 'The application is not complete yet.', issues);
      await transitionRegistration(m, { registrationId: id, to: 'submitted', actor: 'registrant', actorAccountId: accountId, reason: null, expectedFrom: 'concept' });
      await markSubmitted(m, id);
      const [{ n }] = (await rows<{ n: number }>(m, `SELECT count(*)::int AS n FROM registration_status_changes WHERE registration_id = $1 AND to_status = 'submitted'`, [id])) as [{ n: number }];
      return person?.email
        ? queueEmail(m, { dedupeKey: `submitted:${id}:${n}`, template: 'application_submitted', toAddress: person.email, accountId, params: { variant: r.variant_name, registrationId: id } })
        : null;
    });
    await this.sendAfterCommit(outboxId);
    return this.get(accountId, id);
  }
}
