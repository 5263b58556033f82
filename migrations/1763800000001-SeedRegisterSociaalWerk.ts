import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_TRANSITIONS, REGISTRATION_STATUSES } from '../server/domain/lifecycle.js';
import type { EntryCriteria, VariantNorm } from '../server/domain/register-rules.js';

/**
 * Why: rules are data. The defaults of domain.md (cycle, reminders, norms, caps, VOG age, measure effects)
 * are rows a register can change without a deploy; this migration puts the first register in place.
 */
// The settings as they were at this migration; later ones add to them (evidence: 1763800000006) or rename
// them (cycle.deadlineDaysBeforeReregistration: 1796117700000). Untyped: today's RegisterSettings is not that day's.
const settings = {
  timeZone: 'Europe/Amsterdam',
  cycle: { lengthMonths: 60, deadlineDaysBeforeEnd: 1, assessmentTargetMonths: 3, assessmentExtensionMonths: 3 },
  reminders: { beforeDeadline: [{ months: 6 }, { months: 3 }, { months: 1 }, { days: 7 }] },
  concepts: { retentionDays: 42, warningDaysBefore: 7 },
  registrationNumber: { digits: 9 },
};

const generalistNorm: VariantNorm = {
  categories: [
    {
      code: 'deskundigheidsbevordering',
      name: { nl: 'Deskundigheidsbevordering', en: 'Professional development' },
      unit: 'points',
      minimum: 60,
      floors: [{ code: 'accredited', minimum: 40, name: { nl: 'Geaccrediteerd of formeel', en: 'Accredited or formal' } }],
      caps: [{ code: 'informal', maximum: 20, name: { nl: 'Informeel leren', en: 'Informal learning' } }],
    },
    {
      code: 'reflectie',
      name: { nl: 'Reflectie (intervisie, supervisie)', en: 'Reflection (peer review, supervision)' },
      unit: 'points',
      minimum: 60,
      floors: [],
      caps: [],
      minSessionMinutes: 60,
    },
    {
      code: 'werkervaring',
      name: { nl: 'Werkervaring', en: 'Work experience' },
      unit: 'hours',
      minimum: 3368,
      floors: [],
      caps: [],
    },
  ],
};

const specialismNorm = (nl: string, en: string): VariantNorm => ({
  categories: [
    {
      code: 'specialisme',
      name: { nl: `Geaccrediteerd voor ${nl}`, en: `Accredited for ${en}` },
      unit: 'points',
      minimum: 20,
      floors: [],
      caps: [],
    },
  ],
});

const declarations: EntryCriteria['declarations'] = ['beroepscode', 'tuchtrecht', 'publication'];

const generalistCriteria: EntryCriteria = {
  vogMaxAgeMonths: 12,
  diplomas: [
    { code: 'hbo-social-work', name: 'Hbo Social Work' },
    { code: 'hbo-mwd', name: 'Hbo Maatschappelijk Werk en Dienstverlening (MWD)' },
    { code: 'hbo-sph', name: 'Hbo Sociaal Pedagogische Hulpverlening (SPH)' },
    { code: 'hbo-cmv', name: 'Hbo Culturele en Maatschappelijke Vorming (CMV)' },
    { code: 'hbo-ad-sw', name: 'Associate degree Sociaal Werk' },
  ],
  evcRouteAllowed: true,
  declarations,
  requirements: [],
};

const employerStatement = { code: 'employer-statement', name: { nl: 'Werkgeversverklaring', en: 'Employer statement' }, kind: 'statement' as const };
const experienceHours = { code: 'experience-hours', name: { nl: 'Werkervaring in het specialisme (uren)', en: 'Experience in the specialism (hours)' }, kind: 'hours' as const, minimum: 2080 };
const trainingHours = { code: 'training-hours', name: { nl: 'Scholing in het specialisme (uren)', en: 'Training in the specialism (hours)' }, kind: 'hours' as const, minimum: 60 };

const specialists: Array<{ code: string; name: string; nameEn: string; criteria: EntryCriteria; norm: VariantNorm }> = [
  {
    code: 'jeugd-gezin',
    name: 'Jeugd- en gezinsprofessional',
    nameEn: 'Youth and family professional',
    norm: specialismNorm('jeugd en gezin', 'youth and family'),
    criteria: {
      vogMaxAgeMonths: 3,
      diplomas: [],
      evcRouteAllowed: false,
      declarations,
      requirements: [
        { code: 'post-hbo-certificate', name: { nl: 'Post-hbo-certificaat jeugd en gezin', en: 'Post-graduate certificate youth and family' }, kind: 'document' },
        employerStatement,
      ],
    },
  },
  {
    code: 'maatschappelijk-werk',
    name: 'Maatschappelijk werker',
    nameEn: 'Social worker (maatschappelijk werk)',
    norm: specialismNorm('maatschappelijk werk', 'social casework'),
    criteria: { vogMaxAgeMonths: 12, diplomas: [], evcRouteAllowed: false, declarations, requirements: [experienceHours, trainingHours, employerStatement] },
  },
  {
    code: 'schuldhulpverlening',
    name: 'Schuldhulpverlener',
    nameEn: 'Debt counsellor',
    norm: specialismNorm('schuldhulpverlening', 'debt counselling'),
    criteria: {
      vogMaxAgeMonths: 12,
      diplomas: [],
      evcRouteAllowed: false,
      declarations,
      requirements: [
        { code: 'post-hbo-certificate', name: { nl: 'Post-hbo-certificaat schuldhulpverlening', en: 'Post-graduate certificate debt counselling' }, kind: 'document' },
        employerStatement,
      ],
    },
  },
  {
    code: 'ggz-agoog',
    name: 'GGZ-agoog',
    nameEn: 'Mental health social worker (GGZ-agoog)',
    norm: specialismNorm('ggz', 'mental health'),
    criteria: { vogMaxAgeMonths: 12, diplomas: [], evcRouteAllowed: false, declarations, requirements: [experienceHours, trainingHours, employerStatement] },
  },
];

const PUBLIC_STATUS: Record<(typeof REGISTRATION_STATUSES)[number], string | null> = {
  concept: null,
  submitted: null,
  in_review: null,
  registered: 'registered',
  rejected: null,
  // Still counts as registered while staff assess the request; the public sees "registered".
  reregistration_submitted: 'registered',
  struck_off: 'struck_off',
  suspended: 'suspended',
  lapsed: 'lapsed',
  withdrawn: 'withdrawn',
};

const MEASURE_TYPES = [
  { code: 'waarschuwing', name: 'Waarschuwing', nameEn: 'Warning', effect: null, maxMonths: null, publication: { rule: 'never' } },
  { code: 'berisping', name: 'Berisping', nameEn: 'Reprimand', effect: null, maxMonths: null, publication: { rule: 'if_ordered', years: 5 } },
  { code: 'voorwaardelijke_schorsing', name: 'Voorwaardelijke schorsing', nameEn: 'Conditional suspension', effect: null, maxMonths: 24, publication: { rule: 'period_plus', years: 5 } },
  { code: 'schorsing', name: 'Schorsing', nameEn: 'Suspension', effect: 'suspended', maxMonths: 12, publication: { rule: 'period_plus', years: 5 } },
  { code: 'doorhaling', name: 'Doorhaling', nameEn: 'Striking off', effect: 'struck_off', maxMonths: null, publication: { rule: 'permanent' } },
];

export class SeedRegisterSociaalWerk1763800000001 implements MigrationInterface {
  name = 'SeedRegisterSociaalWerk1763800000001';

  async up(q: QueryRunner): Promise<void> {
    for (const [i, code] of REGISTRATION_STATUSES.entries()) {
      await q.query(`INSERT INTO registration_statuses (code, public_status, counts_as_registered, sort_order) VALUES ($1, $2, $3, $4)`, [
        code,
        PUBLIC_STATUS[code],
        code === 'registered' || code === 'reregistration_submitted',
        i,
      ]);
    }
    for (const t of DEFAULT_TRANSITIONS) {
      await q.query(`INSERT INTO registration_transitions (from_status, to_status, actor, requires_reason) VALUES ($1, $2, $3, $4)`, [t.from, t.to, t.actor, t.requiresReason]);
    }
    for (const m of MEASURE_TYPES) {
      await q.query(`INSERT INTO measure_types (code, name, name_en, status_effect, max_period_months, publication) VALUES ($1, $2, $3, $4, $5, $6)`, [
        m.code,
        m.name,
        m.nameEn,
        m.effect,
        m.maxMonths,
        JSON.stringify(m.publication),
      ]);
    }
    const [register] = (await q.query(`INSERT INTO registers (code, name, settings) VALUES ('sociaal-werk', 'Register Sociaal Werk', $1) RETURNING id`, [
      JSON.stringify(settings),
    ])) as Array<{ id: string }>;
    const [generalist] = (await q.query(
      `INSERT INTO variants (register_id, code, name, name_en, kind, norm, entry_criteria, sort_order)
       VALUES ($1, 'sociaal-werker', 'Sociaal werker', 'Social worker', 'generalist', $2, $3, 0) RETURNING id`,
      [register!.id, JSON.stringify(generalistNorm), JSON.stringify(generalistCriteria)],
    )) as Array<{ id: string }>;
    for (const [i, s] of specialists.entries()) {
      await q.query(
        `INSERT INTO variants (register_id, code, name, name_en, kind, parent_variant_id, norm, entry_criteria, sort_order)
         VALUES ($1, $2, $3, $4, 'specialist', $5, $6, $7, $8)`,
        [register!.id, s.code, s.name, s.nameEn, generalist!.id, JSON.stringify(s.norm), JSON.stringify(s.criteria), i + 1],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM variants`);
    await q.query(`DELETE FROM registers`);
    await q.query(`DELETE FROM measure_types`);
    await q.query(`DELETE FROM registration_transitions`);
    await q.query(`DELETE FROM registration_statuses`);
  }
}
