import type { DataSource, EntityManager } from 'typeorm';
import { pointsForHours, validityWindow } from '../../server/domain/accreditation.js';
import { addDays, todayIn, type PlainDate } from '../../server/domain/plain-date.js';
import { registerSettingsSchema } from '../../server/domain/register-rules.js';
import * as repo from '../../server/db/repositories/accreditations.repository.js';
import { rows } from '../../server/db/sql.js';

/**
 * Demo accreditation data for "Opleidingscentrum Noord" (seed_key org-provider-noord): approved accreditations with
 * past and upcoming runs (one for the specialist jeugd-gezin, booked under 'specialisme'), one opted out of the
 * agenda, a pending request, an objection against a rejection and one against an approval (too few points, still in force
 * meanwhile) for the staff queue, and attendance already booked for Sanne de Vries
 * (seed-person-0) and other seeded people, through the same set-based booking as real uploads. Idempotent by
 * seed_key; the codes are fixed so the demo can name them.
 */

interface Planned {
  key: string;
  title: string;
  description: string;
  form: string;
  hours: number;
  hasFinalTest: boolean;
  variants: string[];
  competences: string[];
  /** Days from today: [start, end, place, online]. */
  runs: Array<[number, number, string, boolean]>;
  state:
    | {
        kind: 'approved';
        code: string;
        termYears: number;
        decidedDaysAgo: number;
        category?: string;
        subcategory?: string | null;
        inAgenda?: boolean;
        attendance?: boolean;
        /** An objection against the approval, still open (lodged within the objection window). */
        objection?: { reason: string; lodgedDaysAgo: number };
      }
    | { kind: 'submitted'; submittedDaysAgo: number }
    | { kind: 'objection'; submittedDaysAgo: number; decidedDaysAgo: number; reason: string; objection: string };
}

/** Runs "in the past" end this many days ago at the earliest, so the demo registrants were registered by then. */
const PAST = -21;

const PLANNED: Planned[] = [
  {
    key: 'seed-accr-mgv',
    title: 'Motiverende gespreksvoering in de wijk',
    description: 'Tweedaagse training: gesprekken die mensen helpen zelf te kiezen voor verandering. Met oefenen met een trainingsacteur.',
    form: 'training',
    hours: 12.5,
    hasFinalTest: false,
    variants: ['sociaal-werker'],
    competences: ['verheldert-vragen', 'eigen-kracht-zelfregie', 'vakbekwaam-resultaatgericht'],
    runs: [
      [PAST - 1, PAST, 'Groningen', false],
      [30, 31, 'Assen', false],
      [75, 76, 'Online (Teams)', true],
    ],
    state: { kind: 'approved', code: 'NRDM-GV24', termYears: 1, decidedDaysAgo: 80, attendance: true },
  },
  {
    key: 'seed-accr-netwerk',
    title: 'Sociale netwerken in kaart brengen',
    description: 'Workshop: het netwerk van een huishouden in beeld, en hoe je het samen versterkt.',
    form: 'workshop',
    hours: 3.5,
    hasFinalTest: false,
    variants: ['sociaal-werker', 'maatschappelijk-werk'],
    competences: ['sociale-netwerken', 'samenwerking'],
    runs: [
      [PAST, PAST, 'Leeuwarden', false],
      [14, 14, 'Groningen', false],
      [45, 45, 'Zwolle', false],
    ],
    state: { kind: 'approved', code: 'NRDS-NW35', termYears: 3, decidedDaysAgo: 120, attendance: true },
  },
  {
    key: 'seed-accr-jeugd',
    title: 'Signaleren van huiselijk geweld en kindermishandeling',
    description: 'Verdiepingstraining voor jeugd- en gezinsprofessionals: de meldcode, het gesprek met ouders en kind, en samenwerken met Veilig Thuis.',
    form: 'course',
    hours: 8,
    hasFinalTest: false,
    variants: ['jeugd-gezin'],
    competences: ['verantwoordelijk-gedrag', 'zichtbaar-erop-af'],
    runs: [
      [PAST - 7, PAST, 'Groningen', false],
      [60, 67, 'Groningen', false],
    ],
    state: { kind: 'approved', code: 'NRDJ-GZ86', termYears: 1, decidedDaysAgo: 90, category: 'specialisme', subcategory: null, attendance: true },
  },
  {
    key: 'seed-accr-schulden',
    title: 'Schulden en armoede herkennen (e-learning)',
    description: 'E-learning van vier modules met een afsluitende toets.',
    form: 'e_learning',
    hours: 4,
    hasFinalTest: true,
    variants: ['sociaal-werker', 'schuldhulpverlening'],
    competences: ['verheldert-vragen'],
    runs: [[1, 365, 'Online', true]],
    state: {
      kind: 'approved',
      code: 'NRDE-LR47',
      termYears: 3,
      decidedDaysAgo: 30,
      inAgenda: false,
      objection: {
        reason: 'Deelnemers doen aantoonbaar 6 uur over de vier modules en de toets (zie de gebruiksgegevens van de leeromgeving in de bijlage); 4 punten is te weinig.',
        lodgedDaysAgo: 4,
      },
    },
  },
  {
    key: 'seed-accr-agressie',
    title: 'Omgaan met agressie aan de keukentafel',
    description: 'Training de-escalerend werken bij huisbezoeken.',
    form: 'training',
    hours: 6,
    hasFinalTest: false,
    variants: ['sociaal-werker'],
    competences: ['vakbekwaam-resultaatgericht'],
    runs: [[40, 40, 'Assen', false]],
    state: { kind: 'submitted', submittedDaysAgo: 16 },
  },
  {
    key: 'seed-accr-intervisie',
    title: 'Intervisie volgens de incidentmethode',
    description: 'Begeleide intervisiereeks van vijf bijeenkomsten.',
    form: 'intervision',
    hours: 10,
    hasFinalTest: false,
    variants: ['sociaal-werker'],
    competences: ['vakbekwaam-resultaatgericht'],
    runs: [[20, 120, 'Groningen', false]],
    state: {
      kind: 'objection',
      submittedDaysAgo: 40,
      decidedDaysAgo: 20,
      reason: 'Uit de aanvraag blijkt niet wie de intervisie begeleidt en met welke kwalificatie.',
      objection: 'De begeleider is geregistreerd supervisor (LVSC); het certificaat zit als bijlage bij het programma dat we nu meesturen.',
    },
  },
];

/** The demo registrants the attendance lists name, plus an unknown number and a garbage row (the demo shows why). */
const ATTENDEES = ['seed-person-0', 'seed-person-1', 'seed-person-5', 'seed-person-6', 'seed-person-7', 'seed-person-8', 'seed-person-9', 'seed-person-2'];

export async function seedAccreditation(db: DataSource, log: (line: string) => void): Promise<void> {
  const [org] = await rows<{ id: string; name: string }>(db, `SELECT id, name FROM organisations WHERE seed_key = 'org-provider-noord'`);
  const [register] = await rows<{ id: string; settings: unknown }>(db, `SELECT id, settings FROM registers WHERE code = 'sociaal-werk'`);
  if (!org || !register) return;
  const [providerAccount] = await rows<{ id: string }>(db, `SELECT m.account_id AS id FROM organisation_members m WHERE m.organisation_id = $1 ORDER BY m.created_at LIMIT 1`, [org.id]);
  const [staffAccount] = await rows<{ id: string }>(db, `SELECT account_id AS id FROM account_roles WHERE role = 'staff' ORDER BY account_id LIMIT 1`);
  if (!providerAccount || !staffAccount) return;
  const settings = registerSettingsSchema.parse(register.settings);
  const today = todayIn(settings.timeZone);
  const variants = await repo.listVariantsOf(db, [register.id]);
  const competences = await repo.listCompetencesOf(db, [register.id]);
  const existing = new Set((await rows<{ seed_key: string }>(db, `SELECT seed_key FROM accreditations WHERE seed_key LIKE 'seed-accr-%'`)).map((r) => r.seed_key));
  // A past run ends after the demo registrant's registration began, so the booking is valid on the run's date.
  const [sanne] = await rows<{ on: string | null }>(db, `SELECT to_char(min(r.registered_on), 'YYYY-MM-DD') AS on FROM registrations r JOIN persons p ON p.id = r.person_id WHERE p.seed_key = 'seed-person-0' AND r.status = 'registered'`);
  const earliest = sanne?.on ? addDays(sanne.on, 8) : addDays(today, PAST);
  const day = (offset: number): PlainDate => {
    const d = addDays(today, offset);
    return offset < 0 && d < earliest ? (earliest < today ? earliest : addDays(today, -1)) : d;
  };
  let created = 0;
  for (const p of PLANNED) {
    if (existing.has(p.key)) continue;
    await db.transaction(async (m) => {
      const runs = p.runs.map(([s, e, place, online]) => ({ startsOn: day(s), endsOn: day(e) < day(s) ? day(s) : day(e), place, online }));
      const id = await repo.insertAccreditation(m, {
        organisationId: org.id,
        registerId: register.id,
        title: p.title,
        description: p.description,
        form: p.form,
        netContactHours: p.hours,
        hasFinalTest: p.hasFinalTest,
        submittedBy: providerAccount.id,
        variantIds: p.variants.map((c) => variants.find((v) => v.code === c)?.id).filter((v): v is string => !!v),
        competenceIds: p.competences.map((c) => competences.find((k) => k.code === c)?.id).filter((v): v is string => !!v),
        runs,
        seedKey: p.key,
      });
      await seedState(m, id, p, { today, settings, org, providerAccount: providerAccount.id, staffAccount: staffAccount.id, runs });
    });
    created += 1;
  }
  if (created) log(`seed: ${created} accreditations of ${org.name}`);
}

async function seedState(
  m: EntityManager,
  id: string,
  p: Planned,
  c: { today: PlainDate; settings: ReturnType<typeof registerSettingsSchema.parse>; org: { id: string; name: string }; providerAccount: string; staffAccount: string; runs: Array<{ startsOn: string; endsOn: string }> },
): Promise<void> {
  const s = p.state;
  const daysAgo = (n: number) => new Date(Date.now() - n * 24 * 60 * 60 * 1000);
  const submittedDaysAgo = (n: number) => m.query(`UPDATE accreditations SET submitted_at = $2 WHERE id = $1`, [id, daysAgo(n)]);
  const rules = c.settings.cpd.accreditation;
  const form = c.settings.cpd.accreditationForms.find((f) => f.code === p.form)!;
  switch (s.kind) {
    case 'submitted':
      await submittedDaysAgo(s.submittedDaysAgo);
      return;
    case 'objection': {
      await submittedDaysAgo(s.submittedDaysAgo);
      const decisionId = await repo.insertDecision(m, { accreditationId: id, outcome: 'rejected', points: null, category: null, subcategory: null, termYears: null, reason: s.reason, decidedBy: c.staffAccount, decidedAt: daysAgo(s.decidedDaysAgo) });
      await repo.rejectAccreditation(m, id, s.reason, c.staffAccount, daysAgo(s.decidedDaysAgo));
      await repo.insertObjection(m, { accreditationId: id, decisionId, reason: s.objection, lodgedBy: c.providerAccount });
      await repo.moveStatus(m, id, ['rejected'], 'objection');
      return;
    }
    case 'approved': {
      const decidedAt = daysAgo(s.decidedDaysAgo);
      await submittedDaysAgo(s.decidedDaysAgo + 10);
      const points = pointsForHours(p.hours, rules.rounding);
      const category = s.category ?? form.category;
      const subcategory = s.subcategory !== undefined ? s.subcategory : (form.subcategory ?? null);
      const firstRun = c.runs.map((r) => r.startsOn).sort()[0] ?? null;
      const window = validityWindow(addDays(c.today, -s.decidedDaysAgo), firstRun, s.termYears);
      await repo.approveAccreditation(m, id, { points, category, subcategory, termYears: s.termYears, ...window, decidedBy: c.staffAccount, decidedAt }, () => s.code);
      const decisionId = await repo.insertDecision(m, {
        accreditationId: id,
        outcome: 'approved',
        points,
        category,
        subcategory,
        termYears: s.termYears,
        netContactHours: p.hours,
        reason: null,
        decidedBy: c.staffAccount,
        decidedAt,
      });
      if (s.inAgenda === false) await repo.setInAgenda(m, id, false);
      if (s.objection) {
        // Against an approval the status stays 'approved' (the code keeps working); the open row queues it for staff.
        const objectionId = await repo.insertObjection(m, { accreditationId: id, decisionId, reason: s.objection.reason, lodgedBy: c.providerAccount });
        await m.query(`UPDATE accreditation_objections SET lodged_at = $2 WHERE id = $1`, [objectionId, daysAgo(s.objection.lodgedDaysAgo)]);
      }
      if (!s.attendance) return;
      const [pastRun] = await rows<{ id: string; endsOn: string }>(m, `SELECT id, to_char(ends_on, 'YYYY-MM-DD') AS "endsOn" FROM accreditation_runs WHERE accreditation_id = $1 AND ends_on < $2 ORDER BY starts_on LIMIT 1`, [id, c.today]);
      if (!pastRun) return;
      const people = await rows<{ n: string }>(m, `SELECT registration_number AS n FROM persons WHERE seed_key = ANY($1::text[]) AND registration_number IS NOT NULL ORDER BY seed_key`, [ATTENDEES]);
      const list: repo.AttendanceInputRow[] = [
        ...people.map((x, i) => ({ rowNumber: i + 2, raw: `${x.n};deelnemer`, registrationNumber: x.n })),
        { rowNumber: people.length + 2, raw: '999999999;onbekend', registrationNumber: '999999999' },
        { rowNumber: people.length + 3, raw: 'zie bijlage', registrationNumber: null },
      ];
      const upload = await repo.insertUpload(m, { runId: pastRun.id, format: 'csv', fileName: 'presentielijst.csv', uploadedBy: c.providerAccount, uploadedByToken: null, rowCount: list.length });
      const [acc] = await rows<{ points: string }>(m, `SELECT points FROM accreditations WHERE id = $1`, [id]);
      const results = await repo.bookAttendance(
        m,
        upload.id,
        { accreditationId: id, runId: pastRun.id, registerId: (await rows<{ id: string }>(m, `SELECT register_id AS id FROM accreditations WHERE id = $1`, [id]))[0]!.id, title: p.title, providerName: c.org.name, points: acc!.points, category, subcategory, completedOn: pastRun.endsOn },
        list,
        c.providerAccount,
      );
      const booked = results.filter((r) => r.outcome === 'booked').length;
      const already = results.filter((r) => r.outcome === 'already_booked').length;
      await repo.setUploadCounts(m, upload.id, { booked, alreadyBooked: already, refused: results.length - booked - already });
      return;
    }
    default: {
      const exhaustive: never = s;
      throw new Error(`unknown seed state ${JSON.stringify(exhaustive)}`);
    }
  }
}
