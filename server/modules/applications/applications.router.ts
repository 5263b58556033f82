import { Router, type Response } from 'express';
import type { ReadStream } from 'node:fs';
import type { EvidenceFileEntity } from '../../db/entities/evidence-file.entity.js';
import { unauthenticated } from '../../domain/errors.js';
import { singleFileUpload } from '../../http/upload.js';
import { createSchema, evidenceParamSchema, idParamSchema, noQuerySchema, updateSchema, uploadFieldsSchema } from './applications.schemas.js';
import type { ApplicationsService } from './applications.service.js';

/** Streams an evidence file inline, never as something the browser could run in our origin. */
export function sendEvidence(res: Response, file: { row: EvidenceFileEntity; stream: ReadStream }): void {
  res.set({
    'Content-Type': file.row.contentType,
    'Content-Length': String(file.row.sizeBytes),
    'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.row.originalName)}`,
    'Cache-Control': 'private, no-store',
    // Shown in our own pages (staff dossier) only; nothing in it may run.
    'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'",
    'X-Frame-Options': 'SAMEORIGIN',
  });
  file.stream.on('error', () => res.destroy());
  file.stream.pipe(res);
}

export function variantsRouter(service: ApplicationsService): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    noQuerySchema.parse(req.query);
    res.json({ items: await service.variants() });
  });
  return router;
}

/** /api/my/registrations: the logged-in registrant's own applications and registrations. */
export function myRegistrationsRouter(service: ApplicationsService): Router {
  const router = Router();
  const account = (req: { user?: { accountId: string } }): string => {
    if (!req.user) throw unauthenticated();
    return req.user.accountId;
  };

  router.get('/', async (req, res) => {
    noQuerySchema.parse(req.query);
    res.set('Cache-Control', 'no-store').json(await service.list(account(req)));
  });
  router.post('/', async (req, res) => {
    const body = createSchema.parse(req.body);
    res.status(201).json(await service.create(account(req), body.variantCode));
  });
  router.get('/:id', async (req, res) => {
    const { id } = idParamSchema.parse(req.params);
    res.set('Cache-Control', 'no-store').json(await service.get(account(req), id));
  });
  router.patch('/:id', async (req, res) => {
    const { id } = idParamSchema.parse(req.params);
    res.json(await service.update(account(req), id, updateSchema.parse(req.body)));
  });
  router.post('/:id/submit', async (req, res) => {
    const { id } = idParamSchema.parse(req.params);
    res.json(await service.submit(account(req), id));
  });
  router.post(
    '/:id/evidence',
    async (req, res, next) => {
      const { id } = idParamSchema.parse(req.params);
      res.locals.maxUploadBytes = await service.uploadLimit(account(req), id);
      next();
    },
    singleFileUpload('file', (res) => res.locals.maxUploadBytes as number),
    async (req, res) => {
      const { id } = idParamSchema.parse(req.params);
      const { kind } = uploadFieldsSchema.parse(req.body);
      res.status(201).json(await service.upload(account(req), id, kind, req.file!));
    },
  );
  router.get('/:id/evidence/:evidenceId', async (req, res) => {
    const { id, evidenceId } = evidenceParamSchema.parse(req.params);
    sendEvidence(res, await service.openEvidence(account(req), id, evidenceId));
  });
  router.delete('/:id/evidence/:evidenceId', async (req, res) => {
    const { id, evidenceId } = evidenceParamSchema.parse(req.params);
    await service.removeEvidence(account(req), id, evidenceId);
    res.status(204).end();
  });
  return router;
}
