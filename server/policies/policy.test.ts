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

    it('lets every organisation kind manage its own details, members and tokens (admins), and only its own', () => {
      const employerAdmin: Actor = { ...actor(['employer']), memberships: [{ organisationId: 'e1', kind: 'employer', role: 'admin', authorised: true }] };
      expect(codeOf(() => authorize(employerAdmin, 'organisation.tokens.create', { organisationId: 'e1' }))).to.equal(null);
      expect(codeOf(() => authorize(employerAdmin, 'organisation.tokens.create', { organisationId: 'o1' }))).to.equal('not_found');
      expect(codeOf(() => authorize(member('member', true), 'organisation.tokens.manage', { organisationId: 'o1' }))).to.equal('forbidden');
      expect(codeOf(() => authorize(member('member', true), 'organisation.read', { organisationId: 'o1' }))).to.equal(null);
      // Not yet authorised: the admin may fix the details, but neither invite nor make tokens.
      expect(codeOf(() => authorize(member('admin', false), 'organisation.edit', { organisationId: 'o1' }))).to.equal(null);
      expect(codeOf(() => authorize(member('admin', false), 'organisation.members.invite', { organisationId: 'o1' }))).to.equal('forbidden');
      expect(codeOf(() => authorize(member('admin', false), 'organisation.tokens.create', { organisationId: 'o1' }))).to.equal('forbidden');
      // A registrant without an organisation is forbidden, not told about rows.
      expect(codeOf(() => authorize(actor(['registrant']), 'organisation.read', { organisationId: 'o1' }))).to.equal('forbidden');
    });

    it('answers "who am I" to API tokens only, and lets no token manage tokens or members', () => {
      expect(codeOf(() => authorize(token('o1'), 'token.whoami'))).to.equal(null);
      expect(codeOf(() => authorize(member('admin', true), 'token.whoami'))).to.equal('forbidden');
      expect(codeOf(() => authorize(ANONYMOUS, 'token.whoami'))).to.equal('unauthenticated');
      for (const action of ['organisation.read', 'organisation.tokens.create', 'organisation.tokens.manage', 'organisation.members.manage', 'organisations.own'] as const) {
        expect(codeOf(() => authorize(token('o1'), action, { organisationId: 'o1' })), action).to.equal('forbidden');
      }
    });
  });
});
