import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import type {
  AccreditationDecisionBody,
  AccreditationDetail,
  AccreditationOptions,
  AgendaPage,
  AgendaQuery,
  AttendanceOutcome,
  AttendanceUpload,
  RunAttendance,
  RunInput,
  StaffAccreditation,
  SubmitAccreditationBody,
} from '../../contract/accreditations.js';
import { ATTENDANCE_OUTCOMES } from '../../contract/accreditations.js';
import {
  amendedValidity,
  finalTestRequired,
  generateAccreditationCode,
  isAllowedTerm,
  objectionDeadline,
  objectionRefusal,
  objectionState,
  pointsForHours,
  runWithinValidity,
  validityWindow,
} from '../../domain/accreditation.js';
import { AppError, notFound } from '../../domain/errors.js';
import { displayName } from '../../domain/person-name.js';
import { todayIn } from '../../domain/plain-date.js';
import { registerSettingsSchema, variantNormSchema, type RegisterSettings } from '../../domain/register-rules.js';
import * as repo from '../../db/repositories/accreditations.repository.js';
import { recordAudit } from '../../db/repositories/audit.repository.js';
import { queueEmail } from '../../db/repositories/email-outbox.repository.js';
import { enqueue } from '../../jobs/registry.js';
import type { Actor } from '../../policies/actor.js';
import { authorize, can } from '../../policies/policy.js';
import { attendanceFromJson, parseAttendanceCsv, resultsCsv, type ListRow } from './attendance-list.js';

export interface Context {
  actor: Actor;
  requestId: string | null;
}

interface Deps {
  db: DataSource;
  queues: Parameters<typeof enqueue>[0];
  logger: Logger;
}

const num = (v: string | null): number | null => (v === null ? null : Number(v));
const REFUSED: readonly AttendanceOutcome[] = ['duplicate_in_upload', 'unknown_number', 'not_registered', 'invalid_row'];

/** Who did it, for the audit trail: an account, or an organisation's API token (no account). */
const auditActor = (actor: Actor) => ({ actorAccountId: actor.account?.id ?? null, tokenDetails: actor.token ? { tokenId: actor.token.id } : {} });

/**
 * Accreditation: a provider's requests (submit, read, withdraw, object, agenda opt-out), runs and attendance; staff
 * decisions on requests and objections; the public course agenda. Every state change is audited in its transaction;
 * mail goes through the outbox and is enqueued after commit.
 */
export class AccreditationsService {
  constructor(private readonly deps: Deps) {}

  private get db() {
    return this.deps.db;
  }

  private settingsOf(register: { settings: unknown }): RegisterSettings {
    return registerSettingsSchema.parse(register.settings);
  }

  private async registerSettings(db: DataSource | EntityManager, registerId: string): Promise<RegisterSettings> {
    const register = await repo.findRegister(db, registerId);
    if (!register) throw new Error(`register ${registerId} missing`);
    return this.settingsOf(register);
  }

  /** Norm categories over the register's variants: what staff may book an accreditation's points under. */
  private categoriesOf(variants: readonly repo.VariantRow[]) {
    const seen = new Map<string, { code: string; name: { nl: string; en: string } }>();
    for (const v of variants) for (const c of variantNormSchema.parse(v.norm).categories) if (!seen.has(c.code)) seen.set(c.code, { code: c.code, name: c.name });
    return [...seen.values()];
  }

  /** The subcategories (caps and floors) of a norm category over the register's variants: what a booking may sit under. */
  private subcategoriesOf(variants: readonly repo.VariantRow[], category: string): Set<string> {
    const codes = new Set<string>();
    for (const v of variants) {
      for (const c of variantNormSchema.parse(v.norm).categories) if (c.code === category) for (const x of [...c.caps, ...c.floors]) codes.add(x.code);
    }
    return codes;
  }

  private providerMemberships(actor: Actor) {
    return actor.memberships.filter((m) => m.kind === 'provider');
  }

  // ---- Provider

  async options(actor: Actor): Promise<AccreditationOptions> {
    const registers = await repo.listRegisters(this.db);
    const register = registers[0];
    if (!register) throw new Error('no register');
    const settings = this.settingsOf(register);
    const [orgs, variants, competences] = await Promise.all([
      repo.listOrganisations(this.db, this.providerMemberships(actor).map((m) => m.organisationId)),
      repo.listVariantsOf(this.db, [register.id]),
      repo.listCompetencesOf(this.db, [register.id]),
    ]);
    const a = settings.cpd.accreditation;
    return {
      organisations: orgs.map((o) => ({ id: o.id, name: o.name, authorised: o.status === 'authorised' })),
      forms: settings.cpd.accreditationForms.map((f) => ({ code: f.code, name: f.name, category: f.category, subcategory: f.subcategory ?? null })),
      variants: variants.map((v) => ({ code: v.code, name: v.name, nameEn: v.nameEn, kind: v.kind })),
      competences: competences.map((c) => ({ code: c.code, name: c.name, nameEn: c.nameEn })),
      categories: this.categoriesOf(variants),
      rules: {
        maxNetHours: a.maxNetHours,
        maxRunsPerRequest: a.maxRunsPerRequest,
        finalTest: a.finalTest,
        rounding: a.rounding,
        termYears: a.termYears,
        objectionWeeks: a.objectionWeeks,
        attendance: settings.cpd.attendance,
      },
    };
  }

  async listOwn(actor: Actor) {
    const found = await repo.listAccreditationsOf(this.db, this.providerMemberships(actor).map((m) => m.organisationId));
    return {
      items: found.map((r) => ({
        id: r.id,
        organisation: { id: r.organisationId, name: r.organisationName },
        title: r.title,
        form: r.form,
        status: r.status,
        objectionOpen: r.objectionOpen,
        code: r.code,
        points: num(r.points),
        validUntil: r.validUntil,
        submittedAt: r.submittedAt.toISOString(),
        inAgenda: r.inAgenda,
      })),
    };
  }

  async submit(ctx: Context, body: SubmitAccreditationBody): Promise<AccreditationDetail> {
    const memberships = this.providerMemberships(ctx.actor);
    let organisationId = body.organisationId;
    if (!organisationId) {
      if (memberships.length !== 1) throw new AppError('organisation_required', 'Say for which of your organisations this request is (organisationId).');
      organisationId = memberships[0]!.organisationId;
    }
    // 404 for an organisation the actor is not a member of, 403 while staff have not authorised it.
    authorize(ctx.actor, 'accreditations.submit', { organisationId });

    const variants = await repo.listVariantsOf(this.db, null);
    const chosen = body.variantCodes.map((c) => variants.find((v) => v.code === c));
    const missing = body.variantCodes.filter((_, i) => !chosen[i]);
    const registerIds = new Set(chosen.filter((v) => v).map((v) => v!.registerId));
    if (missing.length || registerIds.size !== 1) throw new AppError('unknown_variant', 'Choose target variants of one register.', { unknown: missing });
    const registerId = [...registerIds][0]!;
    const settings = await this.registerSettings(this.db, registerId);
    const rules = settings.cpd.accreditation;
    if (!settings.cpd.accreditationForms.some((f) => f.code === body.form)) throw new AppError('unknown_form', 'Choose one of the activity forms of the register.', { form: body.form });
    const competences = await repo.listCompetencesOf(this.db, [registerId]);
    const unknownCompetences = body.competenceCodes.filter((c) => !competences.some((k) => k.code === c));
    if (unknownCompetences.length) throw new AppError('unknown_competence', 'Choose competences of the register’s competence profile.', { unknown: unknownCompetences });
    if (body.netContactHours > rules.maxNetHours) throw new AppError('net_hours_too_high', `An activity may have at most ${rules.maxNetHours} net contact hours.`, { maxNetHours: rules.maxNetHours });
    if (!body.hasFinalTest && finalTestRequired(body.form, body.netContactHours, rules.finalTest)) {
      throw new AppError('final_test_required', `E-learning and activities of ${rules.finalTest.minHours} hours or more need a final test.`, rules.finalTest);
    }
    if (body.runs.length > rules.maxRunsPerRequest) throw new AppError('too_many_runs', `Plan at most ${rules.maxRunsPerRequest} runs in one request.`, { maxRuns: rules.maxRunsPerRequest });

    const id = await this.db.transaction(async (m) => {
      const created = await repo.insertAccreditation(m, {
        organisationId: organisationId,
        registerId,
        title: body.title,
        description: body.description,
        form: body.form,
        netContactHours: body.netContactHours,
        hasFinalTest: body.hasFinalTest,
        submittedBy: ctx.actor.account?.id ?? null,
        variantIds: [...new Set(chosen.map((v) => v!.id))],
        competenceIds: [...new Set(body.competenceCodes.map((c) => competences.find((k) => k.code === c)!.id))],
        runs: body.runs,
      });
      const who = auditActor(ctx.actor);
      await recordAudit(m, { actorAccountId: who.actorAccountId, action: 'accreditation.submitted', subjectType: 'accreditation', subjectId: created, details: { organisationId, ...who.tokenDetails }, requestId: ctx.requestId });
      return created;
    });
    return this.detail(ctx.actor, id);
  }

  /** The row, checked against the actor's organisations: 404 for another organisation's request. */
  private async ownRow(db: DataSource | EntityManager, actor: Actor, action: Parameters<typeof authorize>[1], id: string, lock = false) {
    const row = await repo.findAccreditation(db, id, { lock });
    if (!row) throw notFound('Accreditation');
    authorize(actor, action, { organisationId: row.organisationId });
    return row;
  }

  async detail(actor: Actor, id: string): Promise<AccreditationDetail> {
    const row = await this.ownRow(this.db, actor, 'accreditations.read', id);
    return this.present(this.db, row, actor);
  }

  private async present(db: DataSource | EntityManager, row: repo.AccreditationRow, actor: Actor): Promise<AccreditationDetail> {
    const settings = await this.registerSettings(db, row.registerId);
    const rules = settings.cpd.accreditation;
    const [variants, requested, competences, runs, decisions, objections] = await Promise.all([
      repo.accreditationVariants(db, row.id),
      repo.requestedVariants(db, row.id),
      repo.accreditationCompetences(db, row.id),
      repo.listRuns(db, row.id),
      repo.listDecisions(db, row.id),
      repo.listObjections(db, row.id),
    ]);
    const today = todayIn(settings.timeZone);
    const hours = Number(row.netContactHours);
    const form = settings.cpd.accreditationForms.find((f) => f.code === row.form);
    const refusal = objectionRefusal({ status: row.status, decidedOn: row.decidedOn, decisions, objections }, today, rules.objectionWeeks);
    const owned = { organisationId: row.organisationId };
    return {
      id: row.id,
      organisation: { id: row.organisationId, name: row.organisationName },
      register: { code: row.registerCode, name: row.registerName },
      title: row.title,
      description: row.description,
      form: { code: row.form, name: form?.name ?? { nl: row.form, en: row.form } },
      netContactHours: hours,
      hasFinalTest: row.hasFinalTest,
      finalTestRequired: finalTestRequired(row.form, hours, rules.finalTest),
      status: row.status,
      objectionOpen: row.objectionOpen,
      code: row.code,
      computedPoints: pointsForHours(hours, rules.rounding),
      points: num(row.points),
      category: row.category,
      subcategory: row.subcategory,
      termYears: row.termYears,
      validFrom: row.validFrom,
      validUntil: row.validUntil,
      rejectionReason: row.rejectionReason,
      decidedAt: row.decidedAt?.toISOString() ?? null,
      objectionDeadline: refusal === null && row.decidedOn ? objectionDeadline(row.decidedOn, rules.objectionWeeks) : null,
      submittedAt: row.submittedAt.toISOString(),
      inAgenda: row.inAgenda,
      variants: variants.map((v) => ({ code: v.code, name: v.name })),
      requestedVariants: requested.map((v) => ({ code: v.code, name: v.name })),
      competences,
      runs: runs.map(presentRun),
      decisions: decisions.map((d) => ({
        id: d.id,
        outcome: d.outcome,
        points: num(d.points),
        category: d.category,
        subcategory: d.subcategory,
        termYears: d.termYears,
        netContactHours: num(d.netContactHours),
        reason: d.reason,
        decidedAt: d.decidedAt.toISOString(),
      })),
      objections: objections.map((o) => {
        const against = decisions.find((d) => d.id === o.decisionId);
        const resolution = o.resolutionDecisionId ? decisions.find((d) => d.id === o.resolutionDecisionId) : undefined;
        return {
          id: o.id,
          decisionId: o.decisionId,
          against: against?.outcome ?? 'rejected',
          reason: o.reason,
          lodgedAt: o.lodgedAt.toISOString(),
          state: objectionState(o, resolution),
          resolvedAt: o.resolvedAt?.toISOString() ?? null,
          resolution:
            resolution && resolution.outcome !== 'rejected'
              ? { decisionId: resolution.id, outcome: resolution.outcome, reason: resolution.reason, decidedAt: resolution.decidedAt.toISOString() }
              : null,
        };
      }),
      can: {
        withdraw: row.status === 'submitted' && can(actor, 'accreditations.withdraw', owned),
        object: refusal === null && can(actor, 'accreditations.object', owned),
        addRun: row.status === 'approved' && row.validUntil !== null && row.validUntil >= today && can(actor, 'accreditations.runs', owned),
        uploadAttendance: row.status === 'approved' && can(actor, 'attendance.upload', owned),
        toggleAgenda: row.status === 'approved' && can(actor, 'accreditations.agenda', owned),
        decide: (row.status === 'submitted' || row.objectionOpen) && can(actor, 'accreditations.decide'),
      },
    };
  }

  async withdraw(ctx: Context, id: string): Promise<AccreditationDetail> {
    await this.db.transaction(async (m) => {
      const row = await this.ownRow(m, ctx.actor, 'accreditations.withdraw', id, true);
      if (row.status !== 'submitted') throw new AppError('not_withdrawable', 'Only a request that has not been decided can be withdrawn.', { status: row.status });
      await repo.moveStatus(m, id, ['submitted'], 'withdrawn');
      const who = auditActor(ctx.actor);
      await recordAudit(m, { actorAccountId: who.actorAccountId, action: 'accreditation.withdrawn', subjectType: 'accreditation', subjectId: id, requestId: ctx.requestId });
    });
    return this.detail(ctx.actor, id);
  }

  async object(ctx: Context, id: string, reason: string): Promise<AccreditationDetail> {
    const outboxId = await this.db.transaction(async (m) => {
      // Locked: of two objections at once, the second sees the first (and the unique index backs it).
      const row = await this.ownRow(m, ctx.actor, 'accreditations.object', id, true);
      const settings = await this.registerSettings(m, row.registerId);
      const weeks = settings.cpd.accreditation.objectionWeeks;
      const [decisions, objections] = await Promise.all([repo.listDecisions(m, id), repo.listObjections(m, id)]);
      const refusal = objectionRefusal({ status: row.status, decidedOn: row.decidedOn, decisions, objections }, todayIn(settings.timeZone), weeks);
      if (refusal === 'objection_already_lodged') throw new AppError(refusal, 'An objection against this decision was lodged before; it cannot be lodged twice.');
      if (refusal === 'objection_not_possible') throw new AppError(refusal, 'An objection can be lodged against a decision only, not before one.', { status: row.status });
      if (refusal === 'objection_window_closed') {
        const deadline = objectionDeadline(row.decidedOn!, weeks);
        throw new AppError(refusal, `The objection window of ${weeks} weeks closed on ${deadline}.`, { deadline });
      }
      const against = decisions.at(-1)!;
      const objectionId = await repo.insertObjection(m, { accreditationId: id, decisionId: against.id, reason, lodgedBy: ctx.actor.account!.id });
      // Against a rejection the request waits as 'objection'; an approval stays approved (its code in use) while the
      // open objection puts it in the staff queue.
      if (row.status === 'rejected') await repo.moveStatus(m, id, ['rejected'], 'objection');
      await recordAudit(m, {
        actorAccountId: ctx.actor.account!.id,
        action: 'accreditation.objection_lodged',
        subjectType: 'accreditation',
        subjectId: id,
        details: { reason, objectionId, against: against.outcome, decisionId: against.id },
        requestId: ctx.requestId,
      });
      return this.mailProvider(m, id, `accreditation-objection:${objectionId}`, 'accreditation_objection_lodged', { title: row.title, accreditationId: id, against: against.outcome });
    });
    await this.enqueueMail(outboxId);
    return this.detail(ctx.actor, id);
  }

  /** Queues a mail to the provider who submitted the request (else the organisation's contact), in the transaction. */
  private async mailProvider(m: EntityManager, id: string, dedupeKey: string, template: 'accreditation_decided' | 'accreditation_objection_lodged', params: Record<string, string | number | null>) {
    const contact = await repo.submitterContact(m, id);
    if (!contact?.email) return null;
    return queueEmail(m, { dedupeKey, template, toAddress: contact.email, accountId: contact.accountId, params });
  }

  /** Side effects only after commit; the outbox sweep heals a lost enqueue. */
  private async enqueueMail(outboxId: string | null): Promise<void> {
    if (outboxId) await enqueue(this.deps.queues, 'email.send', { outboxId }).catch((err: unknown) => this.deps.logger.warn({ err, outboxId }, 'mail not enqueued; the outbox sweep will retry'));
  }

  async setAgenda(ctx: Context, id: string, inAgenda: boolean): Promise<AccreditationDetail> {
    await this.db.transaction(async (m) => {
      const row = await this.ownRow(m, ctx.actor, 'accreditations.agenda', id, true);
      if (row.inAgenda === inAgenda) return;
      await repo.setInAgenda(m, id, inAgenda);
      const who = auditActor(ctx.actor);
      await recordAudit(m, { actorAccountId: who.actorAccountId, action: 'accreditation.agenda_changed', subjectType: 'accreditation', subjectId: id, details: { inAgenda }, requestId: ctx.requestId });
    });
    return this.detail(ctx.actor, id);
  }

  async runs(actor: Actor, id: string) {
    await this.ownRow(this.db, actor, 'accreditations.read', id);
    return { items: (await repo.listRuns(this.db, id)).map(presentRun) };
  }

  async addRun(ctx: Context, id: string, input: RunInput) {
    const runId = await this.db.transaction(async (m) => {
      const row = await this.ownRow(m, ctx.actor, 'accreditations.runs', id, true);
      if (row.status !== 'approved' || !row.validFrom || !row.validUntil) throw new AppError('accreditation_not_approved', 'Repeat runs can be added to an approved accreditation only.', { status: row.status });
      const window = { validFrom: row.validFrom, validUntil: row.validUntil };
      if (!runWithinValidity(input, window)) throw new AppError('run_outside_validity', `A run must lie between ${window.validFrom} and ${window.validUntil}, the accreditation's term.`, window);
      const settings = await this.registerSettings(m, row.registerId);
      const max = settings.cpd.accreditation.maxRunsPerRequest;
      if ((await repo.countRuns(m, id)) >= max) throw new AppError('too_many_runs', `An accreditation has at most ${max} runs.`, { maxRuns: max });
      const [created] = await repo.insertRuns(m, id, [input], ctx.actor.account?.id ?? null);
      const who = auditActor(ctx.actor);
      await recordAudit(m, { actorAccountId: who.actorAccountId, action: 'accreditation.run_added', subjectType: 'accreditation', subjectId: id, details: { runId: created, ...input, ...who.tokenDetails }, requestId: ctx.requestId });
      return created!;
    });
    return presentRun((await repo.findRun(this.db, runId))!);
  }

  // ---- Attendance

  /** The run and its accreditation, checked for the actor (404 for another organisation's run). */
  private async ownRun(db: DataSource | EntityManager, actor: Actor, action: 'attendance.upload' | 'attendance.read', runId: string) {
    const run = await repo.findRun(db, runId);
    if (!run) throw notFound('Run');
    const accreditation = await repo.findAccreditation(db, run.accreditationId);
    if (!accreditation) throw notFound('Run');
    authorize(actor, action, { organisationId: accreditation.organisationId });
    return { run, accreditation };
  }

  /**
   * Checked before the upload is read: the run is the actor's, approved and over; answers the register's byte limit
   * (settings.cpd.attendance.maxBytes) for the body reader.
   */
  async prepareUpload(actor: Actor, runId: string): Promise<number> {
    const { run, accreditation } = await this.ownRun(this.db, actor, 'attendance.upload', runId);
    const settings = await this.registerSettings(this.db, accreditation.registerId);
    this.checkBookable(accreditation, run, settings);
    return settings.cpd.attendance.maxBytes;
  }

  private checkBookable(accreditation: repo.AccreditationRow, run: repo.RunRow, settings: RegisterSettings): void {
    if (accreditation.status !== 'approved' || accreditation.points === null || accreditation.category === null) {
      throw new AppError('accreditation_not_approved', 'Attendance can be booked on an approved accreditation only.', { status: accreditation.status });
    }
    // A run planned in the request may lie past the term staff granted (a one-year term for runs over two years):
    // its attendance earns no points, as a registrant logging the code for that date is told (accreditation_outside_term).
    if (accreditation.validFrom !== null && accreditation.validUntil !== null) {
      const window = { validFrom: accreditation.validFrom, validUntil: accreditation.validUntil };
      if (!runWithinValidity(run, window)) {
        throw new AppError('run_outside_validity', `This run lies outside the accreditation's term (${window.validFrom} to ${window.validUntil}); its attendance earns no points.`, window);
      }
    }
    if (todayIn(settings.timeZone) < run.endsOn) throw new AppError('run_not_finished', `Upload the attendance once the run has ended (${run.endsOn}).`, { endsOn: run.endsOn });
  }

  async uploadCsv(ctx: Context, runId: string, file: { buffer: Buffer; originalname: string }): Promise<AttendanceUpload> {
    return this.book(ctx, runId, 'csv', file.originalname.slice(0, 200) || null, (settings) =>
      parseAttendanceCsv(file.buffer, { digits: settings.registrationNumber.digits, maxRows: settings.cpd.attendance.maxRows }),
    );
  }

  async uploadJson(ctx: Context, runId: string, numbers: readonly string[]): Promise<AttendanceUpload> {
    return this.book(ctx, runId, 'json', null, (settings) => attendanceFromJson(numbers, { digits: settings.registrationNumber.digits, maxRows: settings.cpd.attendance.maxRows }));
  }

  /** Reads the whole list first (a limit or encoding error books nothing), then books it in one transaction. */
  private async book(ctx: Context, runId: string, format: 'csv' | 'json', fileName: string | null, read: (s: RegisterSettings) => ListRow[]): Promise<AttendanceUpload> {
    const { run, accreditation } = await this.ownRun(this.db, ctx.actor, 'attendance.upload', runId);
    const settings = await this.registerSettings(this.db, accreditation.registerId);
    this.checkBookable(accreditation, run, settings);
    const list = read(settings);
    const uploadedBy = ctx.actor.token ? null : (ctx.actor.account?.id ?? null);
    const uploadedByToken = ctx.actor.token?.id ?? null;
    const { upload, results } = await this.db.transaction(async (m) => {
      // Booked with the accreditation as it is under its lock: a staff decision at the same moment (an objection
      // granted with more points, which raises what is booked) waits for this booking or this one for it, so no
      // booking lands with the points of before after the raise.
      const current = await repo.findAccreditation(m, accreditation.id, { lock: true });
      if (!current) throw notFound('Run');
      this.checkBookable(current, run, settings);
      const upload = await repo.insertUpload(m, { runId, format, fileName, uploadedBy, uploadedByToken, rowCount: list.length });
      const results = await repo.bookAttendance(
        m,
        upload.id,
        {
          accreditationId: current.id,
          runId,
          registerId: current.registerId,
          title: current.title,
          providerName: current.organisationName,
          points: current.points!,
          category: current.category!,
          subcategory: current.subcategory,
          completedOn: run.endsOn,
        },
        list,
        uploadedBy,
      );
      const counts = countOutcomes(results);
      await repo.setUploadCounts(m, upload.id, { booked: counts.booked, alreadyBooked: counts.already_booked, refused: REFUSED.reduce((n, o) => n + counts[o], 0) });
      await recordAudit(m, {
        actorAccountId: uploadedBy,
        action: 'attendance.uploaded',
        subjectType: 'accreditation',
        subjectId: accreditation.id,
        details: { runId, uploadId: upload.id, format, rows: list.length, counts, ...(uploadedByToken ? { tokenId: uploadedByToken } : {}) },
        requestId: ctx.requestId,
      });
      return { upload, results };
    });
    results.sort((a, b) => a.rowNumber - b.rowNumber);
    return {
      id: upload.id,
      runId,
      format,
      fileName,
      rowCount: list.length,
      counts: countOutcomes(results),
      uploadedBy: uploadedByToken ? 'token' : 'account',
      createdAt: upload.createdAt.toISOString(),
      rows: results,
    };
  }

  async runAttendance(actor: Actor, runId: string): Promise<RunAttendance> {
    const { run, accreditation } = await this.ownRun(this.db, actor, 'attendance.read', runId);
    const [uploads, booked] = await Promise.all([repo.listUploads(this.db, runId), repo.bookedOfRun(this.db, runId)]);
    return {
      run: presentRun(run),
      accreditation: { id: accreditation.id, title: accreditation.title, code: accreditation.code, points: num(accreditation.points) },
      uploads: uploads.map(presentUpload),
      booked: booked.map((b) => ({
        registrationNumber: b.registrationNumber,
        name: displayName({ givenNames: b.givenNames, prefix: b.namePrefix, familyName: b.familyName }),
        points: Number(b.points),
        bookedAt: b.bookedAt.toISOString(),
      })),
    };
  }

  private async ownUpload(actor: Actor, uploadId: string) {
    const upload = await repo.findUpload(this.db, uploadId);
    if (!upload) throw notFound('Upload');
    const accreditation = await repo.findAccreditation(this.db, upload.accreditationId);
    if (!accreditation) throw notFound('Upload');
    authorize(actor, 'attendance.read', { organisationId: accreditation.organisationId });
    return upload;
  }

  async upload(actor: Actor, uploadId: string): Promise<AttendanceUpload> {
    const upload = await this.ownUpload(actor, uploadId);
    return { ...presentUpload(upload), rows: await repo.uploadRows(this.db, uploadId) };
  }

  /** The row results as CSV; headers and outcomes in Dutch, the language providers work in. */
  async uploadResultsCsv(actor: Actor, uploadId: string): Promise<{ csv: string; fileName: string }> {
    const upload = await this.ownUpload(actor, uploadId);
    const results = await repo.uploadRows(this.db, uploadId);
    const csv = resultsCsv(results, ['rij', 'invoer', 'registratienummer', 'uitkomst'], (o) => OUTCOME_NL[o as AttendanceOutcome] ?? o);
    return { csv, fileName: `aanwezigheid-${upload.createdAt.toISOString().slice(0, 10)}-${upload.id.slice(0, 8)}.csv` };
  }

  // ---- Staff

  async staffDetail(ctx: Context, id: string): Promise<StaffAccreditation> {
    const row = await repo.findAccreditation(this.db, id);
    if (!row) throw notFound('Accreditation');
    await recordAudit(this.db, { actorAccountId: ctx.actor.account!.id, action: 'accreditation.viewed', subjectType: 'accreditation', subjectId: id, requestId: ctx.requestId });
    return this.presentStaff(this.db, row, ctx.actor);
  }

  private async presentStaff(db: DataSource | EntityManager, row: repo.AccreditationRow, actor: Actor): Promise<StaffAccreditation> {
    const [detail, settings, variants, history] = await Promise.all([
      this.present(db, row, actor),
      this.registerSettings(db, row.registerId),
      repo.listVariantsOf(db, [row.registerId]),
      repo.auditHistory(db, row.id),
    ]);
    return {
      ...detail,
      categories: this.categoriesOf(variants),
      termYearsAllowed: settings.cpd.accreditation.termYears,
      history: history.map((h) => ({ action: h.action, occurredAt: h.occurredAt.toISOString(), actor: h.actor, details: h.details })),
    };
  }

  /**
   * A decision on a request or an objection. The row is locked and what the staff member saw (a request, or an open
   * objection) compared with what is there now, so of two decisions at once exactly one wins and the other gets 409
   * status_changed.
   *
   * On an objection against a rejection, approve is the first approval (a new code) and refusing keeps it rejected.
   * On an objection against an approval, approve grants it: a new approval decision with the term, category, variants
   * and (from corrected net contact hours) points staff give now, under the same code and from the same first valid
   * day; activities already booked keep their points unless the new points are higher, then they are raised
   * (domain/accreditation pointsAfterGrantedObjection). Refusing it keeps the approval as it was.
   */
  async decide(ctx: Context, id: string, d: AccreditationDecisionBody): Promise<StaffAccreditation> {
    const staffId = ctx.actor.account!.id;
    const outboxId = await this.db.transaction(async (m) => {
      const row = await repo.findAccreditation(m, id, { lock: true });
      if (!row) throw notFound('Accreditation');
      const seen = row.objectionOpen ? 'objection' : row.status;
      if (seen !== d.expectedStatus) throw new AppError('status_changed', `This request is ${seen} now; reload and decide again.`, { status: row.status, objectionOpen: row.objectionOpen });
      const againstApproval = row.objectionOpen && row.status === 'approved';
      const settings = await this.registerSettings(m, row.registerId);
      const rules = settings.cpd.accreditation;
      let decisionId: string;
      let audit: string;
      let mailParams: Record<string, string | number | null>;
      switch (d.decision) {
        case 'approve': {
          if (!isAllowedTerm(d.termYears, rules)) throw new AppError('invalid_term', `The term is one of ${rules.termYears.join(', ')} years.`, { allowed: rules.termYears });
          if (againstApproval && !d.reason) throw new AppError('reason_required', 'Say why the objection is granted; the provider sees the reason.');
          const form = settings.cpd.accreditationForms.find((f) => f.code === row.form);
          const variants = await repo.listVariantsOf(m, [row.registerId]);
          const category = d.category ?? form?.category;
          if (!category || !this.categoriesOf(variants).some((c) => c.code === category)) throw new AppError('unknown_category', 'Choose a category of the norm.', { category: category ?? null });
          const subcategory = d.subcategory !== undefined ? d.subcategory : category === form?.category ? (form.subcategory ?? null) : null;
          // A subcategory is a cap or floor of the category: an unknown one (a typo) would let the points escape the cap.
          if (subcategory !== null && !this.subcategoriesOf(variants, category).has(subcategory)) {
            throw new AppError('unknown_category', 'Choose a subcategory (a cap or floor) of the chosen category, or none.', { category, subcategory });
          }
          const requested = await repo.requestedVariants(m, id);
          const notRequested = d.variantCodes.filter((c) => !requested.some((v) => v.code === c));
          if (notRequested.length) throw new AppError('variant_not_requested', 'Confirm only variants the provider asked for.', { variants: notRequested });
          const hours = d.netContactHours ?? Number(row.netContactHours);
          if (hours > rules.maxNetHours) throw new AppError('net_hours_too_high', `An activity may have at most ${rules.maxNetHours} net contact hours.`, { maxNetHours: rules.maxNetHours });
          if (!row.hasFinalTest && finalTestRequired(row.form, hours, rules.finalTest)) {
            throw new AppError('final_test_required', `Activities of ${rules.finalTest.minHours} hours or more need a final test, and this one has none.`, rules.finalTest);
          }
          const points = pointsForHours(hours, rules.rounding);
          if (points <= 0) throw new AppError('no_points', 'These net contact hours give no points under the register’s rounding rule.', { rounding: rules.rounding });
          await repo.replaceVariants(m, id, requested.filter((v) => d.variantCodes.includes(v.code)).map((v) => v.id));
          const reason = d.reason ?? null;
          if (againstApproval) {
            const window = amendedValidity(row.validFrom!, d.termYears);
            await repo.amendApproval(m, id, { points, netContactHours: hours, category, subcategory, termYears: d.termYears, ...window, decidedBy: staffId });
            decisionId = await repo.insertDecision(m, { accreditationId: id, outcome: 'approved', points, category, subcategory, termYears: d.termYears, netContactHours: hours, reason, decidedBy: staffId });
            await repo.resolveObjection(m, id, decisionId);
            const raised = await repo.raiseBookedPoints(m, id, points, { actorAccountId: staffId, requestId: ctx.requestId });
            audit = 'accreditation.objection_granted';
            mailParams = { outcome: 'objection_granted', code: row.code, points, validUntil: window.validUntil, reason };
            await recordAudit(m, {
              actorAccountId: staffId,
              action: audit,
              subjectType: 'accreditation',
              subjectId: id,
              details: {
                reason,
                before: { points: num(row.points), netContactHours: Number(row.netContactHours), category: row.category, subcategory: row.subcategory, termYears: row.termYears, validUntil: row.validUntil },
                after: { points, netContactHours: hours, category, subcategory, termYears: d.termYears, validUntil: window.validUntil, variants: d.variantCodes },
                bookingsRaised: raised,
              },
              requestId: ctx.requestId,
            });
            break;
          }
          if (hours !== Number(row.netContactHours)) await repo.setNetContactHours(m, id, hours);
          const today = todayIn(settings.timeZone);
          const runs = await repo.listRuns(m, id);
          const window = validityWindow(today, runs[0]?.startsOn ?? null, d.termYears);
          const code = await repo.approveAccreditation(m, id, { points, category, subcategory, termYears: d.termYears, ...window, decidedBy: staffId }, generateAccreditationCode);
          decisionId = await repo.insertDecision(m, { accreditationId: id, outcome: 'approved', points, category, subcategory, termYears: d.termYears, netContactHours: hours, reason, decidedBy: staffId });
          if (row.objectionOpen) await repo.resolveObjection(m, id, decisionId);
          audit = row.objectionOpen ? 'accreditation.objection_approved' : 'accreditation.approved';
          mailParams = { outcome: 'approved', code, points, validUntil: window.validUntil };
          await recordAudit(m, {
            actorAccountId: staffId,
            action: audit,
            subjectType: 'accreditation',
            subjectId: id,
            details: { code, points, netContactHours: hours, category, subcategory, termYears: d.termYears, ...window, variants: d.variantCodes, ...(reason ? { reason } : {}) },
            requestId: ctx.requestId,
          });
          break;
        }
        case 'reject':
        case 'refuse_objection': {
          const outcome = d.decision === 'reject' ? 'rejected' : 'objection_refused';
          decisionId = await repo.insertDecision(m, { accreditationId: id, outcome, points: null, category: null, subcategory: null, termYears: null, reason: d.reason, decidedBy: staffId });
          if (d.decision === 'refuse_objection') await repo.resolveObjection(m, id, decisionId);
          // A refused objection against an approval leaves the approval as it was; otherwise the request is rejected.
          if (againstApproval) await repo.touch(m, id);
          else await repo.rejectAccreditation(m, id, d.reason, staffId);
          audit = d.decision === 'reject' ? 'accreditation.rejected' : 'accreditation.objection_refused';
          mailParams = { outcome, reason: d.reason, objectionWeeks: d.decision === 'reject' ? rules.objectionWeeks : null, against: againstApproval ? 'approved' : 'rejected' };
          await recordAudit(m, { actorAccountId: staffId, action: audit, subjectType: 'accreditation', subjectId: id, details: { reason: d.reason, ...(d.decision === 'refuse_objection' ? { against: againstApproval ? 'approved' : 'rejected' } : {}) }, requestId: ctx.requestId });
          break;
        }
        default: {
          const exhaustive: never = d;
          throw new Error(`unknown decision ${JSON.stringify(exhaustive)}`);
        }
      }
      return this.mailProvider(m, id, `accreditation-decision:${decisionId}`, 'accreditation_decided', { title: row.title, accreditationId: id, ...mailParams });
    });
    await this.enqueueMail(outboxId);
    const row = await repo.findAccreditation(this.db, id);
    return this.presentStaff(this.db, row!, ctx.actor);
  }

  // ---- Public

  async agenda(q: AgendaQuery): Promise<AgendaPage> {
    const registers = await repo.listRegisters(this.db);
    // Each register's settings parsed once, not once per agenda item.
    const formsOf = new Map(registers.map((r) => [r.id, this.settingsOf(r).cpd.accreditationForms]));
    const settings = this.settingsOf(registers[0]!);
    const today = todayIn(settings.timeZone);
    const like = (s: string | undefined) => (s && s.trim() ? s.trim().replace(/[\\%_]/g, (c) => `\\${c}`) : null);
    const from = q.from && q.from > today ? q.from : today;
    const found = await repo.agenda(this.db, {
      q: like(q.q),
      variant: q.variant ?? null,
      competence: q.competence ?? null,
      place: like(q.place),
      from,
      to: q.to ?? null,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    const competences = await repo.listCompetencesOf(this.db, registers.map((r) => r.id));
    return {
      items: found.map((r) => {
        const form = formsOf.get(r.registerId)?.find((f) => f.code === r.form);
        return {
          code: r.code,
          title: r.title,
          description: r.description,
          provider: r.provider,
          form: { code: r.form, name: form?.name ?? { nl: r.form, en: r.form } },
          points: Number(r.points),
          category: r.category,
          validUntil: r.validUntil,
          variants: r.variants,
          competences: r.competences,
          runs: r.runs,
        };
      }),
      total: found[0]?.total ?? (q.page > 1 ? await this.agendaTotal(q, from) : 0),
      page: q.page,
      pageSize: q.pageSize,
      competences: competences.map((c) => ({ code: c.code, name: c.name, nameEn: c.nameEn })),
    };
  }

  /** A page past the end has no rows to carry the total; ask for the first one. */
  private async agendaTotal(q: AgendaQuery, from: string): Promise<number> {
    return (await this.agenda({ ...q, from, page: 1, pageSize: 1 })).total;
  }
}

const OUTCOME_NL: Record<AttendanceOutcome, string> = {
  booked: 'punten geboekt',
  already_booked: 'had de punten al',
  duplicate_in_upload: 'dubbel in deze lijst',
  unknown_number: 'onbekend registratienummer',
  not_registered: 'niet geregistreerd in een doelgroep op de datum van de uitvoering',
  invalid_row: 'geen registratienummer',
};

function countOutcomes(results: ReadonlyArray<{ outcome: AttendanceOutcome }>): Record<AttendanceOutcome, number> {
  const counts = Object.fromEntries(ATTENDANCE_OUTCOMES.map((o) => [o, 0])) as Record<AttendanceOutcome, number>;
  for (const r of results) counts[r.outcome] += 1;
  return counts;
}

function presentRun(r: repo.RunRow) {
  return { id: r.id, startsOn: r.startsOn, endsOn: r.endsOn, place: r.place, online: r.online, bookedCount: r.bookedCount };
}

function presentUpload(u: repo.UploadRow) {
  const counts = Object.fromEntries(ATTENDANCE_OUTCOMES.map((o) => [o, u.counts[o] ?? 0])) as Record<AttendanceOutcome, number>;
  return {
    id: u.id,
    runId: u.runId,
    format: u.format,
    fileName: u.fileName,
    rowCount: u.rowCount,
    counts,
    uploadedBy: u.uploadedByToken ? ('token' as const) : ('account' as const),
    createdAt: u.createdAt.toISOString(),
  };
}

