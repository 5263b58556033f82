import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { todayIn } from '../../server/domain/plain-date.js';
import { registerSettingsSchema } from '../../server/domain/register-rules.js';
import { recordAudit } from '../../server/db/repositories/audit.repository.js';
import {
  certificateRegisterSettings,
  issueCertificateRevision,
  listCertificateRefreshRequests,
  newestRevision,
  takeCertificateRefreshRequest,
} from '../../server/db/repositories/certificates.repository.js';
import { lockPendingCertificatesToResend } from '../../server/db/repositories/certificate-sweep.repository.js';
import { enqueue, type Queues } from '../../server/jobs/registry.js';

/** Per sweep: enough for a busy minute, small enough that one sweep never runs long. */
const BATCH = 200;
const RESEND_BATCH = 500;

export interface CertificateSweepResult {
  /** Pending revisions whose render job was (re-)enqueued. */
  reenqueued: number;
  /** New revisions issued because a certified fact changed outside a flow that issues one itself. */
  reissued: number;
  /** Requests that failed and stay for the next sweep. */
  failed: number;
}

/**
 * The scheduled certificate sweep.
 *
 * 1. Heals a lost render job (Redis down when a decision committed, or rows made by the seed): pending revisions
 *    older than half a minute get their job again. The deterministic job id makes this a no-op while the original
 *    job still exists; SKIP LOCKED keeps two sweeping workers apart.
 * 2. Takes the refresh requests the database noted (status, variants, cycle, name or number changed) and issues a
 *    new revision where the certified facts now differ from the newest one, audited, then enqueues its render.
 */
export function createCertificateSweepHandler(deps: { db: DataSource; queues: Queues; logger?: Logger }) {
  return async (): Promise<CertificateSweepResult> => {
    const reenqueued = await deps.db.transaction(async (m) => {
      const pending = await lockPendingCertificatesToResend(m, RESEND_BATCH);
      for (const certificateId of pending) await enqueue(deps.queues, 'certificate.render', { certificateId });
      return pending.length;
    });

    let reissued = 0;
    let failed = 0;
    for (const personId of await listCertificateRefreshRequests(deps.db, BATCH)) {
      try {
        const certificateId = await deps.db.transaction(async (m) => {
          if (!(await takeCertificateRefreshRequest(m, personId))) return null;
          const settings = await certificateRegisterSettings(m, personId);
          // No generalist registration (any more): nothing to certify.
          if (settings === null) return null;
          const before = await newestRevision(m, personId);
          const issued = await issueCertificateRevision(m, personId, todayIn(registerSettingsSchema.parse(settings).timeZone));
          if (!issued || issued.revision === before) return null;
          await recordAudit(m, {
            actorAccountId: null,
            action: 'certificate.reissued',
            subjectType: 'person',
            subjectId: personId,
            details: { revision: issued.revision, certificateId: issued.certificateId },
          });
          return issued.certificateId;
        });
        if (certificateId) {
          reissued += 1;
          // After commit. Should Redis be down now, part 1 of a later sweep enqueues it.
          await enqueue(deps.queues, 'certificate.render', { certificateId }).catch((err: unknown) =>
            deps.logger?.warn({ err, certificateId }, 'certificate render not enqueued; the next sweep will retry'),
          );
        }
      } catch (err) {
        // One person's failure (say, broken register settings) must not hold up the others; the request stays.
        failed += 1;
        deps.logger?.warn({ err, personId }, 'certificate refresh failed; retried at the next sweep');
      }
    }
    return { reenqueued, reissued, failed };
  };
}
