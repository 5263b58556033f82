import { claimedAmount, type CpdActivity } from './cpd-progress.js';
import { AppError } from './errors.js';
import type { CpdSettings, VariantNorm } from './register-rules.js';

/**
 * Staff review of CPD work: how long an item has waited against the register's target, what an activity claims,
 * and what a decision on it grants. Pure; the service reads the rows and the register data.
 *
 * What `approved_points` means. It is always in the unit of the activity's norm category, because that is what
 * computeCpdProgress compares it with (the claim in the category's unit, see claimedAmount):
 * - points categories: points. For supervision the claim is the points after the category's group-supervision
 *   conversion (45 hours with 2 supervisees = 40 points), so approving grants 40 and an adjustment is in points
 *   below 40, not in hours; intervision claims its points, checked against the minimum session length by the engine.
 * - hours categories (work experience): hours. Approving a declared period of 1,200 hours grants 1,200 hours;
 *   an adjustment grants fewer hours (e.g. the hours the employer statement supports).
 * Approve grants the whole claim; adjust grants less (at least 0, less than the claim) with a reason; reject grants
 * nothing (approved_points stays empty) with a reason. The engine then explains the rest as `adjusted` or `rejected`
 * with staff's reason.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

export type NormCategory = VariantNorm['categories'][number];
export type ActivityMeasure = CpdSettings['activityKinds'][number]['measure'];
export type ReviewUnit = NormCategory['unit'];

/**
 * Whole days an item has waited, and whether that is past the target: an item waiting more than targetDays full
 * days is overdue (with a target of 14, day 14 is still on time, day 15 is late). Every staff queue uses this rule,
 * and the queue's SQL filter says the same (entered at or before now − (targetDays + 1) days).
 */
export function reviewAge(enteredAt: Date, now: Date, targetDays: number): { ageDays: number; overdue: boolean } {
  const ageDays = Math.max(0, Math.floor((now.getTime() - enteredAt.getTime()) / DAY_MS));
  return { ageDays, overdue: ageDays > targetDays };
}

/** The latest instant an item may have entered the queue and be overdue now (the SQL side of reviewAge). */
export function overdueCutoff(now: Date, targetDays: number): Date {
  return new Date(now.getTime() - (targetDays + 1) * DAY_MS);
}

/** An activity as stored, numbers parsed. */
export interface ActivityClaimRow {
  id: string;
  category: string;
  subcategory: string | null;
  completedOn: string;
  points: number | null;
  hours: number | null;
  sessionMinutes: number | null;
  supervisees: number | null;
}

/** The first category with this code in the register's norms (generalist first). */
export function findNormCategory(norms: readonly VariantNorm[], code: string): NormCategory | undefined {
  for (const n of norms) {
    const found = n.categories.find((c) => c.code === code);
    if (found) return found;
  }
  return undefined;
}

/** The row as the progress engine reads it; the activity kind's measure says whether it is supervision. */
export function engineActivity(row: ActivityClaimRow, measure: ActivityMeasure | undefined): CpdActivity {
  const a: CpdActivity = { id: row.id, category: row.category, completedOn: row.completedOn, status: 'pending' };
  if (row.subcategory !== null) a.subcategory = row.subcategory;
  if (row.points !== null) a.points = row.points;
  if (row.hours !== null) a.hours = row.hours;
  if (row.sessionMinutes !== null) a.sessionMinutes = row.sessionMinutes;
  const supervision = measure === 'supervision' || (measure === undefined && row.supervisees !== null);
  if (supervision && row.hours !== null) a.supervision = { hours: row.hours, supervisees: row.supervisees ?? 1 };
  return a;
}

export interface Claim {
  /** In `unit`: what approving grants. */
  amount: number;
  unit: ReviewUnit;
  /** The group-supervision row that turned hours into points, if one applied. */
  conversion: { supervisees: number; hours: number; points: number } | null;
  /** The category's minimum session length (reflection), for staff to check the claim against. */
  minSessionMinutes: number | null;
}

export function activityClaim(row: ActivityClaimRow, category: NormCategory | undefined, measure: ActivityMeasure | undefined): Claim {
  const activity = engineActivity(row, measure);
  const unit: ReviewUnit = category?.unit ?? (row.points === null && row.hours !== null ? 'hours' : 'points');
  let conversion: Claim['conversion'] = null;
  if (unit === 'points' && activity.supervision && category?.supervisionConversion) {
    // The same row the engine picks: the largest group size not above this group's.
    for (const r of category.supervisionConversion) {
      if (r.supervisees <= activity.supervision.supervisees && (conversion === null || r.supervisees > conversion.supervisees)) conversion = { ...r };
    }
  }
  return { amount: claimedAmount(activity, category), unit, conversion, minSessionMinutes: category?.minSessionMinutes ?? null };
}

export type ReviewDecision = { decision: 'approve' } | { decision: 'adjust'; points: number; reason: string } | { decision: 'reject'; reason: string };

export interface ReviewOutcome {
  status: 'approved' | 'adjusted' | 'rejected';
  approvedPoints: number | null;
  staffReason: string | null;
}

/**
 * What a decision grants, checked against the claim. An adjustment must grant less than the claim (an equal amount
 * is an approval, more is not staff's to give) and not less than nothing; 422 `adjustment_not_below_claim` otherwise.
 */
export function decideActivity(claim: Pick<Claim, 'amount' | 'unit'>, d: ReviewDecision): ReviewOutcome {
  switch (d.decision) {
    case 'approve':
      return { status: 'approved', approvedPoints: claim.amount, staffReason: null };
    case 'adjust': {
      const granted = Math.round(d.points * 100) / 100;
      if (!Number.isFinite(granted) || granted < 0 || granted >= claim.amount) {
        throw new AppError(
          'adjustment_not_below_claim',
          `An adjustment grants at least 0 and less than the claimed ${claim.amount} ${claim.unit}; to grant all of it, approve.`,
          { claimed: claim.amount, unit: claim.unit, points: d.points },
        );
      }
      return { status: 'adjusted', approvedPoints: granted, staffReason: d.reason };
    }
    case 'reject':
      return { status: 'rejected', approvedPoints: null, staffReason: d.reason };
    default: {
      const exhaustive: never = d;
      throw new Error(`unknown decision ${JSON.stringify(exhaustive)}`);
    }
  }
}
