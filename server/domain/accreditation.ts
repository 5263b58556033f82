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

/**
 * Whether the provider may object now, and if not why: only a rejection can be objected to (an approval is in use by
 * registrants the moment it is given; a provider who wants other points asks again), once per request, within the
 * window.
 */
export function objectionRefusal(a: { status: string; decidedOn: PlainDate | null; objectionsLodged: number }, today: PlainDate, objectionWeeks: number): ObjectionRefusal | null {
  if (a.objectionsLodged > 0) return 'objection_already_lodged';
  if (a.status !== 'rejected' || a.decidedOn === null) return 'objection_not_possible';
  if (today > objectionDeadline(a.decidedOn, objectionWeeks)) return 'objection_window_closed';
  return null;
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
