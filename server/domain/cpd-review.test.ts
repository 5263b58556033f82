import { expect } from 'chai';
import { computeCpdProgress } from './cpd-progress.js';
import { activityClaim, decideActivity, engineActivity, findNormCategory, overdueCutoff, reviewAge, type ActivityClaimRow } from './cpd-review.js';
import { AppError } from './errors.js';
import type { VariantNorm } from './register-rules.js';

const named = (nl: string) => ({ nl, en: nl });
const norm: VariantNorm = {
  categories: [
    { code: 'deskundigheidsbevordering', name: named('D'), unit: 'points', minimum: 60, floors: [], caps: [{ code: 'informal', maximum: 20, name: named('I') }] },
    { code: 'reflectie', name: named('R'), unit: 'points', minimum: 60, floors: [], caps: [], minSessionMinutes: 60, supervisionConversion: [{ supervisees: 2, hours: 45, points: 40 }] },
    { code: 'werkervaring', name: named('W'), unit: 'hours', minimum: 3368, floors: [], caps: [] },
  ],
};
const specialist: VariantNorm = { categories: [{ code: 'specialisme', name: named('S'), unit: 'points', minimum: 20, floors: [], caps: [] }] };
const row = (r: Partial<ActivityClaimRow> & Pick<ActivityClaimRow, 'category'>): ActivityClaimRow => ({
  id: 'a1',
  subcategory: null,
  completedOn: '2027-01-10',
  points: null,
  hours: null,
  sessionMinutes: null,
  supervisees: null,
  ...r,
});
const cat = (code: string) => findNormCategory([norm, specialist], code);

describe('cpd review: the age of a queue item against the target', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  const daysAgo = (d: number, extraMs = 0) => new Date(now.getTime() - d * 86_400_000 - extraMs);

  it('counts whole days waited; day targetDays is on time, the day after is overdue', () => {
    expect(reviewAge(daysAgo(0), now, 14)).to.deep.equal({ ageDays: 0, overdue: false });
    expect(reviewAge(daysAgo(14, 3_600_000), now, 14)).to.deep.equal({ ageDays: 14, overdue: false });
    expect(reviewAge(daysAgo(15), now, 14)).to.deep.equal({ ageDays: 15, overdue: true });
    expect(reviewAge(daysAgo(3), now, 2)).to.deep.equal({ ageDays: 3, overdue: true });
  });

  it('never gives a negative age for a clock slightly ahead', () => {
    expect(reviewAge(new Date(now.getTime() + 5000), now, 14).ageDays).to.equal(0);
  });

  it('the SQL cutoff agrees with the rule on both sides of the boundary', () => {
    for (const target of [1, 7, 14, 30]) {
      const cutoff = overdueCutoff(now, target);
      expect(reviewAge(cutoff, now, target).overdue, `at the cutoff, target ${target}`).to.equal(true);
      expect(reviewAge(new Date(cutoff.getTime() + 1), now, target).overdue, `just after the cutoff, target ${target}`).to.equal(false);
    }
  });
});

describe('cpd review: what an activity claims', () => {
  it('points categories claim their points', () => {
    expect(activityClaim(row({ category: 'deskundigheidsbevordering', points: 12.5 }), cat('deskundigheidsbevordering'), 'points')).to.deep.equal({
      amount: 12.5,
      unit: 'points',
      conversion: null,
      minSessionMinutes: null,
    });
  });

  it('work experience claims hours, in hours', () => {
    const claim = activityClaim(row({ category: 'werkervaring', hours: 1200 }), cat('werkervaring'), 'hours');
    expect(claim).to.include({ amount: 1200, unit: 'hours' });
  });

  it('group supervision claims the converted points (45 h with 2 supervisees = 40) and names the row used', () => {
    const claim = activityClaim(row({ category: 'reflectie', hours: 45, supervisees: 2, sessionMinutes: 90 }), cat('reflectie'), 'supervision');
    expect(claim).to.deep.equal({ amount: 40, unit: 'points', conversion: { supervisees: 2, hours: 45, points: 40 }, minSessionMinutes: 60 });
  });

  it('individual supervision (no row for one supervisee) counts its hours as points', () => {
    expect(activityClaim(row({ category: 'reflectie', hours: 10, supervisees: 1, sessionMinutes: 60 }), cat('reflectie'), 'supervision')).to.include({ amount: 10, conversion: null });
  });

  it('intervision claims its points, with the minimum session length for staff to see', () => {
    expect(activityClaim(row({ category: 'reflectie', points: 2, sessionMinutes: 120 }), cat('reflectie'), 'session')).to.include({ amount: 2, minSessionMinutes: 60 });
  });

  it('the claim is what the progress engine would count once approved', () => {
    const r = row({ category: 'reflectie', hours: 45, supervisees: 2, sessionMinutes: 90 });
    const claim = activityClaim(r, cat('reflectie'), 'supervision');
    const approved = { ...engineActivity(r, 'supervision'), status: 'approved' as const, approvedPoints: claim.amount };
    const progress = computeCpdProgress({
      norms: [{ variantCode: 'sw', specialist: false, norm }],
      window: { startsOn: '2026-01-01', reregistrationOn: '2031-01-01', deadline: '2030-12-31' },
      activities: [approved],
    });
    const item = progress.norms[0]!.categories.find((c) => c.code === 'reflectie')!.items[0]!;
    expect(item).to.deep.equal({ activityId: 'a1', points: 40, counted: 40, notCounted: [] });
  });
});

describe('cpd review: deciding on a claim', () => {
  const claim = { amount: 10, unit: 'points' as const };

  it('approve grants the whole claim', () => {
    expect(decideActivity(claim, { decision: 'approve' })).to.deep.equal({ status: 'approved', approvedPoints: 10, staffReason: null });
  });

  it('adjust grants less than the claim, down to zero, with the reason', () => {
    expect(decideActivity(claim, { decision: 'adjust', points: 6.5, reason: 'Pauzes afgetrokken.' })).to.deep.equal({ status: 'adjusted', approvedPoints: 6.5, staffReason: 'Pauzes afgetrokken.' });
    expect(decideActivity(claim, { decision: 'adjust', points: 0, reason: 'Geen bewijs.' }).approvedPoints).to.equal(0);
  });

  it('refuses an adjustment at or above the claim, or below zero', () => {
    for (const points of [10, 10.001, 12, -1]) {
      try {
        decideActivity(claim, { decision: 'adjust', points, reason: 'x' });
        expect.fail(`accepted ${points}`);
      } catch (err) {
        expect(err).to.be.instanceOf(AppError);
        expect((err as AppError).code).to.equal('adjustment_not_below_claim');
        expect((err as AppError).details).to.deep.include({ claimed: 10, unit: 'points' });
      }
    }
  });

  it('an adjustment of hours is in hours', () => {
    expect(decideActivity({ amount: 1200, unit: 'hours' }, { decision: 'adjust', points: 800, reason: 'Verklaring dekt 800 uur.' }).approvedPoints).to.equal(800);
  });

  it('reject grants nothing, with the reason', () => {
    expect(decideActivity(claim, { decision: 'reject', reason: 'Geen scholing.' })).to.deep.equal({ status: 'rejected', approvedPoints: null, staffReason: 'Geen scholing.' });
  });

  it('a claim of nothing cannot be adjusted, only approved or rejected', () => {
    expect(() => decideActivity({ amount: 0, unit: 'points' }, { decision: 'adjust', points: 0, reason: 'x' })).to.throw(AppError);
  });
});
