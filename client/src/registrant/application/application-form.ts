/** The application form's values, its zod schema (built on the server's request schemas) and its error codes. Pure. */
import { z } from 'zod';
import { answersSchema, personDetailsSchema } from '../../api/schemas.js';
import type { Answers, DeclarationCode, EntryCriteria, MyRegistrationDetail, PersonDetails } from '../../api/types.js';

/** What the inputs hold: strings as typed, booleans for the declarations. Names follow the server's issue fields. */
export interface ApplicationFormValues {
  person: { givenNames: string; prefix: string; familyName: string; email: string };
  diplomaCode: string;
  diplomaYear: string;
  vogIssuedOn: string;
  declarations: Partial<Record<DeclarationCode, boolean>>;
  /** Hours per requirement code, as typed. */
  requirements: Record<string, { hours: string }>;
}

/** What to PATCH: personal details only when some were filled in (the server takes a whole PersonDetails or none). */
export interface ApplicationPatch {
  person?: PersonDetails;
  application: Answers;
}

export function formValuesFromDetail(detail: Pick<MyRegistrationDetail, 'person' | 'application'>): ApplicationFormValues {
  const p = detail.person;
  const a = detail.application ?? {};
  const requirements: Record<string, { hours: string }> = {};
  for (const [code, value] of Object.entries(a.requirements ?? {})) {
    if (value.hours !== undefined) requirements[code] = { hours: String(value.hours) };
  }
  return {
    person: { givenNames: p?.givenNames ?? '', prefix: p?.prefix ?? '', familyName: p?.familyName ?? '', email: p?.email ?? '' },
    diplomaCode: a.diplomaCode ?? '',
    diplomaYear: a.diplomaYear === undefined ? '' : String(a.diplomaYear),
    vogIssuedOn: a.vogIssuedOn ?? '',
    declarations: { ...(a.declarations ?? {}) },
    requirements,
  };
}

const blank = (value: string) => value.trim() === '';
const optionalText = (value: string) => (blank(value) ? undefined : value.trim());

/**
 * The form's schema for one variant's criteria: the inputs' strings become the PATCH body, which the server's own
 * personDetailsSchema and answersSchema then check, so the form refuses exactly what the server would refuse
 * (plus a diploma year after this year).
 */
export function applicationFormSchema(criteria: EntryCriteria, maxYear: number) {
  const hoursCodes = criteria.requirements.filter((r) => r.kind === 'hours').map((r) => r.code);
  return z
    .object({
      person: z
        .object({ givenNames: z.string(), prefix: z.string(), familyName: z.string(), email: z.string() })
        .transform((p): z.input<typeof personDetailsSchema> | undefined =>
          Object.values(p).every(blank) ? undefined : { givenNames: p.givenNames, prefix: p.prefix, familyName: p.familyName, email: p.email.trim() },
        )
        .pipe(personDetailsSchema.optional()),
      diplomaCode: z.string().transform(optionalText).pipe(answersSchema.shape.diplomaCode),
      diplomaYear: z
        .string()
        .transform((v) => {
          const year = optionalText(v);
          return year === undefined ? undefined : /^\d{4}$/.test(year) ? Number(year) : Number.NaN;
        })
        .pipe(answersSchema.shape.diplomaYear)
        .refine((year) => year === undefined || year <= maxYear, 'The year lies in the future.'),
      vogIssuedOn: z.string().transform(optionalText).pipe(answersSchema.shape.vogIssuedOn),
      declarations: z
        .record(z.string(), z.boolean().optional())
        .transform((d) => {
          if (criteria.declarations.length === 0) return undefined;
          const out: Partial<Record<DeclarationCode, boolean>> = {};
          for (const code of criteria.declarations) out[code] = d[code] === true;
          return out;
        })
        .pipe(answersSchema.shape.declarations),
      requirements: z
        .record(z.string(), z.object({ hours: z.string() }))
        .transform((r): Answers['requirements'] => {
          const out: NonNullable<Answers['requirements']> = {};
          for (const code of hoursCodes) {
            const raw = optionalText(r[code]?.hours ?? '');
            if (raw !== undefined) out[code] = { hours: Number(raw.replace(',', '.')) };
          }
          return Object.keys(out).length > 0 ? out : undefined;
        })
        .pipe(answersSchema.shape.requirements),
    })
    .transform(({ person, ...answers }): ApplicationPatch => {
      const application: Answers = {};
      for (const [key, value] of Object.entries(answers)) if (value !== undefined) Object.assign(application, { [key]: value });
      return person ? { person, application } : { application };
    });
}

export type FormErrorCode = 'required' | 'invalid_email' | 'invalid_year' | 'invalid_hours' | 'invalid_date' | 'too_long' | 'invalid';

/**
 * Our message for a schema issue, by the issue field ("person.email", "requirements.<code>") and zod's issue code
 * (react-hook-form's error type); `value` is what was typed (empty means "required").
 */
export function formErrorCode(field: string, zodCode: string | undefined, value?: unknown): FormErrorCode {
  if (field === 'diplomaYear') return 'invalid_year';
  if (field === 'vogIssuedOn') return 'invalid_date';
  if (field.startsWith('requirements.')) return 'invalid_hours';
  if (field.startsWith('person.')) {
    if (typeof value === 'string' && blank(value)) return 'required';
    if (zodCode === 'too_small') return 'required';
    if (zodCode === 'too_big') return 'too_long';
    if (field === 'person.email') return 'invalid_email';
  }
  return 'invalid';
}

/** The issue field of a form path: "requirements.<code>.hours" is "requirements.<code>". */
export function issueFieldOf(path: string): string {
  return path.replace(/^(requirements\.[^.]+)\.hours$/, '$1');
}

interface ErrorLeaf {
  type?: unknown;
  message?: unknown;
}

/** react-hook-form's nested errors as a flat list of [form path, zod issue code]. */
export function flattenErrors(errors: object, prefix = ''): Array<{ path: string; type: string | undefined }> {
  const out: Array<{ path: string; type: string | undefined }> = [];
  for (const [key, value] of Object.entries(errors)) {
    if (key === 'ref' || key === 'root' || typeof value !== 'object' || value === null) continue;
    const path = prefix ? `${prefix}.${key}` : key;
    const leaf = value as ErrorLeaf;
    if (typeof leaf.message === 'string' || typeof leaf.type === 'string') out.push({ path, type: typeof leaf.type === 'string' ? leaf.type : undefined });
    else out.push(...flattenErrors(value as Record<string, unknown>, path));
  }
  return out;
}
