import type { PlainDate } from '../../domain/plain-date.js';
import type { CertificateStatus, CertificateSummary } from '../../db/repositories/certificates.repository.js';
import { presentPublicEntry, type PublicEntry } from '../public-register/public-register.presenter.js';

export interface CertificateStatusView {
  newest: { revision: number; status: CertificateStatus; issuedOn: PlainDate; verificationCode: string } | null;
}

export function presentCertificateStatus(newest: CertificateSummary | null): CertificateStatusView {
  return { newest: newest ? { revision: newest.revision, status: newest.status, issuedOn: newest.issuedOn, verificationCode: newest.verificationCode } : null };
}

/** current: the newest revision of this number; superseded: an older one; unknown: anything else. */
export type CodeStatus = 'current' | 'superseded' | 'unknown';

export interface CodeCheck {
  value: string;
  status: CodeStatus;
  revision: number | null;
  issuedOn: PlainDate | null;
  newestRevision: number | null;
}

export interface Verification {
  entry: PublicEntry;
  code: CodeCheck | null;
}

export function presentVerification(v: Verification): Verification {
  return {
    entry: presentPublicEntry(v.entry),
    code: v.code
      ? { value: v.code.value, status: v.code.status, revision: v.code.revision, issuedOn: v.code.issuedOn, newestRevision: v.code.newestRevision }
      : null,
  };
}

/** The download name the registrant sees, e.g. registratiebewijs-100000001-r2.pdf. */
export const certificateFilename = (registrationNumber: string, revision: number): string => `registratiebewijs-${registrationNumber}-r${revision}.pdf`;
