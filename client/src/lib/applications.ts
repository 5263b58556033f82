/** Pure helpers for the application form, the checklist, uploads and cycles (no React, unit-tested). */
import type { Cycle, DeclarationCode, EntryCriteria, Issue } from '../api/types.js';
import { parseIsoDate } from './format.js';

/** diplomaCode value that chooses the EVC route instead of a listed diploma. */
export const EVC_ROUTE = 'other';

export const ACCEPTED_EXTENSIONS = ['.pdf', '.jpg', '.jpeg', '.png'] as const;
export const ACCEPTED_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
/** Value for <input type="file" accept>. */
export const ACCEPT_ATTRIBUTE = [...ACCEPTED_EXTENSIONS, ...ACCEPTED_TYPES].join(',');

export type FileProblem = 'empty' | 'file_too_large' | 'unsupported_file_type';

/** A friendly early check against the register's limit; the server checks the real content again. */
export function checkFile(file: { name: string; size: number; type: string }, maxBytes: number): FileProblem | null {
  const name = file.name.toLowerCase();
  const extensionOk = ACCEPTED_EXTENSIONS.some((ext) => name.endsWith(ext));
  const typeOk = file.type === '' || (ACCEPTED_TYPES as readonly string[]).includes(file.type);
  if (!extensionOk || !typeOk) return 'unsupported_file_type';
  if (file.size === 0) return 'empty';
  if (file.size > maxBytes) return 'file_too_large';
  return null;
}

/** The evidence kind that proves the diploma step: the diploma itself, or the EVC certificate. */
export function diplomaEvidenceKind(diplomaCode: string | undefined): 'diploma' | 'evc-certificate' {
  return diplomaCode === EVC_ROUTE ? 'evc-certificate' : 'diploma';
}

export function needsDiploma(criteria: EntryCriteria): boolean {
  return criteria.diplomas.length > 0 || criteria.evcRouteAllowed;
}

// --- dates and cycles ------------------------------------------------------------------------

const DAY_MS = 86_400_000;

/** Today's calendar date in Europe/Amsterdam as YYYY-MM-DD. */
export function todayInAmsterdam(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** Whole days from a to b (plain dates or timestamps); null when either is invalid. */
export function daysBetween(a: string, b: string): number | null {
  const da = parseIsoDate(a);
  const db = parseIsoDate(b);
  if (!da || !db) return null;
  return Math.round((db.getTime() - da.getTime()) / DAY_MS);
}

/** A plain date (YYYY-MM-DD) moved by whole days; null when it is not a date. */
export function addDaysToPlainDate(date: string, days: number): string | null {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(date) ? parseIsoDate(date) : null;
  if (!d) return null;
  return new Date(d.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

export interface CycleProgress {
  totalDays: number;
  elapsedDays: number;
  /** Days until the reregistration deadline (negative when passed). */
  daysToDeadline: number;
  started: boolean;
  deadlinePassed: boolean;
  ended: boolean;
}

export function cycleProgress(cycle: Cycle, today: string): CycleProgress | null {
  const total = daysBetween(cycle.startsOn, cycle.endsOn);
  const sinceStart = daysBetween(cycle.startsOn, today);
  const toDeadline = daysBetween(today, cycle.deadline);
  if (total === null || sinceStart === null || toDeadline === null || total <= 0) return null;
  return {
    totalDays: total,
    elapsedDays: Math.min(Math.max(sinceStart, 0), total),
    daysToDeadline: toDeadline,
    started: sinceStart >= 0,
    deadlinePassed: toDeadline < 0,
    ended: sinceStart > total,
  };
}

// --- issues, fields and the checklist --------------------------------------------------------

/** Issue fields as the server sends them ("diplomaCode", "evidence.vog"); an "application." prefix is tolerated. */
export function normalizeField(field: string): string {
  return field.replace(/^application\./, '');
}

function safeId(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]/g, '_');
}

export const DIPLOMA_EVIDENCE_ID = 'f-evidence-diploma-proof';

export function evidenceInputId(kind: string): string {
  return kind === 'diploma' || kind === 'evc-certificate' ? DIPLOMA_EVIDENCE_ID : `f-evidence-${safeId(kind)}`;
}

/** DOM id of the form control an issue refers to, or null when there is none (e.g. "variant"). */
export function fieldDomId(field: string, criteria: EntryCriteria): string | null {
  const f = normalizeField(field);
  if (f === 'person') return 'f-person-givenNames';
  if (f.startsWith('person.')) return `f-person-${safeId(f.slice('person.'.length))}`;
  if (f === 'diplomaCode' || f === 'diplomaYear' || f === 'vogIssuedOn') return `f-${f}`;
  if (f === 'declarations') return criteria.declarations[0] ? `f-declarations-${criteria.declarations[0]}` : null;
  if (f.startsWith('declarations.')) return `f-declarations-${safeId(f.slice('declarations.'.length))}`;
  if (f.startsWith('evidence.')) return evidenceInputId(f.slice('evidence.'.length));
  if (f.startsWith('requirements.')) {
    const code = f.slice('requirements.'.length).split('.')[0] ?? '';
    const req = criteria.requirements.find((r) => r.code === code);
    if (req && req.kind !== 'hours') return evidenceInputId(code);
    return `f-requirements-${safeId(code)}`;
  }
  return null;
}

export type ChecklistItemKey =
  | { kind: 'person' }
  | { kind: 'diploma' }
  | { kind: 'diplomaEvidence' }
  | { kind: 'vog' }
  | { kind: 'vogEvidence' }
  | { kind: 'declaration'; code: DeclarationCode }
  | { kind: 'requirement'; code: string }
  | { kind: 'other'; field: string };

export interface ChecklistItem {
  id: string;
  key: ChecklistItemKey;
  issues: Issue[];
}

function itemMatches(key: ChecklistItemKey, field: string): boolean {
  switch (key.kind) {
    case 'person':
      return field === 'person' || field.startsWith('person.');
    case 'diploma':
      return field === 'diplomaCode' || field === 'diplomaYear';
    case 'diplomaEvidence':
      return field === 'evidence.diploma' || field === 'evidence.evc-certificate';
    case 'vog':
      return field === 'vogIssuedOn';
    case 'vogEvidence':
      return field === 'evidence.vog';
    case 'declaration':
      return field === `declarations.${key.code}`;
    case 'requirement':
      return field === `requirements.${key.code}` || field.startsWith(`requirements.${key.code}.`) || field === `evidence.${key.code}`;
    case 'other':
      return field === key.field;
  }
}

/**
 * The checklist for a variant's criteria; an item is satisfied when no issue refers to it and, for the diploma
 * proof, something was uploaded (`evidenceKinds`: the kinds of the uploaded files). A server that reports only the
 * missing choice of diploma must not make the upload look done.
 */
export function buildChecklist(criteria: EntryCriteria, issues: Issue[], evidenceKinds: Iterable<string>): ChecklistItem[] {
  const keys: ChecklistItemKey[] = [{ kind: 'person' }];
  if (needsDiploma(criteria)) keys.push({ kind: 'diploma' }, { kind: 'diplomaEvidence' });
  keys.push({ kind: 'vog' }, { kind: 'vogEvidence' });
  for (const code of criteria.declarations) keys.push({ kind: 'declaration', code });
  for (const r of criteria.requirements) keys.push({ kind: 'requirement', code: r.code });
  const items: ChecklistItem[] = keys.map((key) => ({
    id: key.kind === 'declaration' || key.kind === 'requirement' ? `${key.kind}-${key.code}` : key.kind,
    key,
    issues: [],
  }));
  for (const issue of issues) {
    const field = normalizeField(issue.field);
    let item = items.find((i) => itemMatches(i.key, field));
    if (!item) {
      item = { id: `other-${field}`, key: { kind: 'other', field }, issues: [] };
      items.push(item);
    }
    item.issues.push(issue);
  }
  const uploaded = new Set(evidenceKinds);
  const diplomaProof = items.find((i) => i.key.kind === 'diplomaEvidence');
  if (diplomaProof && diplomaProof.issues.length === 0 && !uploaded.has('diploma') && !uploaded.has('evc-certificate')) {
    diplomaProof.issues.push({ field: 'evidence.diploma', code: 'evidence_required', message: '' });
  }
  return items;
}

/** Issues from an error's details: Issue[] from the server's checks, or zod-style { path, message, code }. */
export function parseIssueDetails(details: unknown): Issue[] {
  if (!Array.isArray(details)) return [];
  const issues: Issue[] = [];
  for (const d of details as unknown[]) {
    if (typeof d !== 'object' || d === null) continue;
    const r = d as Record<string, unknown>;
    const rawField = typeof r.field === 'string' ? r.field : Array.isArray(r.path) ? r.path.join('.') : typeof r.path === 'string' ? r.path : '';
    issues.push({
      field: rawField,
      code: typeof r.code === 'string' ? r.code : '',
      message: typeof r.message === 'string' ? r.message : '',
    });
  }
  return issues;
}
