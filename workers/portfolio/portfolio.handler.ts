import { UnrecoverableError, type Job } from 'bullmq';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import {
  claimPortfolioExport,
  findCpdRegistrations,
  findPersonSummary,
  listActivities,
  markPortfolioRendered,
  recordPortfolioError,
} from '../../server/db/repositories/cpd-activities.repository.js';
import { buildPortfolio } from '../../server/domain/cpd-dossier.js';
import { jobPayload } from '../job-payload.js';
import { renderPortfolioPdf } from './portfolio-layout.js';

export type PortfolioJobResult = 'rendered' | 'already-done';

/**
 * Renders one portfolio export: claims the pending row (counting the attempt), reads the dossier, renders outside
 * any transaction and stores the PDF on that row. An export that is already rendered or failed is left alone; the
 * job's final-failure step (workers/registry.ts) marks a pending one failed, which the registrant's poll shows.
 */
export function createPortfolioHandler(deps: { db: DataSource; logger: Logger; render?: typeof renderPortfolioPdf; now?: () => Date }) {
  const render = deps.render ?? renderPortfolioPdf;
  return async (job: Pick<Job, 'data'>): Promise<PortfolioJobResult> => {
    const { exportId } = jobPayload('portfolio.render', job);
    const claim = await claimPortfolioExport(deps.db, exportId);
    if (claim.outcome === 'missing') throw new UnrecoverableError(`portfolio export ${exportId} does not exist`);
    if (claim.outcome === 'done') return 'already-done';
    const { row } = claim;
    try {
      const [person, registrations, activities] = await Promise.all([
        findPersonSummary(deps.db, row.personId),
        findCpdRegistrations(deps.db, row.personId),
        listActivities(deps.db, row.personId),
      ]);
      if (!person) throw new UnrecoverableError(`person of portfolio export ${exportId} does not exist`);
      const portfolio = buildPortfolio({ person, registrations, activities }, deps.now?.() ?? new Date());
      const pdf = await render(portfolio, row.locale);
      await markPortfolioRendered(deps.db, row.id, pdf);
      deps.logger.info({ exportId, bytes: pdf.length, attempts: row.attempts }, 'portfolio rendered');
      return 'rendered';
    } catch (err) {
      // The row stays pending with the reason; BullMQ retries with backoff; after the last attempt it is marked failed.
      await recordPortfolioError(deps.db, row.id, String(err));
      throw err;
    }
  };
}
