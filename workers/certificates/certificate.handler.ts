import { createHash } from 'node:crypto';
import { UnrecoverableError, type Job } from 'bullmq';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { certificateSnapshotSchema, claimCertificate, markCertificateRendered, recordCertificateError } from '../../server/db/repositories/certificates.repository.js';
import { jobPayload } from '../job-payload.js';
import { renderCertificatePdf } from './certificate-layout.js';

export type CertificateJobResult = 'rendered' | 'already-rendered';

/**
 * Renders one certificate revision. Claims the row first (counting the attempt), renders outside any
 * transaction, then stores the PDF on that same row: re-running a revision overwrites, never adds a row,
 * and a revision that is already rendered is not rendered again. A permanent failure throws UnrecoverableError;
 * the job's final-failure step (workers/registry.ts) marks the revision failed.
 */
export function createCertificateHandler(deps: { db: DataSource; publicUrl: string; logger: Logger; render?: typeof renderCertificatePdf }) {
  const render = deps.render ?? renderCertificatePdf;
  return async (job: Pick<Job, 'data'>): Promise<CertificateJobResult> => {
    const { certificateId } = jobPayload('certificate.render', job);

    const claim = await claimCertificate(deps.db, certificateId);
    switch (claim.outcome) {
      case 'missing':
        throw new UnrecoverableError(`certificate ${certificateId} does not exist`);
      case 'already-rendered':
        return 'already-rendered';
      case 'claimed':
        break;
      default: {
        const unexpected: never = claim;
        throw new Error(`unexpected claim ${JSON.stringify(unexpected)}`);
      }
    }

    const snapshot = certificateSnapshotSchema.safeParse(claim.snapshot);
    // Retrying cannot repair a frozen snapshot: the revision fails for good, so staff see it.
    if (!snapshot.success) throw new UnrecoverableError(`certificate ${claim.id} has an invalid snapshot: ${snapshot.error.message}`);

    let pdf: Buffer;
    try {
      pdf = await render({
        snapshot: snapshot.data,
        revision: claim.revision,
        verificationCode: claim.verificationCode,
        issuedOn: claim.issuedOn,
        publicUrl: deps.publicUrl,
      });
    } catch (err) {
      // The row stays pending with the reason; BullMQ retries with backoff; after the last attempt the revision is marked failed.
      await recordCertificateError(deps.db, claim.id, String(err));
      throw err;
    }
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    await markCertificateRendered(deps.db, claim.id, pdf, sha256);
    deps.logger.info({ certificateId: claim.id, revision: claim.revision, bytes: pdf.length, attempts: claim.attempts }, 'certificate rendered');
    return 'rendered';
  };
}
