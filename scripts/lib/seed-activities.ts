import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { addDays, todayIn, type PlainDate } from '../../server/domain/plain-date.js';
import { rows } from '../../server/db/sql.js';
import { EvidenceStore } from '../../server/storage/evidence-store.js';

/**
 * Demo CPD activities (issue 8, registrant side), idempotent by seed_key ('seed-act-…'). Sanne de Vries
 * (seed-person-0) gets activities in every state, so her progress screen shows every kind of explanation:
 * pending with evidence, adjusted and rejected with staff's reason, informal learning above its cap, one outside the
 * cycle, an intervision session that is too short, group supervision (45 h with 2 supervisees) and work experience
 * periods. Her accredited points come from the accreditation seed's attendance list. A few other registered seed
 * persons get pending activities of different ages, so the staff queue has work.
 */

/** A small but complete one-page PDF (cross-reference table with real offsets), as demo evidence. */
function demoPdf(): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> >>'];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

interface SeedActivity {
  key: string;
  kind: string;
  title: string;
  providerName?: string;
  category: string;
  subcategory?: string;
  /** Where in the cycle (0 = its first day, 1 = today); negative days: before the cycle. */
  at: number | { daysBeforeCycle: number };
  points?: number;
  hours?: number;
  sessionMinutes?: number;
  supervisees?: number;
  periodDays?: number;
  employerName?: string;
  status: 'pending' | 'approved' | 'adjusted' | 'rejected';
  approvedPoints?: number;
  staffReason?: string;
  competences?: string[];
  evidence?: { kind: string; name: string };
  /** Pending ones: how long ago they were logged (the staff queue shows the age). */
  loggedDaysAgo?: number;
}

const SANNE: SeedActivity[] = [
  {
    key: 'pending-training',
    kind: 'formal_learning',
    title: 'Training motiverende gespreksvoering',
    providerName: 'Trainingsbureau De Brug',
    category: 'deskundigheidsbevordering',
    subcategory: 'accredited',
    at: 0.95,
    points: 8,
    status: 'pending',
    competences: ['verheldert-vragen', 'eigen-kracht-zelfregie'],
    evidence: { kind: 'certificate', name: 'certificaat-gespreksvoering.pdf' },
    loggedDaysAgo: 3,
  },
  {
    key: 'adjusted-course',
    kind: 'formal_learning',
    title: 'Cursus huiselijk geweld en kindermishandeling',
    providerName: 'Expertisecentrum Veilig Thuis',
    category: 'deskundigheidsbevordering',
    subcategory: 'accredited',
    at: 0.4,
    points: 16,
    status: 'adjusted',
    approvedPoints: 12,
    staffReason: 'Het certificaat vermeldt 12 netto contacturen; pauzes en reistijd tellen niet mee.',
    competences: ['vakbekwaam-resultaatgericht', 'samenwerking'],
  },
  {
    key: 'rejected-meeting',
    kind: 'informal_learning',
    title: 'Teamoverleg wijkteam',
    category: 'deskundigheidsbevordering',
    subcategory: 'informal',
    at: 0.5,
    points: 6,
    status: 'rejected',
    staffReason: 'Een regulier teamoverleg hoort bij het werk zelf en geldt niet als deskundigheidsbevordering.',
  },
  { key: 'informal-1', kind: 'informal_learning', title: 'Vakliteratuur: Handboek sociaal werk', category: 'deskundigheidsbevordering', subcategory: 'informal', at: 0.2, points: 10, status: 'approved', approvedPoints: 10, competences: ['vakbekwaam-resultaatgericht'] },
  { key: 'informal-2', kind: 'informal_learning', title: 'Webinar schulden en armoede', category: 'deskundigheidsbevordering', subcategory: 'informal', at: 0.3, points: 8, status: 'approved', approvedPoints: 8, competences: ['sociale-samenhang'] },
  { key: 'informal-3', kind: 'informal_learning', title: 'Werkbezoek buurtteam Overvecht', category: 'deskundigheidsbevordering', subcategory: 'informal', at: 0.6, points: 7, status: 'approved', approvedPoints: 7, competences: ['zichtbaar-erop-af', 'sociale-netwerken'] },
  {
    key: 'outside-cycle',
    kind: 'formal_learning',
    title: 'Basiscursus gespreksvoering (vorige periode)',
    providerName: 'Hogeschool Utrecht',
    category: 'deskundigheidsbevordering',
    subcategory: 'accredited',
    at: { daysBeforeCycle: 40 },
    points: 6,
    status: 'approved',
    approvedPoints: 6,
  },
  { key: 'intervision-short', kind: 'intervision', title: 'Intervisie (ingekort)', category: 'reflectie', at: 0.55, sessionMinutes: 45, points: 0.75, status: 'approved', approvedPoints: 0.75 },
  ...[0.15, 0.35, 0.65, 0.8].map(
    (at, i): SeedActivity => ({ key: `intervision-${i + 1}`, kind: 'intervision', title: `Intervisie wijkteam, bijeenkomst ${i + 1}`, category: 'reflectie', at, sessionMinutes: 120, points: 2, status: 'approved', approvedPoints: 2, competences: ['verantwoordelijk-gedrag'] }),
  ),
  {
    key: 'group-supervision',
    kind: 'supervision',
    title: 'Groepssupervisie',
    providerName: 'Praktijk voor supervisie Hendriks',
    category: 'reflectie',
    at: 0.7,
    hours: 45,
    supervisees: 2,
    sessionMinutes: 90,
    status: 'approved',
    approvedPoints: 40,
    competences: ['vakbekwaam-resultaatgericht', 'ondernemend'],
  },
  { key: 'work-1', kind: 'work_experience', title: 'Werkervaring Welzijn Oost', category: 'werkervaring', at: 0.45, periodDays: 400, hours: 1400, employerName: 'Welzijn Oost', status: 'approved', approvedPoints: 1400 },
  {
    key: 'work-2',
    kind: 'work_experience',
    title: 'Werkervaring Buurtteams Utrecht',
    category: 'werkervaring',
    at: 0.9,
    periodDays: 120,
    hours: 400,
    employerName: 'Buurtteams Utrecht',
    status: 'pending',
    evidence: { kind: 'employer-statement', name: 'werkgeversverklaring.pdf' },
    loggedDaysAgo: 9,
  },
];

const OTHERS: SeedActivity[] = [
  { key: 'training', kind: 'formal_learning', title: 'Training omgaan met agressie', providerName: 'Trainingsbureau De Brug', category: 'deskundigheidsbevordering', subcategory: 'accredited', at: 0.8, points: 6, status: 'pending', evidence: { kind: 'certificate', name: 'certificaat.pdf' }, loggedDaysAgo: 20 },
  { key: 'intervision', kind: 'intervision', title: 'Intervisie', category: 'reflectie', at: 0.85, sessionMinutes: 90, points: 1.5, status: 'pending', evidence: { kind: 'reflection-statement', name: 'reflectieverslag.pdf' }, loggedDaysAgo: 6 },
];

export async function seedActivities(db: DataSource, options: { evidenceDir?: string | undefined }): Promise<void> {
  const people = await rows<{ id: string; seedKey: string; registerId: string; startsOn: PlainDate; timeZone: string }>(
    db,
    `SELECT p.id, p.seed_key AS "seedKey", v.register_id AS "registerId", r.cycle_starts_on::text AS "startsOn", g.settings->>'timeZone' AS "timeZone"
       FROM persons p JOIN registrations r ON r.person_id = p.id JOIN variants v ON v.id = r.variant_id JOIN registers g ON g.id = v.register_id
      WHERE v.kind = 'generalist' AND r.status = 'registered' AND r.cycle_starts_on IS NOT NULL
        AND p.seed_key = ANY($1::text[])
      ORDER BY p.seed_key`,
    [['seed-person-0', ...Array.from({ length: 20 }, (_, i) => `seed-person-${i + 1}`)]],
  );
  if (people.length === 0) return;
  const [staff] = await rows<{ id: string }>(db, `SELECT account_id AS id FROM account_roles WHERE role = 'staff' ORDER BY account_id LIMIT 1`);
  const store = options.evidenceDir ? new EvidenceStore(options.evidenceDir) : null;
  const pdf = demoPdf();
  // Sanne, and the next five registered people with two pending activities each.
  const plan: Array<{ person: (typeof people)[number]; activities: SeedActivity[] }> = [];
  const sanne = people.find((p) => p.seedKey === 'seed-person-0');
  if (sanne) plan.push({ person: sanne, activities: SANNE });
  for (const person of people.filter((p) => p.seedKey !== 'seed-person-0').slice(0, 5)) plan.push({ person, activities: OTHERS });

  for (const { person, activities } of plan) {
    const today = todayIn(person.timeZone);
    const span = Math.max(0, daysBetween(person.startsOn, today));
    for (const a of activities) {
      const completedOn = typeof a.at === 'number' ? addDays(person.startsOn, Math.floor(span * a.at)) : addDays(person.startsOn, -a.at.daysBeforeCycle);
      const periodStartsOn = a.periodDays !== undefined ? addDays(completedOn, -a.periodDays) : null;
      const decided = a.status !== 'pending';
      const [inserted] = await rows<{ id: string }>(
        db,
        `INSERT INTO cpd_activities (person_id, register_id, source, kind, title, provider_name, category, subcategory, completed_on, period_starts_on,
                                     employer_name, points, hours, session_minutes, supervisees, status, approved_points, staff_reason, decided_by, decided_at,
                                     created_at, seed_key)
         VALUES ($1, $2, 'registrant', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, CASE WHEN $19 THEN now() END,
                 now() - make_interval(days => $20), $21)
         ON CONFLICT (seed_key) DO NOTHING
         RETURNING id`,
        [
          person.id,
          person.registerId,
          a.kind,
          a.title,
          a.providerName ?? null,
          a.category,
          a.subcategory ?? null,
          completedOn,
          periodStartsOn,
          a.employerName ?? null,
          a.points ?? null,
          a.hours ?? null,
          a.sessionMinutes ?? null,
          a.supervisees ?? null,
          a.status,
          decided ? (a.approvedPoints ?? null) : null,
          a.staffReason ?? null,
          decided ? (staff?.id ?? null) : null,
          decided,
          a.loggedDaysAgo ?? 30,
          `seed-act-${person.seedKey.replace(/^seed-/, '')}-${a.key}`,
        ],
      );
      if (!inserted) continue;
      if (a.competences?.length) {
        await db.query(
          `INSERT INTO cpd_activity_competences (activity_id, competence_id) SELECT $1, id FROM competences WHERE register_id = $2 AND code = ANY($3::text[]) ON CONFLICT DO NOTHING`,
          [inserted.id, person.registerId, a.competences],
        );
      }
      if (a.evidence && store) {
        const id = randomUUID();
        await store.put(id, pdf);
        await db.query(
          `INSERT INTO cpd_evidence_files (id, activity_id, kind, original_name, content_type, size_bytes, sha256) VALUES ($1, $2, $3, $4, 'application/pdf', $5, 'demo')`,
          [id, inserted.id, a.evidence.kind, a.evidence.name, pdf.length],
        );
      }
    }
  }
}

function daysBetween(from: PlainDate, to: PlainDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
