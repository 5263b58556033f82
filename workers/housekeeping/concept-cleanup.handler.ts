import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { recordAudit } from '../../server/db/repositories/audit.repository.js';
import { deleteConcept, lockConceptsToDelete, lockConceptsToWarn, markConceptWarned } from '../../server/db/repositories/concept-cleanup.repository.js';
import { queueEmail } from '../../server/db/repositories/email-outbox.repository.js';
import { conceptDeletionDay } from '../../server/domain/concept-retention.js';
import { todayIn } from '../../server/domain/plain-date.js';
import { registerSettingsSchema } from '../../server/domain/register-rules.js';
import { enqueue, type Queues } from '../../server/jobs/registry.js';
import type { EvidenceStore } from '../../server/storage/evidence-store.js';

const BATCH = 500;

/**
 * Concepts that were never submitted are deleted after the register's retention period (data: concepts.retentionDays),
 * with a warning mail concepts.warningDaysBefore days earlier. A concept is deleted no sooner than that many days
 * after its warning went out, on the day the warning names (conceptDeletionDay), so a worker outage never turns
 * into a deletion without notice, nor into a mail naming a day already past.
 */
export function createConceptCleanupHandler(deps: { db: DataSource; queues: Queues; evidence: EvidenceStore; logger: Logger }) {
  return async (): Promise<{ warned: number; deleted: number }> => {
    const warnedIds = await deps.db.transaction(async (m) => {
      const outboxIds: string[] = [];
      for (const concept of await lockConceptsToWarn(m, BATCH)) {
        const settings = registerSettingsSchema.parse(concept.settings);
        const warnedAt = await markConceptWarned(m, concept.id);
        const deleteOn = conceptDeletionDay({
          startedOn: todayIn(settings.timeZone, concept.statusChangedAt),
          warnedOn: todayIn(settings.timeZone, warnedAt),
          retentionDays: settings.concepts.retentionDays,
          warningDaysBefore: settings.concepts.warningDaysBefore,
        });
        if (concept.email) {
          const id = await queueEmail(m, {
            dedupeKey: `concept-warning:${concept.id}:${concept.statusChangedAt.getTime()}`,
            template: 'concept_expiry_warning',
            toAddress: concept.email,
            accountId: concept.accountId,
            params: { variant: concept.variantName, registrationId: concept.id, deleteOn },
          });
          if (id) outboxIds.push(id);
        }
      }
      return outboxIds;
    });
    // After commit. Should Redis fail here, the job is retried and the outbox sweep sends what was queued.
    for (const outboxId of warnedIds) await enqueue(deps.queues, 'email.send', { outboxId });

    const removed = await deps.db.transaction(async (m) => {
      const expired = await lockConceptsToDelete(m, BATCH);
      const files: string[] = [];
      for (const concept of expired) {
        const evidence = await deleteConcept(m, concept.id);
        files.push(...evidence);
        await recordAudit(m, {
          actorAccountId: null,
          action: 'concept.deleted',
          subjectType: 'registration',
          subjectId: concept.id,
          details: { variant: concept.variantCode, evidenceFiles: evidence.length },
        });
      }
      return { count: expired.length, files };
    });
    // Files go after the rows are gone for good; a crash here leaves only unreachable files, never dangling rows.
    for (const id of removed.files) await deps.evidence.remove(id);
    if (warnedIds.length || removed.count) deps.logger.info({ warned: warnedIds.length, deleted: removed.count }, 'concept cleanup');
    return { warned: warnedIds.length, deleted: removed.count };
  };
}
