import { z } from 'zod';

const named = z.object({ nl: z.string().min(1), en: z.string().min(1) });

/** The CPD rules of a register (issue 8): every number of accreditation, attendance, activities and review. */
export const cpdSettingsSchema = z.object({
  accreditation: z.object({
    /** Points from net contact hours: hours × pointsPerHour, rounded `mode` to a multiple of `step`. */
    rounding: z.object({ pointsPerHour: z.number().positive(), step: z.number().positive(), mode: z.enum(['down', 'nearest', 'up']) }),
    /** The terms staff may grant, in years (1, or 3). */
    termYears: z.array(z.number().int().positive()).min(1),
    /** The provider may object within this many weeks of a decision. */
    objectionWeeks: z.number().int().positive(),
    /** A final test is required for these forms, and for any activity of at least minHours net hours. */
    finalTest: z.object({ forms: z.array(z.string()), minHours: z.number().positive() }),
    maxNetHours: z.number().positive(),
    maxRunsPerRequest: z.number().int().positive(),
  }),
  attendance: z.object({ maxRows: z.number().int().positive(), maxBytes: z.number().int().min(1024) }),
  activities: z.object({
    maxPoints: z.number().positive(),
    maxHours: z.number().positive(),
    maxSessionMinutes: z.number().int().positive(),
    maxSupervisees: z.number().int().positive(),
  }),
  /**
   * Staff queues: an item waiting more than targetDays whole days is overdue (domain/cpd-review reviewAge). The one
   * target of every staff queue: the CPD queue and the applications queue both read it.
   */
  review: z.object({ targetDays: z.number().int().positive() }),
  apiTokens: z.object({ requestsPerMinute: z.number().int().positive(), maxActivePerOrganisation: z.number().int().positive() }),
  invitations: z.object({ validDays: z.number().int().positive() }),
  /** What a provider may request accreditation for, and where the points land once approved. */
  accreditationForms: z.array(z.object({ code: z.string().regex(/^[a-z_]{2,40}$/), name: named, category: z.string().min(1), subcategory: z.string().min(1).optional() })).min(1),
  /** What a registrant may log without an accreditation code; `measure` says what the form asks. */
  activityKinds: z
    .array(
      z.object({
        code: z.string().regex(/^[a-z_]{2,40}$/),
        name: named,
        category: z.string().min(1),
        subcategory: z.string().min(1).optional(),
        measure: z.enum(['points', 'session', 'supervision', 'hours']),
      }),
    )
    .min(1),
});
export type CpdSettings = z.infer<typeof cpdSettingsSchema>;

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
  cpd: cpdSettingsSchema,
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
