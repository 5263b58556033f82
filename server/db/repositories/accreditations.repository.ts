import type { DataSource, EntityManager } from 'typeorm';
import type { AttendanceOutcome } from '../../contract/accreditations.js';
import type { AccreditationStatus } from '../entities/accreditation.entity.js';
import { rows } from '../sql.js';

type Db = DataSource | EntityManager;

/**
 * Accreditation requests, decisions, objections, runs, attendance and the agenda. Raw SQL here: the reads join six
 * small tables into one answer, and attendance is booked set-based in one statement (thousands of rows at once).
 */

export interface RegisterRow {
  id: string;
  code: string;
  name: string;
  settings: unknown;
}

export async function findRegister(db: Db, registerId: string): Promise<RegisterRow | null> {
  const [r] = await rows<RegisterRow>(db, `SELECT id, code, name, settings FROM registers WHERE id = $1`, [registerId]);
  return r ?? null;
}

export async function listRegisters(db: Db): Promise<RegisterRow[]> {
  return rows<RegisterRow>(db, `SELECT id, code, name, settings FROM registers ORDER BY code`);
}

export interface VariantRow {
  id: string;
  registerId: string;
  code: string;
  name: string;
  nameEn: string;
  kind: 'generalist' | 'specialist';
  norm: unknown;
}

export async function listVariantsOf(db: Db, registerIds: readonly string[] | null): Promise<VariantRow[]> {
  return rows<VariantRow>(
    db,
    `SELECT id, register_id AS "registerId", code, name, name_en AS "nameEn", kind, norm FROM variants
      WHERE $1::uuid[] IS NULL OR register_id = ANY($1::uuid[]) ORDER BY sort_order, code`,
    [registerIds],
  );
}

export interface CompetenceRow {
  id: string;
  registerId: string;
  code: string;
  name: string;
  nameEn: string;
}

export async function listCompetencesOf(db: Db, registerIds: readonly string[] | null): Promise<CompetenceRow[]> {
  return rows<CompetenceRow>(
    db,
    `SELECT id, register_id AS "registerId", code, name, name_en AS "nameEn" FROM competences
      WHERE retired_at IS NULL AND ($1::uuid[] IS NULL OR register_id = ANY($1::uuid[])) ORDER BY sort_order, code`,
    [registerIds],
  );
}

export async function listOrganisations(db: Db, ids: readonly string[]): Promise<Array<{ id: string; name: string; status: string }>> {
  return rows(db, `SELECT id, name, status FROM organisations WHERE id = ANY($1::uuid[]) ORDER BY name`, [ids]);
}

export interface NewAccreditation {
  organisationId: string;
  registerId: string;
  title: string;
  description: string;
  form: string;
  netContactHours: number;
  hasFinalTest: boolean;
  submittedBy: string | null;
  variantIds: string[];
  competenceIds: string[];
  runs: Array<{ startsOn: string; endsOn: string; place: string; online: boolean }>;
  seedKey?: string | null;
}

export async function insertAccreditation(m: EntityManager, a: NewAccreditation): Promise<string> {
  const [row] = await rows<{ id: string }>(
    m,
    `INSERT INTO accreditations (organisation_id, register_id, title, description, form, net_contact_hours, has_final_test, submitted_by, seed_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [a.organisationId, a.registerId, a.title, a.description, a.form, a.netContactHours, a.hasFinalTest, a.submittedBy, a.seedKey ?? null],
  );
  const id = row!.id;
  await m.query(`INSERT INTO accreditation_variants (accreditation_id, variant_id) SELECT $1, unnest($2::uuid[])`, [id, a.variantIds]);
  await m.query(`INSERT INTO accreditation_requested_variants (accreditation_id, variant_id) SELECT $1, unnest($2::uuid[])`, [id, a.variantIds]);
  if (a.competenceIds.length) await m.query(`INSERT INTO accreditation_competences (accreditation_id, competence_id) SELECT $1, unnest($2::uuid[])`, [id, a.competenceIds]);
  await insertRuns(m, id, a.runs, a.submittedBy);
  return id;
}

export async function insertRuns(m: EntityManager, accreditationId: string, runs: NewAccreditation['runs'], createdBy: string | null): Promise<string[]> {
  const inserted = await rows<{ id: string }>(
    m,
    `INSERT INTO accreditation_runs (accreditation_id, starts_on, ends_on, place, online, created_by)
     SELECT $1, x.s, x.e, x.p, x.o, $6 FROM unnest($2::date[], $3::date[], $4::text[], $5::boolean[]) AS x(s, e, p, o) RETURNING id`,
    [accreditationId, runs.map((r) => r.startsOn), runs.map((r) => r.endsOn), runs.map((r) => r.place), runs.map((r) => r.online), createdBy],
  );
  return inserted.map((r) => r.id);
}

export interface AccreditationRow {
  id: string;
  organisationId: string;
  organisationName: string;
  registerId: string;
  registerCode: string;
  registerName: string;
  title: string;
  description: string;
  form: string;
  netContactHours: string;
  hasFinalTest: boolean;
  status: AccreditationStatus;
  code: string | null;
  points: string | null;
  category: string | null;
  subcategory: string | null;
  termYears: number | null;
  validFrom: string | null;
  validUntil: string | null;
  rejectionReason: string | null;
  decidedAt: Date | null;
  /** The decision's date in the register's time zone. */
  decidedOn: string | null;
  submittedBy: string | null;
  submittedAt: Date;
  inAgenda: boolean;
  /** An objection is open: the request is in the staff queue (an approval stays approved and usable meanwhile). */
  objectionOpen: boolean;
}

const ACCREDITATION_COLUMNS = `
  a.id, a.organisation_id AS "organisationId", o.name AS "organisationName", a.register_id AS "registerId", g.code AS "registerCode",
  g.name AS "registerName", a.title, a.description, a.form, a.net_contact_hours AS "netContactHours", a.has_final_test AS "hasFinalTest",
  a.status, a.code, a.points, a.category, a.subcategory, a.term_years AS "termYears", to_char(a.valid_from, 'YYYY-MM-DD') AS "validFrom",
  to_char(a.valid_until, 'YYYY-MM-DD') AS "validUntil", a.rejection_reason AS "rejectionReason", a.decided_at AS "decidedAt",
  to_char(a.decided_at AT TIME ZONE (g.settings->>'timeZone'), 'YYYY-MM-DD') AS "decidedOn",
  a.submitted_by AS "submittedBy", a.submitted_at AS "submittedAt", a.in_agenda AS "inAgenda",
  EXISTS (SELECT 1 FROM accreditation_objections ob WHERE ob.accreditation_id = a.id AND ob.resolved_at IS NULL) AS "objectionOpen"`;

export async function findAccreditation(db: Db, id: string, opts: { lock?: boolean } = {}): Promise<AccreditationRow | null> {
  const [r] = await rows<AccreditationRow>(
    db,
    `SELECT ${ACCREDITATION_COLUMNS} FROM accreditations a JOIN organisations o ON o.id = a.organisation_id JOIN registers g ON g.id = a.register_id
      WHERE a.id = $1 ${opts.lock ? 'FOR UPDATE OF a' : ''}`,
    [id],
  );
  return r ?? null;
}

export async function listAccreditationsOf(db: Db, organisationIds: readonly string[]): Promise<AccreditationRow[]> {
  return rows<AccreditationRow>(
    db,
    `SELECT ${ACCREDITATION_COLUMNS} FROM accreditations a JOIN organisations o ON o.id = a.organisation_id JOIN registers g ON g.id = a.register_id
      WHERE a.organisation_id = ANY($1::uuid[]) ORDER BY a.submitted_at DESC, a.id LIMIT 1000`,
    [organisationIds],
  );
}

export interface RunRow {
  id: string;
  accreditationId: string;
  startsOn: string;
  endsOn: string;
  place: string;
  online: boolean;
  bookedCount: number;
}

const RUN_COLUMNS = `r.id, r.accreditation_id AS "accreditationId", to_char(r.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(r.ends_on, 'YYYY-MM-DD') AS "endsOn",
  r.place, r.online, (SELECT count(*)::int FROM cpd_activities c WHERE c.run_id = r.id AND c.status <> 'rejected') AS "bookedCount"`;

export async function listRuns(db: Db, accreditationId: string): Promise<RunRow[]> {
  return rows<RunRow>(db, `SELECT ${RUN_COLUMNS} FROM accreditation_runs r WHERE r.accreditation_id = $1 ORDER BY r.starts_on, r.created_at, r.id`, [accreditationId]);
}

export async function findRun(db: Db, runId: string): Promise<RunRow | null> {
  const [r] = await rows<RunRow>(db, `SELECT ${RUN_COLUMNS} FROM accreditation_runs r WHERE r.id = $1`, [runId]);
  return r ?? null;
}

export async function countRuns(db: Db, accreditationId: string): Promise<number> {
  const [r] = await rows<{ n: number }>(db, `SELECT count(*)::int AS n FROM accreditation_runs WHERE accreditation_id = $1`, [accreditationId]);
  return r?.n ?? 0;
}

export async function accreditationVariants(db: Db, accreditationId: string): Promise<Array<{ id: string; code: string; name: string }>> {
  return rows(db, `SELECT v.id, v.code, v.name FROM accreditation_variants av JOIN variants v ON v.id = av.variant_id WHERE av.accreditation_id = $1 ORDER BY v.sort_order`, [accreditationId]);
}

export async function accreditationCompetences(db: Db, accreditationId: string): Promise<Array<{ code: string; name: string; nameEn: string }>> {
  return rows(
    db,
    `SELECT c.code, c.name, c.name_en AS "nameEn" FROM accreditation_competences ac JOIN competences c ON c.id = ac.competence_id WHERE ac.accreditation_id = $1 ORDER BY c.sort_order`,
    [accreditationId],
  );
}

/**
 * The variants the provider asked for (staff approve these or fewer; accreditationVariants are the approved ones). An
 * approved variant was asked for by definition, so a row written without the requested set (by hand, or before it was
 * kept) still answers at least what was approved.
 */
export async function requestedVariants(db: Db, accreditationId: string): Promise<Array<{ id: string; code: string; name: string }>> {
  return rows(
    db,
    `SELECT v.id, v.code, v.name FROM variants v
      WHERE v.id IN (SELECT variant_id FROM accreditation_requested_variants WHERE accreditation_id = $1
                     UNION SELECT variant_id FROM accreditation_variants WHERE accreditation_id = $1)
      ORDER BY v.sort_order`,
    [accreditationId],
  );
}

/** Sets the approved target variants to exactly these (a granted objection may add back one left out). */
export async function replaceVariants(m: EntityManager, accreditationId: string, variantIds: readonly string[]): Promise<void> {
  await m.query(`DELETE FROM accreditation_variants WHERE accreditation_id = $1 AND NOT (variant_id = ANY($2::uuid[]))`, [accreditationId, variantIds]);
  await m.query(`INSERT INTO accreditation_variants (accreditation_id, variant_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [accreditationId, variantIds]);
}

export interface DecisionRow {
  id: string;
  outcome: 'approved' | 'rejected' | 'objection_refused';
  points: string | null;
  category: string | null;
  subcategory: string | null;
  termYears: number | null;
  netContactHours: string | null;
  reason: string | null;
  decidedAt: Date;
}

export async function listDecisions(db: Db, accreditationId: string): Promise<DecisionRow[]> {
  return rows<DecisionRow>(
    db,
    `SELECT id, outcome, points, category, subcategory, term_years AS "termYears", net_contact_hours AS "netContactHours", reason, decided_at AS "decidedAt"
       FROM accreditation_decisions WHERE accreditation_id = $1 ORDER BY decided_at, id`,
    [accreditationId],
  );
}

export interface ObjectionRow {
  id: string;
  decisionId: string;
  reason: string;
  lodgedAt: Date;
  resolvedAt: Date | null;
  resolutionDecisionId: string | null;
}

export async function listObjections(db: Db, accreditationId: string): Promise<ObjectionRow[]> {
  return rows<ObjectionRow>(
    db,
    `SELECT id, decision_id AS "decisionId", reason, lodged_at AS "lodgedAt", resolved_at AS "resolvedAt", resolution_decision_id AS "resolutionDecisionId"
       FROM accreditation_objections WHERE accreditation_id = $1 ORDER BY lodged_at, id`,
    [accreditationId],
  );
}

/** Moves the status only from the one the caller saw; false when someone else moved it first. */
export async function moveStatus(m: EntityManager, id: string, from: readonly AccreditationStatus[], to: AccreditationStatus): Promise<boolean> {
  const moved = await rows<{ id: string }>(m, `UPDATE accreditations SET status = $3, updated_at = now() WHERE id = $1 AND status = ANY($2::text[]) RETURNING id`, [id, from, to]);
  return moved.length === 1;
}

export async function insertDecision(
  m: EntityManager,
  d: {
    accreditationId: string;
    outcome: DecisionRow['outcome'];
    points: number | null;
    category: string | null;
    subcategory: string | null;
    termYears: number | null;
    netContactHours?: number | null;
    reason: string | null;
    decidedBy: string;
    decidedAt?: Date;
  },
): Promise<string> {
  const [row] = await rows<{ id: string }>(
    m,
    `INSERT INTO accreditation_decisions (accreditation_id, outcome, points, category, subcategory, term_years, reason, decided_by, decided_at, net_contact_hours)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, COALESCE($9, now()), $10) RETURNING id`,
    [d.accreditationId, d.outcome, d.points, d.category, d.subcategory, d.termYears, d.reason, d.decidedBy, d.decidedAt ?? null, d.netContactHours ?? null],
  );
  return row!.id;
}

/**
 * Approves: points, category, term, window and a fresh code. The code is drawn until one is free; a collision with
 * another approval's code is the unique constraint's answer, caught at a savepoint so the transaction lives on.
 */
export async function approveAccreditation(
  m: EntityManager,
  id: string,
  a: { points: number; category: string; subcategory: string | null; termYears: number; validFrom: string; validUntil: string; decidedBy: string; decidedAt?: Date },
  drawCode: () => string,
): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const code = drawCode();
    await m.query('SAVEPOINT accreditation_code');
    try {
      await m.query(
        `UPDATE accreditations SET status = 'approved', code = $2, points = $3, category = $4, subcategory = $5, term_years = $6, valid_from = $7, valid_until = $8,
                rejection_reason = NULL, decided_at = COALESCE($10, now()), decided_by = $9, updated_at = now() WHERE id = $1`,
        [id, code, a.points, a.category, a.subcategory, a.termYears, a.validFrom, a.validUntil, a.decidedBy, a.decidedAt ?? null],
      );
      await m.query('RELEASE SAVEPOINT accreditation_code');
      return code;
    } catch (err) {
      await m.query('ROLLBACK TO SAVEPOINT accreditation_code');
      const pgCode = (err as { driverError?: { code?: string; constraint?: string }; code?: string }).driverError ?? (err as { code?: string; constraint?: string });
      if (pgCode.code !== '23505' || pgCode.constraint !== 'accreditations_code_key') throw err;
    }
  }
  throw new Error('no free accreditation code after 20 draws');
}

/**
 * A granted objection against an approval: the new points, category, term and window (and the net contact hours
 * staff accepted), under the same code, which registrants and attendance lists already use.
 */
export async function amendApproval(
  m: EntityManager,
  id: string,
  a: { points: number; netContactHours: number; category: string; subcategory: string | null; termYears: number; validFrom: string; validUntil: string; decidedBy: string },
): Promise<void> {
  await m.query(
    `UPDATE accreditations SET points = $2, net_contact_hours = $3, category = $4, subcategory = $5, term_years = $6, valid_from = $7, valid_until = $8,
            decided_at = now(), decided_by = $9, updated_at = now() WHERE id = $1 AND status = 'approved'`,
    [id, a.points, a.netContactHours, a.category, a.subcategory, a.termYears, a.validFrom, a.validUntil, a.decidedBy],
  );
}

/** Corrects the net contact hours staff accepted on an objection (the provider's figure stays in the audit trail). */
export async function setNetContactHours(m: EntityManager, id: string, hours: number): Promise<void> {
  await m.query(`UPDATE accreditations SET net_contact_hours = $2, updated_at = now() WHERE id = $1`, [id, hours]);
}

/**
 * Raises the points of the activities already booked with this accreditation to `points` where they had fewer
 * (domain/accreditation pointsAfterGrantedObjection: never lowered), with an audit row per activity, in one
 * statement. Rejected and adjusted activities are staff's decisions and stay as they are.
 */
export async function raiseBookedPoints(
  m: EntityManager,
  accreditationId: string,
  points: number,
  audit: { actorAccountId: string; requestId: string | null },
): Promise<number> {
  const [r] = await rows<{ n: number }>(
    m,
    `WITH raised AS (
       UPDATE cpd_activities c SET points = $2::numeric, approved_points = $2::numeric, updated_at = now()
         FROM (SELECT id, approved_points FROM cpd_activities
                WHERE accreditation_id = $1 AND status = 'approved' AND approved_points < $2::numeric FOR UPDATE) old
        WHERE c.id = old.id
       RETURNING c.id, old.approved_points AS before
     ),
     audited AS (
       INSERT INTO audit_events (actor_account_id, action, subject_type, subject_id, details, request_id)
       SELECT $3, 'cpd_activity.points_raised', 'cpd_activity', raised.id::text,
              jsonb_build_object('accreditationId', $1::text, 'from', raised.before, 'to', $2::numeric, 'why', 'objection_granted'), $4
         FROM raised
     )
     SELECT count(*)::int AS n FROM raised`,
    [accreditationId, points, audit.actorAccountId, audit.requestId],
  );
  return r?.n ?? 0;
}

export async function rejectAccreditation(m: EntityManager, id: string, reason: string, decidedBy: string, decidedAt?: Date): Promise<void> {
  await m.query(`UPDATE accreditations SET status = 'rejected', rejection_reason = $2, decided_at = COALESCE($4, now()), decided_by = $3, updated_at = now() WHERE id = $1`, [
    id,
    reason,
    decidedBy,
    decidedAt ?? null,
  ]);
}

export async function latestDecisionId(m: Db, accreditationId: string): Promise<string | null> {
  const [r] = await rows<{ id: string }>(m, `SELECT id FROM accreditation_decisions WHERE accreditation_id = $1 ORDER BY decided_at DESC, id DESC LIMIT 1`, [accreditationId]);
  return r?.id ?? null;
}

export async function insertObjection(m: EntityManager, o: { accreditationId: string; decisionId: string; reason: string; lodgedBy: string }): Promise<string> {
  const [row] = await rows<{ id: string }>(m, `INSERT INTO accreditation_objections (accreditation_id, decision_id, reason, lodged_by) VALUES ($1, $2, $3, $4) RETURNING id`, [
    o.accreditationId,
    o.decisionId,
    o.reason,
    o.lodgedBy,
  ]);
  return row!.id;
}

export async function resolveObjection(m: EntityManager, accreditationId: string, decisionId: string): Promise<void> {
  await m.query(`UPDATE accreditation_objections SET resolved_at = now(), resolution_decision_id = $2 WHERE accreditation_id = $1 AND resolved_at IS NULL`, [accreditationId, decisionId]);
}

/** A change that moves nothing but is a change (a refused objection against an approval). */
export async function touch(m: EntityManager, id: string): Promise<void> {
  await m.query(`UPDATE accreditations SET updated_at = now() WHERE id = $1`, [id]);
}

export async function setInAgenda(m: Db, id: string, inAgenda: boolean): Promise<void> {
  await m.query(`UPDATE accreditations SET in_agenda = $2, updated_at = now() WHERE id = $1`, [id, inAgenda]);
}

export async function submitterContact(db: Db, accreditationId: string): Promise<{ accountId: string | null; email: string | null; name: string | null } | null> {
  const [r] = await rows<{ accountId: string | null; email: string | null; name: string | null }>(
    db,
    `SELECT acc.id AS "accountId", COALESCE(acc.email, o.contact_email) AS email, acc.display_name AS name
       FROM accreditations a JOIN organisations o ON o.id = a.organisation_id LEFT JOIN accounts acc ON acc.id = a.submitted_by WHERE a.id = $1`,
    [accreditationId],
  );
  return r ?? null;
}

export async function auditHistory(db: Db, accreditationId: string): Promise<Array<{ action: string; occurredAt: Date; actor: string | null; details: Record<string, unknown> }>> {
  return rows(
    db,
    `SELECT e.action, e.occurred_at AS "occurredAt", acc.display_name AS actor, e.details FROM audit_events e LEFT JOIN accounts acc ON acc.id = e.actor_account_id
      WHERE e.subject_type = 'accreditation' AND e.subject_id = $1 AND e.action <> 'accreditation.viewed' ORDER BY e.id`,
    [accreditationId],
  );
}

// ---- Attendance

export interface AttendanceInputRow {
  rowNumber: number;
  raw: string;
  /** Null for a row that is not a registration number (invalid_row). */
  registrationNumber: string | null;
}

export interface BookingTarget {
  accreditationId: string;
  runId: string;
  registerId: string;
  title: string;
  providerName: string;
  points: string;
  category: string;
  subcategory: string | null;
  completedOn: string;
}

export async function insertUpload(
  m: EntityManager,
  u: { runId: string; format: 'csv' | 'json'; fileName: string | null; uploadedBy: string | null; uploadedByToken: string | null; rowCount: number },
): Promise<{ id: string; createdAt: Date }> {
  const [row] = await rows<{ id: string; createdAt: Date }>(
    m,
    `INSERT INTO attendance_uploads (run_id, format, file_name, uploaded_by, uploaded_by_token, row_count) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, created_at AS "createdAt"`,
    [u.runId, u.format, u.fileName, u.uploadedBy, u.uploadedByToken, u.rowCount],
  );
  return row!;
}

/** A row that counts toward being registered on a day: live registrations (suspended ones keep their CPD duties). */
export const REGISTERED_STATUSES = ['registered', 'reregistration_submitted', 'suspended'] as const;

/**
 * Books a run's attendance in one statement, set-based: every row gets its outcome, and every eligible person a
 * `cpd_activities` row through ON CONFLICT DO NOTHING on cpd_activities_once_per_accreditation — so a list uploaded
 * twice, two uploads at once, or a person twice in one list never books twice (the database decides, not a lookup).
 *
 * Eligible ("registered in a target variant on the run's date"): the person holds a registration of one of the
 * accreditation's target variants that is live now (registered, reregistration_submitted, suspended) and began on or
 * before the run's last day.
 */
export async function bookAttendance(m: EntityManager, uploadId: string, target: BookingTarget, input: readonly AttendanceInputRow[], createdBy: string | null): Promise<Array<AttendanceInputRow & { outcome: AttendanceOutcome }>> {
  return rows<AttendanceInputRow & { outcome: AttendanceOutcome }>(
    m,
    `WITH input AS (
       SELECT x.row_number, x.raw, x.registration_number,
              CASE WHEN x.registration_number IS NULL THEN 1
                   ELSE row_number() OVER (PARTITION BY x.registration_number ORDER BY x.row_number) END AS occurrence
         FROM unnest($1::int[], $2::text[], $3::text[]) AS x(row_number, raw, registration_number)
     ),
     judged AS (
       SELECT i.*, p.id AS person_id,
              (p.id IS NOT NULL AND EXISTS (
                 SELECT 1 FROM registrations g JOIN accreditation_variants av ON av.variant_id = g.variant_id AND av.accreditation_id = $4
                  WHERE g.person_id = p.id AND g.status = ANY($14::text[]) AND g.registered_on <= $11::date)) AS eligible
         FROM input i LEFT JOIN persons p ON p.registration_number = i.registration_number
     ),
     booked AS (
       INSERT INTO cpd_activities (person_id, register_id, source, kind, title, provider_name, category, subcategory, completed_on, points,
                                   accreditation_id, run_id, status, approved_points, decided_at, created_by)
       SELECT j.person_id, $6, 'attendance', 'accredited', $7, $8, $9, $10, $11::date, $12::numeric, $4, $5, 'approved', $12::numeric, now(), $13
         FROM judged j WHERE j.eligible AND j.occurrence = 1
       ON CONFLICT (person_id, accreditation_id) WHERE accreditation_id IS NOT NULL AND status <> 'rejected' DO NOTHING
       RETURNING id, person_id
     ),
     competences AS (
       INSERT INTO cpd_activity_competences (activity_id, competence_id)
       SELECT b.id, ac.competence_id FROM booked b CROSS JOIN accreditation_competences ac WHERE ac.accreditation_id = $4
     ),
     existing AS (
       SELECT c.id, c.person_id FROM cpd_activities c
        WHERE c.accreditation_id = $4 AND c.status <> 'rejected' AND c.person_id IN (SELECT person_id FROM judged WHERE eligible)
     )
     INSERT INTO attendance_upload_rows (upload_id, row_number, raw, registration_number, outcome, activity_id)
     SELECT $15, j.row_number, j.raw, j.registration_number,
            CASE WHEN j.registration_number IS NULL THEN 'invalid_row'
                 WHEN j.occurrence > 1 THEN 'duplicate_in_upload'
                 WHEN j.person_id IS NULL THEN 'unknown_number'
                 WHEN NOT j.eligible THEN 'not_registered'
                 WHEN b.id IS NOT NULL THEN 'booked'
                 ELSE 'already_booked' END,
            CASE WHEN j.occurrence = 1 AND j.eligible THEN COALESCE(b.id, e.id) END
       FROM judged j LEFT JOIN booked b ON b.person_id = j.person_id LEFT JOIN existing e ON e.person_id = j.person_id
     RETURNING row_number AS "rowNumber", raw, registration_number AS "registrationNumber", outcome`,
    [
      input.map((r) => r.rowNumber),
      input.map((r) => r.raw),
      input.map((r) => r.registrationNumber),
      target.accreditationId,
      target.runId,
      target.registerId,
      target.title,
      target.providerName,
      target.category,
      target.subcategory,
      target.completedOn,
      target.points,
      createdBy,
      REGISTERED_STATUSES,
      uploadId,
    ],
  );
}

export async function setUploadCounts(m: EntityManager, uploadId: string, c: { booked: number; alreadyBooked: number; refused: number }): Promise<void> {
  await m.query(`UPDATE attendance_uploads SET booked_count = $2, already_booked_count = $3, refused_count = $4 WHERE id = $1`, [uploadId, c.booked, c.alreadyBooked, c.refused]);
}

export interface UploadRow {
  id: string;
  runId: string;
  format: 'csv' | 'json';
  fileName: string | null;
  rowCount: number;
  uploadedBy: string | null;
  uploadedByToken: string | null;
  createdAt: Date;
  counts: Record<AttendanceOutcome, number>;
}

const UPLOAD_COLUMNS = `u.id, u.run_id AS "runId", u.format, u.file_name AS "fileName", u.row_count AS "rowCount", u.uploaded_by AS "uploadedBy",
  u.uploaded_by_token AS "uploadedByToken", u.created_at AS "createdAt",
  (SELECT COALESCE(jsonb_object_agg(t.outcome, t.n), '{}'::jsonb) FROM (SELECT outcome, count(*)::int AS n FROM attendance_upload_rows WHERE upload_id = u.id GROUP BY outcome) t) AS counts`;

export async function listUploads(db: Db, runId: string): Promise<UploadRow[]> {
  return rows<UploadRow>(db, `SELECT ${UPLOAD_COLUMNS} FROM attendance_uploads u WHERE u.run_id = $1 ORDER BY u.created_at DESC, u.id LIMIT 200`, [runId]);
}

export async function findUpload(db: Db, uploadId: string): Promise<(UploadRow & { accreditationId: string }) | null> {
  const [r] = await rows<UploadRow & { accreditationId: string }>(
    db,
    `SELECT ${UPLOAD_COLUMNS}, r.accreditation_id AS "accreditationId" FROM attendance_uploads u JOIN accreditation_runs r ON r.id = u.run_id WHERE u.id = $1`,
    [uploadId],
  );
  return r ?? null;
}

export async function uploadRows(db: Db, uploadId: string): Promise<Array<AttendanceInputRow & { outcome: AttendanceOutcome }>> {
  return rows(db, `SELECT row_number AS "rowNumber", raw, registration_number AS "registrationNumber", outcome FROM attendance_upload_rows WHERE upload_id = $1 ORDER BY row_number`, [uploadId]);
}

export async function bookedOfRun(db: Db, runId: string): Promise<Array<{ registrationNumber: string; givenNames: string; namePrefix: string | null; familyName: string; points: string; bookedAt: Date }>> {
  return rows(
    db,
    `SELECT p.registration_number AS "registrationNumber", p.given_names AS "givenNames", p.name_prefix AS "namePrefix", p.family_name AS "familyName",
            c.approved_points AS points, c.created_at AS "bookedAt"
       FROM cpd_activities c JOIN persons p ON p.id = c.person_id
      WHERE c.run_id = $1 AND c.status <> 'rejected' ORDER BY p.sort_key, p.id LIMIT 20000`,
    [runId],
  );
}

// ---- The public course agenda

export interface AgendaFilter {
  q: string | null;
  variant: string | null;
  competence: string | null;
  place: string | null;
  from: string;
  to: string | null;
  limit: number;
  offset: number;
}

export interface AgendaRow {
  id: string;
  code: string;
  title: string;
  description: string;
  provider: string;
  form: string;
  points: string;
  category: string;
  validUntil: string;
  registerId: string;
  variants: Array<{ code: string; name: string }>;
  competences: Array<{ code: string; name: string; nameEn: string }>;
  runs: Array<{ startsOn: string; endsOn: string; place: string; online: boolean }>;
  total: number;
}

/**
 * Approved accreditations in the agenda with at least one run inside their term that has not ended by `from` (and
 * starts by `to`), matching place, variant, competence and text; each with its matching runs, soonest first.
 */
export async function agenda(db: Db, f: AgendaFilter): Promise<AgendaRow[]> {
  return rows<AgendaRow>(
    db,
    `WITH runs AS (
       -- Only runs inside the accreditation's term: one planned past it earns no points (attendance is refused).
       SELECT r.accreditation_id, r.starts_on, r.ends_on, r.place, r.online FROM accreditation_runs r JOIN accreditations ra ON ra.id = r.accreditation_id
        WHERE r.ends_on >= $1::date AND ($2::date IS NULL OR r.starts_on <= $2::date)
          AND r.starts_on >= ra.valid_from AND r.ends_on <= ra.valid_until
          AND ($3::text IS NULL OR r.place ILIKE '%' || $3 || '%')
     ),
     hits AS (
       SELECT a.id, min(runs.starts_on) AS next_start FROM accreditations a JOIN runs ON runs.accreditation_id = a.id JOIN organisations o ON o.id = a.organisation_id
        WHERE a.status = 'approved' AND a.in_agenda AND a.valid_until >= $1::date
          AND ($4::text IS NULL OR a.title ILIKE '%' || $4 || '%' OR a.description ILIKE '%' || $4 || '%' OR o.name ILIKE '%' || $4 || '%')
          AND ($5::text IS NULL OR EXISTS (SELECT 1 FROM accreditation_variants av JOIN variants v ON v.id = av.variant_id WHERE av.accreditation_id = a.id AND v.code = $5))
          AND ($6::text IS NULL OR EXISTS (SELECT 1 FROM accreditation_competences ac JOIN competences c ON c.id = ac.competence_id WHERE ac.accreditation_id = a.id AND c.code = $6))
        GROUP BY a.id
     ),
     page AS (SELECT id, next_start, count(*) OVER ()::int AS total FROM hits ORDER BY next_start, id LIMIT $7 OFFSET $8)
     SELECT a.id, a.code, a.title, a.description, o.name AS provider, a.form, a.points, a.category, to_char(a.valid_until, 'YYYY-MM-DD') AS "validUntil",
            a.register_id AS "registerId", page.total,
            (SELECT COALESCE(jsonb_agg(jsonb_build_object('code', v.code, 'name', v.name) ORDER BY v.sort_order), '[]') FROM accreditation_variants av JOIN variants v ON v.id = av.variant_id WHERE av.accreditation_id = a.id) AS variants,
            (SELECT COALESCE(jsonb_agg(jsonb_build_object('code', c.code, 'name', c.name, 'nameEn', c.name_en) ORDER BY c.sort_order), '[]') FROM accreditation_competences ac JOIN competences c ON c.id = ac.competence_id WHERE ac.accreditation_id = a.id) AS competences,
            (SELECT jsonb_agg(jsonb_build_object('startsOn', to_char(runs.starts_on, 'YYYY-MM-DD'), 'endsOn', to_char(runs.ends_on, 'YYYY-MM-DD'), 'place', runs.place, 'online', runs.online) ORDER BY runs.starts_on)
               FROM runs WHERE runs.accreditation_id = a.id) AS runs
       FROM page JOIN accreditations a ON a.id = page.id JOIN organisations o ON o.id = a.organisation_id
      ORDER BY page.next_start, a.id`,
    [f.from, f.to, f.place, f.q, f.variant, f.competence, f.limit, f.offset],
  );
}
