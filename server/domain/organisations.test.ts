import { expect } from 'chai';
import { createHash } from 'node:crypto';
import {
  apiTokenHash,
  bearerToken,
  canDecideOrganisation,
  demotesLastAdmin,
  invitationExpiry,
  invitationState,
  lastUsedIsStale,
  newApiToken,
  newInvitationSecret,
  removesLastAdmin,
  sha256Hex,
} from './organisations.js';

const TOKEN = /^vrk_[a-hj-km-np-z2-9]{8}_[A-Za-z0-9_-]{43}$/;

describe('organisations', () => {
  describe('API tokens', () => {
    it('makes vrk_<8-character prefix>_<secret> from 32 random bytes, kept as its SHA-256 hex and prefix', () => {
      const sizes: number[] = [];
      const random = (size: number) => {
        sizes.push(size);
        return Buffer.alloc(size, 7);
      };
      const t = newApiToken(random);
      expect(sizes).to.deep.equal([8, 32]);
      expect(t.token).to.match(TOKEN);
      expect(t.prefix).to.equal(t.token.slice(0, 12));
      expect(t.hash).to.equal(createHash('sha256').update(t.token).digest('hex'));
      expect(t.hash).to.match(/^[0-9a-f]{64}$/);
    });

    it('never makes the same token twice, and the prefix avoids look-alike characters', () => {
      const seen = new Set<string>();
      for (let i = 0; i < 500; i++) {
        const t = newApiToken();
        expect(t.token).to.match(TOKEN);
        expect(t.prefix.slice(4)).not.to.match(/[01ilo]/);
        seen.add(t.token);
      }
      expect(seen.size).to.equal(500);
    });

    it('hashes only what can be a token of ours (no lookup for junk)', () => {
      const t = newApiToken();
      expect(apiTokenHash(t.token)).to.equal(t.hash);
      for (const junk of ['', 'vrk_', `${t.token}x`, t.token.slice(0, -1), t.token.replace('vrk_', 'VRK_'), `vrk_abcdefgi_${'a'.repeat(43)}`, 'a'.repeat(5000)]) {
        expect(apiTokenHash(junk), junk).to.equal(null);
      }
    });

    it('reads a bearer token from the Authorization header (scheme case-insensitive), null for anything else', () => {
      expect(bearerToken(undefined)).to.equal(undefined);
      expect(bearerToken('Bearer abc')).to.equal('abc');
      expect(bearerToken('bearer abc')).to.equal('abc');
      expect(bearerToken('Basic dXNlcjpwYXNz')).to.equal(null);
      expect(bearerToken('Bearer')).to.equal(null);
      expect(bearerToken('Bearer a b')).to.equal(null);
      expect(bearerToken('')).to.equal(null);
    });

    it('writes the last use at most once a minute', () => {
      const now = new Date('2026-12-01T12:00:00Z');
      expect(lastUsedIsStale(null, now)).to.equal(true);
      expect(lastUsedIsStale(new Date('2026-12-01T11:59:30Z'), now)).to.equal(false);
      expect(lastUsedIsStale(new Date('2026-12-01T11:59:00Z'), now)).to.equal(true);
    });
  });

  describe('invitations', () => {
    it('makes a 32-byte base64url secret and keeps its SHA-256 hex', () => {
      const { secret, hash } = newInvitationSecret();
      expect(secret).to.match(/^[A-Za-z0-9_-]{43}$/);
      expect(hash).to.equal(sha256Hex(secret));
      expect(newInvitationSecret().secret).not.to.equal(secret);
    });

    it('expires after the register’s validDays', () => {
      expect(invitationExpiry(new Date('2026-12-01T10:00:00Z'), 14).toISOString()).to.equal('2026-12-15T10:00:00.000Z');
    });

    it('is open until it expires; accepted and revoked are final whatever the date', () => {
      const expiresAt = new Date('2026-12-15T10:00:00Z');
      const before = new Date('2026-12-15T09:59:59Z');
      const at = new Date('2026-12-15T10:00:00Z');
      expect(invitationState({ acceptedAt: null, revokedAt: null, expiresAt }, before)).to.equal('open');
      expect(invitationState({ acceptedAt: null, revokedAt: null, expiresAt }, at)).to.equal('expired');
      expect(invitationState({ acceptedAt: before, revokedAt: null, expiresAt }, at)).to.equal('accepted');
      expect(invitationState({ acceptedAt: null, revokedAt: before, expiresAt }, before)).to.equal('revoked');
    });
  });

  describe('members and decisions', () => {
    const members = [
      { accountId: 'a', role: 'admin' as const },
      { accountId: 'b', role: 'member' as const },
    ];

    it('never removes the last admin; members and one of two admins may go', () => {
      expect(removesLastAdmin(members, 'a')).to.equal(true);
      expect(removesLastAdmin(members, 'b')).to.equal(false);
      expect(removesLastAdmin([...members, { accountId: 'c', role: 'admin' }], 'a')).to.equal(false);
      expect(removesLastAdmin(members, 'unknown')).to.equal(false);
    });

    it('never makes the last admin a member; promoting anyone, or demoting one of two admins, is fine', () => {
      expect(demotesLastAdmin(members, 'a', 'member')).to.equal(true);
      expect(demotesLastAdmin(members, 'a', 'admin')).to.equal(false);
      expect(demotesLastAdmin(members, 'b', 'admin')).to.equal(false);
      expect(demotesLastAdmin([...members, { accountId: 'c', role: 'admin' }], 'a', 'member')).to.equal(false);
    });

    it('lets staff decide once, on a pending organisation', () => {
      expect(canDecideOrganisation('pending')).to.equal(true);
      expect(canDecideOrganisation('authorised')).to.equal(false);
      expect(canDecideOrganisation('refused')).to.equal(false);
    });
  });
});
