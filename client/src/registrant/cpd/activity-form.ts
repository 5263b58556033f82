import { z } from 'zod';
import type { CpdForm, LogActivityRequest } from '../../api/cpd-types.js';

/**
 * The log form's own values (strings, as inputs give them) and their conversion to the API's request. The form
 * only asks what the chosen kind's measure needs; the server checks every number against the register's limits.
 */
export const activityFormSchema = z
  .object({
    mode: z.enum(['code', 'kind']),
    accreditationCode: z.string(),
    kind: z.string(),
    title: z.string(),
    providerName: z.string(),
    description: z.string(),
    completedOn: z.string().min(1, 'required'),
    periodStartsOn: z.string(),
    employerName: z.string(),
    points: z.string(),
    hours: z.string(),
    sessionMinutes: z.string(),
    supervisees: z.string(),
    competences: z.array(z.string()),
  })
  .superRefine((v, ctx) => {
    const need = (field: keyof typeof v) => {
      if (String(v[field]).trim() === '') ctx.addIssue({ code: 'custom', path: [field], message: 'required' });
    };
    if (v.mode === 'code') return need('accreditationCode');
    need('kind');
    need('title');
  });
export type ActivityFormValues = z.infer<typeof activityFormSchema>;

export const EMPTY_ACTIVITY_FORM: ActivityFormValues = {
  mode: 'code',
  accreditationCode: '',
  kind: '',
  title: '',
  providerName: '',
  description: '',
  completedOn: '',
  periodStartsOn: '',
  employerName: '',
  points: '',
  hours: '',
  sessionMinutes: '',
  supervisees: '',
  competences: [],
};

const number = (s: string): number | undefined => {
  const trimmed = s.trim().replace(',', '.');
  return trimmed === '' ? undefined : Number(trimmed);
};
const text = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());

/** The measure of the chosen kind, which decides the fields shown. */
export function measureOf(form: Pick<CpdForm, 'kinds'>, kind: string) {
  return form.kinds.find((k) => k.code === kind)?.measure ?? null;
}

export function toLogRequest(v: ActivityFormValues, form: Pick<CpdForm, 'kinds'>): LogActivityRequest {
  if (v.mode === 'code') return { accreditationCode: v.accreditationCode.trim(), completedOn: v.completedOn };
  const measure = measureOf(form, v.kind);
  const body: LogActivityRequest = { kind: v.kind, completedOn: v.completedOn };
  const put = <K extends keyof LogActivityRequest>(key: K, value: LogActivityRequest[K] | undefined) => {
    if (value !== undefined) body[key] = value;
  };
  put('title', text(v.title));
  put('providerName', text(v.providerName));
  put('description', text(v.description));
  if (v.competences.length > 0) body.competences = v.competences;
  if (measure === 'points') put('points', number(v.points));
  if (measure === 'session' || measure === 'supervision') put('sessionMinutes', number(v.sessionMinutes));
  if (measure === 'supervision') {
    put('hours', number(v.hours));
    put('supervisees', number(v.supervisees));
  }
  if (measure === 'hours') {
    put('hours', number(v.hours));
    put('periodStartsOn', text(v.periodStartsOn));
    put('employerName', text(v.employerName));
  }
  return body;
}
