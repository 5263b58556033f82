import { Router, type RequestHandler } from 'express';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { listAuditEvents } from '../../db/repositories/audit.repository.js';

const auditQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.string().regex(/^\d{1,18}$/).optional(),
});

/** Register staff only: the audit trail of decisions and state changes. */
export function staffRouter(db: DataSource, requireStaff: RequestHandler): Router {
  const router = Router();
  router.use(requireStaff);
  router.get('/audit-events', async (req, res) => {
    const q = auditQuerySchema.parse(req.query);
    const items = await listAuditEvents(db, { limit: q.limit, beforeId: q.before ?? null });
    res.set('Cache-Control', 'no-store');
    res.json({ items });
  });
  return router;
}
