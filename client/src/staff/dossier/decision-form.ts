/** The staff decision form: its values, and its schema built on the server's decision schema. Pure. */
import { z } from 'zod';
import { decisionSchema } from '../../api/schemas.js';
import type { DecisionRequest, OpenStatus } from '../../api/types.js';

export interface DecisionFormValues {
  /** A Decision, or '' before one is chosen (the schema refuses anything else). */
  decision: string;
  /** Kept apart so that switching between reject and request_info keeps what was typed for each. */
  reason: string;
  question: string;
}

export const EMPTY_DECISION: DecisionFormValues = { decision: '', reason: '', question: '' };

/** The form's values as the request body the server's decisionSchema checks (with the status staff saw). */
export function decisionFormSchema(expectedStatus: OpenStatus) {
  return z
    .object({ decision: z.string(), reason: z.string(), question: z.string() })
    .transform((v): unknown => {
      if (v.decision === 'reject') return { decision: v.decision, expectedStatus, reason: v.reason };
      if (v.decision === 'request_info') return { decision: v.decision, expectedStatus, question: v.question };
      return { decision: v.decision, expectedStatus };
    })
    .pipe(decisionSchema)
    .transform((body): DecisionRequest => body);
}

export type DecisionProblem = 'noDecision' | 'noText' | 'textTooShort';

/** Which problem a schema issue on a field means; `value` is what was typed. */
export function decisionProblem(field: string, value: string): DecisionProblem {
  if (field === 'decision') return 'noDecision';
  return value.trim() === '' ? 'noText' : 'textTooShort';
}
