import { randomInt } from 'node:crypto';
import { ACCREDITATION_CODE_ALPHABET } from '../contract/accreditation-code.js';
import type { CpdSettings } from './register-rules.js';
import { addDays, addYears, type PlainDate } from './plain-date.js';

export { ACCREDITATION_CODE_ALPHABET, ACCREDITATION_CODE_PATTERN, isAccreditationCode, normalizeAccreditationCode } from '../contract/accreditation-code.js';

/**
 * The accreditation rules as pure functions over the register's settings (settings.cpd.accreditation): points from
 * net contact hours, the final-test rule, the validity window, the objection window and the code.
 */
type AccreditationRules = CpdSettings['accreditation'];

/** Cents are the finest unit the tables keep (numeric(6,2)); computing in them avoids 0.1 + 0.2 drift. */
const round2 = (n: number): number => Math.round(n * 100) / 100;

/**
 * Points for net contact hours (breaks, meals and travel are not in them): hours × pointsPerHour, rounded `mode` to a
 * multiple of `step`. E.g. pointsPerHour 1, step 0.5, down: 7.8 h → 7.5 points. Never below zero.
 */
export function pointsForHours(hours: number, rounding: AccreditationRules['rounding']): number {
  if (!(hours > 0)) return 0;
  const raw = round2(hours * rounding.pointsPerHour);
  // The tiny tolerance keeps 7.5 / 0.5 = 15 exactly 15 whatever the float representation.
  const steps = raw / rounding.step;
  const EPS = 1e-9;
  const whole = rounding.mode === 'down' ? Math.floor(steps + EPS) : rounding.mode === 'up' ? Math.ceil(steps - EPS) : Math.round(steps);
  return round2(whole * rounding.step);
}

/** Whether a final test is required: for the listed forms (e-learning), and for any activity of at least minHours. */
export function finalTestRequired(form: string, hours: number, finalTest: AccreditationRules['finalTest']): boolean {
  return finalTest.forms.includes(form) || hours >= finalTest.minHours;
}

export interface ValidityWindow {
  validFrom: PlainDate;
  validUntil: PlainDate;
}

/**
 * The term in which runs of an accredited activity count: it starts on the decision date, or on the first planned
 * run's start when that is earlier (a request is often decided after its first run began), and lasts `termYears`
 * years: validUntil is the day before the same calendar date `termYears` later (inclusive, like a cycle).
 */
export function validityWindow(decidedOn: PlainDate, firstRunStartsOn: PlainDate | null, termYears: number): ValidityWindow {
  const validFrom = firstRunStartsOn !== null && firstRunStartsOn < decidedOn ? firstRunStartsOn : decidedOn;
  return { validFrom, validUntil: addDays(addYears(validFrom, termYears), -1) };
}

export function isAllowedTerm(termYears: number, rules: AccreditationRules): boolean {
  return rules.termYears.includes(termYears);
}

/** A run counts only when it lies entirely inside the validity window. */
export function runWithinValidity(run: { startsOn: PlainDate; endsOn: PlainDate }, window: ValidityWindow): boolean {
  return run.startsOn >= window.validFrom && run.endsOn <= window.validUntil;
}

/** The last day on which the provider may object: objectionWeeks weeks after the decision date (inclusive). */
export function objectionDeadline(decidedOn: PlainDate, objectionWeeks: number): PlainDate {
  return addDays(decidedOn, objectionWeeks * 7);
}

export type ObjectionRefusal = 'objection_not_possible' | 'objection_window_closed' | 'objection_already_lodged';

export type DecisionOutcome = 'approved' | 'rejected' | 'objection_refused';

/** What the objection rule needs of a request: its decisions and objections, oldest first. */
export interface ObjectionHistory {
  status: string;
  /** The date of the request's last decision in the register's time zone. */
  decidedOn: PlainDate | null;
  decisions: ReadonlyArray<{ id: string; outcome: DecisionOutcome }>;
  objections: ReadonlyArray<{ decisionId: string; resolutionDecisionId: string | null; resolvedAt: unknown }>;
}

/**
 * Whether the provider may object now, and if not why. An objection is possible against a first decision, an
 * approval (too few points, a shorter term, a variant left out) as much as a rejection, within objectionWeeks weeks
 * of it, once: not while one is open, not twice against the same decision, and not against the decision on an
 * objection (that decision is final here; what follows is a court's business).
 */
export function objectionRefusal(a: ObjectionHistory, today: PlainDate, objectionWeeks: number): ObjectionRefusal | null {
  if (a.objections.some((o) => o.resolvedAt === null)) return 'objection_already_lodged';
  const latest = a.decisions.at(-1);
  if (!latest || a.decidedOn === null || (a.status !== 'approved' && a.status !== 'rejected')) return 'objection_not_possible';
  if (a.objections.some((o) => o.decisionId === latest.id || o.resolutionDecisionId === latest.id)) return 'objection_already_lodged';
  if (today > objectionDeadline(a.decidedOn, objectionWeeks)) return 'objection_window_closed';
  return null;
}

export type ObjectionState = 'open' | 'granted' | 'refused';

/** An objection is open until staff decide it; then granted (a new approval) or refused (with a reason). */
export function objectionState(o: { resolvedAt: unknown }, resolution: { outcome: DecisionOutcome } | undefined): ObjectionState {
  if (o.resolvedAt === null || !resolution) return 'open';
  return resolution.outcome === 'objection_refused' ? 'refused' : 'granted';
}

/**
 * What a granted objection against an approval does to the points already booked with the code: a booking keeps the
 * points it was granted when booked, unless the new approval gives more; then it is raised to the new points (the
 * objection showed the first approval was too low for everyone who took part, and a registrant never loses points to
 * an objection they had no part in). Category and competences of earlier bookings stay as they were.
 */
export function pointsAfterGrantedObjection(bookedPoints: number, newPoints: number): number {
  return Math.max(bookedPoints, newPoints);
}

/**
 * The validity window after a granted objection against an approval: it keeps its start (runs and bookings made
 * under it stay valid) and runs for the newly granted term.
 */
export function amendedValidity(validFrom: PlainDate, termYears: number): ValidityWindow {
  return { validFrom, validUntil: addDays(addYears(validFrom, termYears), -1) };
}

/**
 * A human-typable code, `XXXX-XXXX` from 32 symbols without the look-alikes 0/O and 1/I (≈ 10^12 codes). Drawn with a
 * CSPRNG; uniqueness is the database's unique constraint, and the caller draws again on a collision.
 */
export function generateAccreditationCode(draw: (max: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < 8; i++) {
    if (i === 4) code += '-';
    code += ACCREDITATION_CODE_ALPHABET[draw(ACCREDITATION_CODE_ALPHABET.length)];
  }
  return code;
}
