import type { DataSource, EntityManager } from 'typeorm';

export interface AuditInput {
  actorAccountId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  details?: Record<string, unknown>;
  requestId?: string | null;
}

/** Written inside the same transaction as the change it records. */
export async function recordAudit(m: EntityManager | DataSource, e: AuditInput): Promise<void> {
  await m.query(
    `INSERT INTO audit_events (actor_account_id, action, subject_type, subject_id, details, request_id) VALUES ($1, $2, $3, $4, $5, $6)`,
    [e.actorAccountId, e.action, e.subjectType, e.subjectId, JSON.stringify(e.details ?? {}), e.requestId ?? null],
  );
}

export interface AuditEventRow {
  id: string;
  occurredAt: string;
  actorAccountId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  details: Record<string, unknown>;
}

export async function listAuditEvents(db: DataSource, opts: { limit: number; beforeId: string | null }): Promise<AuditEventRow[]> {
  const rows = (await db.query(
    `SELECT id::text, occurred_at, actor_account_id, action, subject_type, subject_id, details
       FROM audit_events WHERE ($2::bigint IS NULL OR id < $2::bigint) ORDER BY id DESC LIMIT $1`,
    [opts.limit, opts.beforeId],
  )) as Array<{ id: string; occurred_at: Date; actor_account_id: string | null; action: string; subject_type: string; subject_id: string; details: Record<string, unknown> }>;
  return rows.map((r) => ({
    id: r.id,
    occurredAt: r.occurred_at.toISOString(),
    actorAccountId: r.actor_account_id,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    details: r.details,
  }));
}
