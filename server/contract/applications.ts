import { z } from 'zod';
import { personName } from './text.js';
import { code, instant, localized, plainDate, registrationNumber, registrationStatus, uuid, variantKind } from './common.js';

/** A variant's entry criteria: register data (variants.entry_criteria), never coded per variant. */
export const entryCriteria = z
  .object({
    vogMaxAgeMonths: z.number().int().positive().nullable(),
    diplomas: z.array(z.object({ code: z.string(), name: z.string() })),
    evcRouteAllowed: z.boolean(),
    declarations: z.array(z.enum(['beroepscode', 'tuchtrecht', 'publication'])),
    /** Extra evidence a specialist variant asks for. */
    requirements: z
      .array(z.object({ code: z.string(), name: localized, kind: z.enum(['document', 'hours', 'statement']), minimum: z.number().min(0).optional() }))
      .default([]),
  })
  .meta({ id: 'EntryCriteria' });
export type EntryCriteria = z.infer<typeof entryCriteria>;

export const variant = z
  .object({ code: z.string(), name: z.string(), nameEn: z.string(), kind: variantKind, parentCode: z.string().nullable(), criteria: entryCriteria })
  .meta({ id: 'Variant' });
export type Variant = z.infer<typeof variant>;
export const variantList = z.object({ items: z.array(variant) });

/** What a registrant fills in; documents arrive as evidence files. Validated on every save. */
export const answers = z
  .strictObject({
    diplomaCode: code.optional(),
    diplomaYear: z.number().int().min(1950).max(2100).optional(),
    vogIssuedOn: plainDate.optional(),
    declarations: z.strictObject({ beroepscode: z.boolean().optional(), tuchtrecht: z.boolean().optional(), publication: z.boolean().optional() }).optional(),
    requirements: z.record(code, z.strictObject({ hours: z.number().min(0).max(100_000).optional() })).optional(),
  })
  .meta({ id: 'Answers' });
export type Answers = z.infer<typeof answers>;

export const personDetails = z
  .strictObject({
    givenNames: personName({ max: 100 }),
    prefix: personName({ min: 0, max: 30 })
      .nullable()
      .transform((v) => (v ? v : null)),
    familyName: personName({ max: 100 }),
    email: z.email().max(200),
  })
  .meta({ id: 'PersonDetails' });
export type PersonDetails = z.infer<typeof personDetails>;

export const createApplicationBody = z.strictObject({ variantCode: code });
export const updateApplicationBody = z
  .strictObject({ person: personDetails.optional(), application: answers.optional() })
  .refine((b) => b.person !== undefined || b.application !== undefined, 'Send person, application or both.');
export const uploadFields = z.strictObject({ kind: code });

export const ISSUE_CODES = [
  'required',
  'vog_too_old',
  'vog_in_future',
  'declaration_required',
  'evidence_required',
  'minimum_not_met',
  'diploma_not_listed',
  'generalist_required',
] as const;
export const issue = z.object({ field: z.string(), code: z.enum(ISSUE_CODES), message: z.string() }).meta({ id: 'Issue' });
export type Issue = z.infer<typeof issue>;

export const evidence = z
  .object({
    id: uuid,
    kind: z.string(),
    originalName: z.string(),
    contentType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
    sizeBytes: z.number().int().positive(),
    createdAt: instant,
  })
  .meta({ id: 'Evidence' });
export type Evidence = z.infer<typeof evidence>;

export const cycle = z
  .object({
    startsOn: plainDate,
    endsOn: plainDate.meta({ description: 'The last day inside the cycle.' }),
    reregistrationOn: plainDate.meta({ description: 'The herregistratiedatum: the start plus the cycle length; the next cycle starts here.' }),
    deadline: plainDate.meta({ description: 'The last day to file the reregistration request.' }),
  })
  .meta({ id: 'Cycle' });
export type Cycle = z.infer<typeof cycle>;

export const NEXT_STEPS = ['complete_and_submit', 'answer_question', 'wait_for_review', 'download_certificate', 'none'] as const;
export type NextStep = (typeof NEXT_STEPS)[number];

/** What the actor may do with a registration now, decided by the server's policy and lifecycle. */
export const registrationActions = z.object({ edit: z.boolean(), upload: z.boolean(), submit: z.boolean(), decide: z.boolean() }).meta({ id: 'RegistrationActions' });
export type RegistrationActions = z.infer<typeof registrationActions>;

export const registration = z
  .object({
    id: uuid,
    variant: z.object({ code: z.string(), name: z.string(), nameEn: z.string(), kind: variantKind }),
    status: registrationStatus,
    createdAt: instant,
    submittedAt: instant.nullable(),
    registeredOn: plainDate.nullable(),
    cycle: cycle.nullable(),
    staffQuestion: z.string().nullable(),
    conceptExpiresOn: plainDate.nullable(),
    nextStep: z.enum(NEXT_STEPS),
    registrationNumber: registrationNumber.nullable(),
    can: registrationActions,
  })
  .meta({ id: 'Registration' });
export type Registration = z.infer<typeof registration>;

export const applicantPerson = z
  .object({ givenNames: z.string(), prefix: z.string().nullable(), familyName: z.string(), email: z.string(), registrationNumber: registrationNumber.nullable() })
  .meta({ id: 'ApplicantPerson' });

export const historyItem = z.object({ fromStatus: registrationStatus.nullable(), toStatus: registrationStatus, occurredAt: instant, reason: z.string().nullable() });

export const registrationDetail = registration
  .extend({
    person: applicantPerson.nullable(),
    application: answers,
    evidence: z.array(evidence),
    history: z.array(historyItem),
    criteria: entryCriteria,
    evidenceMaxBytes: z.number().int().positive().meta({ description: "The register's largest accepted upload, in bytes." }),
    completeness: z.object({ complete: z.boolean(), issues: z.array(issue) }),
  })
  .meta({ id: 'RegistrationDetail' });
export type RegistrationDetail = z.infer<typeof registrationDetail>;

export const myRegistrations = z
  .object({
    person: applicantPerson.nullable(),
    items: z.array(registration),
    can: z.object({ apply: z.array(z.object({ variantCode: z.string(), kind: variantKind })).meta({ description: 'The variants this registrant may apply for now.' }) }),
  })
  .meta({ id: 'MyRegistrations' });
export type MyRegistrations = z.infer<typeof myRegistrations>;
