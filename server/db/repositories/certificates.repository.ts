import { Not, type DataSource, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { displayName } from '../../domain/person-name.js';
import { isPlainDate, type PlainDate } from '../../domain/plain-date.js';
import { generateVerificationCode } from '../../domain/verification-code.js';
import { AccountEntity } from '../entities/account.entity.js';
import { CertificateEntity, CertificateRefreshRequestEntity, type CertificateStatus } from '../entities/certificate.entity.js';
import { PersonEntity } from '../entities/person.entity.js';
import type { RegisterEntity } from '../entities/register.entity.js';
import { RegistrationEntity, type RegistrationStatusEntity } from '../entities/registration.entity.js';
import type { VariantEntity } from '../entities/variant.entity.js';
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

export type { CertificateStatus };

export interface IssuedCertificate {
  certificateId: string;
  revision: number;
}

type SnapshotRegistration = RegistrationEntity & { statusRow: RegistrationStatusEntity; variant: VariantEntity & { register: RegisterEntity } };

/** How often a freshly drawn code may collide with an existing one before we give up (1 in 10^15 each). */
const CODE_ATTEMPTS = 3;

/**
 * Issues the next certificate revision of a person, inside the caller's transaction (status, variants or cycle
 * just changed). Locks the person row so concurrent decisions number their revisions one after the other.
 * Returns null when there is nothing to certify: no registration number, or no generalist registration with a
 * public status. When the newest revision already states exactly this (and did not fail), that revision is
 * returned instead of a new one, so a repeated call never supersedes a code for nothing.
 * Enqueue the render job (enqueue(queues, 'certificate.render', …)) after the transaction commits.
 */
export async function issueCertificateRevision(m: EntityManager, personId: string, issuedOn: PlainDate): Promise<IssuedCertificate | null> {
  if (!m.queryRunner?.isTransactionActive) throw new Error('issueCertificateRevision must run inside a transaction');
  if (!isPlainDate(issuedOn)) throw new RangeError(`issuedOn is not a YYYY-MM-DD date: ${issuedOn}`);
  const snapshot = await buildSnapshot(m, personId);
  if (!snapshot) return null;
  const snapshotJson = JSON.stringify(snapshot);

  // Raw on purpose: the database compares the snapshots as jsonb, so key order and formatting never count as a change.
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
  const person = await m.getRepository(PersonEntity).createQueryBuilder('p').setLock('pessimistic_write').where('p.id = :personId', { personId }).getOne();
  if (!person?.registrationNumber) return null;

  const registrations = (await m
    .getRepository(RegistrationEntity)
    .createQueryBuilder('r')
    .innerJoinAndSelect('r.statusRow', 's')
    .innerJoinAndSelect('r.variant', 'v')
    .innerJoinAndSelect('v.register', 'g')
    .where('r.personId = :personId', { personId })
    .andWhere('s.publicStatus IS NOT NULL')
    // Should an old withdrawn generalist registration sit beside a live one, the live, most recent one counts.
    .orderBy('s.countsAsRegistered', 'DESC')
    .addOrderBy('r.statusChangedAt', 'DESC')
    .addOrderBy('v.sortOrder')
    .getMany()) as SnapshotRegistration[];
  const generalist = registrations.find((r) => r.variant.kind === 'generalist');
  if (!generalist) return null;
  const specialists = registrations
    .filter((r) => r.variant.kind === 'specialist' && r.statusRow.countsAsRegistered && r.variant.registerId === generalist.variant.registerId)
    .sort((a, b) => a.variant.sortOrder - b.variant.sortOrder || a.variant.code.localeCompare(b.variant.code));
  return {
    registrationNumber: person.registrationNumber,
    name: displayName({ givenNames: person.givenNames, prefix: person.namePrefix, familyName: person.familyName }),
    register: { code: generalist.variant.register.code, name: generalist.variant.register.name },
    status: generalist.statusRow.publicStatus!,
    variants: [generalist, ...specialists].map((r) => ({ code: r.variant.code, name: r.variant.name, nameEn: r.variant.nameEn, kind: r.variant.kind })),
    registeredSince: generalist.registeredOn,
    validFrom: generalist.cycleStartsOn,
    validUntil: generalist.cycleEndsOn,
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

const SUMMARY = { id: true, personId: true, revision: true, status: true, verificationCode: true, issuedOn: true } as const;

const summary = (c: Pick<CertificateEntity, keyof typeof SUMMARY>): CertificateSummary => ({
  id: c.id,
  personId: c.personId,
  revision: c.revision,
  status: c.status,
  verificationCode: c.verificationCode,
  issuedOn: c.issuedOn,
});

/** The newest revision of a person, whatever its render status. */
export async function findNewestCertificate(db: Db, personId: string): Promise<CertificateSummary | null> {
  const c = await db.getRepository(CertificateEntity).findOne({ select: SUMMARY, where: { personId }, order: { revision: 'DESC' } });
  return c ? summary(c) : null;
}

export async function newestRevision(db: Db, personId: string): Promise<number | null> {
  return (await db.getRepository(CertificateEntity).maximum('revision', { personId })) ?? null;
}

/** The one fact of a frozen snapshot the download needs; older snapshots are read as they were written. */
const stated = z.object({ registrationNumber: z.string() });

export interface RenderedCertificate extends CertificateSummary {
  registrationNumber: string;
  pdf: Buffer;
}

export async function findNewestRenderedCertificate(db: Db, personId: string): Promise<RenderedCertificate | null> {
  const c = await db.getRepository(CertificateEntity).findOne({ select: { ...SUMMARY, snapshot: true, pdf: true }, where: { personId, status: 'rendered' }, order: { revision: 'DESC' } });
  if (!c) return null;
  return { ...summary(c), registrationNumber: stated.parse(c.snapshot).registrationNumber, pdf: c.pdf! };
}

export async function findCertificateByCode(db: Db, code: string): Promise<CertificateSummary | null> {
  const c = await db.getRepository(CertificateEntity).findOne({ select: SUMMARY, where: { verificationCode: code } });
  return c ? summary(c) : null;
}

export async function findPersonIdByRegistrationNumber(db: Db, registrationNumber: string): Promise<string | null> {
  return (await db.getRepository(PersonEntity).findOne({ select: { id: true }, where: { registrationNumber } }))?.id ?? null;
}

export async function findAccountPersonId(db: Db, accountId: string): Promise<string | null> {
  return (await db.getRepository(AccountEntity).findOne({ select: { id: true, personId: true }, where: { id: accountId } }))?.personId ?? null;
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
  const claimed = await db
    .createQueryBuilder()
    .update(CertificateEntity)
    .set({ attempts: () => 'attempts + 1', status: 'pending' })
    .where('id = :certificateId', { certificateId })
    .andWhere(`status IN ('pending', 'failed')`)
    .returning(['id', 'revision', 'verificationCode', 'issuedOn', 'snapshot', 'attempts'])
    .updateEntity(false)
    .execute();
  const [row] = claimed.raw as Array<{ id: string; revision: number; verification_code: string; issued_on: string; snapshot: unknown; attempts: number }>;
  if (row) {
    return { outcome: 'claimed', id: row.id, revision: row.revision, verificationCode: row.verification_code, issuedOn: row.issued_on, snapshot: row.snapshot, attempts: row.attempts };
  }
  const exists = await db.getRepository(CertificateEntity).existsBy({ id: certificateId });
  return exists ? { outcome: 'already-rendered' } : { outcome: 'missing' };
}

/** Stores the PDF of a revision; a second render of the same revision overwrites the same row. */
export async function markCertificateRendered(db: Db, certificateId: string, pdf: Buffer, sha256: string): Promise<void> {
  await db.getRepository(CertificateEntity).update({ id: certificateId }, { status: 'rendered', pdf, pdfSha256: sha256, renderedAt: () => 'now()', lastError: null });
}

/** Keeps the row pending (BullMQ retries) but records why this attempt failed. */
export async function recordCertificateError(db: Db, certificateId: string, error: string): Promise<void> {
  await db.getRepository(CertificateEntity).update({ id: certificateId, status: Not('rendered') }, { lastError: error.slice(0, 500) });
}

/** After the last attempt (or a permanent error) a revision that is still not rendered is marked failed. */
export async function markCertificateFailed(db: Db, certificateId: string, error: string): Promise<void> {
  await db.getRepository(CertificateEntity).update({ id: certificateId, status: Not('rendered') }, { status: 'failed', lastError: error.slice(0, 500) });
}

// Refresh requests: noted by database triggers when a certified fact may have changed (migration
// CertificateRefreshRequests), taken by the certificate sweep.

/** The oldest open refresh requests (person ids). */
export async function listCertificateRefreshRequests(db: Db, limit: number): Promise<string[]> {
  const found = await db.getRepository(CertificateRefreshRequestEntity).find({ select: { personId: true }, order: { requestedAt: 'ASC', personId: 'ASC' }, take: limit });
  return found.map((r) => r.personId);
}

/**
 * Takes one request inside the caller's transaction: true when this caller removed it, false when another sweep
 * already did (or holds it right now). A change committed after this point notes a new request.
 */
export async function takeCertificateRefreshRequest(m: EntityManager, personId: string): Promise<boolean> {
  if (!m.queryRunner?.isTransactionActive) throw new Error('takeCertificateRefreshRequest must run inside a transaction');
  const requests = m.getRepository(CertificateRefreshRequestEntity);
  const held = await requests
    .createQueryBuilder('q')
    .select('q.personId')
    .where('q.personId = :personId', { personId })
    .setLock('pessimistic_write')
    .setOnLocked('skip_locked')
    .getOne();
  if (!held) return false;
  const deleted = await requests.delete({ personId });
  return (deleted.affected ?? 0) > 0;
}

/**
 * The settings of the register of a person's generalist registration (its time zone dates the next revision); null
 * without one, when there is nothing to certify either. Read from the registration, not from the newest
 * certificate: a renamed register code must not lose the person their new revision.
 */
export async function certificateRegisterSettings(db: Db, personId: string): Promise<unknown> {
  const registration = (await db
    .getRepository(RegistrationEntity)
    .createQueryBuilder('r')
    .innerJoinAndSelect('r.variant', 'v', `v.kind = 'generalist'`)
    .innerJoinAndSelect('v.register', 'g')
    .where('r.personId = :personId', { personId })
    .orderBy('r.statusChangedAt', 'DESC')
    .limit(1)
    .getOne()) as (RegistrationEntity & { variant: VariantEntity & { register: RegisterEntity } }) | null;
  return registration?.variant.register.settings ?? null;
}
