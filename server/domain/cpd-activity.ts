import { AppError } from './errors.js';
import { addDays, type PlainDate } from './plain-date.js';
import type { CpdSettings, VariantNorm } from './register-rules.js';

/**
 * "May I log this?": the pure rules of a registrant's activity log request, checked against the register's data
 * (activity kinds and their measures, the limits, the minimum session length of the category), today in the
 * register's time zone and the diploma year. Every refusal is an AppError with its own code; nothing is stored
 * before these pass.
 */

export interface ActivityLogRequest {
  kind?: string | undefined;
  title?: string | undefined;
  providerName?: string | undefined;
  description?: string | undefined;
  completedOn: PlainDate;
  periodStartsOn?: PlainDate | undefined;
  employerName?: string | undefined;
  points?: number | undefined;
  hours?: number | undefined;
  sessionMinutes?: number | undefined;
  supervisees?: number | undefined;
  competences?: readonly string[] | undefined;
}

export interface ActivityLogContext {
  cpd: Pick<CpdSettings, 'activities' | 'activityKinds' | 'accreditation'>;
  /** The generalist norm: a kind's category may ask a minimum session length (reflectie). */
  norm: VariantNorm;
  today: PlainDate;
  /** The year of the diploma of the generalist application; null when unknown (no check). */
  diplomaYear: number | null;
  /** The codes of the register's competences on offer (not retired). */
  competenceCodes: ReadonlySet<string>;
}

export interface ValidActivity {
  kind: string;
  measure: CpdSettings['activityKinds'][number]['measure'];
  category: string;
  subcategory: string | null;
  title: string;
  providerName: string | null;
  description: string | null;
  completedOn: PlainDate;
  periodStartsOn: PlainDate | null;
  employerName: string | null;
  points: number | null;
  hours: number | null;
  sessionMinutes: number | null;
  supervisees: number | null;
  competences: string[];
}

const missing = (field: string): AppError => new AppError('activity_field_missing', `This kind of activity needs ${field}.`, { field });

function amount(field: string, value: number | undefined, max: number, opts: { integer?: boolean } = {}): number {
  if (value === undefined) throw missing(field);
  if (!Number.isFinite(value) || value <= 0) throw new AppError('activity_amount_invalid', `${field} must be more than 0.`, { field, value, max });
  if (value > max) throw new AppError('activity_amount_invalid', `${field} may be at most ${max}.`, { field, value, max });
  if (opts.integer && !Number.isInteger(value)) throw new AppError('activity_amount_invalid', `${field} must be a whole number.`, { field, value, max });
  // Amounts are kept to the hundredth (numeric(…, 2)); 0.004 would be stored as 0.
  const rounded = Math.round(value * 100) / 100;
  if (rounded <= 0) throw new AppError('activity_amount_invalid', `${field} must be at least 0.01.`, { field, value, max });
  return rounded;
}

/** The completion date (and a period's start) may not lie after today nor before the diploma year. */
export function checkActivityDates(completedOn: PlainDate, periodStartsOn: PlainDate | null, today: PlainDate, diplomaYear: number | null): void {
  if (completedOn > today) throw new AppError('activity_date_in_future', `The completion date ${completedOn} lies after today (${today}).`, { completedOn, today });
  if (periodStartsOn !== null && periodStartsOn > completedOn) {
    throw new AppError('activity_period_invalid', `The period ends (${completedOn}) before it starts (${periodStartsOn}).`, { periodStartsOn, completedOn });
  }
  if (diplomaYear !== null) {
    const first = `${String(diplomaYear).padStart(4, '0')}-01-01`;
    const earliest = periodStartsOn ?? completedOn;
    if (earliest < first) throw new AppError('activity_before_diploma', `The activity lies before your diploma (${diplomaYear}).`, { diplomaYear, date: earliest });
  }
}

/** Whole days of a period, both ends included. */
export function periodDays(startsOn: PlainDate, endsOn: PlainDate): number {
  let days = 1;
  // Periods are at most a cycle long; stepping by 30 days first keeps this short.
  let cursor = startsOn;
  while (addDays(cursor, 30) <= endsOn) {
    cursor = addDays(cursor, 30);
    days += 30;
  }
  while (cursor < endsOn) {
    cursor = addDays(cursor, 1);
    days += 1;
  }
  return days;
}

const HOURS_PER_DAY = 24;

/** Checks a log request without an accreditation code; returns what to store. */
export function validateActivityLog(req: ActivityLogRequest, ctx: ActivityLogContext): ValidActivity {
  const kind = ctx.cpd.activityKinds.find((k) => k.code === req.kind);
  if (!kind) {
    throw new AppError('activity_kind_unknown', `"${req.kind ?? ''}" is not an activity kind of this register.`, { kind: req.kind ?? null, kinds: ctx.cpd.activityKinds.map((k) => k.code) });
  }
  const limits = ctx.cpd.activities;
  const category = ctx.norm.categories.find((c) => c.code === kind.category);
  const title = req.title?.trim();
  if (!title) throw missing('title');

  let points: number | null = null;
  let hours: number | null = null;
  let sessionMinutes: number | null = null;
  let supervisees: number | null = null;
  let periodStartsOn: PlainDate | null = null;
  let employerName: string | null = null;

  switch (kind.measure) {
    case 'points':
      points = amount('points', req.points, limits.maxPoints);
      break;
    case 'session':
      sessionMinutes = amount('sessionMinutes', req.sessionMinutes, limits.maxSessionMinutes, { integer: true });
      // A session gives its contact hours as points, at the register's points per hour.
      points = Math.round((sessionMinutes / 60) * ctx.cpd.accreditation.rounding.pointsPerHour * 100) / 100;
      break;
    case 'supervision':
      hours = amount('hours', req.hours, limits.maxHours);
      supervisees = amount('supervisees', req.supervisees, limits.maxSupervisees, { integer: true });
      // The category's minimum session length is checked on every reflection activity, so supervision asks it too.
      if (category?.minSessionMinutes !== undefined || req.sessionMinutes !== undefined) {
        sessionMinutes = amount('sessionMinutes', req.sessionMinutes, limits.maxSessionMinutes, { integer: true });
      }
      break;
    case 'hours': {
      if (req.periodStartsOn === undefined) throw missing('periodStartsOn');
      periodStartsOn = req.periodStartsOn;
      employerName = req.employerName?.trim() || null;
      if (employerName === null) throw missing('employerName');
      if (periodStartsOn > req.completedOn) {
        throw new AppError('activity_period_invalid', `The period ends (${req.completedOn}) before it starts (${periodStartsOn}).`, { periodStartsOn, completedOn: req.completedOn });
      }
      // More hours than the period has is absurd whatever the register's limit.
      hours = amount('hours', req.hours, Math.min(limits.maxHours, periodDays(periodStartsOn, req.completedOn) * HOURS_PER_DAY));
      break;
    }
    default: {
      const exhaustive: never = kind.measure;
      throw new Error(`unknown measure ${String(exhaustive)}`);
    }
  }

  checkActivityDates(req.completedOn, periodStartsOn, ctx.today, ctx.diplomaYear);
  const competences = checkCompetences(req.competences, ctx.competenceCodes);

  return {
    kind: kind.code,
    measure: kind.measure,
    category: kind.category,
    subcategory: kind.subcategory ?? null,
    title,
    providerName: req.providerName?.trim() || null,
    description: req.description?.trim() || null,
    completedOn: req.completedOn,
    periodStartsOn,
    employerName,
    points,
    hours,
    sessionMinutes,
    supervisees,
    competences,
  };
}

/** The chosen competences, once each; an unknown or retired code is refused by name. */
export function checkCompetences(codes: readonly string[] | undefined, known: ReadonlySet<string>): string[] {
  const unique = [...new Set(codes ?? [])];
  const unknown = unique.filter((c) => !known.has(c));
  if (unknown.length > 0) throw new AppError('competence_unknown', `Not a competence of this register: ${unknown.join(', ')}.`, { codes: unknown });
  return unique;
}

export interface AccreditationForCheck {
  code: string;
  validFrom: PlainDate;
  validUntil: PlainDate;
  variants: ReadonlyArray<{ code: string; name: string }>;
}

/** A variant the person is registered in now, and since when (the registration's first day; null: not known). */
export interface RegisteredVariant {
  code: string;
  since: PlainDate | null;
}

/**
 * Whether an approved accreditation may be logged by someone registered in `registered` for an activity completed on
 * `completedOn`: it must be accredited for a variant the person was registered in on that date, and the date must lie
 * inside its term. A code for a variant the person holds only since a later date says so (not "another variant").
 */
export function checkAccreditationUse(acc: AccreditationForCheck, registered: readonly RegisteredVariant[], completedOn: PlainDate): void {
  const held = acc.variants.filter((v) => registered.some((r) => r.code === v.code));
  if (held.length === 0) {
    const names = acc.variants.map((v) => v.name);
    throw new AppError('accreditation_other_variant', `${acc.code} is accredited for ${names.join(', ')}, not for a variant you are registered in.`, {
      variants: acc.variants.map((v) => ({ code: v.code, name: v.name })),
    });
  }
  const heldThen = held.filter((v) => registered.some((r) => r.code === v.code && r.since !== null && r.since <= completedOn));
  if (heldThen.length === 0) {
    const since = registered.filter((r) => held.some((v) => v.code === r.code)).map((r) => r.since).filter((d): d is PlainDate => d !== null).sort()[0] ?? null;
    throw new AppError('accreditation_not_registered_then', `${acc.code} counts for ${held.map((v) => v.name).join(', ')}, in which you were not yet registered on ${completedOn}.`, {
      variants: held.map((v) => ({ code: v.code, name: v.name })),
      registeredOn: since,
      completedOn,
    });
  }
  if (completedOn < acc.validFrom || completedOn > acc.validUntil) {
    throw new AppError('accreditation_outside_term', `${acc.code} is accredited from ${acc.validFrom} up to and including ${acc.validUntil}; ${completedOn} lies outside that term.`, {
      validFrom: acc.validFrom,
      validUntil: acc.validUntil,
      completedOn,
    });
  }
}
