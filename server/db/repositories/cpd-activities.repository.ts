import type { DataSource, EntityManager } from 'typeorm';
import type { ValidActivity } from '../../domain/cpd-activity.js';
import type { ActivityDetailFacts, ActivityFacts, CpdRegistrationFacts } from '../../domain/cpd-dossier.js';
import type { EvidenceContentType } from '../../domain/evidence.js';
import type { PlainDate } from '../../domain/plain-date.js';
import { rows } from '../sql.js';

/**
 * The registrant's CPD rows: activities (logged or booked from attendance), their competences and evidence, the
 * registrations and norms progress is measured against, and portfolio exports.
 *
 * Raw SQL on purpose: progress is benchmarked (one query for the registrations with their norms and settings, one
 * for the activities with the variants they are accredited for; run side by side, plain rows: aggregating them to
 * JSON in Postgres measured almost three times slower), and logging an accredited activity must use
 * ON CONFLICT against the partial unique index cpd_activities_once_per_accreditation, which the query builder
 * cannot express.
 */

type Db = DataSource | EntityManager;

/** A registration as the CPD rules read it (server/domain/cpd-dossier.ts), with its ids. */
export interface CpdRegistrationRow extends CpdRegistrationFacts {
  registrationId: string;
  variantId: string;
}

/**
 * The person's live registrations (not rejected or withdrawn) with their variant's norm and the register's
 * settings, the generalist first. One query.
 */
export async function findCpdRegistrations(db: Db, personId: string): Promise<CpdRegistrationRow[]> {
  return rows<CpdRegistrationRow>(
    db,
    `SELECT r.id AS "registrationId", r.status, s.counts_as_registered AS "countsAsRegistered",
            v.id AS "variantId", v.code AS "variantCode", v.name AS "variantName", v.name_en AS "variantNameEn", v.kind AS "variantKind", v.norm,
            g.id AS "registerId", g.settings,
            r.registered_on::text AS "registeredOn", r.cycle_starts_on::text AS "cycleStartsOn", r.cycle_ends_on::text AS "cycleEndsOn",
            r.cycle_deadline::text AS "cycleDeadline",
            CASE WHEN r.status = 'reregistration_submitted' AND r.submitted_at IS NOT NULL
                 THEN (r.submitted_at AT TIME ZONE (g.settings->>'timeZone'))::date::text END AS "submittedOn",
            CASE WHEN (r.application->>'diplomaYear') ~ '^[0-9]{4}$' THEN (r.application->>'diplomaYear')::int END AS "diplomaYear"
       FROM registrations r
       JOIN registration_statuses s ON s.code = r.status
       JOIN variants v ON v.id = r.variant_id
       JOIN registers g ON g.id = v.register_id
      WHERE r.person_id = $1 AND r.status NOT IN ('rejected', 'withdrawn')
      ORDER BY (v.kind = 'generalist') DESC, v.sort_order, v.code`,
    [personId],
  );
}

/** An activity as the progress rules read it; numeric columns arrive as strings. */
export type ProgressActivityRow = ActivityFacts;

/** Every activity of the person, with the variants its accreditation is for: what progress is computed from (in any order; the rules sort). One query. */
export async function listProgressActivities(db: Db, personId: string): Promise<ProgressActivityRow[]> {
  return rows<ProgressActivityRow>(
    db,
    `SELECT a.id, a.title, a.kind, a.source, a.category, a.subcategory, a.completed_on::text AS "completedOn",
            a.points, a.hours, a.session_minutes AS "sessionMinutes", a.supervisees, a.status,
            a.approved_points AS "approvedPoints", a.staff_reason AS "staffReason", acc.code AS "accreditationCode",
            COALESCE(vo.codes, '{}') AS "accreditedFor"
       FROM cpd_activities a
       LEFT JOIN accreditations acc ON acc.id = a.accreditation_id
       -- The variants of only this person's accreditations, aggregated once (a subquery per row cost 6 ms at 1,000 rows).
       LEFT JOIN (SELECT av.accreditation_id, array_agg(v.code ORDER BY v.code) AS codes
                    FROM accreditation_variants av JOIN variants v ON v.id = av.variant_id
                   WHERE av.accreditation_id IN (SELECT accreditation_id FROM cpd_activities WHERE person_id = $1 AND accreditation_id IS NOT NULL)
                   GROUP BY av.accreditation_id) vo ON vo.accreditation_id = a.accreditation_id
      WHERE a.person_id = $1`,
    [personId],
  );
}

export interface ActivityRow extends ActivityDetailFacts {
  personId: string;
  decidedAt: Date | null;
  createdAt: Date;
}

const ACTIVITY_SELECT = `
  SELECT a.id, a.person_id AS "personId", a.title, a.kind, a.source, a.category, a.subcategory, a.completed_on::text AS "completedOn",
         a.period_starts_on::text AS "periodStartsOn", a.employer_name AS "employerName", a.provider_name AS "providerName", a.description,
         a.points, a.hours, a.session_minutes AS "sessionMinutes", a.supervisees, a.status,
         a.approved_points AS "approvedPoints", a.staff_reason AS "staffReason", a.decided_at AS "decidedAt", a.created_at AS "createdAt",
         acc.code AS "accreditationCode",
         COALESCE((SELECT array_agg(v.code ORDER BY v.code) FROM accreditation_variants av JOIN variants v ON v.id = av.variant_id
                    WHERE av.accreditation_id = a.accreditation_id), '{}') AS "accreditedFor",
         COALESCE((SELECT json_agg(json_build_object('code', c.code, 'name', c.name, 'nameEn', c.name_en) ORDER BY c.sort_order, c.code)
                     FROM cpd_activity_competences ac JOIN competences c ON c.id = ac.competence_id WHERE ac.activity_id = a.id), '[]') AS competences,
         COALESCE((SELECT json_agg(json_build_object('id', e.id, 'kind', e.kind, 'originalName', e.original_name, 'contentType', e.content_type,
                                                     'sizeBytes', e.size_bytes, 'uploadedAt', e.created_at) ORDER BY e.created_at, e.id)
                     FROM cpd_evidence_files e WHERE e.activity_id = a.id), '[]') AS evidence
    FROM cpd_activities a
    LEFT JOIN accreditations acc ON acc.id = a.accreditation_id`;

export async function listActivities(db: Db, personId: string): Promise<ActivityRow[]> {
  return rows<ActivityRow>(db, `${ACTIVITY_SELECT} WHERE a.person_id = $1 ORDER BY a.completed_on DESC, a.created_at DESC, a.id`, [personId]);
}

export async function findActivity(db: Db, id: string): Promise<ActivityRow | null> {
  const [row] = await rows<ActivityRow>(db, `${ACTIVITY_SELECT} WHERE a.id = $1`, [id]);
  return row ?? null;
}

/** Locks the activity row: a withdrawal or an upload must not cross a staff decision. */
export async function lockActivity(m: EntityManager, id: string): Promise<{ id: string; personId: string; status: string } | null> {
  const [row] = await rows<{ id: string; personId: string; status: string }>(m, `SELECT id, person_id AS "personId", status FROM cpd_activities WHERE id = $1 FOR UPDATE`, [id]);
  return row ?? null;
}

export interface CompetenceRow {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  sortOrder: number;
}

/** The register's competence profile on offer (retired ones stay on old activities but are not offered). */
export async function listCompetences(db: Db, registerId: string | null): Promise<CompetenceRow[]> {
  return rows<CompetenceRow>(
    db,
    `SELECT c.id, c.code, c.name, c.name_en AS "nameEn", c.sort_order AS "sortOrder"
       FROM competences c
      WHERE c.retired_at IS NULL AND ($1::uuid IS NULL OR c.register_id = $1)
      ORDER BY c.sort_order, c.code`,
    [registerId],
  );
}

export interface AccreditationRow {
  id: string;
  code: string;
  title: string;
  status: string;
  points: string | null;
  category: string | null;
  subcategory: string | null;
  validFrom: PlainDate | null;
  validUntil: PlainDate | null;
  providerName: string;
  registerId: string;
  variants: Array<{ code: string; name: string }>;
}

export async function findAccreditationByCode(db: Db, code: string): Promise<AccreditationRow | null> {
  const [row] = await rows<AccreditationRow>(
    db,
    `SELECT a.id, a.code, a.title, a.status, a.points, a.category, a.subcategory, a.valid_from::text AS "validFrom", a.valid_until::text AS "validUntil",
            o.name AS "providerName", a.register_id AS "registerId",
            COALESCE((SELECT json_agg(json_build_object('code', v.code, 'name', v.name) ORDER BY v.sort_order, v.code)
                        FROM accreditation_variants av JOIN variants v ON v.id = av.variant_id WHERE av.accreditation_id = a.id), '[]') AS variants
       FROM accreditations a JOIN organisations o ON o.id = a.organisation_id
      WHERE a.code = $1`,
    [code],
  );
  return row ?? null;
}

/** An activity that passed the log rules (server/domain/cpd-activity.ts), for a person in a register. */
export interface NewActivity extends Omit<ValidActivity, 'measure' | 'competences'> {
  personId: string;
  registerId: string;
  createdBy: string | null;
  seedKey?: string | null;
}

/** A logged activity without a code: pending, into the staff queue. */
export async function insertPendingActivity(m: Db, a: NewActivity): Promise<string> {
  const [row] = await rows<{ id: string }>(
    m,
    `INSERT INTO cpd_activities (person_id, register_id, source, kind, title, provider_name, description, category, subcategory, completed_on,
                                 period_starts_on, employer_name, points, hours, session_minutes, supervisees, status, created_by, seed_key)
     VALUES ($1, $2, 'registrant', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 'pending', $16, $17)
     RETURNING id`,
    [a.personId, a.registerId, a.kind, a.title, a.providerName, a.description, a.category, a.subcategory, a.completedOn, a.periodStartsOn, a.employerName, a.points, a.hours, a.sessionMinutes, a.supervisees, a.createdBy, a.seedKey ?? null],
  );
  return row!.id;
}

/**
 * An activity logged with an accreditation code: approved at once with the accreditation's points, category and
 * competences. The unique index decides whether these points are already in the dossier (logged before, or booked
 * from attendance, also at the same moment): null then, and nothing was written.
 */
/**
 * The registrant's booking of an accreditation code, with the accreditation's points as they are under a share lock:
 * a staff decision changing them at the same moment (an objection granted with more points) is waited for, so the
 * booking never lands with the points of before after the decision raised the others.
 */
export async function insertAccreditedActivity(
  m: EntityManager,
  a: { personId: string; accreditationId: string; completedOn: PlainDate; createdBy: string | null; seedKey?: string | null },
): Promise<string | null> {
  const [row] = await rows<{ id: string }>(
    m,
    `INSERT INTO cpd_activities (person_id, register_id, source, kind, title, provider_name, category, subcategory, completed_on, points,
                                 accreditation_id, status, approved_points, decided_at, created_by, seed_key)
     SELECT $1, acc.register_id, 'registrant', 'accredited', acc.title, o.name, acc.category, acc.subcategory, $3::date, acc.points,
            acc.id, 'approved', acc.points, now(), $4, $5
       FROM accreditations acc JOIN organisations o ON o.id = acc.organisation_id
      WHERE acc.id = $2 AND acc.status = 'approved'
        FOR SHARE OF acc
     ON CONFLICT (person_id, accreditation_id) WHERE accreditation_id IS NOT NULL AND status <> 'rejected' DO NOTHING
     RETURNING id`,
    [a.personId, a.accreditationId, a.completedOn, a.createdBy, a.seedKey ?? null],
  );
  if (!row) return null;
  await m.query(
    `INSERT INTO cpd_activity_competences (activity_id, competence_id) SELECT $1, competence_id FROM accreditation_competences WHERE accreditation_id = $2 ON CONFLICT DO NOTHING`,
    [row.id, a.accreditationId],
  );
  return row.id;
}

export async function insertActivityCompetences(m: Db, activityId: string, registerId: string, codes: readonly string[]): Promise<void> {
  if (codes.length === 0) return;
  await m.query(
    `INSERT INTO cpd_activity_competences (activity_id, competence_id)
     SELECT $1, c.id FROM competences c WHERE c.register_id = $2 AND c.code = ANY($3::text[]) ON CONFLICT DO NOTHING`,
    [activityId, registerId, codes],
  );
}

/** Deletes a pending activity (its competences and evidence rows cascade); returns the evidence ids to remove from the store. */
export async function deletePendingActivity(m: EntityManager, id: string): Promise<string[] | null> {
  const evidence = await rows<{ id: string }>(m, `SELECT id FROM cpd_evidence_files WHERE activity_id = $1`, [id]);
  const deleted = await rows<{ id: string }>(m, `DELETE FROM cpd_activities WHERE id = $1 AND status = 'pending' RETURNING id`, [id]);
  return deleted.length > 0 ? evidence.map((e) => e.id) : null;
}

export interface CpdEvidenceRow {
  id: string;
  activityId: string;
  kind: string;
  originalName: string;
  contentType: EvidenceContentType;
  sizeBytes: number;
  sha256: string;
  createdAt: Date;
}

export async function insertCpdEvidence(
  m: Db,
  e: { id: string; activityId: string; kind: string; originalName: string; contentType: EvidenceContentType; sizeBytes: number; sha256: string; uploadedBy: string | null },
): Promise<CpdEvidenceRow> {
  const [row] = await rows<CpdEvidenceRow>(
    m,
    `INSERT INTO cpd_evidence_files (id, activity_id, kind, original_name, content_type, size_bytes, sha256, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     RETURNING id, activity_id AS "activityId", kind, original_name AS "originalName", content_type AS "contentType", size_bytes AS "sizeBytes", sha256, created_at AS "createdAt"`,
    [e.id, e.activityId, e.kind, e.originalName, e.contentType, e.sizeBytes, e.sha256, e.uploadedBy],
  );
  return row!;
}

export async function findCpdEvidence(db: Db, activityId: string, evidenceId: string): Promise<CpdEvidenceRow | null> {
  const [row] = await rows<CpdEvidenceRow>(
    db,
    `SELECT id, activity_id AS "activityId", kind, original_name AS "originalName", content_type AS "contentType", size_bytes AS "sizeBytes", sha256, created_at AS "createdAt"
       FROM cpd_evidence_files WHERE id = $1 AND activity_id = $2`,
    [evidenceId, activityId],
  );
  return row ?? null;
}

export async function deleteCpdEvidence(m: Db, activityId: string, evidenceId: string): Promise<boolean> {
  const deleted = await rows<{ id: string }>(m, `DELETE FROM cpd_evidence_files WHERE id = $1 AND activity_id = $2 RETURNING id`, [evidenceId, activityId]);
  return deleted.length > 0;
}

export interface CompetenceUseRow {
  competenceId: string;
  activityId: string;
  title: string;
  completedOn: PlainDate;
  status: 'approved' | 'adjusted';
  accredited: boolean;
}

/** Which approved (or adjusted) activities completed in [startsOn, endsBefore) served which competence. */
export async function listCompetenceUse(db: Db, personId: string, startsOn: PlainDate, endsBefore: PlainDate): Promise<CompetenceUseRow[]> {
  return rows<CompetenceUseRow>(
    db,
    `SELECT ac.competence_id AS "competenceId", a.id AS "activityId", a.title, a.completed_on::text AS "completedOn", a.status,
            (a.accreditation_id IS NOT NULL) AS accredited
       FROM cpd_activities a JOIN cpd_activity_competences ac ON ac.activity_id = a.id
      WHERE a.person_id = $1 AND a.status IN ('approved', 'adjusted') AND a.completed_on >= $2::date AND a.completed_on < $3::date
        AND (a.approved_points IS NULL OR a.approved_points > 0)
      ORDER BY a.completed_on, a.id`,
    [personId, startsOn, endsBefore],
  );
}

export interface PersonSummary {
  name: string;
  registrationNumber: string | null;
}

export async function findPersonSummary(db: Db, personId: string): Promise<PersonSummary | null> {
  const [row] = await rows<PersonSummary>(
    db,
    `SELECT concat_ws(' ', given_names, name_prefix, family_name) AS name, registration_number AS "registrationNumber" FROM persons WHERE id = $1`,
    [personId],
  );
  return row ?? null;
}

// ---- Portfolio exports.

export interface PortfolioExportRow {
  id: string;
  personId: string;
  status: 'pending' | 'rendered' | 'failed';
  locale: 'nl' | 'en';
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  renderedAt: Date | null;
}

const EXPORT_COLUMNS = `id, person_id AS "personId", status, locale, attempts, last_error AS "lastError", created_at AS "createdAt", rendered_at AS "renderedAt"`;

export async function insertPortfolioExport(m: Db, e: { personId: string; requestedBy: string | null; locale: 'nl' | 'en' }): Promise<PortfolioExportRow> {
  const [row] = await rows<PortfolioExportRow>(m, `INSERT INTO portfolio_exports (person_id, requested_by, locale) VALUES ($1, $2, $3) RETURNING ${EXPORT_COLUMNS}`, [
    e.personId,
    e.requestedBy,
    e.locale,
  ]);
  return row!;
}

export async function findPortfolioExport(db: Db, id: string): Promise<PortfolioExportRow | null> {
  const [row] = await rows<PortfolioExportRow>(db, `SELECT ${EXPORT_COLUMNS} FROM portfolio_exports WHERE id = $1`, [id]);
  return row ?? null;
}

export async function findPortfolioPdf(db: Db, id: string): Promise<Buffer | null> {
  const [row] = await rows<{ pdf: Buffer | null }>(db, `SELECT pdf FROM portfolio_exports WHERE id = $1`, [id]);
  return row?.pdf ?? null;
}

/** Claims a pending export for rendering (counting the attempt); a rendered or failed one is not rendered again. */
export async function claimPortfolioExport(db: Db, id: string): Promise<{ outcome: 'missing' } | { outcome: 'done' } | { outcome: 'claimed'; row: PortfolioExportRow }> {
  const [row] = await rows<PortfolioExportRow>(db, `UPDATE portfolio_exports SET attempts = attempts + 1 WHERE id = $1 AND status = 'pending' RETURNING ${EXPORT_COLUMNS}`, [id]);
  if (row) return { outcome: 'claimed', row };
  const existing = await findPortfolioExport(db, id);
  return existing ? { outcome: 'done' } : { outcome: 'missing' };
}

export async function markPortfolioRendered(db: Db, id: string, pdf: Buffer): Promise<void> {
  await db.query(`UPDATE portfolio_exports SET status = 'rendered', pdf = $2, rendered_at = now(), last_error = NULL WHERE id = $1 AND status = 'pending'`, [id, pdf]);
}

export async function recordPortfolioError(db: Db, id: string, error: string): Promise<void> {
  await db.query(`UPDATE portfolio_exports SET last_error = left($2, 2000) WHERE id = $1`, [id, error]);
}

export async function markPortfolioFailed(db: Db, id: string, error: string): Promise<void> {
  await db.query(`UPDATE portfolio_exports SET status = 'failed', last_error = left($2, 2000) WHERE id = $1 AND status = 'pending'`, [id, error]);
}
