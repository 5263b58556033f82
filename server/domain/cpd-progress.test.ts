import { expect } from 'chai';
import { computeCpdProgress, type CpdActivity, type CpdNormInput, type CpdProgress, type CpdProgressInput } from './cpd-progress.js';
import type { VariantNorm } from './register-rules.js';

const named = (nl: string) => ({ nl, en: nl });

// The generalist and specialist norms as the seed holds them, plus the conversion table the seed will get.
const generalistNorm: VariantNorm = {
  categories: [
    {
      code: 'deskundigheidsbevordering',
      name: named('Deskundigheidsbevordering'),
      unit: 'points',
      minimum: 60,
      floors: [{ code: 'accredited', minimum: 40, name: named('Geaccrediteerd of formeel') }],
      caps: [{ code: 'informal', maximum: 20, name: named('Informeel leren') }],
    },
    {
      code: 'reflectie',
      name: named('Reflectie'),
      unit: 'points',
      minimum: 60,
      floors: [],
      caps: [],
      minSessionMinutes: 60,
      supervisionConversion: [{ supervisees: 2, hours: 45, points: 40 }],
    },
    { code: 'werkervaring', name: named('Werkervaring'), unit: 'hours', minimum: 3368, floors: [], caps: [] },
  ],
};
const specialistNorm: VariantNorm = { categories: [{ code: 'specialisme', name: named('Specialisme'), unit: 'points', minimum: 20, floors: [], caps: [] }] };

const norms: CpdNormInput[] = [
  { variantCode: 'sociaal-werker', specialist: false, norm: generalistNorm },
  { variantCode: 'jeugd', specialist: true, norm: specialistNorm },
];
const window = { startsOn: '2026-03-15', reregistrationOn: '2031-03-15', deadline: '2031-03-14' };

let seq = 0;
const act = (a: Partial<CpdActivity> & Pick<CpdActivity, 'category'>): CpdActivity => ({ id: `a${String(++seq).padStart(3, '0')}`, completedOn: '2027-01-10', status: 'approved', ...a });

const run = (activities: CpdActivity[], extra: Partial<CpdProgressInput> = {}): CpdProgress => computeCpdProgress({ norms, window, activities, ...extra });
const cat = (p: CpdProgress, code: string, variant = code === 'specialisme' ? 'jeugd' : 'sociaal-werker') => {
  const c = p.norms.find((n) => n.variantCode === variant)?.categories.find((x) => x.code === code);
  if (!c) throw new Error(`no category ${code}`);
  return c;
};
const itemOf = (p: CpdProgress, code: string, id: string) => cat(p, code).items.find((i) => i.activityId === id);

describe('CPD progress', () => {
  it('counts approved points toward the category minimum and says how many are still missing before the deadline', () => {
    const p = run([act({ category: 'reflectie', points: 48, sessionMinutes: 90 })]);
    const r = cat(p, 'reflectie');
    expect(r).to.include({ required: 60, counted: 48, approved: 48, pending: 0, missing: 12, complete: false });
    expect(p.missing).to.deep.include({ code: 'points_missing', variantCode: 'sociaal-werker', category: 'reflectie', points: 12, before: '2031-03-14' });
  });

  it('shows informal points above the cap but does not count them; the earliest activities fill the cap first', () => {
    const first = act({ category: 'deskundigheidsbevordering', subcategory: 'informal', points: 15, completedOn: '2027-02-01' });
    const second = act({ category: 'deskundigheidsbevordering', subcategory: 'informal', points: 10, completedOn: '2027-03-01' });
    const p = run([second, first]);
    const d = cat(p, 'deskundigheidsbevordering');
    expect(d.counted).to.equal(20);
    expect(d.approved).to.equal(25);
    expect(d.caps).to.deep.equal([{ code: 'informal', maximum: 20, counted: 20, above: 5 }]);
    expect(d.items.map((i) => i.activityId)).to.deep.equal([first.id, second.id]);
    expect(itemOf(p, 'deskundigheidsbevordering', first.id)).to.deep.equal({ activityId: first.id, points: 15, counted: 15, notCounted: [] });
    expect(itemOf(p, 'deskundigheidsbevordering', second.id)).to.deep.equal({ activityId: second.id, points: 10, counted: 5, notCounted: [{ points: 5, reason: 'above_cap', capCode: 'informal' }] });
  });

  it('breaks a cap tie on the same day by activity id', () => {
    const a = { category: 'deskundigheidsbevordering', subcategory: 'informal', points: 20, completedOn: '2027-02-01' } as const;
    const p = run([act({ ...a, id: 'b' }), act({ ...a, id: 'a' })]);
    expect(itemOf(p, 'deskundigheidsbevordering', 'a')?.counted).to.equal(20);
    expect(itemOf(p, 'deskundigheidsbevordering', 'b')?.counted).to.equal(0);
  });

  it('keeps a category incomplete while its floor is not reached, even when the total is met, and says so', () => {
    const p = run([
      act({ category: 'deskundigheidsbevordering', subcategory: 'accredited', points: 30 }),
      act({ category: 'deskundigheidsbevordering', points: 30 }),
    ]);
    const d = cat(p, 'deskundigheidsbevordering');
    expect(d).to.include({ counted: 60, missing: 10, complete: false });
    expect(d.floors).to.deep.equal([{ code: 'accredited', minimum: 40, counted: 30, missing: 10 }]);
    expect(p.missing.filter((m) => m.category === 'deskundigheidsbevordering')).to.deep.equal([
      { code: 'points_missing', variantCode: 'sociaal-werker', category: 'deskundigheidsbevordering', floor: 'accredited', points: 10, before: '2031-03-14' },
    ]);
  });

  it('asks for the floor and for the rest of the total separately, adding up to what is missing', () => {
    const p = run([act({ category: 'deskundigheidsbevordering', subcategory: 'accredited', points: 10 })]);
    expect(cat(p, 'deskundigheidsbevordering').missing).to.equal(50);
    expect(p.missing.filter((m) => m.category === 'deskundigheidsbevordering').map((m) => [m.floor, m.code === 'points_missing' ? m.points : null])).to.deep.equal([
      ['accredited', 30],
      [undefined, 20],
    ]);
  });

  it('completes a category with the floor and the total met', () => {
    const p = run([
      act({ category: 'deskundigheidsbevordering', subcategory: 'accredited', points: 40 }),
      act({ category: 'deskundigheidsbevordering', subcategory: 'informal', points: 20 }),
    ]);
    expect(cat(p, 'deskundigheidsbevordering')).to.include({ counted: 60, missing: 0, complete: true });
  });

  it('counts only activities completed inside the cycle: from the start date up to, not including, the herregistratiedatum', () => {
    const before = act({ category: 'reflectie', points: 5, sessionMinutes: 60, completedOn: '2026-03-14' });
    const first = act({ category: 'reflectie', points: 5, sessionMinutes: 60, completedOn: '2026-03-15' });
    const last = act({ category: 'reflectie', points: 5, sessionMinutes: 60, completedOn: '2031-03-14' });
    const after = act({ category: 'reflectie', points: 5, sessionMinutes: 60, completedOn: '2031-03-15' });
    const p = run([before, first, last, after]);
    expect(cat(p, 'reflectie').counted).to.equal(10);
    expect(itemOf(p, 'reflectie', before.id)?.notCounted).to.deep.equal([{ points: 5, reason: 'outside_cycle' }]);
    expect(itemOf(p, 'reflectie', after.id)?.notCounted).to.deep.equal([{ points: 5, reason: 'outside_cycle' }]);
    expect(p.window).to.deep.equal({ startsOn: '2026-03-15', endsBefore: '2031-03-15' });
  });

  it('moves the end of the window to the submission date on early reregistration; later activities go to the next cycle', () => {
    const on = act({ category: 'reflectie', points: 5, sessionMinutes: 60, completedOn: '2030-06-01' });
    const dayBefore = act({ category: 'reflectie', points: 5, sessionMinutes: 60, completedOn: '2030-05-31' });
    const p = run([on, dayBefore], { window: { ...window, submittedOn: '2030-06-01' } });
    expect(p.window.endsBefore).to.equal('2030-06-01');
    expect(itemOf(p, 'reflectie', dayBefore.id)?.counted).to.equal(5);
    expect(itemOf(p, 'reflectie', on.id)?.notCounted).to.deep.equal([{ points: 5, reason: 'after_submission' }]);
  });

  it('does not count pending points but shows them, so the registrant sees what may still come', () => {
    const pending = act({ category: 'reflectie', points: 8, sessionMinutes: 60, status: 'pending' });
    const p = run([pending, act({ category: 'reflectie', points: 10, sessionMinutes: 60 })]);
    expect(cat(p, 'reflectie')).to.include({ counted: 10, approved: 10, pending: 8, missing: 50 });
    expect(itemOf(p, 'reflectie', pending.id)?.notCounted).to.deep.equal([{ points: 8, reason: 'pending' }]);
  });

  it("does not count a rejected activity and carries staff's reason", () => {
    const rejected = act({ category: 'deskundigheidsbevordering', points: 8, status: 'rejected', staffReason: 'Geen bewijs van deelname' });
    const p = run([rejected]);
    expect(cat(p, 'deskundigheidsbevordering')).to.include({ counted: 0, approved: 0, pending: 0 });
    expect(itemOf(p, 'deskundigheidsbevordering', rejected.id)?.notCounted).to.deep.equal([{ points: 8, reason: 'rejected', staffReason: 'Geen bewijs van deelname' }]);
  });

  it("counts the points staff adjusted to and explains the difference with staff's reason", () => {
    const adjusted = act({ category: 'deskundigheidsbevordering', points: 8, status: 'adjusted', approvedPoints: 6, staffReason: 'Pauzes tellen niet' });
    const p = run([adjusted]);
    expect(cat(p, 'deskundigheidsbevordering')).to.include({ counted: 6, approved: 6 });
    expect(itemOf(p, 'deskundigheidsbevordering', adjusted.id)).to.deep.equal({
      activityId: adjusted.id,
      points: 8,
      counted: 6,
      notCounted: [{ points: 2, reason: 'adjusted', staffReason: 'Pauzes tellen niet' }],
    });
  });

  it('counts a specialist norm on top of the generalist norm, only with activities accredited for that variant', () => {
    const accredited = act({ category: 'specialisme', points: 12, accreditedFor: ['jeugd'] });
    const other = act({ category: 'specialisme', points: 12, accreditedFor: ['schuldhulp'] });
    const p = run([accredited, other]);
    const s = cat(p, 'specialisme');
    expect(s).to.include({ required: 20, counted: 12, missing: 8, complete: false });
    expect(itemOf(p, 'specialisme', other.id)?.notCounted).to.deep.equal([{ points: 12, reason: 'not_accredited_for_variant' }]);
    expect(p.norms.map((n) => n.variantCode)).to.deep.equal(['sociaal-werker', 'jeugd']);
    expect(p.missing).to.deep.include({ code: 'points_missing', variantCode: 'jeugd', category: 'specialisme', points: 8, before: '2031-03-14' });
  });

  it('is complete only when the generalist and every specialist norm are met', () => {
    const all = [
      act({ category: 'deskundigheidsbevordering', subcategory: 'accredited', points: 60 }),
      act({ category: 'reflectie', points: 60, sessionMinutes: 60 }),
      act({ category: 'werkervaring', hours: 3368 }),
    ];
    expect(run(all).norms[0]?.complete).to.equal(true);
    expect(run(all).complete).to.equal(false);
    expect(run([...all, act({ category: 'specialisme', points: 20, accreditedFor: ['jeugd'] })]).complete).to.equal(true);
    expect(run([...all, act({ category: 'specialisme', points: 20, accreditedFor: ['jeugd'] })]).missing).to.deep.equal([]);
  });

  it('counts reflection only for sessions of at least the configured minimum', () => {
    const short = act({ category: 'reflectie', points: 3, sessionMinutes: 59 });
    const exact = act({ category: 'reflectie', points: 3, sessionMinutes: 60 });
    const unknown = act({ category: 'reflectie', points: 3 });
    const p = run([short, exact, unknown]);
    expect(cat(p, 'reflectie').counted).to.equal(3);
    expect(itemOf(p, 'reflectie', short.id)?.notCounted).to.deep.equal([{ points: 3, reason: 'session_too_short' }]);
    expect(itemOf(p, 'reflectie', unknown.id)?.notCounted).to.deep.equal([{ points: 3, reason: 'session_length_missing' }]);
    // The minimum is data: without it any session counts.
    const free: VariantNorm = { categories: generalistNorm.categories.map((c) => ({ ...c, minSessionMinutes: undefined })) };
    expect(cat(run([short], { norms: [{ variantCode: 'sociaal-werker', specialist: false, norm: free }] }), 'reflectie').counted).to.equal(3);
  });

  it('converts group supervision by the configured table: 45 hours with 2 supervisees = 40 points', () => {
    const group = act({ category: 'reflectie', sessionMinutes: 90, supervision: { hours: 45, supervisees: 2 } });
    const bigger = act({ category: 'reflectie', sessionMinutes: 90, supervision: { hours: 9, supervisees: 4 } });
    const alone = act({ category: 'reflectie', sessionMinutes: 90, supervision: { hours: 10, supervisees: 1 } });
    const p = run([group, bigger, alone]);
    expect(itemOf(p, 'reflectie', group.id)?.counted).to.equal(40);
    // The row with the largest group size not above the actual one applies: 9 × 40 / 45 = 8.
    expect(itemOf(p, 'reflectie', bigger.id)?.counted).to.equal(8);
    // No row applies: 1 hour is 1 point.
    expect(itemOf(p, 'reflectie', alone.id)?.counted).to.equal(10);
    expect(cat(p, 'reflectie').counted).to.equal(58);
    // The table is data: without it an hour of supervision is a point.
    const plain: VariantNorm = { categories: generalistNorm.categories.map((c) => ({ ...c, supervisionConversion: undefined })) };
    expect(cat(run([group], { norms: [{ variantCode: 'sociaal-werker', specialist: false, norm: plain }] }), 'reflectie').counted).to.equal(45);
  });

  it('rounds a conversion that does not come out even down to the hundredth', () => {
    const p = run([act({ category: 'reflectie', sessionMinutes: 60, supervision: { hours: 1, supervisees: 2 } })]);
    expect(cat(p, 'reflectie').counted).to.equal(0.88);
  });

  it('counts declared work hours toward the work-experience norm in hours', () => {
    const p = run([act({ category: 'werkervaring', hours: 1600.5, completedOn: '2027-12-31' }), act({ category: 'werkervaring', hours: 1000.25, completedOn: '2028-12-31' })]);
    expect(cat(p, 'werkervaring')).to.include({ unit: 'hours', counted: 2600.75, missing: 767.25, complete: false });
    expect(p.missing).to.deep.include({ code: 'hours_missing', variantCode: 'sociaal-werker', category: 'werkervaring', hours: 767.25, before: '2031-03-14' });
  });

  it('adds tenths without float drift', () => {
    const p = run(Array.from({ length: 10 }, () => act({ category: 'deskundigheidsbevordering', points: 0.1 })));
    expect(cat(p, 'deskundigheidsbevordering').counted).to.equal(1);
  });

  it('reads every number from the norm: another cap, floor and minimum change the result', () => {
    const norm: VariantNorm = {
      categories: [{ ...generalistNorm.categories[0]!, minimum: 10, caps: [{ code: 'informal', maximum: 3, name: named('i') }], floors: [] }],
    };
    const p = run([act({ category: 'deskundigheidsbevordering', subcategory: 'informal', points: 12 })], { norms: [{ variantCode: 'x', specialist: false, norm }] });
    expect(cat(p, 'deskundigheidsbevordering', 'x')).to.include({ required: 10, counted: 3, missing: 7 });
  });

  it('lists an activity whose category no norm has, with its reason', () => {
    const stray = act({ category: 'vrije-ruimte', points: 4 });
    expect(run([stray]).unplaced).to.deep.equal([{ activityId: stray.id, points: 4, counted: 0, notCounted: [{ points: 4, reason: 'category_not_in_norm' }] }]);
  });

  it('handles a thousand activities in one pass (linear design; nothing is timed here)', () => {
    const many = Array.from({ length: 1000 }, (_, i) =>
      act({ category: i % 2 ? 'deskundigheidsbevordering' : 'reflectie', subcategory: i % 3 ? 'informal' : 'accredited', points: 1, sessionMinutes: 60, completedOn: '2028-01-01' }),
    );
    const p = run(many);
    expect(cat(p, 'deskundigheidsbevordering').items).to.have.length(500);
    expect(cat(p, 'reflectie').counted).to.equal(500);
  });
});
