/**
 * Which variants a person may apply for now. A registration stays "live" (blocking a new application for the same
 * variant) until it is closed; the database's partial unique index registrations_one_live_per_variant holds the
 * same list, so what is offered here is exactly what the server will accept.
 */
export const CLOSED_STATUSES: readonly string[] = ['rejected', 'withdrawn'];

export interface EligibilityFacts {
  variants: ReadonlyArray<{ code: string; kind: 'generalist' | 'specialist'; parentCode: string | null }>;
  registrations: ReadonlyArray<{ variantCode: string; status: string; countsAsRegistered: boolean }>;
}

export function variantsOpenForApplication(f: EligibilityFacts): Array<{ variantCode: string; kind: 'generalist' | 'specialist' }> {
  const live = new Set(f.registrations.filter((r) => !CLOSED_STATUSES.includes(r.status)).map((r) => r.variantCode));
  const activeGeneralists = new Set(f.registrations.filter((r) => r.countsAsRegistered).map((r) => r.variantCode));
  return f.variants
    .filter((v) => !live.has(v.code))
    .filter((v) => v.kind === 'generalist' || (v.parentCode !== null && activeGeneralists.has(v.parentCode)))
    .map((v) => ({ variantCode: v.code, kind: v.kind }));
}
