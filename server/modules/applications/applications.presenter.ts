import type { RegistrationActions } from '../../contract/applications.js';
import type { Issue } from '../../domain/application.js';
import { reregistrationDateFor } from '../../domain/cycle.js';
import type { EntryCriteria } from '../../domain/register-rules.js';
import type { EvidenceFileEntity } from '../../db/entities/evidence-file.entity.js';
import type { PersonEntity } from '../../db/entities/person.entity.js';
import type { RegistrationEntity } from '../../db/entities/registration.entity.js';
import type { Application, StatusChange } from '../../db/repositories/applications.repository.js';

export type NextStep = 'complete_and_submit' | 'answer_question' | 'wait_for_review' | 'download_certificate' | 'none';

export function nextStepFor(r: Pick<RegistrationEntity, 'status' | 'staffQuestion'>): NextStep {
  switch (r.status) {
    case 'concept':
      return r.staffQuestion ? 'answer_question' : 'complete_and_submit';
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

export function presentRegistration(r: Application, conceptExpiresOn: string | null, can: RegistrationActions) {
  return {
    id: r.id,
    variant: { code: r.variant.code, name: r.variant.name, nameEn: r.variant.nameEn, kind: r.variant.kind },
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    submittedAt: r.submittedAt?.toISOString() ?? null,
    registeredOn: r.registeredOn,
    cycle:
      r.cycleStartsOn && r.cycleEndsOn && r.cycleDeadline
        ? { startsOn: r.cycleStartsOn, endsOn: r.cycleEndsOn, reregistrationOn: reregistrationDateFor(r.cycleEndsOn), deadline: r.cycleDeadline }
        : null,
    staffQuestion: r.staffQuestion,
    conceptExpiresOn,
    nextStep: nextStepFor(r),
    registrationNumber: r.registeredOn ? r.person.registrationNumber : null,
    can,
  };
}

export function presentPerson(p: PersonEntity | null) {
  return p ? { givenNames: p.givenNames, prefix: p.namePrefix, familyName: p.familyName, email: p.email ?? '', registrationNumber: p.registrationNumber } : null;
}

export function presentEvidence(e: EvidenceFileEntity) {
  return { id: e.id, kind: e.kind, originalName: e.originalName, contentType: e.contentType, sizeBytes: e.sizeBytes, createdAt: e.createdAt.toISOString() };
}

export function presentDetail(
  r: Application,
  extra: {
    conceptExpiresOn: string | null;
    person: PersonEntity | null;
    evidence: EvidenceFileEntity[];
    history: StatusChange[];
    criteria: EntryCriteria;
    issues: Issue[];
    evidenceMaxBytes: number;
    can: RegistrationActions;
  },
) {
  return {
    ...presentRegistration(r, extra.conceptExpiresOn, extra.can),
    person: presentPerson(extra.person),
    application: r.application,
    evidence: extra.evidence.map(presentEvidence),
    history: extra.history.map((h) => ({ fromStatus: h.fromStatus, toStatus: h.toStatus, occurredAt: h.occurredAt.toISOString(), reason: h.reason })),
    criteria: extra.criteria,
    /** The register's upload limit, so the form can say it and check a file before sending it. */
    evidenceMaxBytes: extra.evidenceMaxBytes,
    completeness: { complete: extra.issues.length === 0, issues: extra.issues },
  };
}
