import { z } from 'zod';

/**
 * The shape of the rule data kept in the registers and variants tables. Every number a register
 * could change lives here as data; code only interprets it.
 */
export const registerSettingsSchema = z.object({
  timeZone: z.string().min(1),
  cycle: z.object({
    lengthMonths: z.number().int().positive(),
    /** The reregistration request is due this many days before the herregistratiedatum (1: the day before it). */
    deadlineDaysBeforeReregistration: z.number().int().min(0),
    /** Staff assessment target for a reregistration, and the allowed extension. */
    assessmentTargetMonths: z.number().int().positive(),
    assessmentExtensionMonths: z.number().int().min(0),
  }),
  reminders: z.object({
    /** Offsets before the deadline at which reminders go out, e.g. { months: 6 } or { days: 7 }. */
    beforeDeadline: z.array(z.union([z.object({ months: z.number().int().positive() }), z.object({ days: z.number().int().positive() })])),
  }),
  concepts: z.object({ retentionDays: z.number().int().positive(), warningDaysBefore: z.number().int().positive() }),
  registrationNumber: z.object({ digits: z.number().int().min(4).max(12) }),
  /** Evidence uploads: the largest file accepted (the types are what the server can check from content). */
  evidence: z.object({ maxBytes: z.number().int().min(1024).max(100 * 1024 * 1024) }),
});
export type RegisterSettings = z.infer<typeof registerSettingsSchema>;

export const normCategorySchema = z.object({
  code: z.string().min(1),
  name: z.object({ nl: z.string(), en: z.string() }),
  unit: z.enum(['points', 'hours']),
  minimum: z.number().min(0),
  /** Sub-limits inside the category: e.g. informal learning counts for at most 20 points. */
  caps: z.array(z.object({ code: z.string(), maximum: z.number().min(0), name: z.object({ nl: z.string(), en: z.string() }) })).default([]),
  floors: z.array(z.object({ code: z.string(), minimum: z.number().min(0), name: z.object({ nl: z.string(), en: z.string() }) })).default([]),
  minSessionMinutes: z.number().int().positive().optional(),
  /**
   * Group supervision: `hours` session hours with at least `supervisees` supervisees give `points` points, pro rata
   * (e.g. { supervisees: 2, hours: 45, points: 40 }: 45 h with 2 supervisees = 40 points). The row with the largest
   * `supervisees` not above the group size applies; with no such row 1 hour is 1 point. Absent: no conversion.
   */
  supervisionConversion: z.array(z.object({ supervisees: z.number().int().positive(), hours: z.number().positive(), points: z.number().min(0) })).optional(),
});

export const variantNormSchema = z.object({ categories: z.array(normCategorySchema) });
export type VariantNorm = z.infer<typeof variantNormSchema>;

export { entryCriteria as entryCriteriaSchema, type EntryCriteria } from '../contract/applications.js';
