import type { RouteImpls } from '../../http/api.js';
import type { Services } from '../../services.js';
import { presentPublicEntry } from './public-register.presenter.js';
import { presentVerification } from '../certificates/certificates.presenter.js';

/** The public register: no login, public fields only (rate limited in app.ts). */
export function publicRegisterRoutes(s: Services): RouteImpls<'publicSearch' | 'publicLookup' | 'publicVerify'> {
  return {
    publicSearch: {
      action: 'public.read',
      async handle({ query }) {
        const result = await s.publicRegister.search(query);
        return { items: result.items.map(presentPublicEntry), total: result.total, page: result.page, pageSize: result.pageSize };
      },
    },
    publicLookup: {
      action: 'public.read',
      handle: async ({ params }) => presentPublicEntry(await s.publicRegister.lookup(params.registrationNumber)),
    },
    publicVerify: {
      action: 'public.read',
      handle: async ({ params, query }) => presentVerification(await s.certificates.verify(params.registrationNumber, query.code ?? null)),
    },
  };
}
