import type { DataSource } from 'typeorm';
import { listAuditEvents } from '../../db/repositories/audit.repository.js';

/** The audit trail of decisions, state changes and dossier access, for staff. */
export class AuditService {
  constructor(private readonly db: DataSource) {}

  async list(q: { limit: number; before?: string | undefined }) {
    return { items: await listAuditEvents(this.db, { limit: q.limit, beforeId: q.before ?? null }) };
  }
}
