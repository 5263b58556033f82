import { addDays, addMonths, type PlainDate } from './plain-date.js';
import type { RegisterSettings } from './register-rules.js';

export interface Cycle {
  startsOn: PlainDate;
  /** The last day of the cycle. */
  endsOn: PlainDate;
  /** The day the reregistration request is due. */
  deadline: PlainDate;
}

/**
 * "When is my deadline": a cycle runs the configured number of months from its start date; it ends the
 * day before the anniversary, and the request is due the configured number of days before the end.
 * Example with the defaults (60 months, 1 day): start 2024-03-15 → ends 2029-03-14, deadline 2029-03-13.
 */
export function computeCycle(startsOn: PlainDate, rules: RegisterSettings['cycle']): Cycle {
  const endsOn = addDays(addMonths(startsOn, rules.lengthMonths), -1);
  const deadline = addDays(endsOn, -rules.deadlineDaysBeforeEnd);
  return { startsOn, endsOn, deadline };
}

/** A postponement granted by staff moves the end (and with it the deadline) by a number of days. */
export function postponeCycle(cycle: Cycle, days: number, rules: RegisterSettings['cycle']): Cycle {
  const endsOn = addDays(cycle.endsOn, days);
  return { startsOn: cycle.startsOn, endsOn, deadline: addDays(endsOn, -rules.deadlineDaysBeforeEnd) };
}
