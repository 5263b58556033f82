import type { DataSource, EntityManager } from 'typeorm';
import type { Answers, PersonDetails } from '../../domain/application.js';
import type { Cycle } from '../../domain/cycle.js';
import type { RegistrationStatus } from '../../domain/lifecycle.js';
import { searchTextFor, sortKeyFor } from '../../domain/person-name.js';
import type { EvidenceContentType } from '../../domain/evidence.js';
import { AccountEntity } from '../entities/account.entity.js';
import { EvidenceFileEntity } from '../entities/evidence-file.entity.js';
import { PersonEntity } from '../entities/person.entity.js';
import type { RegisterEntity } from '../entities/register.entity.js';
import { RegistrationEntity, RegistrationStatusChangeEntity } from '../entities/registration.entity.js';
import { VariantEntity } from '../entities/variant.entity.js';

type Db = DataSource | EntityManager;

/** A variant with its register (whose settings hold the rules) and, for a specialist, its generalist parent. */
export type VariantWithRegister = VariantEntity & { register: RegisterEntity; parentVariant: VariantEntity | null };

function variants(db: Db) {
  return db
    .getRepository(VariantEntity)
    .createQueryBuilder('v')
    .innerJoinAndSelect('v.register', 'g')
    .leftJoinAndSelect('v.parentVariant', 'parent');
}

export async function listVariants(db: Db): Promise<VariantWithRegister[]> {
  return (await variants(db).orderBy('g.code').addOrderBy('v.sortOrder').getMany()) as VariantWithRegister[];
}

export async function findVariantByCode(db: Db, code: string): Promise<VariantWithRegister | null> {
  return (await variants(db).where('v.code = :code', { code }).getOne()) as VariantWithRegister | null;
}

export async function findPerson(db: Db, personId: string): Promise<PersonEntity | null> {
  return db.getRepository(PersonEntity).findOneBy({ id: personId });
}

export async function findPersonOfAccount(db: Db, accountId: string): Promise<PersonEntity | null> {
  const account = await db.getRepository(AccountEntity).findOne({ where: { id: accountId }, relations: { person: true } });
  return account?.person ?? null;
}

/** The person behind an account, created (from the login's name and email) when the account has none yet. */
export async function ensurePersonForAccount(m: EntityManager, accountId: string): Promise<PersonEntity> {
  const account = await m.getRepository(AccountEntity).createQueryBuilder('a').setLock('pessimistic_write').where('a.id = :accountId', { accountId }).getOne();
  if (!account) throw new Error(`account ${accountId} missing`);
  if (account.personId) return (await findPerson(m, account.personId))!;
  const parts = account.displayName.trim().split(/\s+/);
  const name = { givenNames: parts[0] || '-', prefix: null, familyName: parts.slice(1).join(' ') || parts[0] || '-' };
  const persons = m.getRepository(PersonEntity);
  const person = await persons.save(
    persons.create({
      givenNames: name.givenNames,
      namePrefix: null,
      familyName: name.familyName,
      searchText: searchTextFor(name),
      sortKey: sortKeyFor(name),
      email: account.email,
    }),
  );
  await m.getRepository(AccountEntity).update({ id: accountId }, { personId: person.id });
  return person;
}

export async function updatePerson(m: EntityManager, personId: string, d: PersonDetails): Promise<void> {
  const name = { givenNames: d.givenNames, prefix: d.prefix, familyName: d.familyName };
  await m.getRepository(PersonEntity).update(
    { id: personId },
    { givenNames: d.givenNames, namePrefix: d.prefix, familyName: d.familyName, email: d.email, searchText: searchTextFor(name), sortKey: sortKeyFor(name) },
  );
}

/** An application or registration with what every reader of it needs: variant, register (rules) and person. */
export type Application = RegistrationEntity & { variant: VariantEntity & { register: RegisterEntity }; person: PersonEntity };

function applications(db: Db) {
  return db
    .getRepository(RegistrationEntity)
    .createQueryBuilder('r')
    .innerJoinAndSelect('r.variant', 'v')
    .innerJoinAndSelect('v.register', 'g')
    .innerJoinAndSelect('r.person', 'p');
}

export async function findRegistration(db: Db, id: string): Promise<Application | null> {
  return (await applications(db).where('r.id = :id', { id }).getOne()) as Application | null;
}

export async function listRegistrationsOfPerson(db: Db, personId: string): Promise<Application[]> {
  return (await applications(db).where('r.personId = :personId', { personId }).orderBy('v.sortOrder').addOrderBy('r.createdAt', 'DESC').getMany()) as Application[];
}

/** The person's generalist registration in a register that counts as registered (a specialist hangs under it). */
export async function findActiveGeneralist(db: Db, personId: string, registerId: string): Promise<Application | null> {
  return (await applications(db)
    .innerJoin('r.statusRow', 's')
    .where('r.personId = :personId', { personId })
    .andWhere('v.registerId = :registerId', { registerId })
    .andWhere(`v.kind = 'generalist'`)
    .andWhere('s.countsAsRegistered')
    .orderBy('r.registeredOn', 'DESC')
    .limit(1)
    .getOne()) as Application | null;
}

/**
 * Takes the registration's row lock for the rest of the caller's transaction and returns its status as it is
 * now (null when there is no such row). Check a status only after this: a status read before the lock may
 * already be stale when the write happens.
 */
export async function lockRegistration(m: EntityManager, id: string): Promise<RegistrationStatus | null> {
  if (!m.queryRunner?.isTransactionActive) throw new Error('lockRegistration must run inside a transaction');
  const row = await m
    .getRepository(RegistrationEntity)
    .createQueryBuilder('r')
    .select(['r.id', 'r.status'])
    .where('r.id = :id', { id })
    .setLock('pessimistic_write')
    .getOne();
  return row?.status ?? null;
}

export async function createConcept(m: EntityManager, personId: string, variantId: string, actorAccountId: string): Promise<string> {
  const inserted = await m.getRepository(RegistrationEntity).insert({ personId, variantId, status: 'concept', publicConsent: false });
  const id = (inserted.identifiers[0] as { id: string }).id;
  await m.getRepository(RegistrationStatusChangeEntity).insert({ registrationId: id, fromStatus: null, toStatus: 'concept', actorKind: 'registrant', actorAccountId });
  return id;
}

export async function saveAnswers(m: EntityManager, id: string, answers: Answers): Promise<void> {
  // Publication consent follows the declaration; the public register shows nobody without it.
  await m.getRepository(RegistrationEntity).update({ id }, { application: answers, publicConsent: answers.declarations?.publication === true });
}

export async function listEvidence(db: Db, registrationId: string): Promise<EvidenceFileEntity[]> {
  return db.getRepository(EvidenceFileEntity).find({ where: { registrationId }, order: { createdAt: 'ASC' } });
}

export async function findEvidence(db: Db, registrationId: string, evidenceId: string): Promise<EvidenceFileEntity | null> {
  return db.getRepository(EvidenceFileEntity).findOneBy({ registrationId, id: evidenceId });
}

export async function insertEvidence(
  m: EntityManager,
  e: { id: string; registrationId: string; kind: string; originalName: string; contentType: EvidenceContentType; sizeBytes: number; sha256: string; uploadedBy: string },
): Promise<EvidenceFileEntity> {
  const evidence = m.getRepository(EvidenceFileEntity);
  await evidence.insert(e);
  return (await evidence.findOneBy({ id: e.id }))!;
}

export async function deleteEvidence(m: EntityManager, registrationId: string, evidenceId: string): Promise<boolean> {
  const deleted = await m.getRepository(EvidenceFileEntity).delete({ registrationId, id: evidenceId });
  return (deleted.affected ?? 0) > 0;
}

export type StatusChange = Pick<RegistrationStatusChangeEntity, 'fromStatus' | 'toStatus' | 'actorKind' | 'reason' | 'occurredAt'>;

export async function statusHistory(db: Db, registrationId: string): Promise<StatusChange[]> {
  return db.getRepository(RegistrationStatusChangeEntity).find({
    select: { id: true, fromStatus: true, toStatus: true, actorKind: true, reason: true, occurredAt: true },
    where: { registrationId },
    order: { id: 'ASC' },
  });
}

/** How often a registration was submitted: numbers the submission mails, so each is sent once. */
export async function countSubmissions(db: Db, registrationId: string): Promise<number> {
  return db.getRepository(RegistrationStatusChangeEntity).countBy({ registrationId, toStatus: 'submitted' });
}

/** The newest status change of a registration: names the decision a mail belongs to. */
export async function latestStatusChangeId(db: Db, registrationId: string): Promise<string | null> {
  const newest = await db.getRepository(RegistrationStatusChangeEntity).findOne({ select: { id: true }, where: { registrationId }, order: { id: 'DESC' } });
  return newest?.id ?? null;
}

/** Where mail about a person goes: their email, and their account (if they have one). */
export async function findPersonContact(db: Db, personId: string): Promise<{ email: string | null; accountId: string | null }> {
  const person = await findPerson(db, personId);
  const account = await db.getRepository(AccountEntity).findOne({ select: { id: true }, where: { personId } });
  return { email: person?.email ?? null, accountId: account?.id ?? null };
}

export type QueueEntry = RegistrationEntity & { person: PersonEntity; variant: VariantEntity; submittedAt: Date };

/** Staff queue: submitted and in-review applications, oldest first. */
export async function staffQueue(db: Db, q: { statuses: RegistrationStatus[]; variantCode: string | null; limit: number; offset: number }): Promise<{ rows: QueueEntry[]; total: number }> {
  const query = db
    .getRepository(RegistrationEntity)
    .createQueryBuilder('r')
    .innerJoinAndSelect('r.person', 'p')
    .innerJoinAndSelect('r.variant', 'v')
    // The total rides along with the page: one statement.
    .addSelect('count(*) OVER ()', 'total')
    .where('r.status IN (:...statuses)', { statuses: q.statuses })
    .orderBy('r.submittedAt')
    .addOrderBy('r.id')
    .offset(q.offset)
    .limit(q.limit);
  if (q.variantCode !== null) query.andWhere('v.code = :variantCode', { variantCode: q.variantCode });
  const { entities, raw } = await query.getRawAndEntities<{ total: string }>();
  return { rows: entities as QueueEntry[], total: Number(raw[0]?.total ?? 0) };
}

export async function markSubmitted(m: EntityManager, id: string): Promise<void> {
  await m.getRepository(RegistrationEntity).update({ id }, { submittedAt: () => 'now()', staffQuestion: null });
}

export async function setStaffQuestion(m: EntityManager, id: string, question: string, decidedBy: string): Promise<void> {
  // Back to concept: the retention clock and its warning start again.
  await m.getRepository(RegistrationEntity).update({ id }, { staffQuestion: question, decidedBy, decidedAt: () => 'now()', conceptWarningSentAt: null });
}

export async function markDecided(m: EntityManager, id: string, decidedBy: string): Promise<void> {
  await m.getRepository(RegistrationEntity).update({ id }, { decidedBy, decidedAt: () => 'now()' });
}

/** Assigns the person's permanent registration number on their first registration; later ones keep it. */
export async function ensureRegistrationNumber(m: EntityManager, personId: string, digits: number): Promise<string> {
  await m
    .getRepository(PersonEntity)
    .createQueryBuilder()
    .update()
    .set({ registrationNumber: () => `lpad(nextval('registration_number_seq')::text, :digits, '0')` })
    .setParameter('digits', digits)
    .where('id = :personId AND registration_number IS NULL', { personId })
    .execute();
  const person = await m.getRepository(PersonEntity).findOne({ select: { id: true, registrationNumber: true }, where: { id: personId } });
  return person!.registrationNumber!;
}

export async function setRegistered(m: EntityManager, id: string, r: { registeredOn: string; cycle: Cycle; parentRegistrationId: string | null }): Promise<void> {
  await m.getRepository(RegistrationEntity).update(
    { id },
    { registeredOn: r.registeredOn, cycleStartsOn: r.cycle.startsOn, cycleEndsOn: r.cycle.endsOn, cycleDeadline: r.cycle.deadline, parentRegistrationId: r.parentRegistrationId },
  );
}
