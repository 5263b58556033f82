import type { RouteImpls, RouteInput } from '../../http/api.js';
import { sendEvidence } from '../../http/send-file.js';
import type { Services } from '../../services.js';

const ctx = ({ actor, requestId }: Pick<RouteInput<'staffCpdQueue'>, 'actor' | 'requestId'>) => ({ staffAccountId: actor.account!.id, requestId, actor });

/** Register staff's CPD review: the queue of all CPD work, and the review of activities (every read audited). */
export function staffCpdRoutes(s: Services): RouteImpls<'staffCpdQueue' | 'staffCpdActivity' | 'staffCpdEvidence' | 'decideCpdActivity'> {
  const service = s.staffCpd;
  return {
    staffCpdQueue: { action: 'cpdQueue.read', handle: ({ query }) => service.queue(query) },
    staffCpdActivity: { action: 'cpdActivities.review', handle: (input) => service.activity(ctx(input), input.params.id) },
    staffCpdEvidence: {
      action: 'cpdActivities.review',
      handle: async (input) => sendEvidence(input.res, await service.openEvidence(ctx(input), input.params.id, input.params.evidenceId)),
    },
    decideCpdActivity: { action: 'cpdActivities.decide', handle: (input) => service.decide(ctx(input), input.params.id, input.body) },
  };
}
