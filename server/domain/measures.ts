import { z } from 'zod';
import { addYears, comparePlainDates, type PlainDate } from './plain-date.js';

/** How long a tucht measure stays visible in the public register: data per measure type. */
export const publicationRuleSchema = z.discriminatedUnion('rule', [
  z.object({ rule: z.literal('never') }),
  /** Public only when the decision orders publication, for a number of years from the decision taking effect. */
  z.object({ rule: z.literal('if_ordered'), years: z.number().int().positive() }),
  /** Public during the measure's period (proeftijd, schorsing) and a number of years after it ends. */
  z.object({ rule: z.literal('period_plus'), years: z.number().int().min(0) }),
  z.object({ rule: z.literal('permanent') }),
]);
export type PublicationRule = z.infer<typeof publicationRuleSchema>;

export interface MeasureFacts {
  decisionDate: PlainDate;
  final: boolean;
  publicationOrdered: boolean;
  startsOn: PlainDate | null;
  endsOn: PlainDate | null;
}

export type PublicWindow = { public: false } | { public: true; until: PlainDate | null };

/** Whether, and until when, a measure appears in the public register. `until: null` means permanently. */
export function publicationWindow(measure: MeasureFacts, rule: PublicationRule): PublicWindow {
  const effectiveFrom = measure.startsOn ?? measure.decisionDate;
  switch (rule.rule) {
    case 'never':
      return { public: false };
    case 'if_ordered':
      return measure.publicationOrdered ? { public: true, until: addYears(effectiveFrom, rule.years) } : { public: false };
    case 'period_plus':
      return { public: true, until: addYears(measure.endsOn ?? effectiveFrom, rule.years) };
    case 'permanent':
      return { public: true, until: null };
    default: {
      const exhaustive: never = rule;
      throw new Error(`unknown publication rule ${JSON.stringify(exhaustive)}`);
    }
  }
}

export function isPublicOn(measure: MeasureFacts, rule: PublicationRule, today: PlainDate): boolean {
  const window = publicationWindow(measure, rule);
  if (!window.public) return false;
  return window.until === null || comparePlainDates(today, window.until) <= 0;
}
