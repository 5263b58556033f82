import { Router } from 'express';
import type { DataSource } from 'typeorm';
import { unauthenticated } from '../../domain/errors.js';
import { certificateFilename, presentCertificateStatus, presentVerification } from './certificates.presenter.js';
import { noQuerySchema, registrationNumberParamSchema, verifyQuerySchema } from './certificates.schemas.js';
import { CertificatesService } from './certificates.service.js';

export interface CertificateRouterDeps {
  db: DataSource;
}

/** GET /api/my/certificate: the newest rendered certificate of the logged-in registrant (behind requireLogin). */
export function myCertificateRouter(deps: CertificateRouterDeps): Router {
  const service = new CertificatesService(deps.db);
  const router = Router();

  router.get('/', async (req, res) => {
    noQuerySchema.parse(req.query);
    if (!req.user) throw unauthenticated();
    const certificate = await service.download(req.user.accountId);
    res.set({
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${certificateFilename(certificate.registrationNumber, certificate.revision)}"`,
      'Cache-Control': 'no-store',
    });
    res.send(certificate.pdf);
  });

  router.get('/status', async (req, res) => {
    noQuerySchema.parse(req.query);
    if (!req.user) throw unauthenticated();
    const newest = await service.newestFor(req.user.accountId);
    res.set('Cache-Control', 'no-store');
    res.json(presentCertificateStatus(newest));
  });

  return router;
}

/** GET /api/public/verify/:registrationNumber?code=: live status plus whether a certificate code is current. */
export function publicVerifyRouter(deps: CertificateRouterDeps): Router {
  const service = new CertificatesService(deps.db);
  const router = Router();

  router.get('/:registrationNumber', async (req, res) => {
    const { registrationNumber } = registrationNumberParamSchema.parse(req.params);
    const { code } = verifyQuerySchema.parse(req.query);
    const verification = await service.verify(registrationNumber, code ?? null);
    res.set('Cache-Control', 'no-store');
    res.json(presentVerification(verification));
  });

  return router;
}
