import type { RouteImpls } from '../../http/api.js';
import { sendEvidence } from '../../http/send-file.js';
import { singleFileUpload } from '../../http/upload.js';
import type { Services } from '../../services.js';

type ApplicationRoutes = 'variants' | 'myRegistrations' | 'createApplication' | 'myApplication' | 'updateApplication' | 'submitApplication' | 'uploadEvidence' | 'myEvidence' | 'deleteEvidence';

/** /api/variants and /api/my/registrations: the registrant's own applications and registrations. */
export function applicationRoutes(s: Services): RouteImpls<ApplicationRoutes> {
  const service = s.applications;
  return {
    variants: { action: 'variants.read', handle: async () => ({ items: await service.variants() }) },
    myRegistrations: { action: 'ownRegistrations.list', handle: ({ actor }) => service.list(actor) },
    createApplication: { action: 'ownRegistrations.apply', handle: ({ actor, body }) => service.create(actor, body.variantCode) },
    myApplication: { action: 'ownRegistration.read', handle: ({ actor, params }) => service.get(actor, params.id) },
    updateApplication: { action: 'ownRegistration.edit', handle: ({ actor, params, body }) => service.update(actor, params.id, body) },
    submitApplication: { action: 'ownRegistration.submit', handle: ({ actor, params }) => service.submit(actor, params.id) },
    uploadEvidence: {
      action: 'ownEvidence.upload',
      // The register's limit, asked before the body is read: an upload to someone else's application (404) or to one
      // that is no longer a concept (409) is refused unread.
      before: async ({ actor, params }) => {
        const maxBytes = await service.uploadLimit(actor, params.id);
        return [singleFileUpload('file', () => maxBytes)];
      },
      handle: ({ actor, params, body, req }) => service.upload(actor, params.id, body.kind, req.file!),
    },
    myEvidence: {
      action: 'ownEvidence.read',
      handle: async ({ actor, params, res }) => sendEvidence(res, await service.openEvidence(actor, params.id, params.evidenceId)),
    },
    deleteEvidence: {
      action: 'ownEvidence.delete',
      async handle({ actor, params, res }) {
        await service.removeEvidence(actor, params.id, params.evidenceId);
        res.status(204).end();
      },
    },
  };
}
