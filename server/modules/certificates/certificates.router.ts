import { Router } from 'express';
import type { DataSource } from 'typeorm';

export interface CertificateRouterDeps {
  db: DataSource;
}

/** GET /api/my/certificate: the newest rendered certificate of the logged-in registrant. (Being built.) */
export function myCertificateRouter(_deps: CertificateRouterDeps): Router {
  return Router();
}

/** GET /api/public/verify/:registrationNumber?code=: live status plus whether a certificate code is current. (Being built.) */
export function publicVerifyRouter(_deps: CertificateRouterDeps): Router {
  return Router();
}
