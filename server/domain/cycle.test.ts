import { expect } from 'chai';
import { computeCycle, postponeCycle, reregistrationDateFor } from './cycle.js';

const rules = { lengthMonths: 60, deadlineDaysBeforeReregistration: 1, assessmentTargetMonths: 3, assessmentExtensionMonths: 3 };

describe('cycle', () => {
  it('reregisters on the same calendar date five years later; the request is due the day before, which is the last cycle day', () => {
    expect(computeCycle('2024-03-15', rules)).to.deep.equal({ startsOn: '2024-03-15', endsOn: '2029-03-14', reregistrationOn: '2029-03-15', deadline: '2029-03-14' });
  });

  it('reregisters a start on 29 February on 28 February of a year without one', () => {
    expect(computeCycle('2024-02-29', rules)).to.deep.equal({ startsOn: '2024-02-29', endsOn: '2029-02-27', reregistrationOn: '2029-02-28', deadline: '2029-02-27' });
    // Onto a leap year the date exists again.
    expect(computeCycle('2024-02-29', { ...rules, lengthMonths: 48 }).reregistrationOn).to.equal('2028-02-29');
  });

  it('handles a start on the first of January (the last day crosses a year)', () => {
    expect(computeCycle('2025-01-01', rules)).to.deep.equal({ startsOn: '2025-01-01', endsOn: '2029-12-31', reregistrationOn: '2030-01-01', deadline: '2029-12-31' });
  });

  it('reads the length and deadline from the rules, not from constants', () => {
    expect(computeCycle('2026-06-01', { ...rules, lengthMonths: 36, deadlineDaysBeforeReregistration: 0 })).to.deep.equal({
      startsOn: '2026-06-01',
      endsOn: '2029-05-31',
      reregistrationOn: '2029-06-01',
      deadline: '2029-06-01',
    });
    expect(computeCycle('2024-03-15', { ...rules, deadlineDaysBeforeReregistration: 30 }).deadline).to.equal('2029-02-13');
  });

  it('moves the herregistratiedatum, the end and the deadline on postponement', () => {
    const c = computeCycle('2024-03-15', rules);
    expect(postponeCycle(c, 90, rules)).to.deep.equal({ startsOn: '2024-03-15', endsOn: '2029-06-12', reregistrationOn: '2029-06-13', deadline: '2029-06-12' });
  });

  it('derives the herregistratiedatum from the stored last day', () => {
    expect(reregistrationDateFor('2029-03-14')).to.equal('2029-03-15');
    expect(reregistrationDateFor('2028-02-28')).to.equal('2028-02-29');
  });
});
