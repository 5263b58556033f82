import { expect } from 'chai';
import { decisionFormSchema, decisionProblem, EMPTY_DECISION } from './decision-form.js';

describe('staff decision form schema', () => {
  const schema = decisionFormSchema('submitted');

  it('builds the request body the server expects, with the status staff saw', () => {
    expect(schema.parse({ ...EMPTY_DECISION, decision: 'approve', reason: 'ignored' })).to.deep.equal({ decision: 'approve', expectedStatus: 'submitted' });
    expect(schema.parse({ decision: 'reject', reason: '  Diploma ontbreekt  ', question: 'kept apart' })).to.deep.equal({
      decision: 'reject',
      expectedStatus: 'submitted',
      reason: 'Diploma ontbreekt',
    });
    expect(decisionFormSchema('in_review').parse({ decision: 'request_info', reason: '', question: 'Welk jaar?' })).to.deep.equal({
      decision: 'request_info',
      expectedStatus: 'in_review',
      question: 'Welk jaar?',
    });
  });

  it('refuses no decision, an empty reason and one shorter than the server allows', () => {
    const paths = (values: typeof EMPTY_DECISION) => schema.safeParse(values).error?.issues.map((i) => i.path.join('.'));
    expect(paths(EMPTY_DECISION)).to.deep.equal(['decision']);
    expect(paths({ ...EMPTY_DECISION, decision: 'reject' })).to.deep.equal(['reason']);
    expect(paths({ ...EMPTY_DECISION, decision: 'request_info', question: 'Wat' })).to.deep.equal(['question']);
    expect(decisionProblem('decision', '')).to.equal('noDecision');
    expect(decisionProblem('reason', '  ')).to.equal('noText');
    expect(decisionProblem('question', 'Wat')).to.equal('textTooShort');
  });
});
