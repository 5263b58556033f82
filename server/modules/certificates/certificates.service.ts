import type { DataSource } from 'typeorm';
import {
  findAccountPersonId,
  findCertificateByCode,
  findNewestCertificate,
  findNewestRenderedCertificate,
  findPersonIdByRegistrationNumber,
  newestRevision,
  type CertificateSummary,
  type RenderedCertificate,
} from '../../db/repositories/certificates.repository.js';
import { AppError } from '../../domain/errors.js';
import type { PublicRegisterService } from '../public-register/public-register.service.js';
import type { CodeCheck, Verification } from './certificates.presenter.js';

const noCertificate = (): AppError => new AppError('no_certificate', 'There is no certificate for you yet.');
const pending = (): AppError => new AppError('certificate_pending', 'Your newest certificate is being prepared. Try again in a moment.');

export class CertificatesService {
  constructor(
    private readonly db: DataSource,
    private readonly publicRegister: PublicRegisterService,
  ) {}

  /** The status of the account's newest revision, rendered or not; null when there is none. */
  async newestFor(accountId: string): Promise<CertificateSummary | null> {
    const personId = await findAccountPersonId(this.db, accountId);
    return personId ? findNewestCertificate(this.db, personId) : null;
  }

  /**
   * The PDF of the account's newest revision. An older rendered revision is never handed out in its place:
   * its code already verifies as superseded. A failed newest revision (awaiting a retry) reads as pending.
   */
  async download(accountId: string): Promise<RenderedCertificate> {
    const personId = await findAccountPersonId(this.db, accountId);
    if (!personId) throw noCertificate();
    const newest = await findNewestCertificate(this.db, personId);
    if (!newest) throw noCertificate();
    if (newest.status !== 'rendered') throw pending();
    const rendered = await findNewestRenderedCertificate(this.db, personId);
    // A newer revision may have been issued between the two reads; it is not rendered yet either.
    if (!rendered || rendered.revision !== newest.revision) throw pending();
    return rendered;
  }

  /** The live public entry (404 when not in the public register) and, when a code is given, what it is. */
  async verify(registrationNumber: string, code: string | null, now = new Date()): Promise<Verification> {
    const entry = await this.publicRegister.lookup(registrationNumber, now);
    if (code === null) return { entry, code: null };
    const personId = await findPersonIdByRegistrationNumber(this.db, registrationNumber);
    const [certificate, newest] = await Promise.all([findCertificateByCode(this.db, code), personId ? newestRevision(this.db, personId) : null]);
    let check: CodeCheck;
    if (certificate && personId && certificate.personId === personId) {
      check = {
        value: code,
        status: certificate.revision === newest ? 'current' : 'superseded',
        revision: certificate.revision,
        issuedOn: certificate.issuedOn,
        newestRevision: newest,
      };
    } else {
      // Codes of other people say nothing about them here.
      check = { value: code, status: 'unknown', revision: null, issuedOn: null, newestRevision: newest };
    }
    return { entry, code: check };
  }
}
