import { expect } from 'chai';
import {
  finalTestRequired,
  generateAccreditationCode,
  isAccreditationCode,
  isAllowedTerm,
  normalizeAccreditationCode,
  objectionDeadline,
  objectionRefusal,
  objectionState,
  pointsAfterGrantedObjection,
  amendedValidity,
  pointsForHours,
  runWithinValidity,
  validityWindow,
} from './accreditation.js';

const rules = {
  rounding: { pointsPerHour: 1, step: 0.5, mode: 'down' as const },
  termYears: [1, 3],
  objectionWeeks: 8,
  finalTest: { forms: ['e_learning'], minHours: 18 },
  maxNetHours: 500,
  maxRunsPerRequest: 100,
};

describe('accreditation rules', () => {
  describe('points from net contact hours', () => {
    it('rounds down to the step: 7.8 h → 7.5, 7.5 h → 7.5, 8 h → 8', () => {
      expect(pointsForHours(7.8, rules.rounding)).to.equal(7.5);
      expect(pointsForHours(7.5, rules.rounding)).to.equal(7.5);
      expect(pointsForHours(8, rules.rounding)).to.equal(8);
      expect(pointsForHours(0.4, rules.rounding)).to.equal(0);
    });

    it('rounds up and to the nearest step when the register says so', () => {
      expect(pointsForHours(7.1, { ...rules.rounding, mode: 'up' })).to.equal(7.5);
      expect(pointsForHours(7.5, { ...rules.rounding, mode: 'up' })).to.equal(7.5);
      expect(pointsForHours(7.2, { ...rules.rounding, mode: 'nearest' })).to.equal(7);
      expect(pointsForHours(7.3, { ...rules.rounding, mode: 'nearest' })).to.equal(7.5);
    });

    it('applies pointsPerHour and a whole-point step', () => {
      expect(pointsForHours(3.25, { pointsPerHour: 2, step: 1, mode: 'down' })).to.equal(6);
      expect(pointsForHours(0.1 + 0.2, { pointsPerHour: 10, step: 1, mode: 'down' })).to.equal(3);
    });

    it('gives nothing for zero, negative or non-numeric hours', () => {
      expect(pointsForHours(0, rules.rounding)).to.equal(0);
      expect(pointsForHours(-4, rules.rounding)).to.equal(0);
      expect(pointsForHours(Number.NaN, rules.rounding)).to.equal(0);
    });
  });

  describe('final test', () => {
    it('is required for e-learning at any length and for any form from 18 hours', () => {
      expect(finalTestRequired('e_learning', 1, rules.finalTest)).to.equal(true);
      expect(finalTestRequired('training', 18, rules.finalTest)).to.equal(true);
      expect(finalTestRequired('training', 17.99, rules.finalTest)).to.equal(false);
      expect(finalTestRequired('conference', 4, rules.finalTest)).to.equal(false);
    });
  });

  describe('validity window', () => {
    it('runs from the decision date for the term, the last day the day before the anniversary', () => {
      expect(validityWindow('2026-03-10', '2026-04-01', 1)).to.deep.equal({ validFrom: '2026-03-10', validUntil: '2027-03-09' });
      expect(validityWindow('2026-03-10', null, 3)).to.deep.equal({ validFrom: '2026-03-10', validUntil: '2029-03-09' });
    });

    it('starts at the first planned run when that began before the decision', () => {
      expect(validityWindow('2026-03-10', '2026-02-20', 1)).to.deep.equal({ validFrom: '2026-02-20', validUntil: '2027-02-19' });
    });

    it('handles 29 February', () => {
      expect(validityWindow('2028-02-29', null, 1)).to.deep.equal({ validFrom: '2028-02-29', validUntil: '2029-02-27' });
    });

    it('accepts only the configured terms', () => {
      expect(isAllowedTerm(1, rules)).to.equal(true);
      expect(isAllowedTerm(3, rules)).to.equal(true);
      expect(isAllowedTerm(2, rules)).to.equal(false);
    });

    it('accepts a run only when it lies wholly inside the window', () => {
      const w = { validFrom: '2026-03-10', validUntil: '2027-03-09' };
      expect(runWithinValidity({ startsOn: '2026-03-10', endsOn: '2027-03-09' }, w)).to.equal(true);
      expect(runWithinValidity({ startsOn: '2026-03-09', endsOn: '2026-03-10' }, w)).to.equal(false);
      expect(runWithinValidity({ startsOn: '2027-03-09', endsOn: '2027-03-10' }, w)).to.equal(false);
    });
  });

  describe('objections', () => {
    it('are due eight weeks after the decision, inclusive', () => {
      expect(objectionDeadline('2026-03-10', 8)).to.equal('2026-05-05');
    });

    const decided = (outcome: 'approved' | 'rejected') => ({ status: outcome, decidedOn: '2026-03-10', decisions: [{ id: 'd1', outcome }], objections: [] });

    it('are open against a rejection and against an approval, inside the window only', () => {
      for (const outcome of ['rejected', 'approved'] as const) {
        expect(objectionRefusal(decided(outcome), '2026-03-10', 8), outcome).to.equal(null);
        expect(objectionRefusal(decided(outcome), '2026-05-05', 8), outcome).to.equal(null);
        expect(objectionRefusal(decided(outcome), '2026-05-06', 8), outcome).to.equal('objection_window_closed');
      }
    });

    it('are not possible before a decision or after a withdrawal', () => {
      expect(objectionRefusal({ status: 'submitted', decidedOn: null, decisions: [], objections: [] }, '2026-03-11', 8)).to.equal('objection_not_possible');
      expect(objectionRefusal({ status: 'withdrawn', decidedOn: null, decisions: [], objections: [] }, '2026-03-11', 8)).to.equal('objection_not_possible');
    });

    it('are lodged once: not while one is open, not twice against a decision, not against the decision on an objection', () => {
      const open = { ...decided('approved'), objections: [{ decisionId: 'd1', resolutionDecisionId: null, resolvedAt: null }] };
      expect(objectionRefusal(open, '2026-03-11', 8)).to.equal('objection_already_lodged');
      expect(objectionRefusal({ ...decided('rejected'), status: 'objection', objections: open.objections }, '2026-03-11', 8)).to.equal('objection_already_lodged');
      const refused = {
        status: 'approved',
        decidedOn: '2026-03-10',
        decisions: [{ id: 'd1', outcome: 'approved' as const }, { id: 'd2', outcome: 'objection_refused' as const }],
        objections: [{ decisionId: 'd1', resolutionDecisionId: 'd2', resolvedAt: '2026-03-12T10:00:00Z' }],
      };
      expect(objectionRefusal(refused, '2026-03-13', 8)).to.equal('objection_already_lodged');
      const granted = { ...refused, decisions: [{ id: 'd1', outcome: 'rejected' as const }, { id: 'd2', outcome: 'approved' as const }] };
      expect(objectionRefusal(granted, '2026-03-13', 8)).to.equal('objection_already_lodged');
    });

    it('are open, granted or refused', () => {
      expect(objectionState({ resolvedAt: null }, undefined)).to.equal('open');
      expect(objectionState({ resolvedAt: 'x' }, { outcome: 'approved' })).to.equal('granted');
      expect(objectionState({ resolvedAt: 'x' }, { outcome: 'objection_refused' })).to.equal('refused');
    });

    it('raise points already booked when granted with more points, and never lower them', () => {
      expect(pointsAfterGrantedObjection(7.5, 12)).to.equal(12);
      expect(pointsAfterGrantedObjection(7.5, 7.5)).to.equal(7.5);
      expect(pointsAfterGrantedObjection(12, 7.5)).to.equal(12);
    });

    it('keep the start of the validity window and take the new term', () => {
      expect(amendedValidity('2026-03-10', 3)).to.deep.equal({ validFrom: '2026-03-10', validUntil: '2029-03-09' });
      expect(amendedValidity('2026-03-10', 1)).to.deep.equal({ validFrom: '2026-03-10', validUntil: '2027-03-09' });
    });
  });

  describe('code', () => {
    it('is XXXX-XXXX without 0, O, 1 or I', () => {
      for (let i = 0; i < 500; i++) {
        const code = generateAccreditationCode();
        expect(code).to.match(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
        expect(code).not.to.match(/[01OI]/);
        expect(isAccreditationCode(code)).to.equal(true);
      }
    });

    it('draws every symbol of the alphabet from the random source', () => {
      let n = 0;
      expect(generateAccreditationCode(() => n++)).to.equal('ABCD-EFGH');
    });

    it('normalises what people type and refuses look-alikes', () => {
      expect(normalizeAccreditationCode(' abcd efgh ')).to.equal('ABCD-EFGH');
      expect(normalizeAccreditationCode('abcd-efgh')).to.equal('ABCD-EFGH');
      expect(isAccreditationCode('ABCD-EFG0')).to.equal(false);
      expect(isAccreditationCode('ABCD-EFGO')).to.equal(false);
      expect(isAccreditationCode('ABCDEFGH')).to.equal(false);
    });
  });
});
