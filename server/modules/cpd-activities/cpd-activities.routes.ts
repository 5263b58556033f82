import type { RouteImpls } from '../../http/api.js';
import { sendEvidence, sendPdf } from '../../http/send-file.js';
import { singleFileUpload } from '../../http/upload.js';
import type { Services } from '../../services.js';

type CpdActivityRoutes =
  | 'competences'
  | 'myCpdForm'
  | 'myCpdActivities'
  | 'logCpdActivity'
  | 'myCpdActivity'
  | 'withdrawCpdActivity'
  | 'uploadCpdEvidence'
  | 'myCpdEvidence'
  | 'deleteCpdEvidence'
  | 'myCpdProgress'
  | 'myCpdCompetences'
  | 'myPortfolioJson'
  | 'requestPortfolioPdf'
  | 'myPortfolioExport'
  | 'myPortfolioPdf';

/** /api/competences and /api/my/cpd: the registrant's own activities, evidence, progress, competence map and portfolio. */
export function cpdActivityRoutes(s: Services): RouteImpls<CpdActivityRoutes> {
  const service = s.cpdActivities;
  return {
    competences: { action: 'competences.read', handle: () => service.competences() },
    myCpdForm: { action: 'ownCpd.read', handle: ({ actor }) => service.form(actor) },
    myCpdActivities: { action: 'ownCpd.read', handle: ({ actor }) => service.list(actor) },
    logCpdActivity: { action: 'ownCpdActivity.log', handle: ({ actor, body, requestId }) => service.log(actor, body, requestId) },
    myCpdActivity: { action: 'ownCpdActivity.read', handle: ({ actor, params }) => service.get(actor, params.id) },
    withdrawCpdActivity: {
      action: 'ownCpdActivity.withdraw',
      async handle({ actor, params, requestId, res }) {
        await service.withdraw(actor, params.id, requestId);
        res.status(204).end();
      },
    },
    uploadCpdEvidence: {
      action: 'ownCpdEvidence.upload',
      // The register's limit, asked before the body is read: another's activity (404) or a decided one (409) is refused unread.
      before: async ({ actor, params }) => {
        const maxBytes = await service.uploadLimit(actor, params.id);
        return [singleFileUpload('file', () => maxBytes)];
      },
      handle: ({ actor, params, body, req, requestId }) => service.upload(actor, params.id, body.kind, req.file!, requestId),
    },
    myCpdEvidence: {
      action: 'ownCpdEvidence.read',
      handle: async ({ actor, params, res }) => sendEvidence(res, await service.openEvidence(actor, params.id, params.evidenceId)),
    },
    deleteCpdEvidence: {
      action: 'ownCpdEvidence.delete',
      async handle({ actor, params, requestId, res }) {
        await service.removeEvidence(actor, params.id, params.evidenceId, requestId);
        res.status(204).end();
      },
    },
    myCpdProgress: { action: 'ownCpd.read', handle: ({ actor }) => service.progress(actor) },
    myCpdCompetences: { action: 'ownCpd.read', handle: ({ actor }) => service.competenceMap(actor) },
    myPortfolioJson: { action: 'ownCpd.read', handle: ({ actor }) => service.portfolio(actor) },
    requestPortfolioPdf: { action: 'ownPortfolio.request', handle: ({ actor, body, requestId }) => service.requestPdf(actor, body.locale, requestId) },
    myPortfolioExport: { action: 'ownPortfolio.read', handle: ({ actor, params }) => service.exportStatus(actor, params.id) },
    myPortfolioPdf: {
      action: 'ownPortfolio.read',
      async handle({ actor, params, res }) {
        const { pdf, filename } = await service.downloadPdf(actor, params.id);
        sendPdf(res, pdf, filename);
      },
    },
  };
}
