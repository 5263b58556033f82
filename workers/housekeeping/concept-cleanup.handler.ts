import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { recordAudit } from '../../server/db/repositories/audit.repository.js';
import { queueEmail } from '../../server/db/repositories/email-outbox.repository.js';
import { rows } from '../../server/db/sql.js';
import { addDays, todayIn } from '../../server/domain/plain-date.js';
import { registerSettingsSchema } from '../../server/domain/register-rules.js';
import { enqueueEmail } from '../../server/jobs/queues.js';
import type { EvidenceStore } from '../../server/storage/evidence-store.js';

const BATCH = 500;

interface WarnRow {
  id: string;
  status_changed_at: Date;
  settings: unknown;
  variant_name: string;
  email: string | null;
  account_id: string | null;
}

/**
 * Concepts that were never submitted are deleted after the register's retention period (data: concepts.retentionDays),
 * with a warning mail concepts.warningDaysBefore days earlier. A concept is only deleted once its warning went out
 * at least that many days ago, so a worker outage never turns into a deletion without notice.
 */
export function createConceptCleanupHandler(deps: { db: DataSource; emailQueue: Queue; evidence: EvidenceStore; logger: Logger }) {
  return async (): Promise<{ warned: number; deleted: number }> => {
    const warnedIds = await deps.db.transaction(async (m) => {
      const due = await rows<WarnRow>(
        m,
        `SELECT r.id, r.status_changed_at, g.settings, v.name AS variant_name, p.email, a.id AS account_id
           FROM registrations r
           JOIN variants v ON v.id = r.variant_id JOIN registers g ON g.id = v.register_id
           JOIN persons p ON p.id = r.person_id LEFT JOIN accounts a ON a.person_id = p.id
          WHERE r.status = 'concept' AND r.concept_warning_sent_at IS NULL
            AND r.status_changed_at < now() - make_interval(days => (g.settings->'concepts'->>'retentionDays')::int - (g.settings->'concepts'->>'warningDaysBefore')::int)
          ORDER BY r.status_changed_at LIMIT ${BATCH}
          FOR UPDATE OF r SKIP LOCKED`,
      );
      const outboxIds: string[] = [];
      for (const r of due) {
        const settings = registerSettingsSchema.parse(r.settings);
        const deleteOn = addDays(todayIn(settings.timeZone, r.status_changed_at), settings.concepts.retentionDays);
        if (r.email) {
          const id = await queueEmail(m, {
            dedupeKey: `concept-warning:${r.id}:${r.status_changed_at.getTime()}`,
            template: 'concept_expiry_warning',
            toAddress: r.email,
            accountId: r.account_id,
            params: { variant: r.variant_name, registrationId: r.id, deleteOn },
          });
          if (id) outboxIds.push(id);
        }
        await m.query(`UPDATE registrations SET concept_warning_sent_at = now() WHERE id = $1`, [r.id]);
      }
      return outboxIds;
    });
    for (const id of warnedIds) await enqueueEmail(deps.emailQueue, id);

    const removed = await deps.db.transaction(async (m) => {
      const expired = await rows<{ id: string; variant_code: string }>(
        m,
        `SELECT r.id, v.code AS variant_code
           FROM registrations r JOIN variants v ON v.id = r.variant_id JOIN registers g ON g.id = v.register_id
          WHERE r.status = 'concept'
            AND r.status_changed_at < now() - make_interval(days => (g.settings->'concepts'->>'retentionDays')::int)
            AND r.concept_warning_sent_at < now() - make_interval(days => (g.settings->'concepts'->>'warningDaysBefore')::int)
          ORDER BY r.status_changed_at LIMIT ${BATCH}
          FOR UPDATE OF r SKIP LOCKED`,
      );
      const files: string[] = [];
      for (const r of expired) {
        const evidence = await rows<{ id: string }>(m, `DELETE FROM evidence_files WHERE registration_id = $1 RETURNING id`, [r.id]);
        files.push(...evidence.map((e) => e.id));
        await m.query(`DELETE FROM registration_status_changes WHERE registration_id = $1`, [r.id]);
        await m.query(`DELETE FROM registrations WHERE id = $1`, [r.id]);
        await recordAudit(m, { actorAccountId: null, action: 'concept.deleted', subjectType: 'registration', subjectId: r.id, details: { variant: r.variant_code, evidenceFiles: evidence.length } });
      }
      return { count: expired.length, files };
    });
    // Files go after the rows are gone for good; a crash here leaves only unreachable files, never dangling rows.
    for (const id of removed.files) await deps.evidence.remove(id);
    if (warnedIds.length || removed.count) deps.logger.info({ warned: warnedIds.length, deleted: removed.count }, 'concept cleanup');
    return { warned: warnedIds.length, deleted: removed.count };
  };
}
