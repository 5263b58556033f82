/** The staff decision form on a CPD activity: its values, and its schema built on the server's decision schema. Pure. */
import { z } from 'zod';
import { cpdActivityDecisionSchema } from '../../api/schemas.js';
import type { CpdActivityDecisionRequest } from '../../api/types.js';

export interface CpdDecisionFormValues {
  /** 'approve' | 'adjust' | 'reject', or '' before one is chosen (the schema refuses anything else). */
  decision: string;
  /** As typed: Dutch "6,5" or "6.5". */
  points: string;
  reason: string;
}

export const EMPTY_CPD_DECISION: CpdDecisionFormValues = { decision: '', points: '', reason: '' };

/** The problems the form names; each is an i18n key under staffCpd.decision.problem. */
export const CPD_DECISION_PROBLEMS = ['noDecision', 'noPoints', 'pointsInvalid', 'pointsNegative', 'pointsTooPrecise', 'pointsNotBelowClaim', 'noReason', 'reasonTooShort'] as const;
export type CpdDecisionProblem = (typeof CPD_DECISION_PROBLEMS)[number];

export function isCpdDecisionProblem(value: string): value is CpdDecisionProblem {
  return (CPD_DECISION_PROBLEMS as readonly string[]).includes(value);
}

/** "6,5" and "6.5" are both six and a half; anything else that is not a plain number is NaN. */
export function parseAmount(text: string): number {
  const t = text.trim().replace(',', '.');
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

const REASON_MIN = 5;

/**
 * The form's values as the request body the server's schema checks, with the status and version staff saw. The
 * same rules as the server (an adjustment below the claim, a reason of at least five characters) are checked first
 * so that each field says what is wrong in words; the server checks again.
 */
export function cpdDecisionFormSchema(claim: number, expectedUpdatedAt: string) {
  return z
    .object({ decision: z.string(), points: z.string(), reason: z.string() })
    .superRefine((v, ctx) => {
      const problem = (path: 'decision' | 'points' | 'reason', message: CpdDecisionProblem) => ctx.addIssue({ code: 'custom', path: [path], message });
      if (v.decision !== 'approve' && v.decision !== 'adjust' && v.decision !== 'reject') problem('decision', 'noDecision');
      if (v.decision === 'adjust') {
        const n = parseAmount(v.points);
        if (v.points.trim() === '') problem('points', 'noPoints');
        else if (v.points.trim().startsWith('-')) problem('points', 'pointsNegative');
        else if (Number.isNaN(n)) problem('points', 'pointsInvalid');
        else if (Math.abs(n * 100 - Math.round(n * 100)) > 1e-6) problem('points', 'pointsTooPrecise');
        else if (n >= claim) problem('points', 'pointsNotBelowClaim');
      }
      if (v.decision === 'adjust' || v.decision === 'reject') {
        if (v.reason.trim() === '') problem('reason', 'noReason');
        else if (v.reason.trim().length < REASON_MIN) problem('reason', 'reasonTooShort');
      }
    })
    .transform((v): unknown => {
      const base = { expectedStatus: 'pending', expectedUpdatedAt };
      if (v.decision === 'adjust') return { decision: v.decision, ...base, points: parseAmount(v.points), reason: v.reason };
      if (v.decision === 'reject') return { decision: v.decision, ...base, reason: v.reason };
      return { decision: v.decision, ...base };
    })
    .pipe(cpdActivityDecisionSchema)
    .transform((body): CpdActivityDecisionRequest => body);
}
