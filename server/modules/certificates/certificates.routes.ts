import type { RouteImpls } from '../../http/api.js';
import { sendPdf } from '../../http/send-file.js';
import type { Services } from '../../services.js';
import { certificateFilename, presentCertificateStatus } from './certificates.presenter.js';

/** The registrant's own certificate: the newest revision as PDF, and its state. */
export function certificateRoutes(s: Services): RouteImpls<'myCertificate' | 'myCertificateStatus'> {
  return {
    myCertificate: {
      action: 'ownCertificate.read',
      async handle({ actor, res }) {
        const certificate = await s.certificates.download(actor.account!.id);
        sendPdf(res, certificate.pdf, certificateFilename(certificate.registrationNumber, certificate.revision));
      },
    },
    myCertificateStatus: {
      action: 'ownCertificate.read',
      handle: async ({ actor }) => presentCertificateStatus(await s.certificates.newestFor(actor.account!.id)),
    },
  };
}
