import { expect } from 'chai';
import { computeCycle, postponeCycle } from './cycle.js';

const rules = { lengthMonths: 60, deadlineDaysBeforeEnd: 1, assessmentTargetMonths: 3, assessmentExtensionMonths: 3 };

describe('cycle', () => {
  it('runs five years from the registration date, deadline the day before the end', () => {
    expect(computeCycle('2024-03-15', rules)).to.deep.equal({ startsOn: '2024-03-15', endsOn: '2029-03-14', deadline: '2029-03-13' });
  });

  it('handles a start on 29 February', () => {
    expect(computeCycle('2024-02-29', rules)).to.deep.equal({ startsOn: '2024-02-29', endsOn: '2029-02-27', deadline: '2029-02-26' });
  });

  it('handles a start on the first of January (end crosses a year)', () => {
    expect(computeCycle('2025-01-01', rules)).to.deep.equal({ startsOn: '2025-01-01', endsOn: '2029-12-31', deadline: '2029-12-30' });
  });

  it('reads the length and deadline from the rules, not from constants', () => {
    expect(computeCycle('2026-06-01', { ...rules, lengthMonths: 36, deadlineDaysBeforeEnd: 0 })).to.deep.equal({
      startsOn: '2026-06-01',
      endsOn: '2029-05-31',
      deadline: '2029-05-31',
    });
  });

  it('moves end and deadline on postponement', () => {
    const c = computeCycle('2024-03-15', rules);
    expect(postponeCycle(c, 90, rules)).to.deep.equal({ startsOn: '2024-03-15', endsOn: '2029-06-12', deadline: '2029-06-11' });
  });
});
