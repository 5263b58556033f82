import { expect } from 'chai';
import fc from 'fast-check';
import { computeCpdProgress, type CpdActivity, type CpdNormInput, type CpdProgressInput } from './cpd-progress.js';
import { addDays } from './plain-date.js';
import type { VariantNorm } from './register-rules.js';

const named = (nl: string) => ({ nl, en: nl });
/** Compare in hundredths, the engine's precision. */
const u = (n: number) => Math.round(n * 100);
const hundredths = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((n) => n / 100);

const normsArb: fc.Arbitrary<CpdNormInput[]> = fc
  .record({
    training: fc.integer({ min: 0, max: 100 }),
    floor: fc.integer({ min: 0, max: 60 }),
    cap: fc.integer({ min: 0, max: 40 }),
    reflection: fc.integer({ min: 0, max: 80 }),
    minSession: fc.integer({ min: 15, max: 120 }),
    conversion: fc.array(fc.record({ supervisees: fc.integer({ min: 1, max: 6 }), hours: fc.integer({ min: 1, max: 60 }), points: fc.integer({ min: 0, max: 60 }) }), { maxLength: 3 }),
    hours: fc.integer({ min: 0, max: 4000 }),
    specialism: fc.integer({ min: 0, max: 40 }),
  })
  .map((n): CpdNormInput[] => {
    const generalist: VariantNorm = {
      categories: [
        {
          code: 'deskundigheidsbevordering',
          name: named('d'),
          unit: 'points',
          minimum: n.training,
          floors: [{ code: 'accredited', minimum: n.floor, name: named('f') }],
          caps: [{ code: 'informal', maximum: n.cap, name: named('c') }],
        },
        { code: 'reflectie', name: named('r'), unit: 'points', minimum: n.reflection, floors: [], caps: [], minSessionMinutes: n.minSession, supervisionConversion: n.conversion },
        { code: 'werkervaring', name: named('w'), unit: 'hours', minimum: n.hours, floors: [], caps: [] },
      ],
    };
    const specialism: VariantNorm = { categories: [{ code: 'specialisme', name: named('s'), unit: 'points', minimum: n.specialism, floors: [], caps: [] }] };
    return [
      { variantCode: 'sociaal-werker', specialist: false, norm: generalist },
      { variantCode: 'jeugd', specialist: true, norm: specialism },
      { variantCode: 'ggz', specialist: true, norm: specialism },
    ];
  });

const windowArb = fc.record({ submittedOffset: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: undefined }) }).map(({ submittedOffset }) => ({
  startsOn: '2026-03-15',
  reregistrationOn: '2031-03-15',
  deadline: '2031-03-14',
  ...(submittedOffset === undefined ? {} : { submittedOn: addDays('2026-03-15', submittedOffset) }),
}));

const activityArb = (status?: CpdActivity['status']): fc.Arbitrary<Omit<CpdActivity, 'id'>> =>
  fc.record(
    {
      category: fc.constantFrom('deskundigheidsbevordering', 'reflectie', 'werkervaring', 'specialisme', 'vrije-ruimte'),
      subcategory: fc.constantFrom('accredited', 'informal', 'other'),
      points: hundredths(30),
      hours: hundredths(2000),
      sessionMinutes: fc.integer({ min: 0, max: 240 }),
      completedOn: fc.integer({ min: -100, max: 2000 }).map((d) => addDays('2026-03-15', d)),
      accreditedFor: fc.subarray(['jeugd', 'ggz', 'schuldhulp']),
      status: status === undefined ? fc.constantFrom('approved', 'pending', 'rejected', 'adjusted') : fc.constant(status),
      approvedPoints: hundredths(30),
      staffReason: fc.constant('reden'),
      supervision: fc.record({ hours: hundredths(60), supervisees: fc.integer({ min: 1, max: 8 }) }),
    },
    { requiredKeys: ['category', 'completedOn', 'status'] },
  );

const withIds = (list: Array<Omit<CpdActivity, 'id'>>): CpdActivity[] => list.map((a, i) => ({ ...a, id: `a${i}` }));
const inputArb = fc.record({ norms: normsArb, window: windowArb, activities: fc.array(activityArb(), { maxLength: 60 }).map(withIds) });

const params = { numRuns: 300 };

describe('CPD progress invariants', () => {
  it('never counts more than the approved points', () => {
    fc.assert(
      fc.property(inputArb, (input: CpdProgressInput) => {
        for (const n of computeCpdProgress(input).norms) {
          for (const c of n.categories) {
            expect(u(c.counted)).to.be.at.most(u(c.approved));
            expect(u(c.counted)).to.equal(c.items.reduce((s, i) => s + u(i.counted), 0));
          }
        }
      }),
      params,
    );
  });

  it('never lowers progress when an approved activity is added', () => {
    fc.assert(
      fc.property(inputArb, activityArb('approved'), (input, extra) => {
        const before = computeCpdProgress(input);
        const after = computeCpdProgress({ ...input, activities: [...input.activities, { ...extra, id: 'added' }] });
        before.norms.forEach((n, ni) =>
          n.categories.forEach((c, ci) => {
            const a = after.norms[ni]!.categories[ci]!;
            expect(u(a.counted)).to.be.at.least(u(c.counted));
            expect(u(a.missing)).to.be.at.most(u(c.missing));
            if (c.complete) expect(a.complete).to.equal(true);
          }),
        );
        if (before.complete) expect(after.complete).to.equal(true);
      }),
      params,
    );
  });

  it('always holds a cap', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const sub = new Map(input.activities.map((a) => [a.id, a.subcategory]));
        const p = computeCpdProgress(input);
        input.norms.forEach((n, ni) =>
          n.norm.categories.forEach((category, ci) => {
            const c = p.norms[ni]!.categories[ci]!;
            for (const cap of category.caps) {
              const counted = c.items.filter((i) => sub.get(i.activityId) === cap.code).reduce((s, i) => s + u(i.counted), 0);
              expect(counted).to.be.at.most(u(cap.maximum));
            }
          }),
        );
      }),
      params,
    );
  });

  it('counts every point of every activity or gives it exactly one reason', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const p = computeCpdProgress(input);
        const seen = new Map<string, number>();
        const check = (items: typeof p.unplaced) => {
          for (const i of items) {
            seen.set(i.activityId, (seen.get(i.activityId) ?? 0) + 1);
            expect(u(i.counted) + i.notCounted.reduce((s, n) => s + u(n.points), 0)).to.equal(u(i.points));
            for (const n of i.notCounted) expect(u(n.points)).to.be.greaterThan(0);
            expect(new Set(i.notCounted.map((n) => n.reason)).size).to.equal(i.notCounted.length);
          }
        };
        for (const n of p.norms) for (const c of n.categories) check(c.items);
        check(p.unplaced);
        // Each activity is explained in every category of its code, or among the unplaced ones.
        for (const a of input.activities) {
          const places = input.norms.filter((n) => n.norm.categories.some((c) => c.code === a.category)).length;
          expect(seen.get(a.id)).to.equal(places === 0 ? 1 : places);
        }
      }),
      params,
    );
  });
});
