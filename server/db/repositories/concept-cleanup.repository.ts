import type { EntityManager } from 'typeorm';
import { rows } from '../sql.js';

// The concept cleanup's scans (workers/housekeeping/concept-cleanup.handler.ts). Each runs inside the caller's
// transaction and locks what it returns with SKIP LOCKED, so two workers never warn or delete the same concept.

export interface ConceptToWarn {
  id: string;
  statusChangedAt: Date;
  /** The register's settings, unparsed (register-rules.registerSettingsSchema). */
  settings: unknown;
  variantName: string;
  email: string | null;
  accountId: string | null;
}

function inTransaction(m: EntityManager, what: string): void {
  if (!m.queryRunner?.isTransactionActive) throw new Error(`${what} must run inside a transaction`);
}

/** Concepts never warned whose retention ends within the register's warning period (or already ended), oldest first. */
export async function lockConceptsToWarn(m: EntityManager, limit: number): Promise<ConceptToWarn[]> {
  inTransaction(m, 'lockConceptsToWarn');
  const found = await rows<{ id: string; status_changed_at: Date; settings: unknown; variant_name: string; email: string | null; account_id: string | null }>(
    m,
    `SELECT r.id, r.status_changed_at, g.settings, v.name AS variant_name, p.email, a.id AS account_id
       FROM registrations r
       JOIN variants v ON v.id = r.variant_id JOIN registers g ON g.id = v.register_id
       JOIN persons p ON p.id = r.person_id LEFT JOIN accounts a ON a.person_id = p.id
      WHERE r.status = 'concept' AND r.concept_warning_sent_at IS NULL
        AND r.status_changed_at < now() - make_interval(days => (g.settings->'concepts'->>'retentionDays')::int - (g.settings->'concepts'->>'warningDaysBefore')::int)
      ORDER BY r.status_changed_at LIMIT $1
      FOR UPDATE OF r SKIP LOCKED`,
    [limit],
  );
  return found.map((r) => ({ id: r.id, statusChangedAt: r.status_changed_at, settings: r.settings, variantName: r.variant_name, email: r.email, accountId: r.account_id }));
}

/** Notes that the warning went out; returns when (the transaction's time), which dates the deletion. */
export async function markConceptWarned(m: EntityManager, registrationId: string): Promise<Date> {
  const [row] = await rows<{ concept_warning_sent_at: Date }>(
    m,
    `UPDATE registrations SET concept_warning_sent_at = now() WHERE id = $1 RETURNING concept_warning_sent_at`,
    [registrationId],
  );
  if (!row) throw new Error(`registration ${registrationId} vanished while locked`);
  return row.concept_warning_sent_at;
}

/**
 * Warned concepts whose deletion day has come, oldest first: today, in the register's time zone, is on or after
 * both the end of the retention period and the end of the warning period. This is domain/concept-retention's
 * conceptDeletionDay, the day the warning mail named.
 */
export async function lockConceptsToDelete(m: EntityManager, limit: number): Promise<Array<{ id: string; variantCode: string }>> {
  inTransaction(m, 'lockConceptsToDelete');
  const found = await rows<{ id: string; variant_code: string }>(
    m,
    `SELECT r.id, v.code AS variant_code
       FROM registrations r JOIN variants v ON v.id = r.variant_id JOIN registers g ON g.id = v.register_id
      WHERE r.status = 'concept' AND r.concept_warning_sent_at IS NOT NULL
        AND (now() AT TIME ZONE (g.settings->>'timeZone'))::date >= greatest(
              (r.status_changed_at AT TIME ZONE (g.settings->>'timeZone'))::date + (g.settings->'concepts'->>'retentionDays')::int,
              (r.concept_warning_sent_at AT TIME ZONE (g.settings->>'timeZone'))::date + (g.settings->'concepts'->>'warningDaysBefore')::int)
      ORDER BY r.status_changed_at LIMIT $1
      FOR UPDATE OF r SKIP LOCKED`,
    [limit],
  );
  return found.map((r) => ({ id: r.id, variantCode: r.variant_code }));
}

/** Deletes a concept with its status history and evidence rows; returns the evidence ids, whose files the caller removes after commit. */
export async function deleteConcept(m: EntityManager, registrationId: string): Promise<string[]> {
  inTransaction(m, 'deleteConcept');
  const evidence = await rows<{ id: string }>(m, `DELETE FROM evidence_files WHERE registration_id = $1 RETURNING id`, [registrationId]);
  await m.query(`DELETE FROM registration_status_changes WHERE registration_id = $1`, [registrationId]);
  await m.query(`DELETE FROM registrations WHERE id = $1`, [registrationId]);
  return evidence.map((e) => e.id);
}
