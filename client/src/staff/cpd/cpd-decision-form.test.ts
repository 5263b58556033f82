import { expect } from 'chai';
import { cpdDecisionFormSchema, EMPTY_CPD_DECISION, parseAmount } from './cpd-decision-form.js';

const AT = '2026-12-01T10:00:00.000Z';
const schema = cpdDecisionFormSchema(10, AT);
const problems = (values: object) => {
  const r = schema.safeParse({ ...EMPTY_CPD_DECISION, ...values });
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
};

describe('staff CPD decision form', () => {
  it('reads Dutch and English decimals', () => {
    expect(parseAmount('6,5')).to.equal(6.5);
    expect(parseAmount(' 6.5 ')).to.equal(6.5);
    expect(Number.isNaN(parseAmount('6,5,1'))).to.equal(true);
    expect(Number.isNaN(parseAmount('zes'))).to.equal(true);
  });

  it('builds the request bodies the server takes, with the status and version seen', () => {
    expect(schema.parse({ ...EMPTY_CPD_DECISION, decision: 'approve', points: '3' })).to.deep.equal({ decision: 'approve', expectedStatus: 'pending', expectedUpdatedAt: AT });
    expect(schema.parse({ decision: 'adjust', points: '6,5', reason: 'Pauzes tellen niet mee.' })).to.deep.equal({
      decision: 'adjust',
      expectedStatus: 'pending',
      expectedUpdatedAt: AT,
      points: 6.5,
      reason: 'Pauzes tellen niet mee.',
    });
    expect(schema.parse({ decision: 'reject', points: '', reason: 'Geen scholing.' })).to.include({ decision: 'reject', reason: 'Geen scholing.' });
  });

  it('names each problem on its field', () => {
    expect(problems({})[0]).to.equal('decision:noDecision');
    expect(problems({ decision: 'adjust', reason: 'Pauzes tellen niet mee.' })[0]).to.equal('points:noPoints');
    expect(problems({ decision: 'adjust', points: '-1', reason: 'Pauzes tellen niet mee.' })[0]).to.equal('points:pointsNegative');
    expect(problems({ decision: 'adjust', points: 'veel', reason: 'Pauzes tellen niet mee.' })[0]).to.equal('points:pointsInvalid');
    expect(problems({ decision: 'adjust', points: '2,345', reason: 'Pauzes tellen niet mee.' })[0]).to.equal('points:pointsTooPrecise');
    expect(problems({ decision: 'adjust', points: '10', reason: 'Pauzes tellen niet mee.' })[0]).to.equal('points:pointsNotBelowClaim');
    expect(problems({ decision: 'adjust', points: '4' })[0]).to.equal('reason:noReason');
    expect(problems({ decision: 'reject', reason: 'nee' })[0]).to.equal('reason:reasonTooShort');
    expect(problems({ decision: 'adjust', points: '0', reason: 'Geen bewijs.' })).to.deep.equal([]);
  });
});
