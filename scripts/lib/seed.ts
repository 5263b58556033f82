import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { computeCycle } from '../../server/domain/cycle.js';
import type { RegistrationStatus } from '../../server/domain/lifecycle.js';
import { searchTextFor, sortKeyFor, type PersonName } from '../../server/domain/person-name.js';
import { addDays, addMonths, todayIn, type PlainDate } from '../../server/domain/plain-date.js';
import { registerSettingsSchema } from '../../server/domain/register-rules.js';
import { issueCertificateRevision } from '../../server/db/repositories/certificates.repository.js';
import { rows } from '../../server/db/sql.js';
import { EvidenceStore } from '../../server/storage/evidence-store.js';
import { DEMO_USERS } from './dev-oidc.js';
import { seedAccreditation } from './seed-accreditation.js';
import { seedActivities } from './seed-activities.js';
import { FAMILY_NAMES, GIVEN_NAMES, PREFIXES, pick, prng } from './seed-names.js';
import { seedOrganisations } from './seed-organisations.js';

export interface SeedOptions {
  registrants: number;
  /** The issuer whose demo subjects get accounts (the dev OIDC provider by default). */
  issuer: string;
  log: (line: string) => void;
  /** Where to put demo evidence files for open applications (EVIDENCE_DIR); none are written without it. */
  evidenceDir?: string;
}

/** Demo evidence: open applications of the first this-many registrants get a diploma and a VOG file. */
const EVIDENCE_FOR_FIRST = 300;

/** A minimal real PDF, used as demo evidence. */
const DEMO_PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

const DIPLOMA_CODES = ['hbo-social-work', 'hbo-mwd', 'hbo-sph', 'hbo-cmv', 'hbo-ad-sw'];

/** Status mix of the demo data, so every screen has something to show. Cumulative weights. */
const STATUS_MIX: Array<[RegistrationStatus, number]> = [
  ['registered', 0.6],
  ['reregistration_submitted', 0.05],
  ['lapsed', 0.07],
  ['suspended', 0.02],
  ['struck_off', 0.02],
  ['withdrawn', 0.03],
  ['concept', 0.06],
  ['submitted', 0.06],
  ['in_review', 0.05],
  ['rejected', 0.04],
];

const ONCE_REGISTERED = new Set<RegistrationStatus>(['registered', 'reregistration_submitted', 'lapsed', 'suspended', 'struck_off', 'withdrawn']);

const ORGANISATIONS = [
  { key: 'org-provider-noord', kind: 'provider', name: 'Opleidingscentrum Noord', kvk: '40123456', demoRole: 'provider' },
  { key: 'org-provider-academie', kind: 'provider', name: 'Sociaal Werk Academie', kvk: '40234567', demoRole: null },
  { key: 'org-provider-hogeschool', kind: 'provider', name: 'Hogeschool Zuid – Centrum voor Nascholing', kvk: '40345678', demoRole: null },
  { key: 'org-employer-oost', kind: 'employer', name: 'Welzijn Oost', kvk: '50123456', demoRole: 'employer' },
  { key: 'org-employer-buurtteams', kind: 'employer', name: 'Buurtteams Utrecht', kvk: '50234567', demoRole: null },
  { key: 'org-employer-jeugd', kind: 'employer', name: 'Jeugd & Gezin Midden', kvk: '50345678', demoRole: null },
  { key: 'org-municipality-utrecht', kind: 'municipality', name: 'Gemeente Utrecht', kvk: '30280353', demoRole: 'municipality' },
] as const;

interface Variant {
  id: string;
  code: string;
  kind: 'generalist' | 'specialist';
}

interface PlannedPerson {
  id: string;
  seedKey: string;
  name: PersonName;
  email: string;
  status: RegistrationStatus;
  registeredOn: PlainDate | null;
  specialistVariantId: string | null;
  measure: { type: string; decisionDate: PlainDate; startsOn: PlainDate | null; endsOn: PlainDate | null; ordered: boolean } | null;
  /** What the person filled in when applying; a concept is still half done. */
  answers: Record<string, unknown>;
}

/** The fixed people the demo and the tests count on; the rest is generated. */
const FIXED: Array<{ name: PersonName; status: RegistrationStatus; specialist?: string; measure?: string }> = [
  { name: { givenNames: 'Sanne', prefix: 'de', familyName: 'Vries' }, status: 'registered', specialist: 'jeugd-gezin' },
  { name: { givenNames: 'Emre', prefix: null, familyName: 'Özdemir' }, status: 'registered' },
  { name: { givenNames: 'Anouk', prefix: 'van der', familyName: 'Linden' }, status: 'suspended', measure: 'schorsing' },
  { name: { givenNames: 'Kees', prefix: null, familyName: 'Brouwer' }, status: 'struck_off', measure: 'doorhaling' },
  { name: { givenNames: 'Merel', prefix: "in 't", familyName: 'Veld' }, status: 'lapsed' },
  { name: { givenNames: 'Fatma', prefix: null, familyName: 'Yılmaz' }, status: 'registered', measure: 'berisping' },
];

function pickStatus(rand: () => number): RegistrationStatus {
  let r = rand();
  for (const [status, weight] of STATUS_MIX) {
    if (r < weight) return status;
    r -= weight;
  }
  return 'registered';
}

function plan(index: number, variants: Variant[], today: PlainDate, lengthMonths: number): PlannedPerson {
  const rand = prng(0x5eed + index);
  const fixed = FIXED[index];
  const name: PersonName = fixed?.name ?? { givenNames: pick(rand, GIVEN_NAMES), prefix: pick(rand, PREFIXES), familyName: pick(rand, FAMILY_NAMES) };
  const status = fixed?.status ?? pickStatus(rand);
  let registeredOn: PlainDate | null = null;
  if (ONCE_REGISTERED.has(status)) {
    // Live registrations started inside the current cycle length; lapsed ones started a cycle or more ago.
    const monthsAgo = status === 'lapsed' ? lengthMonths + 1 + Math.floor(rand() * 24) : 1 + Math.floor(rand() * (lengthMonths - 2));
    registeredOn = addDays(addMonths(today, -monthsAgo), -Math.floor(rand() * 28));
  }
  const specialists = variants.filter((v) => v.kind === 'specialist');
  let specialistVariantId: string | null = null;
  if (fixed?.specialist) specialistVariantId = specialists.find((v) => v.code === fixed.specialist)?.id ?? null;
  else if ((status === 'registered' || status === 'reregistration_submitted') && rand() < 0.3) specialistVariantId = pick(rand, specialists).id;

  let measure: PlannedPerson['measure'] = null;
  const measureType = fixed?.measure ?? (status === 'suspended' ? 'schorsing' : status === 'struck_off' ? 'doorhaling' : status === 'registered' && rand() < 0.03 ? pick(rand, ['waarschuwing', 'berisping', 'voorwaardelijke_schorsing']) : null);
  if (measureType) {
    // Decided 50–250 days ago and in force since six weeks after the decision, so a measure that sets the
    // status (schorsing, doorhaling) has really begun.
    const decisionDate = addDays(today, -50 - Math.floor(rand() * 200));
    const startsOn = addDays(decisionDate, 42);
    const endsOn = measureType === 'schorsing' ? addMonths(today, 3) : measureType === 'voorwaardelijke_schorsing' ? addMonths(startsOn, 24) : null;
    measure = { type: measureType, decisionDate, startsOn: measureType === 'waarschuwing' || measureType === 'berisping' ? null : startsOn, endsOn, ordered: measureType === 'berisping' };
  }
  const declarations = { beroepscode: true, tuchtrecht: true, publication: true };
  const answers: Record<string, unknown> =
    status === 'concept'
      ? { diplomaCode: pick(rand, DIPLOMA_CODES) }
      : { diplomaCode: pick(rand, DIPLOMA_CODES), diplomaYear: 2000 + Math.floor(rand() * 25), vogIssuedOn: addDays(registeredOn ?? today, -20 - Math.floor(rand() * 60)), declarations };
  const emailLocal = `${name.givenNames}.${name.prefix ?? ''}${name.familyName}`.normalize('NFKD').replace(/[^A-Za-z.]/g, '').toLowerCase();
  return { id: randomUUID(), seedKey: `seed-person-${index}`, name, email: `${emailLocal}.${index}@example.nl`, status, registeredOn, specialistVariantId, measure, answers };
}

async function insertBatch(m: EntityManager, people: PlannedPerson[], generalistId: string, digits: number, cycle: Parameters<typeof computeCycle>[1]): Promise<number> {
  const inserted = (await m.query(
    `INSERT INTO persons (id, given_names, name_prefix, family_name, search_text, sort_key, email, seed_key, registration_number)
     SELECT x.id, x.given_names, x.name_prefix, x.family_name, x.search_text, x.sort_key, x.email, x.seed_key,
            CASE WHEN x.numbered THEN lpad(nextval('registration_number_seq')::text, $10, '0') END
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::boolean[])
         AS x(id, given_names, name_prefix, family_name, search_text, sort_key, email, seed_key, numbered)
     ON CONFLICT (seed_key) DO NOTHING
     RETURNING id`,
    [
      people.map((p) => p.id),
      people.map((p) => p.name.givenNames),
      people.map((p) => p.name.prefix),
      people.map((p) => p.name.familyName),
      people.map((p) => searchTextFor(p.name)),
      people.map((p) => sortKeyFor(p.name)),
      people.map((p) => p.email),
      people.map((p) => p.seedKey),
      people.map((p) => p.registeredOn !== null),
      digits,
    ],
  )) as Array<{ id: string }>;
  const fresh = new Set(inserted.map((r) => r.id));
  const todo = people.filter((p) => fresh.has(p.id));
  if (todo.length === 0) return 0;

  const regs: Array<{ id: string; personId: string; variantId: string; parentId: string | null; status: RegistrationStatus; registeredOn: PlainDate | null; answers: Record<string, unknown> }> = [];
  for (const p of todo) {
    const generalistRegId = randomUUID();
    regs.push({ id: generalistRegId, personId: p.id, variantId: generalistId, parentId: null, status: p.status, registeredOn: p.registeredOn, answers: p.answers });
    if (p.specialistVariantId) {
      regs.push({ id: randomUUID(), personId: p.id, variantId: p.specialistVariantId, parentId: generalistRegId, status: 'registered', registeredOn: p.registeredOn, answers: { vogIssuedOn: p.answers.vogIssuedOn, declarations: p.answers.declarations } });
    }
  }
  const cycles = regs.map((r) => (r.registeredOn ? computeCycle(r.registeredOn, cycle) : null));
  await m.query(
    `INSERT INTO registrations (id, person_id, variant_id, parent_registration_id, status, public_consent, registered_on, cycle_starts_on, cycle_ends_on, cycle_deadline, submitted_at, application)
     SELECT x.id, x.person_id, x.variant_id, x.parent_id, x.status, x.status <> 'concept', x.registered_on, x.starts, x.ends, x.deadline,
            CASE WHEN x.status <> 'concept' THEN COALESCE(x.registered_on::timestamptz - interval '20 days', now() - make_interval(days => 2 + (abs(hashtext(x.id::text)) % 30))) END,
            x.application::jsonb
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::date[], $7::date[], $8::date[], $9::date[], $10::text[])
         AS x(id, person_id, variant_id, parent_id, status, registered_on, starts, ends, deadline, application)`,
    [
      regs.map((r) => r.id),
      regs.map((r) => r.personId),
      regs.map((r) => r.variantId),
      regs.map((r) => r.parentId),
      regs.map((r) => r.status),
      regs.map((r) => r.registeredOn),
      cycles.map((c) => c?.startsOn ?? null),
      cycles.map((c) => c?.endsOn ?? null),
      cycles.map((c) => c?.deadline ?? null),
      regs.map((r) => JSON.stringify(r.answers)),
    ],
  );
  // The audit trail says where these rows came from.
  await m.query(
    `INSERT INTO registration_status_changes (registration_id, from_status, to_status, actor_kind, reason)
     SELECT id, NULL, status, 'system', 'demo seed' FROM unnest($1::uuid[], $2::text[]) AS x(id, status)`,
    [regs.map((r) => r.id), regs.map((r) => r.status)],
  );
  const withMeasure = todo.filter((p) => p.measure);
  if (withMeasure.length) {
    await m.query(
      `INSERT INTO measures (person_id, measure_type, body, case_reference, decision_date, final, publication_ordered, starts_on, ends_on)
       SELECT x.person_id, x.type, 'College van Toezicht Sociaal Werk', x.case_ref, x.decision_date, true, x.ordered, x.starts_on, x.ends_on
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::date[], $5::boolean[], $6::date[], $7::date[])
           AS x(person_id, type, case_ref, decision_date, ordered, starts_on, ends_on)
       ON CONFLICT DO NOTHING`,
      [
        withMeasure.map((p) => p.id),
        withMeasure.map((p) => p.measure!.type),
        withMeasure.map((p) => `CvT-${p.seedKey.replace('seed-person-', '')}`),
        withMeasure.map((p) => p.measure!.decisionDate),
        withMeasure.map((p) => p.measure!.ordered),
        withMeasure.map((p) => p.measure!.startsOn),
        withMeasure.map((p) => p.measure!.endsOn),
      ],
    );
  }
  return todo.length;
}

async function seedOrganisationsAndAccounts(m: EntityManager, issuer: string): Promise<void> {
  const orgIds = new Map<string, string>();
  for (const o of ORGANISATIONS) {
    const [row] = (await m.query(
      `INSERT INTO organisations (kind, name, kvk_number, status, authorised_at, seed_key) VALUES ($1, $2, $3, 'authorised', now(), $4)
       ON CONFLICT (seed_key) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [o.kind, o.name, o.kvk, o.key],
    )) as Array<{ id: string }>;
    orgIds.set(o.key, row!.id);
  }
  const [sanne] = (await m.query(`SELECT id FROM persons WHERE seed_key = 'seed-person-0'`)) as Array<{ id: string }>;
  for (const user of DEMO_USERS) {
    const [account] = (await m.query(
      `INSERT INTO accounts (issuer, subject, display_name, email, person_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (issuer, subject) DO UPDATE SET display_name = EXCLUDED.display_name RETURNING id`,
      [issuer, user.subject, user.name, user.email, user.role === 'registrant' ? (sanne?.id ?? null) : null],
    )) as Array<{ id: string }>;
    await m.query(`INSERT INTO account_roles (account_id, role) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [account!.id, user.role]);
    const org = ORGANISATIONS.find((o) => o.demoRole === user.role);
    if (org) {
      await m.query(`INSERT INTO organisation_members (organisation_id, account_id, role) VALUES ($1, $2, 'admin') ON CONFLICT (organisation_id, account_id) DO UPDATE SET role = 'admin'`, [orgIds.get(org.key), account!.id]);
    }
  }
}

/**
 * Idempotent: every generated row has a stable seed key, so running it twice adds nothing, and running it with
 * a larger --registrants adds only the missing people. Prints progress for large sets.
 */
export async function seedDatabase(db: DataSource, options: SeedOptions): Promise<{ created: number }> {
  const [register] = (await db.query(`SELECT id, settings FROM registers WHERE code = 'sociaal-werk'`)) as Array<{ id: string; settings: unknown }>;
  if (!register) throw new Error('register sociaal-werk missing: run the migrations first');
  const settings = registerSettingsSchema.parse(register.settings);
  const variants = (await db.query(`SELECT id, code, kind FROM variants WHERE register_id = $1 ORDER BY sort_order`, [register.id])) as Variant[];
  const generalist = variants.find((v) => v.kind === 'generalist');
  if (!generalist) throw new Error('register sociaal-werk has no generalist variant');
  const today = todayIn(settings.timeZone);

  const batchSize = 1000;
  let created = 0;
  const started = Date.now();
  for (let start = 0; start < options.registrants; start += batchSize) {
    const people: PlannedPerson[] = [];
    for (let i = start; i < Math.min(options.registrants, start + batchSize); i++) people.push(plan(i, variants, today, settings.cycle.lengthMonths));
    created += await db.transaction((m) => insertBatch(m, people, generalist.id, settings.registrationNumber.digits, settings.cycle));
    const done = Math.min(options.registrants, start + batchSize);
    if (options.registrants > batchSize) options.log(`seed: ${done}/${options.registrants} registrants (${Math.round((done / options.registrants) * 100)}%)`);
  }
  await db.transaction((m) => seedOrganisationsAndAccounts(m, options.issuer));
  await seedOrganisations(db, options.issuer);
  await seedAccreditation(db, options.log);
  if (options.evidenceDir) await seedEvidence(db, new EvidenceStore(options.evidenceDir), Math.min(options.registrants, EVIDENCE_FOR_FIRST));
  // The fixed demo people hold a certificate; the worker's certificate sweep renders pending ones.
  for (let i = 0; i < Math.min(options.registrants, FIXED.length); i++) {
    await db.transaction(async (m) => {
      const [person] = await rows<{ id: string }>(m, `SELECT id FROM persons WHERE seed_key = $1`, [`seed-person-${i}`]);
      if (person) await issueCertificateRevision(m, person.id, today);
    });
  }
  await seedActivities(db, { evidenceDir: options.evidenceDir });
  options.log(`seed: ${created} registrants created, ${options.registrants - created} already present, demo accounts ready (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return { created };
}

/** Open applications of the first registrants get a diploma and a VOG, so staff dossiers have something to show. */
async function seedEvidence(db: DataSource, store: EvidenceStore, first: number): Promise<void> {
  const keys = Array.from({ length: first }, (_, i) => `seed-person-${i}`);
  const open = await rows<{ id: string }>(
    db,
    `SELECT r.id FROM registrations r JOIN persons p ON p.id = r.person_id
      WHERE p.seed_key = ANY($1::text[]) AND r.status IN ('submitted', 'in_review')
        AND NOT EXISTS (SELECT 1 FROM evidence_files e WHERE e.registration_id = r.id)`,
    [keys],
  );
  for (const r of open) {
    for (const [kind, name] of [['diploma', 'diploma.pdf'], ['vog', 'vog.pdf']] as const) {
      const id = randomUUID();
      await store.put(id, DEMO_PDF);
      await db.query(
        `INSERT INTO evidence_files (id, registration_id, kind, original_name, content_type, size_bytes, sha256) VALUES ($1, $2, $3, $4, 'application/pdf', $5, 'demo')`,
        [id, r.id, kind, name, DEMO_PDF.length],
      );
    }
  }
}
