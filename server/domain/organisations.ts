import { createHash, randomBytes } from 'node:crypto';
import type { OrganisationStatusCode } from '../contract/organisations.js';

/**
 * The rules of organisations: who decides what when, the shape of API tokens and invitation secrets, and when an
 * invitation can still be used. Pure, apart from the random bytes a new secret is made of (injectable for tests).
 */

export type RandomBytes = (size: number) => Buffer;

/** Lower-case letters and digits without the look-alikes 0/o, 1/l/i: the prefix is read aloud and typed. */
const PREFIX_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const PREFIX_LENGTH = 8;
/** 32 bytes of randomness: 256 bits, base64url without padding (43 characters). */
const SECRET_BYTES = 32;
const TOKEN_PATTERN = /^(vrk_[a-hj-km-np-z2-9]{8})_([A-Za-z0-9_-]{43})$/;

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export interface NewApiToken {
  /** What the caller sends as `Authorization: Bearer <token>`; shown once, never stored. */
  token: string;
  /** `vrk_` and 8 characters: kept to recognise the token in a list. */
  prefix: string;
  /** SHA-256 of the whole token, hex: how the server finds it again. */
  hash: string;
}

export function newApiToken(random: RandomBytes = randomBytes): NewApiToken {
  const prefixBytes = random(PREFIX_LENGTH);
  let prefix = 'vrk_';
  for (const b of prefixBytes) prefix += PREFIX_ALPHABET[b % PREFIX_ALPHABET.length];
  const token = `${prefix}_${random(SECRET_BYTES).toString('base64url')}`;
  return { token, prefix, hash: sha256Hex(token) };
}

/** The hash to look a presented token up by, or null when it cannot be one of ours (no database call for junk). */
export function apiTokenHash(presented: string): string | null {
  return TOKEN_PATTERN.test(presented) ? sha256Hex(presented) : null;
}

/**
 * The token of an `Authorization` header: `Bearer <token>` (scheme case-insensitive, RFC 6750). Undefined when the
 * header is absent; null when it is there but not a bearer token of ours.
 */
export function bearerToken(header: string | undefined): string | null | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer +(\S+) *$/i.exec(header);
  return match ? match[1]! : null;
}

export interface NewInvitationSecret {
  secret: string;
  hash: string;
}

export function newInvitationSecret(random: RandomBytes = randomBytes): NewInvitationSecret {
  const secret = random(SECRET_BYTES).toString('base64url');
  return { secret, hash: sha256Hex(secret) };
}

export const invitationExpiry = (createdAt: Date, validDays: number): Date => new Date(createdAt.getTime() + validDays * 24 * 60 * 60 * 1000);

export type InvitationState = 'open' | 'expired' | 'revoked' | 'accepted';

/** Accepted and revoked are final; an open invitation past its expiry is expired. */
export function invitationState(i: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): InvitationState {
  if (i.acceptedAt) return 'accepted';
  if (i.revokedAt) return 'revoked';
  return i.expiresAt.getTime() <= now.getTime() ? 'expired' : 'open';
}

/** Staff decide once, on a pending organisation: authorised and refused are final here. */
export const canDecideOrganisation = (status: OrganisationStatusCode): boolean => status === 'pending';

/** Removing this member would leave the organisation without an admin. */
export function removesLastAdmin(members: ReadonlyArray<{ accountId: string; role: 'admin' | 'member' }>, accountId: string): boolean {
  const target = members.find((m) => m.accountId === accountId);
  if (target?.role !== 'admin') return false;
  return members.filter((m) => m.role === 'admin').length <= 1;
}

/** Making this member a member (not an admin) would leave the organisation without an admin. */
export const demotesLastAdmin = (members: ReadonlyArray<{ accountId: string; role: 'admin' | 'member' }>, accountId: string, role: 'admin' | 'member'): boolean =>
  role === 'member' && removesLastAdmin(members, accountId);

/** A token's last use is written at most once a minute: enough to tell "in use" from "forgotten", one write a minute. */
export const LAST_USED_RESOLUTION_MS = 60_000;
export const lastUsedIsStale = (lastUsedAt: Date | null, now: Date): boolean => lastUsedAt === null || now.getTime() - lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS;

export const ageInDays = (since: Date | null, now: Date): number | null => (since ? Math.max(0, Math.floor((now.getTime() - since.getTime()) / (24 * 60 * 60 * 1000))) : null);
