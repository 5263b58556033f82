import type { CpdQueue, StaffCpdActivity } from '../../contract/staff-cpd.js';
import type { QueueRow, ReviewActivity, ReviewEvidence, ReviewPerson } from '../../db/repositories/staff-cpd.repository.js';
import { reviewAge, type Claim, type NormCategory } from '../../domain/cpd-review.js';
import { displayName } from '../../domain/person-name.js';
import type { CpdSettings, RegisterSettings } from '../../domain/register-rules.js';

type Named = { nl: string; en: string };

/** The register's name for an activity kind or an accreditation form (organisation kinds the client names). */
function typeName(row: QueueRow, settings: RegisterSettings | undefined): Named | null {
  if (!settings || row.typeCode === null) return null;
  const list: CpdSettings['activityKinds'] | CpdSettings['accreditationForms'] = row.kind === 'activity' ? settings.cpd.activityKinds : settings.cpd.accreditationForms;
  return list.find((k) => k.code === row.typeCode)?.name ?? null;
}

export function presentQueueItem(row: QueueRow, settings: RegisterSettings | undefined, now: Date): CpdQueue['items'][number] {
  const age = reviewAge(row.enteredAt, now, row.targetDays);
  return {
    kind: row.kind,
    id: row.id,
    subject: {
      name: row.person ? displayName({ givenNames: row.person.givenNames, prefix: row.person.namePrefix, familyName: row.person.familyName }) : row.subjectName,
      registrationNumber: row.registrationNumber,
    },
    title: row.title,
    type: row.typeCode === null ? null : { code: row.typeCode, name: typeName(row, settings) },
    category: row.category,
    claim: row.kind === 'organisation' ? null : { points: row.points, hours: row.hours },
    enteredAt: row.enteredAt.toISOString(),
    ageDays: age.ageDays,
    targetDays: row.targetDays,
    overdue: age.overdue,
  };
}

export function presentActivity(
  a: ReviewActivity,
  x: {
    settings: RegisterSettings;
    category: NormCategory | undefined;
    kind: CpdSettings['activityKinds'][number] | undefined;
    claim: Claim;
    person: ReviewPerson;
    evidence: ReviewEvidence[];
    competences: Array<{ code: string; name: string; nameEn: string }>;
    accreditation: { id: string; code: string | null; title: string } | null;
    age: { ageDays: number; overdue: boolean };
    mayDecide: boolean;
  },
): StaffCpdActivity {
  return {
    id: a.id,
    status: a.status,
    source: a.source,
    kind: { code: a.kind, name: x.kind?.name ?? null, measure: x.kind?.measure ?? null },
    title: a.title,
    providerName: a.providerName,
    description: a.description,
    category: { code: a.category, name: x.category?.name ?? null, unit: x.claim.unit },
    subcategory: a.subcategory,
    completedOn: a.completedOn,
    periodStartsOn: a.periodStartsOn,
    employerName: a.employerName,
    points: a.points,
    hours: a.hours,
    sessionMinutes: a.sessionMinutes,
    supervisees: a.supervisees,
    claim: x.claim,
    accreditation: x.accreditation,
    competences: x.competences.map((c) => ({ code: c.code, name: { nl: c.name, en: c.nameEn } })),
    evidence: x.evidence.map((e) => ({ id: e.id, kind: e.kind, originalName: e.originalName, contentType: e.contentType, sizeBytes: e.sizeBytes, createdAt: e.createdAt.toISOString() })),
    registrant: {
      personId: a.personId,
      name: displayName({ givenNames: x.person.givenNames, prefix: x.person.namePrefix, familyName: x.person.familyName }),
      registrationNumber: x.person.registrationNumber,
      email: x.person.email,
      variants: x.person.variants,
    },
    approvedPoints: a.approvedPoints,
    staffReason: a.staffReason,
    decidedAt: a.decidedAt?.toISOString() ?? null,
    decidedBy: a.decidedByName,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    ageDays: x.age.ageDays,
    targetDays: x.settings.cpd.review.targetDays,
    overdue: a.status === 'pending' && x.age.overdue,
    can: { decide: x.mayDecide && a.status === 'pending' },
  };
}
