import { Router } from 'express';
import { presentPublicEntry } from './public-register.presenter.js';
import { noQuerySchema, registrationNumberParamSchema, searchQuerySchema } from './public-register.schemas.js';
import type { PublicRegisterService } from './public-register.service.js';

/** The public register: no login, public fields only (rate limited in app.ts). */
export function publicRegisterRouter(service: PublicRegisterService): Router {
  const router = Router();

  router.get('/register', async (req, res) => {
    const query = searchQuerySchema.parse(req.query);
    const result = await service.search(query);
    res.set('Cache-Control', 'no-store');
    res.json({ items: result.items.map(presentPublicEntry), total: result.total, page: result.page, pageSize: result.pageSize });
  });

  router.get('/register/:registrationNumber', async (req, res) => {
    noQuerySchema.parse(req.query);
    const { registrationNumber } = registrationNumberParamSchema.parse(req.params);
    const entry = await service.lookup(registrationNumber);
    res.set('Cache-Control', 'no-store');
    res.json(presentPublicEntry(entry));
  });

  return router;
}
