import { addDays, comparePlainDates, type PlainDate } from './plain-date.js';

export interface ConceptRetention {
  /** The day (register's time zone) the concept last changed status, i.e. was started. */
  startedOn: PlainDate;
  /** The day (register's time zone) its expiry warning went out. */
  warnedOn: PlainDate;
  retentionDays: number;
  warningDaysBefore: number;
}

/**
 * The day a never-submitted concept is deleted: when its retention ends, but never sooner than warningDaysBefore
 * days after the warning that names this day. A concept warned late (the worker was down, or it was already past
 * its retention) thus gets the full warning period. The deletion scan (concept-cleanup.repository) applies the
 * same rule in SQL: it deletes on this day or later.
 */
export function conceptDeletionDay(c: ConceptRetention): PlainDate {
  const retentionEnds = addDays(c.startedOn, c.retentionDays);
  const warningEnds = addDays(c.warnedOn, c.warningDaysBefore);
  return comparePlainDates(retentionEnds, warningEnds) >= 0 ? retentionEnds : warningEnds;
}
