import type { RouteImpls, RouteInput } from '../../http/api.js';
import { sendEvidence } from '../../http/send-file.js';
import type { Services } from '../../services.js';

const ctx = ({ actor, requestId }: Pick<RouteInput<'staffQueue'>, 'actor' | 'requestId'>) => ({ staffAccountId: actor.account!.id, requestId, actor });

/** Register staff: the review queue, dossiers and evidence (every access audited), decisions, the audit trail. */
export function staffRoutes(s: Services): RouteImpls<'staffQueue' | 'staffApplication' | 'staffEvidence' | 'decideApplication' | 'auditEvents'> {
  const service = s.staffApplications;
  return {
    staffQueue: { action: 'applications.review', handle: ({ query }) => service.queue(query) },
    staffApplication: { action: 'applications.review', handle: (input) => service.dossier(ctx(input), input.params.id) },
    staffEvidence: {
      action: 'applications.review',
      handle: async (input) => sendEvidence(input.res, await service.openEvidence(ctx(input), input.params.id, input.params.evidenceId)),
    },
    decideApplication: { action: 'applications.decide', handle: (input) => service.decide(ctx(input), input.params.id, input.body) },
    auditEvents: { action: 'audit.read', handle: ({ query }) => s.audit.list(query) },
  };
}
