import { expect } from 'chai';
import { AppError } from '../domain/errors.js';
import { ANONYMOUS, type Actor } from './actor.js';
import { authorize, can, partitionOwned } from './policy.js';
import { registrationActions } from './registration-actions.js';

const actor = (roles: Actor['roles'], personId: string | null = null): Actor => ({
  account: { id: 'a1', displayName: 'x', email: null },
  roles,
  person: personId ? { id: personId, registrationNumber: null, name: 'x' } : null,
  memberships: [],
  token: null,
});
const codeOf = (fn: () => void): string | null => {
  try {
    fn();
    return null;
  } catch (err) {
    return err instanceof AppError ? err.code : 'not an AppError';
  }
};

describe('policy', () => {
  it('lets anyone read the public register, and nobody anonymous into their own registrations', () => {
    expect(can(ANONYMOUS, 'public.read')).to.equal(true);
    expect(codeOf(() => authorize(ANONYMOUS, 'ownRegistrations.list'))).to.equal('unauthenticated');
  });

  it('keeps /api/my to registrants: other roles are forbidden', () => {
    for (const role of ['provider', 'employer', 'municipality', 'staff'] as const) {
      expect(codeOf(() => authorize(actor([role]), 'ownRegistrations.apply')), role).to.equal('forbidden');
    }
    expect(codeOf(() => authorize(actor(['registrant']), 'ownRegistrations.apply'))).to.equal(null);
  });

  it("answers another person's row as not found, never as forbidden", () => {
    const me = actor(['registrant'], 'p1');
    expect(codeOf(() => authorize(me, 'ownRegistration.edit', { personId: 'p1' }))).to.equal(null);
    expect(codeOf(() => authorize(me, 'ownRegistration.edit', { personId: 'p2' }))).to.equal('not_found');
    // A registrant without a person yet owns nothing.
    expect(can(actor(['registrant']), 'ownRegistration.read', { personId: 'p1' })).to.equal(false);
  });

  it('splits many rows at once into the ones the actor may act on and the rest', () => {
    const rows = [{ personId: 'p1', n: 1 }, { personId: 'p2', n: 2 }, { personId: 'p1', n: 3 }];
    const { allowed, refused } = partitionOwned(actor(['registrant'], 'p1'), 'ownEvidence.read', rows);
    expect(allowed.map((r) => r.n)).to.deep.equal([1, 3]);
    expect(refused.map((r) => r.n)).to.deep.equal([2]);
  });

  it('tells the client what it may do with a registration now', () => {
    const owner = actor(['registrant'], 'p1');
    expect(registrationActions(owner, { personId: 'p1', status: 'concept', complete: false })).to.deep.equal({ edit: true, upload: true, submit: false, decide: false });
    expect(registrationActions(owner, { personId: 'p1', status: 'concept', complete: true })).to.include({ submit: true });
    expect(registrationActions(owner, { personId: 'p1', status: 'submitted', complete: true })).to.deep.equal({ edit: false, upload: false, submit: false, decide: false });
    expect(registrationActions(actor(['staff']), { personId: 'p1', status: 'in_review', complete: true })).to.deep.equal({ edit: false, upload: false, submit: false, decide: true });
    expect(registrationActions(actor(['staff']), { personId: 'p1', status: 'registered', complete: true }).decide).to.equal(false);
  });

  describe('organisation work', () => {
    const member = (role: 'admin' | 'member', authorised: boolean, organisationId = 'o1'): Actor => ({
      ...actor(['provider']),
      memberships: [{ organisationId, kind: 'provider', role, authorised }],
    });
    const token = (organisationId: string): Actor => ({ ...ANONYMOUS, memberships: [{ organisationId, kind: 'provider', role: 'member', authorised: true }], token: { id: 't1', organisationId } });

    it('lets an authorised provider submit; a provider not yet authorised is forbidden, one without an organisation too', () => {
      expect(codeOf(() => authorize(member('member', true), 'accreditations.submit'))).to.equal(null);
      expect(codeOf(() => authorize(member('member', false), 'accreditations.submit'))).to.equal('forbidden');
      expect(codeOf(() => authorize(actor(['provider']), 'accreditations.submit'))).to.equal('forbidden');
      expect(codeOf(() => authorize(ANONYMOUS, 'accreditations.submit'))).to.equal('unauthenticated');
    });

    it("answers another organisation's row as not found", () => {
      expect(codeOf(() => authorize(member('admin', true), 'attendance.upload', { organisationId: 'o1' }))).to.equal(null);
      expect(codeOf(() => authorize(member('admin', true), 'attendance.upload', { organisationId: 'o2' }))).to.equal('not_found');
      expect(codeOf(() => authorize(member('admin', true), 'attendance.upload', { personId: 'p1' }))).to.equal('not_found');
    });

    it('lets an API token do only what its rule allows tokens to, and only for its own organisation', () => {
      expect(codeOf(() => authorize(token('o1'), 'attendance.upload', { organisationId: 'o1' }))).to.equal(null);
      expect(codeOf(() => authorize(token('o1'), 'attendance.upload', { organisationId: 'o2' }))).to.equal('not_found');
      expect(codeOf(() => authorize(token('o1'), 'accreditations.submit'))).to.equal('forbidden');
      expect(codeOf(() => authorize(token('o1'), 'ownRegistrations.list'))).to.equal('forbidden');
    });
  });
});
