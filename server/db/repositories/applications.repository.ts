import type { DataSource, EntityManager } from 'typeorm';
import type { Answers, PersonDetails } from '../../domain/application.js';
import type { Cycle } from '../../domain/cycle.js';
import type { RegistrationStatus } from '../../domain/lifecycle.js';
import { searchTextFor, sortKeyFor } from '../../domain/person-name.js';
import type { EvidenceContentType } from '../../domain/evidence.js';
import { rows } from '../sql.js';

type Db = DataSource | EntityManager;

export interface VariantRow {
  id: string;
  code: string;
  name: string;
  name_en: string;
  kind: 'generalist' | 'specialist';
  parent_code: string | null;
  register_id: string;
  register_settings: unknown;
  entry_criteria: unknown;
}

const VARIANT_SELECT = `
  SELECT v.id, v.code, v.name, v.name_en, v.kind, p.code AS parent_code, v.register_id, g.settings AS register_settings, v.entry_criteria
    FROM variants v JOIN registers g ON g.id = v.register_id LEFT JOIN variants p ON p.id = v.parent_variant_id`;

export async function listVariants(db: Db): Promise<VariantRow[]> {
  return rows<VariantRow>(db, `${VARIANT_SELECT} ORDER BY g.code, v.sort_order`);
}

export async function findVariantByCode(db: Db, code: string): Promise<VariantRow | null> {
  return (await rows<VariantRow>(db, `${VARIANT_SELECT} WHERE v.code = $1`, [code]))[0] ?? null;
}

export interface PersonRow {
  id: string;
  given_names: string;
  name_prefix: string | null;
  family_name: string;
  email: string | null;
  registration_number: string | null;
}

export async function findPersonOfAccount(db: Db, accountId: string): Promise<PersonRow | null> {
  return (
    (await rows<PersonRow>(
      db,
      `SELECT p.id, p.given_names, p.name_prefix, p.family_name, p.email, p.registration_number
         FROM accounts a JOIN persons p ON p.id = a.person_id WHERE a.id = $1`,
      [accountId],
    ))[0] ?? null
  );
}

/** The person behind an account, created (from the login's name and email) when the account has none yet. */
export async function ensurePersonForAccount(m: EntityManager, accountId: string): Promise<PersonRow> {
  const [account] = await rows<{ person_id: string | null; display_name: string; email: string | null }>(
    m,
    `SELECT person_id, display_name, email FROM accounts WHERE id = $1 FOR UPDATE`,
    [accountId],
  );
  if (!account) throw new Error(`account ${accountId} missing`);
  if (account.person_id) return (await findPersonOfAccount(m, accountId))!;
  const parts = account.display_name.trim().split(/\s+/);
  const name = { givenNames: parts[0] || '-', prefix: null, familyName: parts.slice(1).join(' ') || parts[0] || '-' };
  const [person] = await rows<PersonRow>(
    m,
    `INSERT INTO persons (given_names, name_prefix, family_name, search_text, sort_key, email)
     VALUES ($1, NULL, $2, $3, $4, $5)
     RETURNING id, given_names, name_prefix, family_name, email, registration_number`,
    [name.givenNames, name.familyName, searchTextFor(name), sortKeyFor(name), account.email],
  );
  await m.query(`UPDATE accounts SET person_id = $2 WHERE id = $1`, [accountId, person!.id]);
  return person!;
}

export async function updatePerson(m: EntityManager, personId: string, d: PersonDetails): Promise<void> {
  const name = { givenNames: d.givenNames, prefix: d.prefix, familyName: d.familyName };
  await m.query(
    `UPDATE persons SET given_names = $2, name_prefix = $3, family_name = $4, email = $5, search_text = $6, sort_key = $7, updated_at = now() WHERE id = $1`,
    [personId, d.givenNames, d.prefix, d.familyName, d.email, searchTextFor(name), sortKeyFor(name)],
  );
}

export interface RegistrationRow {
  id: string;
  person_id: string;
  variant_id: string;
  variant_code: string;
  variant_name: string;
  variant_name_en: string;
  variant_kind: 'generalist' | 'specialist';
  register_id: string;
  register_settings: unknown;
  entry_criteria: unknown;
  status: RegistrationStatus;
  application: Answers;
  staff_question: string | null;
  registered_on: string | null;
  cycle_starts_on: string | null;
  cycle_ends_on: string | null;
  cycle_deadline: string | null;
  created_at: Date;
  submitted_at: Date | null;
  status_changed_at: Date;
  registration_number: string | null;
}

const REGISTRATION_SELECT = `
  SELECT r.id, r.person_id, r.variant_id, v.code AS variant_code, v.name AS variant_name, v.name_en AS variant_name_en,
         v.kind AS variant_kind, v.register_id, g.settings AS register_settings, v.entry_criteria, r.status, r.application,
         r.staff_question, r.registered_on, r.cycle_starts_on, r.cycle_ends_on, r.cycle_deadline, r.created_at,
         r.submitted_at, r.status_changed_at, p.registration_number
    FROM registrations r
    JOIN variants v ON v.id = r.variant_id
    JOIN registers g ON g.id = v.register_id
    JOIN persons p ON p.id = r.person_id`;

export async function findRegistration(db: Db, id: string): Promise<RegistrationRow | null> {
  return (await rows<RegistrationRow>(db, `${REGISTRATION_SELECT} WHERE r.id = $1`, [id]))[0] ?? null;
}

export async function listRegistrationsOfPerson(db: Db, personId: string): Promise<RegistrationRow[]> {
  return rows<RegistrationRow>(db, `${REGISTRATION_SELECT} WHERE r.person_id = $1 ORDER BY v.sort_order, r.created_at DESC`, [personId]);
}

/** The person's generalist registration in a register that counts as registered (a specialist hangs under it). */
export async function findActiveGeneralist(db: Db, personId: string, registerId: string): Promise<RegistrationRow | null> {
  return (
    (await rows<RegistrationRow>(
      db,
      `${REGISTRATION_SELECT} JOIN registration_statuses s ON s.code = r.status
        WHERE r.person_id = $1 AND v.register_id = $2 AND v.kind = 'generalist' AND s.counts_as_registered
        ORDER BY r.registered_on DESC LIMIT 1`,
      [personId, registerId],
    ))[0] ?? null
  );
}

export async function createConcept(m: EntityManager, personId: string, variantId: string, actorAccountId: string): Promise<string> {
  const [row] = await rows<{ id: string }>(
    m,
    `INSERT INTO registrations (person_id, variant_id, status, public_consent) VALUES ($1, $2, 'concept', false) RETURNING id`,
    [personId, variantId],
  );
  await m.query(
    `INSERT INTO registration_status_changes (registration_id, from_status, to_status, actor_kind, actor_account_id) VALUES ($1, NULL, 'concept', 'registrant', $2)`,
    [row!.id, actorAccountId],
  );
  return row!.id;
}

export async function saveAnswers(m: EntityManager, id: string, answers: Answers): Promise<void> {
  // Publication consent follows the declaration; the public register shows nobody without it.
  await m.query(`UPDATE registrations SET application = $2, public_consent = $3, updated_at = now() WHERE id = $1`, [
    id,
    JSON.stringify(answers),
    answers.declarations?.publication === true,
  ]);
}

export interface EvidenceRow {
  id: string;
  registration_id: string;
  kind: string;
  original_name: string;
  content_type: EvidenceContentType;
  size_bytes: number;
  created_at: Date;
}

const EVIDENCE_SELECT = `SELECT id, registration_id, kind, original_name, content_type, size_bytes, created_at FROM evidence_files`;

export async function listEvidence(db: Db, registrationId: string): Promise<EvidenceRow[]> {
  return rows<EvidenceRow>(db, `${EVIDENCE_SELECT} WHERE registration_id = $1 ORDER BY created_at`, [registrationId]);
}

export async function findEvidence(db: Db, registrationId: string, evidenceId: string): Promise<EvidenceRow | null> {
  return (await rows<EvidenceRow>(db, `${EVIDENCE_SELECT} WHERE registration_id = $1 AND id = $2`, [registrationId, evidenceId]))[0] ?? null;
}

export async function insertEvidence(
  m: EntityManager,
  e: { id: string; registrationId: string; kind: string; originalName: string; contentType: EvidenceContentType; sizeBytes: number; sha256: string; uploadedBy: string },
): Promise<EvidenceRow> {
  const [row] = await rows<EvidenceRow>(
    m,
    `INSERT INTO evidence_files (id, registration_id, kind, original_name, content_type, size_bytes, sha256, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     RETURNING id, registration_id, kind, original_name, content_type, size_bytes, created_at`,
    [e.id, e.registrationId, e.kind, e.originalName, e.contentType, e.sizeBytes, e.sha256, e.uploadedBy],
  );
  return row!;
}

export async function deleteEvidence(m: EntityManager, registrationId: string, evidenceId: string): Promise<boolean> {
  const deleted = await rows<{ id: string }>(m, `DELETE FROM evidence_files WHERE registration_id = $1 AND id = $2 RETURNING id`, [registrationId, evidenceId]);
  return deleted.length > 0;
}

export interface HistoryRow {
  from_status: RegistrationStatus | null;
  to_status: RegistrationStatus;
  actor_kind: string;
  reason: string | null;
  occurred_at: Date;
}

export async function statusHistory(db: Db, registrationId: string): Promise<HistoryRow[]> {
  return rows<HistoryRow>(
    db,
    `SELECT from_status, to_status, actor_kind, reason, occurred_at FROM registration_status_changes WHERE registration_id = $1 ORDER BY id`,
    [registrationId],
  );
}

export interface QueueRow {
  id: string;
  given_names: string;
  name_prefix: string | null;
  family_name: string;
  email: string | null;
  variant_code: string;
  variant_name: string;
  status: 'submitted' | 'in_review';
  submitted_at: Date;
  total: string;
}

/** Staff queue: submitted and in-review applications, oldest first. */
export async function staffQueue(db: Db, q: { statuses: Array<'submitted' | 'in_review'>; variantCode: string | null; limit: number; offset: number }): Promise<{ rows: QueueRow[]; total: number }> {
  const found = await rows<QueueRow>(
    db,
    `SELECT r.id, p.given_names, p.name_prefix, p.family_name, p.email, v.code AS variant_code, v.name AS variant_name, r.status,
            r.submitted_at, count(*) OVER () AS total
       FROM registrations r JOIN persons p ON p.id = r.person_id JOIN variants v ON v.id = r.variant_id
      WHERE r.status = ANY($1::text[]) AND ($2::text IS NULL OR v.code = $2)
      ORDER BY r.submitted_at, r.id LIMIT $3 OFFSET $4`,
    [q.statuses, q.variantCode, q.limit, q.offset],
  );
  return { rows: found, total: Number(found[0]?.total ?? 0) };
}

export async function markSubmitted(m: EntityManager, id: string): Promise<void> {
  await m.query(`UPDATE registrations SET submitted_at = now(), staff_question = NULL, updated_at = now() WHERE id = $1`, [id]);
}

export async function setStaffQuestion(m: EntityManager, id: string, question: string, decidedBy: string): Promise<void> {
  // Back to concept: the retention clock and its warning start again.
  await m.query(`UPDATE registrations SET staff_question = $2, decided_by = $3, decided_at = now(), concept_warning_sent_at = NULL WHERE id = $1`, [id, question, decidedBy]);
}

export async function markDecided(m: EntityManager, id: string, decidedBy: string): Promise<void> {
  await m.query(`UPDATE registrations SET decided_by = $2, decided_at = now() WHERE id = $1`, [id, decidedBy]);
}

/** Assigns the person's permanent registration number on their first registration; later ones keep it. */
export async function ensureRegistrationNumber(m: EntityManager, personId: string, digits: number): Promise<string> {
  await m.query(
    `UPDATE persons SET registration_number = lpad(nextval('registration_number_seq')::text, $2, '0'), updated_at = now()
      WHERE id = $1 AND registration_number IS NULL`,
    [personId, digits],
  );
  const [row] = await rows<{ registration_number: string }>(m, `SELECT registration_number FROM persons WHERE id = $1`, [personId]);
  return row!.registration_number;
}

export async function setRegistered(m: EntityManager, id: string, r: { registeredOn: string; cycle: Cycle; parentRegistrationId: string | null }): Promise<void> {
  await m.query(
    `UPDATE registrations SET registered_on = $2, cycle_starts_on = $3, cycle_ends_on = $4, cycle_deadline = $5, parent_registration_id = $6, updated_at = now()
      WHERE id = $1`,
    [id, r.registeredOn, r.cycle.startsOn, r.cycle.endsOn, r.cycle.deadline, r.parentRegistrationId],
  );
}
