import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { displayName } from '../../domain/person-name.js';
import { isPlainDate, type PlainDate } from '../../domain/plain-date.js';
import { generateVerificationCode } from '../../domain/verification-code.js';
import { rows } from '../sql.js';

type Db = DataSource | EntityManager;

/** What a certificate states, frozen when the revision is issued; the PDF is rendered from this alone. */
export const certificateSnapshotSchema = z.object({
  registrationNumber: z.string().min(1),
  name: z.string().min(1),
  register: z.object({ code: z.string(), name: z.string() }),
  /** The public status of the generalist registration ('registered', 'suspended', ...). */
  status: z.string().min(1),
  variants: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string(), kind: z.enum(['generalist', 'specialist']) })),
  registeredSince: z.string().refine(isPlainDate).nullable(),
  validFrom: z.string().refine(isPlainDate).nullable(),
  validUntil: z.string().refine(isPlainDate).nullable(),
});
export type CertificateSnapshot = z.infer<typeof certificateSnapshotSchema>;

export type CertificateStatus = 'pending' | 'rendered' | 'failed';

export interface IssuedCertificate {
  certificateId: string;
  revision: number;
}

interface SnapshotRegistrationRow {
  variant_code: string;
  variant_name: string;
  variant_name_en: string;
  variant_kind: 'generalist' | 'specialist';
  variant_sort_order: number;
  register_id: string;
  register_code: string;
  register_name: string;
  public_status: string;
  counts_as_registered: boolean;
  registered_on: string | null;
  cycle_starts_on: string | null;
  cycle_ends_on: string | null;
}

/** How often a freshly drawn code may collide with an existing one before we give up (1 in 10^15 each). */
const CODE_ATTEMPTS = 3;

/**
 * Issues the next certificate revision of a person, inside the caller's transaction (status, variants or cycle
 * just changed). Locks the person row so concurrent decisions number their revisions one after the other.
 * Returns null when there is nothing to certify: no registration number, or no generalist registration with a
 * public status. When the newest revision already states exactly this (and did not fail), that revision is
 * returned instead of a new one, so a repeated call never supersedes a code for nothing.
 * Enqueue the render job (enqueueCertificate) after the transaction commits.
 */
export async function issueCertificateRevision(m: EntityManager, personId: string, issuedOn: PlainDate): Promise<IssuedCertificate | null> {
  if (!m.queryRunner?.isTransactionActive) throw new Error('issueCertificateRevision must run inside a transaction');
  if (!isPlainDate(issuedOn)) throw new RangeError(`issuedOn is not a YYYY-MM-DD date: ${issuedOn}`);
  const snapshot = await buildSnapshot(m, personId);
  if (!snapshot) return null;
  const snapshotJson = JSON.stringify(snapshot);

  const [newest] = await rows<{ id: string; revision: number; status: CertificateStatus; same: boolean }>(
    m,
    `SELECT id, revision, status, snapshot = $2::jsonb AS same FROM certificates WHERE person_id = $1 ORDER BY revision DESC LIMIT 1`,
    [personId, snapshotJson],
  );
  if (newest && newest.same && newest.status !== 'failed') return { certificateId: newest.id, revision: newest.revision };

  const revision = (newest?.revision ?? 0) + 1;
  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
    // ON CONFLICT instead of catching 23505: a unique violation would abort the caller's whole transaction.
    const [row] = await rows<{ id: string }>(
      m,
      `INSERT INTO certificates (person_id, revision, verification_code, snapshot, issued_on)
       VALUES ($1, $2, $3, $4::jsonb, $5::date)
       ON CONFLICT (verification_code) DO NOTHING
       RETURNING id`,
      [personId, revision, generateVerificationCode(), snapshotJson, issuedOn],
    );
    if (row) return { certificateId: row.id, revision };
  }
  throw new Error(`no free verification code after ${CODE_ATTEMPTS} attempts`);
}

async function buildSnapshot(m: EntityManager, personId: string): Promise<CertificateSnapshot | null> {
  const [person] = await rows<{ registration_number: string | null; given_names: string; name_prefix: string | null; family_name: string }>(
    m,
    `SELECT registration_number, given_names, name_prefix, family_name FROM persons WHERE id = $1 FOR UPDATE`,
    [personId],
  );
  if (!person?.registration_number) return null;

  const registrations = await rows<SnapshotRegistrationRow>(
    m,
    `SELECT v.code AS variant_code, v.name AS variant_name, v.name_en AS variant_name_en, v.kind AS variant_kind, v.sort_order AS variant_sort_order,
            g.id AS register_id, g.code AS register_code, g.name AS register_name,
            s.public_status, s.counts_as_registered,
            to_char(r.registered_on, 'YYYY-MM-DD') AS registered_on,
            to_char(r.cycle_starts_on, 'YYYY-MM-DD') AS cycle_starts_on,
            to_char(r.cycle_ends_on, 'YYYY-MM-DD') AS cycle_ends_on
       FROM registrations r
       JOIN registration_statuses s ON s.code = r.status
       JOIN variants v ON v.id = r.variant_id
       JOIN registers g ON g.id = v.register_id
      WHERE r.person_id = $1 AND s.public_status IS NOT NULL
      -- Should an old withdrawn generalist registration sit beside a live one, the live, most recent one counts.
      ORDER BY s.counts_as_registered DESC, r.status_changed_at DESC, v.sort_order`,
    [personId],
  );
  const generalist = registrations.find((r) => r.variant_kind === 'generalist');
  if (!generalist) return null;
  const specialists = registrations
    .filter((r) => r.variant_kind === 'specialist' && r.counts_as_registered && r.register_id === generalist.register_id)
    .sort((a, b) => a.variant_sort_order - b.variant_sort_order || a.variant_code.localeCompare(b.variant_code));
  return {
    registrationNumber: person.registration_number,
    name: displayName({ givenNames: person.given_names, prefix: person.name_prefix, familyName: person.family_name }),
    register: { code: generalist.register_code, name: generalist.register_name },
    status: generalist.public_status,
    variants: [generalist, ...specialists].map((r) => ({ code: r.variant_code, name: r.variant_name, nameEn: r.variant_name_en, kind: r.variant_kind })),
    registeredSince: generalist.registered_on,
    validFrom: generalist.cycle_starts_on,
    validUntil: generalist.cycle_ends_on,
  };
}

export interface CertificateSummary {
  id: string;
  personId: string;
  revision: number;
  status: CertificateStatus;
  verificationCode: string;
  issuedOn: PlainDate;
}

interface SummaryRow {
  id: string;
  person_id: string;
  revision: number;
  status: CertificateStatus;
  verification_code: string;
  issued_on: string;
}

const SUMMARY_COLUMNS = `c.id, c.person_id, c.revision, c.status, c.verification_code, to_char(c.issued_on, 'YYYY-MM-DD') AS issued_on`;

const summary = (r: SummaryRow): CertificateSummary => ({
  id: r.id,
  personId: r.person_id,
  revision: r.revision,
  status: r.status,
  verificationCode: r.verification_code,
  issuedOn: r.issued_on,
});

/** The newest revision of a person, whatever its render status. */
export async function findNewestCertificate(db: Db, personId: string): Promise<CertificateSummary | null> {
  const [row] = await rows<SummaryRow>(db, `SELECT ${SUMMARY_COLUMNS} FROM certificates c WHERE c.person_id = $1 ORDER BY c.revision DESC LIMIT 1`, [personId]);
  return row ? summary(row) : null;
}

export async function newestRevision(db: Db, personId: string): Promise<number | null> {
  const [row] = await rows<{ revision: number | null }>(db, `SELECT max(revision) AS revision FROM certificates WHERE person_id = $1`, [personId]);
  return row?.revision ?? null;
}

export interface RenderedCertificate extends CertificateSummary {
  registrationNumber: string;
  pdf: Buffer;
}

export async function findNewestRenderedCertificate(db: Db, personId: string): Promise<RenderedCertificate | null> {
  const [row] = await rows<SummaryRow & { registration_number: string; pdf: Buffer }>(
    db,
    `SELECT ${SUMMARY_COLUMNS}, c.snapshot ->> 'registrationNumber' AS registration_number, c.pdf
       FROM certificates c WHERE c.person_id = $1 AND c.status = 'rendered' ORDER BY c.revision DESC LIMIT 1`,
    [personId],
  );
  return row ? { ...summary(row), registrationNumber: row.registration_number, pdf: row.pdf } : null;
}

export async function findCertificateByCode(db: Db, code: string): Promise<CertificateSummary | null> {
  const [row] = await rows<SummaryRow>(db, `SELECT ${SUMMARY_COLUMNS} FROM certificates c WHERE c.verification_code = $1`, [code]);
  return row ? summary(row) : null;
}

export async function findPersonIdByRegistrationNumber(db: Db, registrationNumber: string): Promise<string | null> {
  const [row] = await rows<{ id: string }>(db, `SELECT id FROM persons WHERE registration_number = $1`, [registrationNumber]);
  return row?.id ?? null;
}

export async function findAccountPersonId(db: Db, accountId: string): Promise<string | null> {
  const [row] = await rows<{ person_id: string | null }>(db, `SELECT person_id FROM accounts WHERE id = $1`, [accountId]);
  return row?.person_id ?? null;
}

// The worker's side: claim, render outside any transaction, then record the outcome.

export type CertificateClaim =
  | { outcome: 'claimed'; id: string; revision: number; verificationCode: string; issuedOn: PlainDate; snapshot: unknown; attempts: number }
  | { outcome: 'already-rendered' }
  | { outcome: 'missing' };

/**
 * Takes a pending (or earlier failed, when re-enqueued by hand) revision for rendering and counts the attempt.
 * A rendered row is never claimed again: re-enqueueing the same revision renders nothing twice.
 */
export async function claimCertificate(db: Db, certificateId: string): Promise<CertificateClaim> {
  const [row] = await rows<{ id: string; revision: number; verification_code: string; issued_on: string; snapshot: unknown; attempts: number }>(
    db,
    `UPDATE certificates SET attempts = attempts + 1, status = 'pending'
      WHERE id = $1 AND status IN ('pending', 'failed')
      RETURNING id, revision, verification_code, to_char(issued_on, 'YYYY-MM-DD') AS issued_on, snapshot, attempts`,
    [certificateId],
  );
  if (row) {
    return { outcome: 'claimed', id: row.id, revision: row.revision, verificationCode: row.verification_code, issuedOn: row.issued_on, snapshot: row.snapshot, attempts: row.attempts };
  }
  const [existing] = await rows<{ status: CertificateStatus }>(db, `SELECT status FROM certificates WHERE id = $1`, [certificateId]);
  return existing ? { outcome: 'already-rendered' } : { outcome: 'missing' };
}

/** Stores the PDF of a revision; a second render of the same revision overwrites the same row. */
export async function markCertificateRendered(db: Db, certificateId: string, pdf: Buffer, sha256: string): Promise<void> {
  await db.query(
    `UPDATE certificates SET status = 'rendered', pdf = $2, pdf_sha256 = $3, rendered_at = now(), last_error = NULL WHERE id = $1`,
    [certificateId, pdf, sha256],
  );
}

/** Keeps the row pending (BullMQ retries) but records why this attempt failed. */
export async function recordCertificateError(db: Db, certificateId: string, error: string): Promise<void> {
  await db.query(`UPDATE certificates SET last_error = $2 WHERE id = $1 AND status <> 'rendered'`, [certificateId, error.slice(0, 500)]);
}

/** After the last attempt (or a permanent error) a revision that is still not rendered is marked failed. */
export async function markCertificateFailed(db: Db, certificateId: string, error: string): Promise<void> {
  await db.query(`UPDATE certificates SET status = 'failed', last_error = $2 WHERE id = $1 AND status <> 'rendered'`, [certificateId, error.slice(0, 500)]);
}

// Refresh requests: noted by database triggers when a certified fact may have changed (migration
// CertificateRefreshRequests), taken by the certificate sweep.

/** The oldest open refresh requests (person ids). */
export async function listCertificateRefreshRequests(db: Db, limit: number): Promise<string[]> {
  const found = await rows<{ person_id: string }>(db, `SELECT person_id FROM certificate_refresh_requests ORDER BY requested_at, person_id LIMIT $1`, [limit]);
  return found.map((r) => r.person_id);
}

/**
 * Takes one request inside the caller's transaction: true when this caller removed it, false when another sweep
 * already did. A change committed after this point notes a new request.
 */
export async function takeCertificateRefreshRequest(m: EntityManager, personId: string): Promise<boolean> {
  const taken = await rows<{ person_id: string }>(
    m,
    `DELETE FROM certificate_refresh_requests WHERE person_id = $1 AND person_id IN (
       SELECT person_id FROM certificate_refresh_requests WHERE person_id = $1 FOR UPDATE SKIP LOCKED)
     RETURNING person_id`,
    [personId],
  );
  return taken.length > 0;
}

/**
 * The settings of the register of a person's generalist registration (its time zone dates the next revision); null
 * without one, when there is nothing to certify either. Read from the registration, not from the newest
 * certificate: a renamed register code must not lose the person their new revision.
 */
export async function certificateRegisterSettings(db: Db, personId: string): Promise<unknown> {
  const [row] = await rows<{ settings: unknown }>(
    db,
    `SELECT g.settings FROM registrations r
       JOIN variants v ON v.id = r.variant_id AND v.kind = 'generalist'
       JOIN registers g ON g.id = v.register_id
      WHERE r.person_id = $1
      ORDER BY r.status_changed_at DESC LIMIT 1`,
    [personId],
  );
  return row?.settings ?? null;
}
