import { Router, type Request } from 'express';
import { unauthenticated } from '../../domain/errors.js';
import { evidenceParamSchema, idParamSchema, noQuerySchema } from '../applications/applications.schemas.js';
import { sendEvidence } from '../applications/applications.router.js';
import { decisionSchema, queueQuerySchema } from './staff-applications.schemas.js';
import type { StaffApplicationsService } from './staff-applications.service.js';

/** /api/staff/applications (staff only; mounted behind the staff role check). */
export function staffApplicationsRouter(service: StaffApplicationsService): Router {
  const router = Router();
  const ctx = (req: Request) => {
    if (!req.user) throw unauthenticated();
    return { staffAccountId: req.user.accountId, requestId: String(req.id ?? '') || null };
  };
  router.get('/', async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await service.queue(queueQuerySchema.parse(req.query)));
  });
  router.get('/:id', async (req, res) => {
    noQuerySchema.parse(req.query);
    const { id } = idParamSchema.parse(req.params);
    res.set('Cache-Control', 'no-store').json(await service.dossier(ctx(req), id));
  });
  router.get('/:id/evidence/:evidenceId', async (req, res) => {
    const { id, evidenceId } = evidenceParamSchema.parse(req.params);
    sendEvidence(res, await service.openEvidence(ctx(req), id, evidenceId));
  });
  router.post('/:id/decision', async (req, res) => {
    const { id } = idParamSchema.parse(req.params);
    res.json(await service.decide(ctx(req), id, decisionSchema.parse(req.body)));
  });
  return router;
}
