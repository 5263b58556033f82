import { addDays, addMonths, type PlainDate } from './plain-date.js';
import type { RegisterSettings } from './register-rules.js';

export interface Cycle {
  /** The registration date (or the start of a new cycle): the first day that counts. */
  startsOn: PlainDate;
  /** The last day inside the cycle: the day before the herregistratiedatum. */
  endsOn: PlainDate;
  /** The herregistratiedatum: startsOn plus the cycle length, the first day outside the cycle. */
  reregistrationOn: PlainDate;
  /** The last day the reregistration request may arrive. */
  deadline: PlainDate;
}

/**
 * "When is my deadline": the herregistratiedatum is the start date plus the configured number of months, on the
 * same calendar date; the cycle runs up to, not including, that date; the request is due the configured number of
 * days before it. A start on 29 February reregisters on 28 February of a year without one (the last day of
 * that month), so a cycle is never longer than its length.
 * Example with the defaults (60 months, 1 day): start 2024-03-15 → herregistratiedatum 2029-03-15,
 * deadline 2029-03-14, last day of the cycle 2029-03-14.
 */
export function computeCycle(startsOn: PlainDate, rules: RegisterSettings['cycle']): Cycle {
  return cycleUntil(startsOn, addMonths(startsOn, rules.lengthMonths), rules);
}

/** A postponement granted by staff moves the herregistratiedatum (and with it the end and the deadline) by a number of days. */
export function postponeCycle(cycle: Cycle, days: number, rules: RegisterSettings['cycle']): Cycle {
  return cycleUntil(cycle.startsOn, addDays(cycle.reregistrationOn, days), rules);
}

/** The stored columns keep the last cycle day; the herregistratiedatum is the day after it. */
export function reregistrationDateFor(endsOn: PlainDate): PlainDate {
  return addDays(endsOn, 1);
}

function cycleUntil(startsOn: PlainDate, reregistrationOn: PlainDate, rules: RegisterSettings['cycle']): Cycle {
  return { startsOn, endsOn: addDays(reregistrationOn, -1), reregistrationOn, deadline: addDays(reregistrationOn, -rules.deadlineDaysBeforeReregistration) };
}
