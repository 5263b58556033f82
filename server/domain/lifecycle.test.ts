import { expect } from 'chai';
import { checkTransition, DEFAULT_TRANSITIONS, REGISTRATION_STATUSES } from './lifecycle.js';

describe('registration lifecycle', () => {
  it('allows the happy path concept → submitted → in_review → registered', () => {
    expect(checkTransition(DEFAULT_TRANSITIONS, 'concept', 'submitted', 'registrant', null).ok).to.equal(true);
    expect(checkTransition(DEFAULT_TRANSITIONS, 'submitted', 'in_review', 'staff', null).ok).to.equal(true);
    expect(checkTransition(DEFAULT_TRANSITIONS, 'in_review', 'registered', 'staff', null).ok).to.equal(true);
  });

  it('refuses an edge that is not in the table', () => {
    const r = checkTransition(DEFAULT_TRANSITIONS, 'concept', 'registered', 'staff', null);
    expect(r).to.deep.include({ ok: false, code: 'transition_not_allowed' });
  });

  it('refuses the right edge for the wrong actor', () => {
    const r = checkTransition(DEFAULT_TRANSITIONS, 'in_review', 'registered', 'registrant', null);
    expect(r).to.deep.include({ ok: false, code: 'actor_not_allowed' });
  });

  it('requires a reason for a rejection', () => {
    expect(checkTransition(DEFAULT_TRANSITIONS, 'in_review', 'rejected', 'staff', '  ')).to.deep.include({ ok: false, code: 'reason_required' });
    expect(checkTransition(DEFAULT_TRANSITIONS, 'in_review', 'rejected', 'staff', 'Diploma niet op de lijst').ok).to.equal(true);
  });

  it('has no edge out of rejected or struck_off (final states)', () => {
    for (const to of REGISTRATION_STATUSES) {
      for (const actor of ['registrant', 'staff', 'system'] as const) {
        expect(checkTransition(DEFAULT_TRANSITIONS, 'rejected', to, actor, 'x').ok).to.equal(false);
        expect(checkTransition(DEFAULT_TRANSITIONS, 'struck_off', to, actor, 'x').ok).to.equal(false);
      }
    }
  });

  it('reads the table it is given: a register without self-withdrawal refuses it', () => {
    const table = DEFAULT_TRANSITIONS.filter((t) => !(t.from === 'registered' && t.to === 'withdrawn'));
    expect(checkTransition(table, 'registered', 'withdrawn', 'registrant', null).ok).to.equal(false);
  });
});
