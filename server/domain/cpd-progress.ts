import type { PlainDate } from './plain-date.js';
import type { VariantNorm } from './register-rules.js';

/**
 * "How far am I with my points": one pure function over the norms, the cycle window, the activities and staff's
 * decisions. It explains every point: per norm and category what is approved, pending and counted, and for every
 * point that does not count exactly one reason.
 *
 * Amounts. Points and hours are kept internally as integer hundredths (inputs are rounded to the nearest 0.01),
 * so sums never drift; a conversion that does not come out even is rounded down to the hundredth (never credit
 * more than the table gives). Outputs are plain numbers in the category's unit (points or hours).
 *
 * Order. Activities are taken by completion date, then id. When a cap cuts, the earliest activities fill it
 * first; the later ones carry the rest as `above_cap`. Items are listed in the same order.
 *
 * Reasons, checked in this order; the first that applies takes all of an activity's points:
 * rejected (with staff's reason) → outside_cycle (before the start or on/after the herregistratiedatum) →
 * after_submission (on/after an early reregistration: it counts in the next cycle) → not_accredited_for_variant
 * (a specialist norm counts only activities accredited for that variant) → session_too_short /
 * session_length_missing (a category with a minimum session length) → pending (not yet decided; would count).
 * Of an approved activity, points staff took off carry `adjusted` (with staff's reason) and points beyond a cap
 * carry `above_cap` (with the cap's code); the rest is counted.
 */

export type ActivityStatus = 'approved' | 'pending' | 'rejected' | 'adjusted';

export interface CpdActivity {
  id: string;
  /** The norm category's code, e.g. 'deskundigheidsbevordering', 'reflectie', 'werkervaring', 'specialisme'. */
  category: string;
  /** Matches a cap or floor code of the category, e.g. 'accredited' or 'informal'. */
  subcategory?: string;
  /** Claimed points (categories in points). */
  points?: number;
  /** Claimed hours (categories in hours, e.g. work experience declared per period). */
  hours?: number;
  /** Length of one session; checked against the category's minSessionMinutes. */
  sessionMinutes?: number;
  completedOn: PlainDate;
  /** Variant codes the activity is accredited for; a specialist norm counts only its own. */
  accreditedFor?: readonly string[];
  status: ActivityStatus;
  /** What staff (or the accreditation) granted; below the claim the difference carries `adjusted`. */
  approvedPoints?: number;
  staffReason?: string;
  /** Group supervision: the points come from the category's conversion table instead of `points`. */
  supervision?: { hours: number; supervisees: number };
}

export interface CpdNormInput {
  variantCode: string;
  /** A specialist norm sits on top of the generalist one and counts only activities accredited for its variant. */
  specialist: boolean;
  norm: VariantNorm;
}

export interface CpdWindow {
  /** The first day that counts. */
  startsOn: PlainDate;
  /** The herregistratiedatum: the first day that no longer counts. */
  reregistrationOn: PlainDate;
  /** The reregistration deadline, shown with what is missing. */
  deadline: PlainDate;
  /** Early reregistration: the new cycle starts on this date, so activities completed on or after it move on. */
  submittedOn?: PlainDate;
}

export interface CpdProgressInput {
  /** The generalist norm first, then the specialist ones. */
  norms: readonly CpdNormInput[];
  window: CpdWindow;
  activities: readonly CpdActivity[];
}

export type NotCountedReason =
  | 'rejected'
  | 'outside_cycle'
  | 'after_submission'
  | 'not_accredited_for_variant'
  | 'session_too_short'
  | 'session_length_missing'
  | 'pending'
  | 'adjusted'
  | 'above_cap'
  | 'category_not_in_norm';

export interface NotCounted {
  points: number;
  reason: NotCountedReason;
  capCode?: string;
  staffReason?: string;
}

export interface ActivityItem {
  activityId: string;
  /** Everything in play for this activity: counted plus the sum of notCounted. */
  points: number;
  counted: number;
  notCounted: NotCounted[];
}

export interface CategoryProgress {
  code: string;
  unit: 'points' | 'hours';
  required: number;
  counted: number;
  /** Approved points of activities that can count here (before caps). */
  approved: number;
  /** Points of undecided activities that would count here if approved (before caps). */
  pending: number;
  /** The least still needed: the total shortfall or the floors' shortfalls, whichever is larger. */
  missing: number;
  complete: boolean;
  caps: Array<{ code: string; maximum: number; counted: number; above: number }>;
  floors: Array<{ code: string; minimum: number; counted: number; missing: number }>;
  items: ActivityItem[];
}

export interface NormProgress {
  variantCode: string;
  specialist: boolean;
  complete: boolean;
  categories: CategoryProgress[];
}

/** Codes and numbers, not sentences: the client says "nog 12 punten reflectie vóór 14 maart 2031". */
export type MissingItem =
  | { code: 'points_missing'; variantCode: string; category: string; floor?: string; points: number; before: PlainDate }
  | { code: 'hours_missing'; variantCode: string; category: string; floor?: string; hours: number; before: PlainDate };

export interface CpdProgress {
  complete: boolean;
  deadline: PlainDate;
  /** The days that count: startsOn ≤ completedOn < endsBefore. */
  window: { startsOn: PlainDate; endsBefore: PlainDate };
  norms: NormProgress[];
  /** In the order of the norms and categories; for a category with floors, the floors first, then the rest. */
  missing: MissingItem[];
  /** Activities whose category no norm has. */
  unplaced: ActivityItem[];
}

type NormCategory = VariantNorm['categories'][number];
type Conversion = NonNullable<NormCategory['supervisionConversion']>[number];

const SCALE = 100;
const toUnits = (n: number | undefined): number => (n === undefined || !Number.isFinite(n) || n <= 0 ? 0 : Math.round(n * SCALE));
const fromUnits = (u: number): number => u / SCALE;

export function computeCpdProgress(input: CpdProgressInput): CpdProgress {
  const { window } = input;
  const endsBefore = window.submittedOn !== undefined && window.submittedOn < window.reregistrationOn ? window.submittedOn : window.reregistrationOn;
  const activities = [...input.activities].sort(byCompletionThenId);

  // One pass to bucket by category, so the work per category is linear in its own activities.
  const byCategory = new Map<string, CpdActivity[]>();
  for (const a of activities) {
    let list = byCategory.get(a.category);
    if (!list) byCategory.set(a.category, (list = []));
    list.push(a);
  }

  const placed = new Set<string>();
  const missing: MissingItem[] = [];
  const norms = input.norms.map((n): NormProgress => {
    const categories = n.norm.categories.map((category) => {
      placed.add(category.code);
      const progress = categoryProgress(category, n, byCategory.get(category.code) ?? [], window.startsOn, endsBefore, window.submittedOn);
      missing.push(...missingItems(progress, n.variantCode, window.deadline));
      return progress;
    });
    return { variantCode: n.variantCode, specialist: n.specialist, complete: categories.every((c) => c.complete), categories };
  });

  const unplaced: ActivityItem[] = [];
  for (const [code, list] of byCategory) {
    if (placed.has(code)) continue;
    for (const a of list) {
      const p = claimedUnits(a, undefined);
      unplaced.push(item(a.id, p, 0, p > 0 ? [{ points: p, reason: 'category_not_in_norm' }] : []));
    }
  }

  return { complete: norms.every((n) => n.complete), deadline: window.deadline, window: { startsOn: window.startsOn, endsBefore }, norms, missing, unplaced };
}

function byCompletionThenId(a: CpdActivity, b: CpdActivity): number {
  if (a.completedOn !== b.completedOn) return a.completedOn < b.completedOn ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function categoryProgress(
  category: NormCategory,
  norm: CpdNormInput,
  activities: readonly CpdActivity[],
  startsOn: PlainDate,
  endsBefore: PlainDate,
  submittedOn: PlainDate | undefined,
): CategoryProgress {
  const capRoom = new Map(category.caps.map((c) => [c.code, toUnits(c.maximum)]));
  const capUsed = new Map(category.caps.map((c) => [c.code, 0]));
  const capAbove = new Map(category.caps.map((c) => [c.code, 0]));
  const floorCounted = new Map(category.floors.map((f) => [f.code, 0]));
  let counted = 0;
  let approved = 0;
  let pending = 0;
  const items: ActivityItem[] = [];

  for (const a of activities) {
    const claimed = claimedUnits(a, category);
    const whole = wholeReason(a, category, norm, startsOn, endsBefore, submittedOn);
    if (whole !== null) {
      if (whole === 'pending') pending += claimed;
      const reason: NotCounted = { points: claimed, reason: whole };
      if (whole === 'rejected' && a.staffReason !== undefined) reason.staffReason = a.staffReason;
      items.push(item(a.id, claimed, 0, claimed > 0 ? [reason] : []));
      continue;
    }

    const granted = a.approvedPoints === undefined ? claimed : toUnits(a.approvedPoints);
    approved += granted;
    const notCounted: NotCounted[] = [];
    if (granted < claimed) {
      const adjusted: NotCounted = { points: claimed - granted, reason: 'adjusted' };
      if (a.staffReason !== undefined) adjusted.staffReason = a.staffReason;
      notCounted.push(adjusted);
    }
    let take = granted;
    const cap = a.subcategory === undefined ? undefined : capRoom.get(a.subcategory);
    if (a.subcategory !== undefined && cap !== undefined) {
      const used = capUsed.get(a.subcategory) ?? 0;
      take = Math.min(granted, Math.max(0, cap - used));
      capUsed.set(a.subcategory, used + take);
      if (granted > take) {
        capAbove.set(a.subcategory, (capAbove.get(a.subcategory) ?? 0) + granted - take);
        notCounted.push({ points: granted - take, reason: 'above_cap', capCode: a.subcategory });
      }
    }
    counted += take;
    if (a.subcategory !== undefined && floorCounted.has(a.subcategory)) floorCounted.set(a.subcategory, (floorCounted.get(a.subcategory) ?? 0) + take);
    items.push(item(a.id, Math.max(claimed, granted), take, notCounted));
  }

  const required = toUnits(category.minimum);
  const floors = category.floors.map((f) => {
    const got = floorCounted.get(f.code) ?? 0;
    const need = toUnits(f.minimum);
    return { code: f.code, minimum: f.minimum, counted: fromUnits(got), missing: fromUnits(Math.max(0, need - got)), short: Math.max(0, need - got) };
  });
  const floorShort = floors.reduce((sum, f) => sum + f.short, 0);
  const totalShort = Math.max(0, required - counted);
  const missingUnits = Math.max(totalShort, floorShort);

  return {
    code: category.code,
    unit: category.unit,
    required: category.minimum,
    counted: fromUnits(counted),
    approved: fromUnits(approved),
    pending: fromUnits(pending),
    missing: fromUnits(missingUnits),
    complete: missingUnits === 0,
    caps: category.caps.map((c) => ({ code: c.code, maximum: c.maximum, counted: fromUnits(capUsed.get(c.code) ?? 0), above: fromUnits(capAbove.get(c.code) ?? 0) })),
    floors: floors.map(({ short: _short, ...f }) => f),
    items,
  };
}

function wholeReason(
  a: CpdActivity,
  category: NormCategory,
  norm: CpdNormInput,
  startsOn: PlainDate,
  endsBefore: PlainDate,
  submittedOn: PlainDate | undefined,
): NotCountedReason | null {
  if (a.status === 'rejected') return 'rejected';
  if (a.completedOn < startsOn || a.completedOn >= endsBefore) {
    return submittedOn !== undefined && endsBefore === submittedOn && a.completedOn >= submittedOn ? 'after_submission' : 'outside_cycle';
  }
  if (norm.specialist && !(a.accreditedFor ?? []).includes(norm.variantCode)) return 'not_accredited_for_variant';
  if (category.minSessionMinutes !== undefined) {
    if (a.sessionMinutes === undefined) return 'session_length_missing';
    if (a.sessionMinutes < category.minSessionMinutes) return 'session_too_short';
  }
  if (a.status === 'pending') return 'pending';
  return null;
}

/** What the activity claims, in hundredths of the category's unit. */
function claimedUnits(a: CpdActivity, category: NormCategory | undefined): number {
  if (category?.unit === 'hours') return toUnits(a.hours);
  if (a.supervision !== undefined) {
    // Without a table supervision is contact hours like any other: 1 hour is 1 point, unless points were claimed.
    return category?.supervisionConversion !== undefined ? convertSupervision(a.supervision, category.supervisionConversion) : toUnits(a.points ?? a.supervision.hours);
  }
  if (category === undefined) return toUnits(a.points ?? a.hours);
  return toUnits(a.points);
}

function convertSupervision(s: { hours: number; supervisees: number }, table: readonly Conversion[]): number {
  const hours = toUnits(s.hours);
  let row: Conversion | undefined;
  for (const r of table) if (r.supervisees <= s.supervisees && (row === undefined || r.supervisees > row.supervisees)) row = r;
  if (row === undefined) return hours;
  const rowHours = toUnits(row.hours);
  // All three are integers: the quotient is exact when the table comes out even (45 h × 40 / 45 = 40).
  return Math.floor((hours * toUnits(row.points)) / rowHours);
}

function item(activityId: string, points: number, counted: number, notCounted: NotCounted[]): ActivityItem {
  return { activityId, points: fromUnits(points), counted: fromUnits(counted), notCounted: notCounted.map((n) => ({ ...n, points: fromUnits(n.points) })) };
}

function missingItems(c: CategoryProgress, variantCode: string, before: PlainDate): MissingItem[] {
  if (c.complete) return [];
  const out: MissingItem[] = [];
  let floorShort = 0;
  for (const f of c.floors) {
    if (f.missing <= 0) continue;
    floorShort += toUnits(f.missing);
    out.push(amount(c.unit, variantCode, c.code, toUnits(f.missing), before, f.code));
  }
  const rest = toUnits(c.missing) - floorShort;
  if (rest > 0) out.push(amount(c.unit, variantCode, c.code, rest, before, undefined));
  return out;
}

function amount(unit: 'points' | 'hours', variantCode: string, category: string, units: number, before: PlainDate, floor: string | undefined): MissingItem {
  const value = fromUnits(units);
  const base = { variantCode, category, before, ...(floor === undefined ? {} : { floor }) };
  return unit === 'hours' ? { code: 'hours_missing', ...base, hours: value } : { code: 'points_missing', ...base, points: value };
}

/**
 * What an activity claims in its category's unit (points, or hours for an hours category; group supervision through
 * the category's conversion table): the amount the progress engine compares `approvedPoints` with. Staff review uses
 * it so that "approve" grants exactly what the engine would count and "adjust" is measured against the same claim.
 */
export function claimedAmount(a: CpdActivity, category: VariantNorm['categories'][number] | undefined): number {
  return fromUnits(claimedUnits(a, category));
}
