import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { rows } from '../../server/db/sql.js';
import { EvidenceStore } from '../../server/storage/evidence-store.js';
import { PDF } from './files.js';

/**
 * Rows the staff CPD tests need, written directly: the endpoints that create them (logging activities, submitting
 * accreditation requests, asking for an organisation account) belong to other areas.
 */

/** Registered persons of the seed (a generalist registration that counts as registered), in seed order. */
export async function registeredPersons(db: DataSource, count: number): Promise<Array<{ id: string; registrationNumber: string; registerId: string }>> {
  const found = await rows<{ id: string; registration_number: string; register_id: string }>(
    db,
    `SELECT p.id, p.registration_number, (SELECT v.register_id FROM registrations r JOIN variants v ON v.id = r.variant_id WHERE r.person_id = p.id LIMIT 1) AS register_id
       FROM persons p
      WHERE p.seed_key LIKE 'seed-person-%' AND p.registration_number IS NOT NULL
        AND EXISTS (SELECT 1 FROM registrations r JOIN variants v ON v.id = r.variant_id JOIN registration_statuses s ON s.code = r.status
                     WHERE r.person_id = p.id AND s.counts_as_registered AND v.kind = 'generalist')
      ORDER BY length(p.seed_key), p.seed_key
      LIMIT $1`,
    [count],
  );
  if (found.length < count) throw new Error(`only ${found.length} registered persons in the seed`);
  return found.map((r) => ({ id: r.id, registrationNumber: r.registration_number, registerId: r.register_id }));
}

export interface ActivityInput {
  personId: string;
  registerId: string;
  kind?: string;
  title?: string;
  category?: string;
  subcategory?: string | null;
  completedOn?: string;
  points?: number | null;
  hours?: number | null;
  sessionMinutes?: number | null;
  supervisees?: number | null;
  employerName?: string | null;
  periodStartsOn?: string | null;
  status?: 'pending' | 'approved' | 'adjusted' | 'rejected';
  createdAt?: Date;
}

export async function insertActivity(db: DataSource, a: ActivityInput): Promise<string> {
  const [row] = await rows<{ id: string }>(
    db,
    `INSERT INTO cpd_activities (person_id, register_id, source, kind, title, category, subcategory, completed_on, period_starts_on, employer_name,
                                 points, hours, session_minutes, supervisees, status, staff_reason, created_at, updated_at)
     VALUES ($1, $2, 'registrant', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)
     RETURNING id`,
    [
      a.personId,
      a.registerId,
      a.kind ?? 'formal_learning',
      a.title ?? 'Training motiverende gespreksvoering',
      a.category ?? 'deskundigheidsbevordering',
      a.subcategory === undefined ? 'accredited' : a.subcategory,
      a.completedOn ?? '2026-10-01',
      a.periodStartsOn ?? null,
      a.employerName ?? null,
      a.points === undefined ? 8 : a.points,
      a.hours ?? null,
      a.sessionMinutes ?? null,
      a.supervisees ?? null,
      a.status ?? 'pending',
      a.status === 'adjusted' || a.status === 'rejected' ? 'Eerder besloten.' : null,
      (a.createdAt ?? new Date()).toISOString(),
    ],
  );
  return row!.id;
}

/** An evidence row with its file in the store (keyed by the row's id, as the activities area stores them). */
export async function insertActivityEvidence(db: DataSource, evidenceDir: string, activityId: string, name = 'certificaat.pdf'): Promise<string> {
  const id = randomUUID();
  await new EvidenceStore(evidenceDir).put(id, PDF);
  await db.query(
    `INSERT INTO cpd_evidence_files (id, activity_id, kind, original_name, content_type, size_bytes, sha256) VALUES ($1, $2, 'certificate', $3, 'application/pdf', $4, 'test')`,
    [id, activityId, name, PDF.length],
  );
  return id;
}

export async function insertOrganisation(db: DataSource, o: { name: string; status?: 'pending' | 'authorised'; kind?: string; requestedAt?: Date }): Promise<string> {
  const [row] = await rows<{ id: string }>(
    db,
    `INSERT INTO organisations (kind, name, status, authorised_at, requested_at, contact_name, contact_email)
     VALUES ($1, $2, $3, CASE WHEN $3 = 'authorised' THEN now() END, $4, 'Anna Bakker', 'anna@example.nl') RETURNING id`,
    [o.kind ?? 'provider', o.name, o.status ?? 'pending', (o.requestedAt ?? new Date()).toISOString()],
  );
  return row!.id;
}

export async function insertAccreditation(db: DataSource, a: { organisationId: string; registerId: string; title: string; submittedAt?: Date }): Promise<string> {
  const [row] = await rows<{ id: string }>(
    db,
    `INSERT INTO accreditations (organisation_id, register_id, title, description, form, net_contact_hours, has_final_test, submitted_at)
     VALUES ($1, $2, $3, 'Een training.', 'training', 6, false, $4) RETURNING id`,
    [a.organisationId, a.registerId, a.title, (a.submittedAt ?? new Date()).toISOString()],
  );
  return row!.id;
}

/** A rejected request with an open objection against its decision, lodged at `lodgedAt`. */
export async function insertObjection(db: DataSource, a: { organisationId: string; registerId: string; title: string; staffAccountId: string; providerAccountId: string; lodgedAt: Date }): Promise<string> {
  const id = await insertAccreditation(db, { ...a, submittedAt: new Date(a.lodgedAt.getTime() - 60 * 86_400_000) });
  const [decision] = await rows<{ id: string }>(
    db,
    `INSERT INTO accreditation_decisions (accreditation_id, outcome, reason, decided_by) VALUES ($1, 'rejected', 'Te weinig contacturen.', $2) RETURNING id`,
    [id, a.staffAccountId],
  );
  await db.query(`UPDATE accreditations SET status = 'objection', rejection_reason = 'Te weinig contacturen.' WHERE id = $1`, [id]);
  await db.query(`INSERT INTO accreditation_objections (accreditation_id, decision_id, reason, lodged_by, lodged_at) VALUES ($1, $2, 'De pauzes zijn al afgetrokken.', $3, $4)`, [
    id,
    decision!.id,
    a.providerAccountId,
    a.lodgedAt.toISOString(),
  ]);
  return id;
}

/** Empties the queue: the seed (and other areas' seeds) may add CPD work; each test writes its own. */
export async function clearCpdQueue(db: DataSource): Promise<void> {
  await db.query(`TRUNCATE cpd_activities, accreditations RESTART IDENTITY CASCADE`);
  await db.query(`DELETE FROM organisations WHERE status = 'pending' OR seed_key IS NULL`);
}

export async function accountIdOf(db: DataSource, subject: string): Promise<string> {
  const [row] = await rows<{ id: string }>(db, `SELECT id FROM accounts WHERE subject = $1`, [subject]);
  if (!row) throw new Error(`no account ${subject}`);
  return row.id;
}

export const daysAgo = (days: number, extraMs = 0): Date => new Date(Date.now() - days * 86_400_000 - extraMs);

/** For the authorisation matrix: a pending activity of a registered person, with one evidence file. */
export async function staffCpdFixture(db: DataSource, evidenceDir: string): Promise<{ cpdActivityId: string; cpdEvidenceId: string }> {
  const [person] = await registeredPersons(db, 1);
  const cpdActivityId = await insertActivity(db, { personId: person!.id, registerId: person!.registerId });
  return { cpdActivityId, cpdEvidenceId: await insertActivityEvidence(db, evidenceDir, cpdActivityId) };
}
