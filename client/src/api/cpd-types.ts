/** The CPD (registrant side) types, from the one contract. */
import type { z } from 'zod';
import type { categoryProgress, cpdEvidenceFields, logActivityBody } from '../../../server/contract/cpd-activities.js';

export type {
  CompetenceMapView as CompetenceMap,
  CpdActivityView as CpdActivity,
  CpdForm,
  CpdProgressView as CpdProgress,
  MissingItemView as MissingItem,
  PortfolioExportView as PortfolioExport,
  ProgressActivity,
  ProgressItem,
} from '../../../server/contract/cpd-activities.js';
export type CategoryProgress = z.output<typeof categoryProgress>;
export type LogActivityRequest = z.input<typeof logActivityBody>;
export type CpdEvidenceKind = z.output<typeof cpdEvidenceFields>['kind'];
export { CPD_ACTIVITY_STATUSES, CPD_EVIDENCE_KINDS } from '../../../server/contract/cpd-activities.js';
