import type { DataSource, EntityManager } from 'typeorm';
import type { CpdQueueKind } from '../../contract/staff-cpd.js';
import { rows } from '../sql.js';

type Db = DataSource | EntityManager;

// Register staff's CPD review (issue 8). The queue reads the tables of other areas (activities, accreditation,
// organisations) read-only; only the activity decision writes, and only to cpd_activities.

/** Every register with its settings, unparsed (register-rules.registerSettingsSchema): the review targets. */
export async function listRegisterSettings(db: Db): Promise<Array<{ id: string; settings: unknown }>> {
  return rows<{ id: string; settings: unknown }>(db, `SELECT id, settings FROM registers ORDER BY code`);
}

export interface QueueFilter {
  /** The review target per register; organisations (no register) are judged against `organisationTargetDays`. */
  targets: Array<{ registerId: string; targetDays: number }>;
  organisationTargetDays: number;
  now: Date;
  kind: CpdQueueKind | null;
  category: string | null;
  overdueOnly: boolean;
  /** Lower-cased, and the same normalized as person names are for search; null for no text filter. */
  text: { plain: string; normalized: string } | null;
  limit: number;
  offset: number;
}

export interface QueueRow {
  kind: CpdQueueKind;
  id: string;
  subjectName: string;
  /** The person's name parts, for activities (the service formats them). */
  person: { givenNames: string; namePrefix: string | null; familyName: string } | null;
  registrationNumber: string | null;
  title: string | null;
  typeCode: string | null;
  registerId: string | null;
  category: string | null;
  points: number | null;
  hours: number | null;
  enteredAt: Date;
  targetDays: number;
}

export interface QueueResult {
  rows: QueueRow[];
  total: number;
  counts: Record<CpdQueueKind, { total: number; overdue: number }>;
}

interface RawItem {
  kind: CpdQueueKind;
  id: string;
  subject_name: string;
  given_names: string | null;
  name_prefix: string | null;
  family_name: string | null;
  registration_number: string | null;
  title: string | null;
  type_code: string | null;
  register_id: string | null;
  category: string | null;
  points: number | string | null;
  hours: number | string | null;
  entered_at: string;
  target_days: number;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The whole CPD review queue in one statement: a UNION of the four kinds of work, each with the moment it entered
 * the queue and its register's target; then the filters, the page (oldest first), the total and the counts per kind
 * for the tab badges. Raw SQL because TypeORM's QueryBuilder has no UNION; one round trip answers the whole page,
 * with the counts even when the page is past the end.
 *
 * Overdue is domain/cpd-review's reviewAge: more than targetDays whole days waited, i.e. entered at or before
 * now − (targetDays + 1) days.
 */
export async function cpdQueue(db: Db, f: QueueFilter): Promise<QueueResult> {
  const params: unknown[] = [
    f.targets.map((t) => t.registerId),
    f.targets.map((t) => t.targetDays),
    f.organisationTargetDays,
    f.now.toISOString(),
    f.category,
    f.text ? `%${escapeLike(f.text.plain)}%` : null,
    f.text ? `%${escapeLike(f.text.normalized)}%` : null,
    f.kind,
    f.overdueOnly,
    f.limit,
    f.offset,
  ];
  const [result] = await rows<{ items: RawItem[]; total: string | number; counts: Record<CpdQueueKind, { total: number; overdue: number }> }>(
    db,
    `WITH targets AS (
            SELECT * FROM unnest($1::uuid[], $2::int[]) AS t(register_id, target_days)
          ),
          queue AS (
            SELECT 'activity'::text AS kind, a.id, concat_ws(' ', p.given_names, p.name_prefix, p.family_name) AS subject_name,
                   p.given_names, p.name_prefix, p.family_name, p.registration_number, a.title, a.kind AS type_code, a.register_id,
                   a.category, a.points, a.hours, a.created_at AS entered_at, t.target_days,
                   p.search_text || ' ' || coalesce(p.registration_number, '') || ' ' || lower(a.title) AS haystack
              FROM cpd_activities a
              JOIN persons p ON p.id = a.person_id
              JOIN targets t ON t.register_id = a.register_id
             WHERE a.status = 'pending'
            UNION ALL
            SELECT 'accreditation', ac.id, o.name, NULL, NULL, NULL, NULL, ac.title, ac.form, ac.register_id,
                   NULL, NULL, ac.net_contact_hours, ac.submitted_at, t.target_days,
                   lower(o.name || ' ' || ac.title)
              FROM accreditations ac
              JOIN organisations o ON o.id = ac.organisation_id
              JOIN targets t ON t.register_id = ac.register_id
             WHERE ac.status = 'submitted'
            UNION ALL
            -- An open objection is the truth for "in the queue", whatever it is against: a rejection (status
            -- 'objection') or an approval (still 'approved' and in use). It waits from the day it was lodged.
            SELECT 'objection', ac.id, o.name, NULL, NULL, NULL, NULL, ac.title, ac.form, ac.register_id,
                   NULL, NULL, ac.net_contact_hours, ob.lodged_at, t.target_days,
                   lower(o.name || ' ' || ac.title)
              FROM accreditation_objections ob
              JOIN accreditations ac ON ac.id = ob.accreditation_id
              JOIN organisations o ON o.id = ac.organisation_id
              JOIN targets t ON t.register_id = ac.register_id
             WHERE ob.resolved_at IS NULL
            UNION ALL
            SELECT 'organisation', o.id, o.name, NULL, NULL, NULL, NULL, NULL, o.kind, NULL,
                   NULL, NULL, NULL, coalesce(o.requested_at, o.created_at), $3::int,
                   lower(o.name || ' ' || coalesce(o.city, '') || ' ' || coalesce(o.contact_name, ''))
              FROM organisations o
             WHERE o.status = 'pending'
          ),
          filtered AS (
            SELECT q.*, q.entered_at <= $4::timestamptz - make_interval(days => q.target_days + 1) AS overdue
              FROM queue q
             WHERE ($5::text IS NULL OR q.category = $5)
               AND ($6::text IS NULL OR q.haystack LIKE $6 OR q.haystack LIKE $7)
          ),
          selected AS (
            SELECT * FROM filtered WHERE ($8::text IS NULL OR kind = $8) AND (NOT $9::boolean OR overdue)
          ),
          page AS (
            SELECT * FROM selected ORDER BY entered_at, id LIMIT $10 OFFSET $11
          )
     SELECT (SELECT count(*) FROM selected) AS total,
            (SELECT jsonb_object_agg(k.kind, jsonb_build_object(
                      'total', (SELECT count(*) FROM filtered f WHERE f.kind = k.kind),
                      'overdue', (SELECT count(*) FROM filtered f WHERE f.kind = k.kind AND f.overdue)))
               FROM unnest(ARRAY['activity', 'accreditation', 'objection', 'organisation']) AS k(kind)) AS counts,
            (SELECT coalesce(jsonb_agg(jsonb_build_object(
                      'kind', kind, 'id', id, 'subject_name', subject_name, 'given_names', given_names, 'name_prefix', name_prefix,
                      'family_name', family_name, 'registration_number', registration_number, 'title', title, 'type_code', type_code,
                      'register_id', register_id, 'category', category, 'points', points, 'hours', hours,
                      'entered_at', entered_at, 'target_days', target_days) ORDER BY entered_at, id), '[]'::jsonb)
               FROM page) AS items`,
    params,
  );
  const num = (v: number | string | null) => (v === null ? null : Number(v));
  return {
    total: Number(result?.total ?? 0),
    counts: result!.counts,
    rows: (result?.items ?? []).map((r) => ({
      kind: r.kind,
      id: r.id,
      subjectName: r.subject_name,
      person: r.family_name === null ? null : { givenNames: r.given_names ?? '', namePrefix: r.name_prefix, familyName: r.family_name },
      registrationNumber: r.registration_number,
      title: r.title,
      typeCode: r.type_code,
      registerId: r.register_id,
      category: r.category,
      points: num(r.points),
      hours: num(r.hours),
      enteredAt: new Date(r.entered_at),
      targetDays: r.target_days,
    })),
  };
}

/** An activity as staff review it, with the person and their register's rules. */
export interface ReviewActivity {
  id: string;
  personId: string;
  registerId: string;
  registerSettings: unknown;
  source: 'registrant' | 'attendance';
  kind: string;
  title: string;
  providerName: string | null;
  description: string | null;
  category: string;
  subcategory: string | null;
  completedOn: string;
  periodStartsOn: string | null;
  employerName: string | null;
  points: number | null;
  hours: number | null;
  sessionMinutes: number | null;
  supervisees: number | null;
  accreditationId: string | null;
  status: 'pending' | 'approved' | 'adjusted' | 'rejected';
  approvedPoints: number | null;
  staffReason: string | null;
  decidedAt: Date | null;
  decidedByName: string | null;
  createdAt: Date;
  updatedAt: Date;
}

interface RawActivity {
  id: string;
  person_id: string;
  register_id: string;
  settings: unknown;
  source: 'registrant' | 'attendance';
  kind: string;
  title: string;
  provider_name: string | null;
  description: string | null;
  category: string;
  subcategory: string | null;
  completed_on: string;
  period_starts_on: string | null;
  employer_name: string | null;
  points: string | null;
  hours: string | null;
  session_minutes: number | null;
  supervisees: number | null;
  accreditation_id: string | null;
  status: ReviewActivity['status'];
  approved_points: string | null;
  staff_reason: string | null;
  decided_at: Date | null;
  decided_by_name: string | null;
  created_at: Date;
  updated_at: Date;
}

const ACTIVITY_COLUMNS = `a.id, a.person_id, a.register_id, g.settings, a.source, a.kind, a.title, a.provider_name, a.description, a.category,
       a.subcategory, to_char(a.completed_on, 'YYYY-MM-DD') AS completed_on, to_char(a.period_starts_on, 'YYYY-MM-DD') AS period_starts_on,
       a.employer_name, a.points, a.hours, a.session_minutes, a.supervisees, a.accreditation_id, a.status, a.approved_points,
       a.staff_reason, a.decided_at, d.display_name AS decided_by_name, a.created_at, a.updated_at`;

function toActivity(r: RawActivity): ReviewActivity {
  const num = (v: string | null) => (v === null ? null : Number(v));
  return {
    id: r.id,
    personId: r.person_id,
    registerId: r.register_id,
    registerSettings: r.settings,
    source: r.source,
    kind: r.kind,
    title: r.title,
    providerName: r.provider_name,
    description: r.description,
    category: r.category,
    subcategory: r.subcategory,
    completedOn: r.completed_on,
    periodStartsOn: r.period_starts_on,
    employerName: r.employer_name,
    points: num(r.points),
    hours: num(r.hours),
    sessionMinutes: r.session_minutes,
    supervisees: r.supervisees,
    accreditationId: r.accreditation_id,
    status: r.status,
    approvedPoints: num(r.approved_points),
    staffReason: r.staff_reason,
    decidedAt: r.decided_at,
    decidedByName: r.decided_by_name,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function findReviewActivity(db: Db, id: string): Promise<ReviewActivity | null> {
  const [r] = await rows<RawActivity>(
    db,
    `SELECT ${ACTIVITY_COLUMNS}
       FROM cpd_activities a JOIN registers g ON g.id = a.register_id LEFT JOIN accounts d ON d.id = a.decided_by
      WHERE a.id = $1`,
    [id],
  );
  return r ? toActivity(r) : null;
}

/**
 * Takes the activity's row lock for the rest of the caller's transaction and returns it as it is now. A decision
 * checks the status only after this, so of two concurrent decisions the second sees the first one's outcome.
 */
export async function lockReviewActivity(m: EntityManager, id: string): Promise<ReviewActivity | null> {
  if (!m.queryRunner?.isTransactionActive) throw new Error('lockReviewActivity must run inside a transaction');
  const [r] = await rows<RawActivity>(
    m,
    `SELECT ${ACTIVITY_COLUMNS}
       FROM cpd_activities a JOIN registers g ON g.id = a.register_id LEFT JOIN accounts d ON d.id = a.decided_by
      WHERE a.id = $1
        FOR UPDATE OF a`,
    [id],
  );
  return r ? toActivity(r) : null;
}

/** Writes staff's decision on a pending activity; returns when it was decided, or null when it was not pending. */
export async function recordActivityDecision(
  m: EntityManager,
  id: string,
  d: { status: 'approved' | 'adjusted' | 'rejected'; approvedPoints: number | null; staffReason: string | null; decidedBy: string },
): Promise<Date | null> {
  const [row] = await rows<{ decided_at: Date }>(
    m,
    `UPDATE cpd_activities
        SET status = $2, approved_points = $3, staff_reason = $4, decided_by = $5, decided_at = now(), updated_at = now()
      WHERE id = $1 AND status = 'pending'
      RETURNING decided_at`,
    [id, d.status, d.approvedPoints, d.staffReason, d.decidedBy],
  );
  return row?.decided_at ?? null;
}

/** The norms of every variant, generalist first: the categories activities can land in. */
export async function listAllNorms(db: Db): Promise<unknown[]> {
  const found = await rows<{ norm: unknown }>(db, `SELECT v.norm FROM variants v JOIN registers g ON g.id = v.register_id ORDER BY g.code, (v.kind = 'generalist') DESC, v.sort_order, v.code`);
  return found.map((r) => r.norm);
}

/** The norms of a register's variants, generalist first: where an activity's category is defined. */
export async function listRegisterNorms(db: Db, registerId: string): Promise<unknown[]> {
  const found = await rows<{ norm: unknown }>(db, `SELECT norm FROM variants WHERE register_id = $1 ORDER BY (kind = 'generalist') DESC, sort_order, code`, [registerId]);
  return found.map((r) => r.norm);
}

export interface ReviewPerson {
  givenNames: string;
  namePrefix: string | null;
  familyName: string;
  registrationNumber: string | null;
  email: string | null;
  accountId: string | null;
  variants: Array<{ code: string; name: string; kind: 'generalist' | 'specialist'; status: string }>;
}

/** The registrant: name, number, where mail goes, and the variants they are registered in now. */
export async function findReviewPerson(db: Db, personId: string): Promise<ReviewPerson | null> {
  const [p] = await rows<{ given_names: string; name_prefix: string | null; family_name: string; registration_number: string | null; email: string | null; account_id: string | null }>(
    db,
    `SELECT p.given_names, p.name_prefix, p.family_name, p.registration_number, p.email,
            (SELECT a.id FROM accounts a WHERE a.person_id = p.id ORDER BY a.created_at LIMIT 1) AS account_id
       FROM persons p WHERE p.id = $1`,
    [personId],
  );
  if (!p) return null;
  const variants = await rows<{ code: string; name: string; kind: 'generalist' | 'specialist'; status: string }>(
    db,
    `SELECT v.code, v.name, v.kind, r.status
       FROM registrations r JOIN variants v ON v.id = r.variant_id JOIN registration_statuses s ON s.code = r.status
      WHERE r.person_id = $1 AND s.counts_as_registered
      ORDER BY v.sort_order, v.code`,
    [personId],
  );
  return {
    givenNames: p.given_names,
    namePrefix: p.name_prefix,
    familyName: p.family_name,
    registrationNumber: p.registration_number,
    email: p.email,
    accountId: p.account_id,
    variants,
  };
}

export interface ReviewEvidence {
  id: string;
  kind: string;
  originalName: string;
  contentType: string;
  sizeBytes: number;
  createdAt: Date;
}

export async function listActivityEvidence(db: Db, activityId: string): Promise<ReviewEvidence[]> {
  const found = await rows<{ id: string; kind: string; original_name: string; content_type: string; size_bytes: number; created_at: Date }>(
    db,
    `SELECT id, kind, original_name, content_type, size_bytes, created_at FROM cpd_evidence_files WHERE activity_id = $1 ORDER BY created_at, id`,
    [activityId],
  );
  return found.map((e) => ({ id: e.id, kind: e.kind, originalName: e.original_name, contentType: e.content_type, sizeBytes: e.size_bytes, createdAt: e.created_at }));
}

export async function findActivityEvidence(db: Db, activityId: string, evidenceId: string): Promise<ReviewEvidence | null> {
  const found = await listActivityEvidence(db, activityId);
  return found.find((e) => e.id === evidenceId) ?? null;
}

export async function listActivityCompetences(db: Db, activityId: string): Promise<Array<{ code: string; name: string; nameEn: string }>> {
  const found = await rows<{ code: string; name: string; name_en: string }>(
    db,
    `SELECT c.code, c.name, c.name_en FROM cpd_activity_competences ac JOIN competences c ON c.id = ac.competence_id
      WHERE ac.activity_id = $1 ORDER BY c.sort_order, c.code`,
    [activityId],
  );
  return found.map((c) => ({ code: c.code, name: c.name, nameEn: c.name_en }));
}

export async function findAccreditationSummary(db: Db, id: string): Promise<{ id: string; code: string | null; title: string } | null> {
  const [a] = await rows<{ id: string; code: string | null; title: string }>(db, `SELECT id, code, title FROM accreditations WHERE id = $1`, [id]);
  return a ?? null;
}
