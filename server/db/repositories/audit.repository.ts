import type { DataSource, EntityManager } from 'typeorm';
import { AuditEventEntity } from '../entities/audit-event.entity.js';

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
  const events = m.getRepository(AuditEventEntity);
  // save() rather than insert(): insert's typing cannot take a free-form JSON object.
  await events.save(
    events.create({
      actorAccountId: e.actorAccountId,
      action: e.action,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      details: e.details ?? {},
      requestId: e.requestId ?? null,
    }),
    { transaction: false, reload: false },
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
  const query = db
    .getRepository(AuditEventEntity)
    .createQueryBuilder('e')
    .select(['e.id', 'e.occurredAt', 'e.actorAccountId', 'e.action', 'e.subjectType', 'e.subjectId', 'e.details'])
    .orderBy('e.id', 'DESC')
    .limit(opts.limit);
  if (opts.beforeId !== null) query.where('e.id < :beforeId', { beforeId: opts.beforeId });
  const events = await query.getMany();
  return events.map((r) => ({
    id: r.id,
    occurredAt: r.occurredAt.toISOString(),
    actorAccountId: r.actorAccountId,
    action: r.action,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    details: r.details,
  }));
}
