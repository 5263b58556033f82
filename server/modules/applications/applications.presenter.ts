import type { Issue } from '../../domain/application.js';
import { reregistrationDateFor } from '../../domain/cycle.js';
import type { EntryCriteria } from '../../domain/register-rules.js';
import type { EvidenceRow, HistoryRow, PersonRow, RegistrationRow } from '../../db/repositories/applications.repository.js';

export type NextStep = 'complete_and_submit' | 'answer_question' | 'wait_for_review' | 'download_certificate' | 'none';

export function nextStepFor(r: Pick<RegistrationRow, 'status' | 'staff_question'>): NextStep {
  switch (r.status) {
    case 'concept':
      return r.staff_question ? 'answer_question' : 'complete_and_submit';
    case 'submitted':
    case 'in_review':
      return 'wait_for_review';
    case 'registered':
    case 'reregistration_submitted':
      return 'download_certificate';
    case 'rejected':
    case 'struck_off':
    case 'suspended':
    case 'lapsed':
    case 'withdrawn':
      return 'none';
    default: {
      const exhaustive: never = r.status;
      throw new Error(`unknown status ${String(exhaustive)}`);
    }
  }
}

export function presentRegistration(r: RegistrationRow, conceptExpiresOn: string | null) {
  return {
    id: r.id,
    variant: { code: r.variant_code, name: r.variant_name, nameEn: r.variant_name_en, kind: r.variant_kind },
    status: r.status,
    createdAt: r.created_at.toISOString(),
    submittedAt: r.submitted_at?.toISOString() ?? null,
    registeredOn: r.registered_on,
    cycle:
      r.cycle_starts_on && r.cycle_ends_on && r.cycle_deadline
        ? { startsOn: r.cycle_starts_on, endsOn: r.cycle_ends_on, reregistrationOn: reregistrationDateFor(r.cycle_ends_on), deadline: r.cycle_deadline }
        : null,
    staffQuestion: r.staff_question,
    conceptExpiresOn,
    nextStep: nextStepFor(r),
    registrationNumber: r.registered_on ? r.registration_number : null,
  };
}

export function presentPerson(p: PersonRow | null) {
  return p ? { givenNames: p.given_names, prefix: p.name_prefix, familyName: p.family_name, email: p.email ?? '', registrationNumber: p.registration_number } : null;
}

export function presentEvidence(e: EvidenceRow) {
  return { id: e.id, kind: e.kind, originalName: e.original_name, contentType: e.content_type, sizeBytes: e.size_bytes, createdAt: e.created_at.toISOString() };
}

export function presentDetail(
  r: RegistrationRow,
  extra: {
    conceptExpiresOn: string | null;
    person: PersonRow | null;
    evidence: EvidenceRow[];
    history: HistoryRow[];
    criteria: EntryCriteria;
    issues: Issue[];
    evidenceMaxBytes: number;
  },
) {
  return {
    ...presentRegistration(r, extra.conceptExpiresOn),
    person: presentPerson(extra.person),
    application: r.application,
    evidence: extra.evidence.map(presentEvidence),
    history: extra.history.map((h) => ({ fromStatus: h.from_status, toStatus: h.to_status, occurredAt: h.occurred_at.toISOString(), reason: h.reason })),
    criteria: extra.criteria,
    /** The register's upload limit, so the form can say it and check a file before sending it. */
    evidenceMaxBytes: extra.evidenceMaxBytes,
    completeness: { complete: extra.issues.length === 0, issues: extra.issues },
  };
}
