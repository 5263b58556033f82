import { addMonths, comparePlainDates, type PlainDate } from './plain-date.js';
import type { EntryCriteria } from './register-rules.js';

// The request shapes live in the contract, shared with the client's forms.
export { answers as answersSchema, personDetails as personDetailsSchema, type Answers, type Issue, type PersonDetails } from '../contract/applications.js';
import type { Answers, Issue, PersonDetails } from '../contract/applications.js';

/** The value of diplomaCode that chooses the EVC route (recognition of prior learning) instead of a listed diploma. */
export const EVC_ROUTE = 'other';


export interface ApplicationFacts {
  kind: 'generalist' | 'specialist';
  criteria: EntryCriteria;
  answers: Answers;
  person: PersonDetails | null;
  evidenceKinds: ReadonlySet<string>;
  /** For a specialist: whether the person holds a generalist registration that counts as registered. */
  hasActiveGeneralist: boolean;
  today: PlainDate;
}

/** The evidence kinds a variant accepts: diploma, VOG, EVC certificate, and its document/statement requirements. */
export function acceptedEvidenceKinds(criteria: EntryCriteria): string[] {
  const kinds = ['vog'];
  if (criteria.diplomas.length > 0) kinds.push('diploma');
  if (criteria.evcRouteAllowed) kinds.push('evc-certificate');
  for (const r of criteria.requirements) if (r.kind !== 'hours') kinds.push(r.code);
  return kinds;
}

/**
 * Everything still missing before an application may be submitted, each with the reason. Pure: the same facts
 * always give the same list, so the registrant sees exactly what staff will check.
 */
export function assessApplication(f: ApplicationFacts): Issue[] {
  const issues: Issue[] = [];
  const { criteria, answers } = f;
  if (!f.person) issues.push({ field: 'person', code: 'required', message: 'Fill in your name and email address.' });
  if (f.kind === 'specialist' && !f.hasActiveGeneralist) {
    issues.push({ field: 'variant', code: 'generalist_required', message: 'A specialist registration needs an active generalist registration.' });
  }
  if (criteria.diplomas.length > 0 || criteria.evcRouteAllowed) {
    const listed = criteria.diplomas.some((d) => d.code === answers.diplomaCode);
    const diplomaEvidence = { field: 'evidence.diploma', code: 'evidence_required', message: 'Upload a scan of your diploma.' } as const;
    // Without a valid choice the proof is still missing unless something was uploaded: the upload is never "done" by default.
    const anyProof = f.evidenceKinds.has('diploma') || f.evidenceKinds.has('evc-certificate');
    if (!answers.diplomaCode) {
      issues.push({ field: 'diplomaCode', code: 'required', message: 'Choose your diploma.' });
      if (!anyProof) issues.push(diplomaEvidence);
    } else if (answers.diplomaCode === EVC_ROUTE && criteria.evcRouteAllowed) {
      if (!f.evidenceKinds.has('evc-certificate')) issues.push({ field: 'evidence.evc-certificate', code: 'evidence_required', message: 'Upload your EVC certificate.' });
    } else if (!listed) {
      issues.push({ field: 'diplomaCode', code: 'diploma_not_listed', message: 'This diploma is not on the list for this register.' });
      if (!anyProof) issues.push(diplomaEvidence);
    } else if (!f.evidenceKinds.has('diploma')) issues.push(diplomaEvidence);
  }
  if (!answers.vogIssuedOn) issues.push({ field: 'vogIssuedOn', code: 'required', message: 'Fill in the issue date of your VOG.' });
  else if (comparePlainDates(answers.vogIssuedOn, f.today) > 0) issues.push({ field: 'vogIssuedOn', code: 'vog_in_future', message: 'The VOG issue date lies in the future.' });
  else if (criteria.vogMaxAgeMonths !== null && comparePlainDates(answers.vogIssuedOn, addMonths(f.today, -criteria.vogMaxAgeMonths)) < 0) {
    issues.push({ field: 'vogIssuedOn', code: 'vog_too_old', message: `Your VOG is older than ${criteria.vogMaxAgeMonths} months; request a new one.` });
  }
  if (!f.evidenceKinds.has('vog')) issues.push({ field: 'evidence.vog', code: 'evidence_required', message: 'Upload your VOG.' });
  for (const d of criteria.declarations) {
    if (answers.declarations?.[d] !== true) issues.push({ field: `declarations.${d}`, code: 'declaration_required', message: `Accept the declaration "${d}".` });
  }
  for (const r of criteria.requirements) {
    if (r.kind === 'hours') {
      const hours = answers.requirements?.[r.code]?.hours;
      if (hours === undefined) issues.push({ field: `requirements.${r.code}`, code: 'required', message: `Fill in: ${r.name.en}.` });
      else if (r.minimum !== undefined && hours < r.minimum) issues.push({ field: `requirements.${r.code}`, code: 'minimum_not_met', message: `${r.name.en}: at least ${r.minimum} needed.` });
    } else if (!f.evidenceKinds.has(r.code)) {
      issues.push({ field: `evidence.${r.code}`, code: 'evidence_required', message: `Upload: ${r.name.en}.` });
    }
  }
  return issues;
}
