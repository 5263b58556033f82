import { expect } from 'chai';
import { checkAccreditationUse, periodDays, validateActivityLog, type ActivityLogContext, type ActivityLogRequest } from './cpd-activity.js';
import { cpdStanding, progressView, toProgressActivity, type CpdRegistrationFacts } from './cpd-dossier.js';
import { AppError } from './errors.js';
import type { VariantNorm } from './register-rules.js';

const named = (nl: string) => ({ nl, en: nl });
const norm: VariantNorm = {
  categories: [
    { code: 'deskundigheidsbevordering', name: named('D'), unit: 'points', minimum: 60, floors: [], caps: [{ code: 'informal', maximum: 20, name: named('I') }] },
    { code: 'reflectie', name: named('R'), unit: 'points', minimum: 60, floors: [], caps: [], minSessionMinutes: 60 },
    { code: 'werkervaring', name: named('W'), unit: 'hours', minimum: 3368, floors: [], caps: [] },
  ],
};
const ctx: ActivityLogContext = {
  cpd: {
    activities: { maxPoints: 200, maxHours: 10000, maxSessionMinutes: 1440, maxSupervisees: 20 },
    accreditation: { rounding: { pointsPerHour: 1, step: 0.5, mode: 'down' }, termYears: [1, 3], objectionWeeks: 8, finalTest: { forms: [], minHours: 18 }, maxNetHours: 500, maxRunsPerRequest: 100 },
    activityKinds: [
      { code: 'formal_learning', name: named('F'), category: 'deskundigheidsbevordering', subcategory: 'accredited', measure: 'points' },
      { code: 'informal_learning', name: named('I'), category: 'deskundigheidsbevordering', subcategory: 'informal', measure: 'points' },
      { code: 'intervision', name: named('I'), category: 'reflectie', measure: 'session' },
      { code: 'supervision', name: named('S'), category: 'reflectie', measure: 'supervision' },
      { code: 'work_experience', name: named('W'), category: 'werkervaring', measure: 'hours' },
    ],
  },
  norm,
  today: '2027-06-01',
  diplomaYear: 2015,
  competenceCodes: new Set(['samenwerking', 'ondernemend']),
};

const refusal = (req: ActivityLogRequest, c: ActivityLogContext = ctx): { code: string; details: unknown } => {
  try {
    validateActivityLog(req, c);
  } catch (err) {
    if (err instanceof AppError) return { code: err.code, details: err.details };
    throw err;
  }
  throw new Error('expected a refusal');
};

describe('CPD activity log rules (validateActivityLog)', () => {
  const base = { kind: 'formal_learning', title: 'Training', completedOn: '2027-05-01' };

  it('takes a points activity with its kind’s category and subcategory, and de-duplicates competences', () => {
    const v = validateActivityLog({ ...base, points: 4.005, competences: ['samenwerking', 'samenwerking'] }, ctx);
    expect(v).to.deep.include({ kind: 'formal_learning', measure: 'points', category: 'deskundigheidsbevordering', subcategory: 'accredited', points: 4.01, competences: ['samenwerking'] });
  });

  it('turns a session into contact-hour points and keeps its length (the minimum is a progress rule, not a refusal)', () => {
    expect(validateActivityLog({ kind: 'intervision', title: 'I', completedOn: '2027-05-01', sessionMinutes: 90 }, ctx)).to.deep.include({ sessionMinutes: 90, points: 1.5 });
    expect(validateActivityLog({ kind: 'intervision', title: 'I', completedOn: '2027-05-01', sessionMinutes: 30 }, ctx)).to.deep.include({ sessionMinutes: 30, points: 0.5 });
  });

  it('asks supervision for hours, supervisees and the session length (reflectie has a minimum session)', () => {
    expect(validateActivityLog({ kind: 'supervision', title: 'S', completedOn: '2027-05-01', hours: 45, supervisees: 2, sessionMinutes: 90 }, ctx)).to.deep.include({ hours: 45, supervisees: 2, points: null });
    expect(refusal({ kind: 'supervision', title: 'S', completedOn: '2027-05-01', hours: 45, supervisees: 2 })).to.deep.include({ code: 'activity_field_missing', details: { field: 'sessionMinutes' } });
  });

  it('declares work experience per period with an employer, never more hours than the period has', () => {
    const w = { kind: 'work_experience', title: 'W', completedOn: '2027-05-10', periodStartsOn: '2027-05-01', employerName: 'Welzijn Oost' };
    expect(validateActivityLog({ ...w, hours: 80 }, ctx)).to.deep.include({ hours: 80, periodStartsOn: '2027-05-01', employerName: 'Welzijn Oost' });
    expect(refusal({ ...w, hours: 241 })).to.deep.include({ code: 'activity_amount_invalid', details: { field: 'hours', value: 241, max: 240 } });
    expect(refusal({ ...w, periodStartsOn: '2027-05-11', hours: 8 }).code).to.equal('activity_period_invalid');
    expect(refusal({ ...w, employerName: ' ', hours: 8 }).code).to.equal('activity_field_missing');
    expect(refusal({ ...w, periodStartsOn: undefined, hours: 8 }).code).to.equal('activity_field_missing');
  });

  it('refuses zero, negative, absurd, fractional and missing amounts with the limit from the settings', () => {
    expect(refusal({ ...base, points: 0 }).code).to.equal('activity_amount_invalid');
    expect(refusal({ ...base, points: -1 }).code).to.equal('activity_amount_invalid');
    expect(refusal({ ...base, points: 0.001 }).code).to.equal('activity_amount_invalid');
    expect(refusal({ ...base, points: Number.NaN }).code).to.equal('activity_amount_invalid');
    expect(refusal({ ...base, points: 201 })).to.deep.include({ code: 'activity_amount_invalid', details: { field: 'points', value: 201, max: 200 } });
    expect(refusal({ ...base })).to.deep.include({ code: 'activity_field_missing', details: { field: 'points' } });
    expect(refusal({ kind: 'intervision', title: 'I', completedOn: '2027-05-01', sessionMinutes: 1441 }).code).to.equal('activity_amount_invalid');
    expect(refusal({ kind: 'intervision', title: 'I', completedOn: '2027-05-01', sessionMinutes: 59.5 }).code).to.equal('activity_amount_invalid');
    expect(refusal({ kind: 'supervision', title: 'S', completedOn: '2027-05-01', hours: 4, supervisees: 21, sessionMinutes: 60 }).code).to.equal('activity_amount_invalid');
    // The limit is data: a register with a lower maximum refuses less.
    const strict = { ...ctx, cpd: { ...ctx.cpd, activities: { ...ctx.cpd.activities, maxPoints: 10 } } };
    expect(refusal({ ...base, points: 11 }, strict)).to.deep.include({ details: { field: 'points', value: 11, max: 10 } });
  });

  it('refuses a completion date after today and before the diploma year', () => {
    expect(refusal({ ...base, points: 2, completedOn: '2027-06-02' }).code).to.equal('activity_date_in_future');
    expect(validateActivityLog({ ...base, points: 2, completedOn: '2027-06-01' }, ctx).completedOn).to.equal('2027-06-01');
    expect(refusal({ ...base, points: 2, completedOn: '2014-12-31' }).code).to.equal('activity_before_diploma');
    expect(validateActivityLog({ ...base, points: 2, completedOn: '2015-01-01' }, ctx).completedOn).to.equal('2015-01-01');
    expect(validateActivityLog({ ...base, points: 2, completedOn: '2010-01-01' }, { ...ctx, diplomaYear: null }).completedOn).to.equal('2010-01-01');
  });

  it('refuses an unknown kind, an unknown competence and a missing title', () => {
    expect(refusal({ ...base, kind: 'yoga', points: 2 }).code).to.equal('activity_kind_unknown');
    expect(refusal({ ...base, points: 2, competences: ['vliegen', 'samenwerking'] })).to.deep.include({ code: 'competence_unknown', details: { codes: ['vliegen'] } });
    expect(refusal({ ...base, title: '  ', points: 2 })).to.deep.include({ code: 'activity_field_missing', details: { field: 'title' } });
  });

  it('counts the days of a period with both ends', () => {
    expect(periodDays('2027-05-01', '2027-05-01')).to.equal(1);
    expect(periodDays('2027-01-01', '2027-12-31')).to.equal(365);
    expect(periodDays('2024-01-01', '2024-12-31')).to.equal(366);
  });
});

describe('CPD accreditation code use (checkAccreditationUse)', () => {
  const acc = { code: 'ABCD-2345', validFrom: '2027-01-01', validUntil: '2027-12-31', variants: [{ code: 'jeugd-gezin', name: 'Jeugd- en gezinsprofessional' }] };
  const code = (f: () => void) => {
    try {
      f();
      return null;
    } catch (err) {
      return err instanceof AppError ? err : null;
    }
  };
  const held = (...codes: string[]) => codes.map((c) => ({ code: c, since: '2020-01-01' }));
  it('accepts a code for one of the registered variants inside its term, ends included', () => {
    expect(code(() => checkAccreditationUse(acc, held('sociaal-werker', 'jeugd-gezin'), '2027-01-01'))).to.equal(null);
    expect(code(() => checkAccreditationUse(acc, held('sociaal-werker', 'jeugd-gezin'), '2027-12-31'))).to.equal(null);
  });
  it('names the variants of a code for another variant, and gives the term of one outside it', () => {
    const other = code(() => checkAccreditationUse(acc, held('sociaal-werker'), '2027-05-01'))!;
    expect(other.code).to.equal('accreditation_other_variant');
    expect(other.message).to.include('Jeugd- en gezinsprofessional');
    const outside = code(() => checkAccreditationUse(acc, held('jeugd-gezin'), '2028-01-01'))!;
    expect(outside.code).to.equal('accreditation_outside_term');
    expect(outside.details).to.deep.include({ validFrom: '2027-01-01', validUntil: '2027-12-31' });
  });
  it('counts a code only for a variant held on the completion date: registered since a later day says so', () => {
    const later = [{ code: 'sociaal-werker', since: '2020-01-01' }, { code: 'jeugd-gezin', since: '2027-06-01' }];
    const early = code(() => checkAccreditationUse(acc, later, '2027-05-31'))!;
    expect(early.code).to.equal('accreditation_not_registered_then');
    expect(early.details).to.deep.include({ registeredOn: '2027-06-01', completedOn: '2027-05-31' });
    expect(code(() => checkAccreditationUse(acc, later, '2027-06-01'))).to.equal(null);
    // A registration whose first day is not known does not vouch for any date.
    expect(code(() => checkAccreditationUse(acc, [{ code: 'jeugd-gezin', since: null }], '2027-06-01'))!.code).to.equal('accreditation_not_registered_then');
  });
});

describe('CPD dossier (cpdStanding, toProgressActivity)', () => {
  const settings = { timeZone: 'Europe/Amsterdam', cycle: { lengthMonths: 60, deadlineDaysBeforeReregistration: 1, assessmentTargetMonths: 3, assessmentExtensionMonths: 3 }, reminders: { beforeDeadline: [] }, concepts: { retentionDays: 42, warningDaysBefore: 7 }, registrationNumber: { digits: 9 }, evidence: { maxBytes: 1024 * 1024 }, cpd: { ...ctx.cpd, attendance: { maxRows: 1, maxBytes: 2048 }, review: { targetDays: 14 }, apiTokens: { requestsPerMinute: 1, maxActivePerOrganisation: 1 }, invitations: { validDays: 1 }, accreditationForms: [{ code: 'training', name: named('T'), category: 'deskundigheidsbevordering' }] } };
  const reg = (r: Partial<CpdRegistrationFacts>): CpdRegistrationFacts => ({
    status: 'registered',
    countsAsRegistered: true,
    variantCode: 'sociaal-werker',
    variantName: 'Sociaal werker',
    variantNameEn: 'Social worker',
    variantKind: 'generalist',
    norm,
    registerId: 'r',
    settings,
    registeredOn: '2026-03-15',
    cycleStartsOn: '2026-03-15',
    cycleEndsOn: '2031-03-14',
    cycleDeadline: '2031-03-14',
    submittedOn: null,
    diplomaYear: 2015,
    ...r,
  });
  const specialist = reg({ variantCode: 'jeugd-gezin', variantKind: 'specialist', norm: { categories: [] }, cycleStartsOn: null, cycleEndsOn: null, cycleDeadline: null });

  it('measures against the generalist cycle, the generalist norm and every registered specialist norm', () => {
    const s = cpdStanding([reg({}), specialist]);
    expect(s.registered).to.equal(true);
    expect(s.registeredVariants).to.deep.equal(['sociaal-werker', 'jeugd-gezin']);
    expect(s.norms.map((n) => [n.variantCode, n.specialist])).to.deep.equal([['sociaal-werker', false], ['jeugd-gezin', true]]);
    expect(s.window).to.deep.equal({ startsOn: '2026-03-15', reregistrationOn: '2031-03-15', deadline: '2031-03-14' });
  });

  it('moves the window with an early reregistration, keeps CPD going while suspended, and logs nothing without a registration', () => {
    expect(cpdStanding([reg({ status: 'reregistration_submitted', submittedOn: '2029-01-10' })]).window?.submittedOn).to.equal('2029-01-10');
    expect(cpdStanding([reg({ status: 'suspended', countsAsRegistered: false })]).registered).to.equal(true);
    const concept = cpdStanding([reg({ status: 'concept', countsAsRegistered: false, cycleStartsOn: null, cycleEndsOn: null, cycleDeadline: null })]);
    expect(concept).to.deep.include({ registered: false, window: null, registeredVariants: [] });
    expect(cpdStanding([]).registered).to.equal(false);
    // A specialist registration that no longer counts brings no norm.
    expect(cpdStanding([reg({}), { ...specialist, status: 'struck_off', countsAsRegistered: false }]).norms).to.have.length(1);
  });

  it('reads numeric columns and gives group supervision to the conversion, staff’s points only once decided', () => {
    const row = { id: 'a', title: 'x', kind: 'supervision', source: 'registrant' as const, category: 'reflectie', subcategory: null, completedOn: '2027-01-01', points: null, hours: '45.00', sessionMinutes: 90, supervisees: 2, status: 'pending' as const, approvedPoints: null, staffReason: null, accreditationCode: null, accreditedFor: [] };
    expect(toProgressActivity(row)).to.deep.equal({ id: 'a', category: 'reflectie', completedOn: '2027-01-01', status: 'pending', accreditedFor: [], sessionMinutes: 90, supervision: { hours: 45, supervisees: 2 } });
    const adjusted = toProgressActivity({ ...row, kind: 'formal_learning', hours: null, supervisees: null, sessionMinutes: null, points: '16.00', status: 'adjusted', approvedPoints: '12.00', staffReason: 'r' });
    expect(adjusted).to.deep.include({ points: 16, approvedPoints: 12, staffReason: 'r' });
    expect(toProgressActivity({ ...row, status: 'rejected', approvedPoints: '0' }).approvedPoints).to.equal(undefined);
  });

  it('counts what is accredited for a specialist variant on top, in the specialist norm, whatever its category', () => {
    const specialistNorm: VariantNorm = { categories: [{ code: 'specialisme', name: named('S'), unit: 'points', minimum: 20, floors: [], caps: [] }] };
    const s = cpdStanding([reg({}), { ...specialist, norm: specialistNorm }]);
    const row = { title: 't', kind: 'accredited', source: 'attendance' as const, completedOn: '2027-01-01', hours: null, sessionMinutes: null, supervisees: null, status: 'approved' as const, staffReason: null, accreditationCode: 'ABCD-2345' };
    const forJeugd = { ...row, id: 'a1', category: 'deskundigheidsbevordering', subcategory: 'accredited', points: '12', approvedPoints: '12', accreditedFor: ['jeugd-gezin', 'sociaal-werker'] };
    const general = { ...row, id: 'a2', category: 'deskundigheidsbevordering', subcategory: 'accredited', points: '8', approvedPoints: '8', accreditedFor: ['sociaal-werker'] };
    const otherSpecialism = { ...row, id: 'a3', category: 'specialisme', subcategory: null, points: '5', approvedPoints: '5', accreditedFor: ['ggz-agoog'] };
    const p = progressView(s, [forJeugd, general, otherSpecialism]);
    const dk = p.norms[0]!.categories.find((c) => c.code === 'deskundigheidsbevordering')!;
    expect(dk.counted).to.equal(20);
    const spec = p.norms[1]!.categories[0]!;
    expect(spec.counted).to.equal(12);
    expect(spec.items.map((i) => [i.activityId, i.counted, i.notCounted.map((n) => n.reason)])).to.deep.equal([
      ['a1', 12, []],
      ['a3', 0, ['not_accredited_for_variant']],
    ]);
    expect(p.missing.filter((m) => m.variantCode === 'jeugd-gezin')).to.deep.equal([{ code: 'points_missing', variantCode: 'jeugd-gezin', category: 'specialisme', points: 8, before: '2031-03-14' }]);
    expect(p.complete).to.equal(false);
  });
});
