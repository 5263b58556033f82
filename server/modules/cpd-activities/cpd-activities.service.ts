import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import type { CompetenceMapView, CpdActivityView, CpdEvidenceKind, CpdForm, CpdProgressView, LogActivityBody, PortfolioView } from '../../contract/cpd-activities.js';
import { recordAudit } from '../../db/repositories/audit.repository.js';
import {
  deleteCpdEvidence,
  deletePendingActivity,
  findAccreditationByCode,
  findActivity,
  findCpdEvidence,
  findCpdRegistrations,
  findPersonSummary,
  findPortfolioExport,
  findPortfolioPdf,
  insertAccreditedActivity,
  insertActivityCompetences,
  insertCpdEvidence,
  insertPendingActivity,
  insertPortfolioExport,
  listActivities,
  listCompetenceUse,
  listCompetences,
  listProgressActivities,
  lockActivity,
  type PortfolioExportRow,
} from '../../db/repositories/cpd-activities.repository.js';
import { checkAccreditationUse, checkActivityDates, validateActivityLog } from '../../domain/cpd-activity.js';
import { buildPortfolio, cpdStanding, presentActivity, progressView, type CpdStanding } from '../../domain/cpd-dossier.js';
import { AppError, notFound } from '../../domain/errors.js';
import { acceptEvidenceFile } from '../../domain/evidence.js';
import { todayIn } from '../../domain/plain-date.js';
import { enqueue, type Queues } from '../../jobs/registry.js';
import type { Actor } from '../../policies/actor.js';
import { authorize, type Action } from '../../policies/policy.js';
import type { EvidenceStore } from '../../storage/evidence-store.js';

export interface CpdActivitiesDeps {
  db: DataSource;
  evidence: EvidenceStore;
  queues: Queues;
  logger: Logger;
}

const notPending = (status: string) => new AppError('activity_not_pending', `This activity is ${status}; only a pending activity can be changed.`, { status });
const notRegistered = () =>
  new AppError('cpd_not_registered', 'Activities are logged against your registration; you have no registered generalist registration (yet).');

const presentExport = (e: PortfolioExportRow) => ({
  id: e.id,
  status: e.status,
  locale: e.locale,
  createdAt: new Date(e.createdAt).toISOString(),
  renderedAt: e.renderedAt === null ? null : new Date(e.renderedAt).toISOString(),
});

/**
 * The registrant's CPD: only ever their own person's rows (another's activity or export is 404, never 403).
 * Logging with an accreditation code books its points once (the unique index decides, also under concurrency);
 * without a code the activity waits for staff.
 */
export class CpdActivitiesService {
  constructor(private readonly deps: CpdActivitiesDeps) {}

  private get db() {
    return this.deps.db;
  }

  private async standing(db: DataSource | EntityManager, personId: string | null): Promise<CpdStanding> {
    return cpdStanding(personId ? await findCpdRegistrations(db, personId) : []);
  }

  async competences() {
    const items = await listCompetences(this.db, null);
    return { items: items.map((c) => ({ code: c.code, name: c.name, nameEn: c.nameEn, sortOrder: c.sortOrder })) };
  }

  async form(actor: Actor): Promise<CpdForm> {
    const personId = actor.person?.id ?? null;
    const registrations = personId ? await findCpdRegistrations(this.db, personId) : [];
    const standing = cpdStanding(registrations);
    const settings = standing.settings;
    const competences = await listCompetences(this.db, standing.registerId);
    const minutesOf = (category: string) => standing.generalistNorm?.categories.find((c) => c.code === category)?.minSessionMinutes ?? null;
    return {
      registered: standing.registered,
      today: todayIn(settings?.timeZone ?? 'Europe/Amsterdam'),
      diplomaYear: standing.diplomaYear,
      variants: registrations
        .filter((r) => standing.registeredVariants.includes(r.variantCode))
        .map((r) => ({ code: r.variantCode, name: r.variantName, nameEn: r.variantNameEn, kind: r.variantKind })),
      kinds: (settings?.cpd.activityKinds ?? []).map((k) => ({
        code: k.code,
        name: k.name,
        category: k.category,
        subcategory: k.subcategory ?? null,
        measure: k.measure,
        minSessionMinutes: minutesOf(k.category),
      })),
      limits: settings?.cpd.activities ?? { maxPoints: 0, maxHours: 0, maxSessionMinutes: 0, maxSupervisees: 0 },
      evidenceMaxBytes: settings?.evidence.maxBytes ?? 0,
      competences: competences.map((c) => ({ code: c.code, name: c.name, nameEn: c.nameEn })),
    };
  }

  async list(actor: Actor): Promise<{ items: CpdActivityView[] }> {
    if (!actor.person) return { items: [] };
    return { items: (await listActivities(this.db, actor.person.id)).map(presentActivity) };
  }

  /** The activity, if the actor may take this action on it: another's row is 404. */
  private async own(db: DataSource | EntityManager, actor: Actor, action: Action, id: string) {
    const row = await findActivity(db, id);
    if (!row) throw notFound('Activity');
    authorize(actor, action, { personId: row.personId });
    return row;
  }

  async get(actor: Actor, id: string): Promise<CpdActivityView> {
    return presentActivity(await this.own(this.db, actor, 'ownCpdActivity.read', id));
  }

  async log(actor: Actor, body: LogActivityBody, requestId: string | null): Promise<CpdActivityView> {
    const accountId = actor.account!.id;
    const personId = actor.person?.id;
    if (!personId) throw notRegistered();
    const standing = await this.standing(this.db, personId);
    if (!standing.registered || !standing.settings || !standing.generalistNorm || !standing.registerId) throw notRegistered();
    const settings = standing.settings;
    const registerId = standing.registerId;
    const today = todayIn(settings.timeZone);

    if (body.accreditationCode !== undefined) {
      const code = body.accreditationCode;
      const acc = await findAccreditationByCode(this.db, code);
      if (!acc || acc.status !== 'approved' || acc.validFrom === null || acc.validUntil === null || acc.registerId !== registerId) {
        throw new AppError('accreditation_code_unknown', `No approved accreditation has the code ${code}.`, { code });
      }
      checkActivityDates(body.completedOn, null, today, standing.diplomaYear);
      checkAccreditationUse({ code: acc.code, validFrom: acc.validFrom, validUntil: acc.validUntil, variants: acc.variants }, standing.registeredSince, body.completedOn);
      const id = await this.db.transaction(async (m) => {
        const created = await insertAccreditedActivity(m, { personId, accreditationId: acc.id, completedOn: body.completedOn, createdBy: accountId });
        if (created === null) {
          throw new AppError('activity_already_logged', `The points of ${acc.code} are already in your dossier.`, { code: acc.code });
        }
        await recordAudit(m, { actorAccountId: accountId, action: 'cpd_activity.logged', subjectType: 'cpd_activity', subjectId: created, details: { accreditation: acc.code, status: 'approved' }, requestId });
        return created;
      });
      return this.get(actor, id);
    }

    const competences = await listCompetences(this.db, registerId);
    const valid = validateActivityLog(body, {
      cpd: settings.cpd,
      norm: standing.generalistNorm,
      today,
      diplomaYear: standing.diplomaYear,
      competenceCodes: new Set(competences.map((c) => c.code)),
    });
    // What is stored of the activity is what passed the rules; its measure is implied by its kind.
    const { measure: _measure, competences: _competences, ...logged } = valid;
    const id = await this.db.transaction(async (m) => {
      const created = await insertPendingActivity(m, { ...logged, personId, registerId, createdBy: accountId });
      await insertActivityCompetences(m, created, registerId, valid.competences);
      await recordAudit(m, { actorAccountId: accountId, action: 'cpd_activity.logged', subjectType: 'cpd_activity', subjectId: created, details: { kind: valid.kind, status: 'pending' }, requestId });
      return created;
    });
    return this.get(actor, id);
  }

  async withdraw(actor: Actor, id: string, requestId: string | null): Promise<void> {
    const evidenceIds = await this.db.transaction(async (m) => {
      // Lock first, then check: a staff decision at the same moment wins or waits, never both.
      const locked = await lockActivity(m, id);
      if (!locked) throw notFound('Activity');
      authorize(actor, 'ownCpdActivity.withdraw', { personId: locked.personId });
      if (locked.status !== 'pending') throw notPending(locked.status);
      const removed = await deletePendingActivity(m, id);
      if (removed === null) throw notPending('decided');
      await recordAudit(m, { actorAccountId: actor.account!.id, action: 'cpd_activity.withdrawn', subjectType: 'cpd_activity', subjectId: id, requestId });
      return removed;
    });
    for (const evidenceId of evidenceIds) await this.deps.evidence.remove(evidenceId);
  }

  /** The largest upload this activity takes; asked before the body is read (another's: 404, decided: 409). */
  async uploadLimit(actor: Actor, id: string): Promise<number> {
    const row = await this.own(this.db, actor, 'ownCpdEvidence.upload', id);
    if (row.status !== 'pending' || row.source !== 'registrant') throw notPending(row.status);
    const standing = await this.standing(this.db, row.personId);
    return standing.settings?.evidence.maxBytes ?? 0;
  }

  async upload(actor: Actor, id: string, kind: CpdEvidenceKind, file: { buffer: Buffer; originalname: string }, requestId: string | null) {
    const maxBytes = await this.uploadLimit(actor, id);
    const accepted = await acceptEvidenceFile(file, maxBytes);
    const row = await this.deps.evidence.keep(file.buffer, (evidenceId) =>
      this.db.transaction(async (m) => {
        const locked = await lockActivity(m, id);
        if (!locked) throw notFound('Activity');
        if (locked.status !== 'pending') throw notPending(locked.status);
        const inserted = await insertCpdEvidence(m, { id: evidenceId, activityId: id, kind, ...accepted, uploadedBy: actor.account!.id });
        await recordAudit(m, { actorAccountId: actor.account!.id, action: 'cpd_evidence.uploaded', subjectType: 'cpd_activity', subjectId: id, details: { evidenceId, kind }, requestId });
        return inserted;
      }),
    );
    return {
      id: row.id,
      kind: row.kind,
      originalName: row.originalName,
      contentType: row.contentType,
      sizeBytes: row.sizeBytes,
      uploadedAt: new Date(row.createdAt).toISOString(),
    };
  }

  async openEvidence(actor: Actor, id: string, evidenceId: string) {
    await this.own(this.db, actor, 'ownCpdEvidence.read', id);
    const row = await findCpdEvidence(this.db, id, evidenceId);
    if (!row) throw notFound('Evidence');
    return { row, stream: this.deps.evidence.open(row.id) };
  }

  async removeEvidence(actor: Actor, id: string, evidenceId: string, requestId: string | null): Promise<void> {
    await this.db.transaction(async (m) => {
      const locked = await lockActivity(m, id);
      if (!locked) throw notFound('Activity');
      authorize(actor, 'ownCpdEvidence.delete', { personId: locked.personId });
      if (locked.status !== 'pending') throw notPending(locked.status);
      if (!(await deleteCpdEvidence(m, id, evidenceId))) throw notFound('Evidence');
      await recordAudit(m, { actorAccountId: actor.account!.id, action: 'cpd_evidence.removed', subjectType: 'cpd_activity', subjectId: id, details: { evidenceId }, requestId });
    });
    await this.deps.evidence.remove(evidenceId);
  }

  /** Two queries: the registrations with norms and settings, and the activities with their accreditation's variants. */
  async progress(actor: Actor): Promise<CpdProgressView> {
    const personId = actor.person?.id ?? null;
    if (!personId) return progressView(cpdStanding([]), []);
    const [registrations, activities] = await Promise.all([findCpdRegistrations(this.db, personId), listProgressActivities(this.db, personId)]);
    return progressView(cpdStanding(registrations), activities);
  }

  async competenceMap(actor: Actor): Promise<CompetenceMapView> {
    const personId = actor.person?.id ?? null;
    const standing = await this.standing(this.db, personId);
    const competences = await listCompetences(this.db, standing.registerId);
    const window = standing.window;
    const endsBefore = window ? (window.submittedOn !== undefined && window.submittedOn < window.reregistrationOn ? window.submittedOn : window.reregistrationOn) : null;
    const uses = personId && window && endsBefore ? await listCompetenceUse(this.db, personId, window.startsOn, endsBefore) : [];
    const items = competences.map((c) => {
      const activities = uses.filter((u) => u.competenceId === c.id).map((u) => ({ id: u.activityId, title: u.title, completedOn: u.completedOn, status: u.status, accredited: u.accredited }));
      return { code: c.code, name: c.name, nameEn: c.nameEn, covered: activities.length > 0, activities };
    });
    return {
      cycle: window && endsBefore ? { startsOn: window.startsOn, endsBefore } : null,
      covered: items.filter((i) => i.covered).length,
      total: items.length,
      items,
    };
  }

  async portfolio(actor: Actor): Promise<PortfolioView> {
    const personId = actor.person?.id ?? null;
    if (!personId) return buildPortfolio({ person: { name: actor.account?.displayName ?? '', registrationNumber: null }, registrations: [], activities: [] }, new Date());
    const [person, registrations, activities] = await Promise.all([findPersonSummary(this.db, personId), findCpdRegistrations(this.db, personId), listActivities(this.db, personId)]);
    return buildPortfolio({ person: person ?? { name: '', registrationNumber: null }, registrations, activities }, new Date());
  }

  async requestPdf(actor: Actor, locale: 'nl' | 'en', requestId: string | null) {
    const personId = actor.person?.id;
    // Without a person there is nothing on record; the export still renders (an empty portfolio) once one exists.
    if (!personId) throw notFound('Dossier');
    const row = await this.db.transaction(async (m) => {
      const created = await insertPortfolioExport(m, { personId, requestedBy: actor.account!.id, locale });
      await recordAudit(m, { actorAccountId: actor.account!.id, action: 'portfolio.requested', subjectType: 'portfolio_export', subjectId: created.id, details: { locale }, requestId });
      return created;
    });
    await this.enqueueRender(row.id);
    return presentExport(row);
  }

  /** After commit; a lost enqueue is healed by the next status poll (same deterministic job id). */
  private async enqueueRender(exportId: string): Promise<void> {
    await enqueue(this.deps.queues, 'portfolio.render', { exportId }).catch((err: unknown) => this.deps.logger.warn({ err, exportId }, 'portfolio render not enqueued; the next poll retries'));
  }

  private async ownExport(actor: Actor, id: string): Promise<PortfolioExportRow> {
    const row = await findPortfolioExport(this.db, id);
    if (!row) throw notFound('Portfolio export');
    authorize(actor, 'ownPortfolio.read', { personId: row.personId });
    return row;
  }

  async exportStatus(actor: Actor, id: string) {
    const row = await this.ownExport(actor, id);
    if (row.status === 'pending') await this.enqueueRender(row.id);
    return presentExport(row);
  }

  async downloadPdf(actor: Actor, id: string): Promise<{ pdf: Buffer; filename: string }> {
    const row = await this.ownExport(actor, id);
    if (row.status === 'pending') throw new AppError('portfolio_pending', 'Your portfolio is being made. Try again in a moment.');
    if (row.status === 'failed') throw new AppError('portfolio_failed', 'Your portfolio could not be made; ask for a new one.');
    const pdf = await findPortfolioPdf(this.db, id);
    if (!pdf) throw new AppError('portfolio_pending', 'Your portfolio is being made. Try again in a moment.');
    const day = new Date(row.renderedAt ?? row.createdAt).toISOString().slice(0, 10);
    return { pdf, filename: `portfolio-${actor.person?.registrationNumber ?? 'cpd'}-${day}.pdf` };
  }
}
