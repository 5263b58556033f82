import { expect } from 'chai';
import { conceptDeletionDay } from './concept-retention.js';

describe('conceptDeletionDay', () => {
  const rules = { retentionDays: 42, warningDaysBefore: 7 };

  it('is the end of the retention period for a concept warned on time', () => {
    expect(conceptDeletionDay({ ...rules, startedOn: '2026-01-01', warnedOn: '2026-02-05' })).to.equal('2026-02-12');
    expect(conceptDeletionDay({ ...rules, startedOn: '2026-01-01', warnedOn: '2026-01-20' })).to.equal('2026-02-12');
  });

  it('is a full warning period after a late warning, never a day in the past', () => {
    expect(conceptDeletionDay({ ...rules, startedOn: '2026-01-01', warnedOn: '2026-02-08' })).to.equal('2026-02-15');
    // Long past its retention and never warned: warned today, deleted a week from today.
    expect(conceptDeletionDay({ ...rules, startedOn: '2025-06-01', warnedOn: '2026-03-30' })).to.equal('2026-04-06');
  });
});
