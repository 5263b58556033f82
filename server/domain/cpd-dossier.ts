import type { CpdActivityView, CpdProgressView, PortfolioView } from '../contract/cpd-activities.js';
import { computeCpdProgress, type CpdActivity, type CpdNormInput, type CpdProgress, type CpdWindow } from './cpd-progress.js';
import { reregistrationDateFor } from './cycle.js';
import type { PlainDate } from './plain-date.js';
import { registerSettingsSchema, variantNormSchema, type RegisterSettings, type VariantNorm } from './register-rules.js';

/**
 * A registrant's CPD dossier as the API and the portfolio show it: which registration and norms count, the cycle
 * window, progress with its explanation, and each activity. Pure: the rows come from the repositories, so the API
 * and the portfolio worker give the same answer.
 */

export interface CpdRegistrationFacts {
  status: string;
  countsAsRegistered: boolean;
  variantCode: string;
  variantName: string;
  variantNameEn: string;
  variantKind: 'generalist' | 'specialist';
  norm: unknown;
  registerId: string;
  settings: unknown;
  registeredOn: PlainDate | null;
  cycleStartsOn: PlainDate | null;
  cycleEndsOn: PlainDate | null;
  cycleDeadline: PlainDate | null;
  submittedOn: PlainDate | null;
  diplomaYear: number | null;
}

export interface CpdStanding {
  /** The generalist registration whose cycle counts; null when there is none with a cycle. */
  generalist: CpdRegistrationFacts | null;
  /** Whether activities may be logged: a generalist registration that counts as registered (or is suspended: CPD duties continue). */
  registered: boolean;
  registerId: string | null;
  settings: RegisterSettings | null;
  generalistNorm: VariantNorm | null;
  /** Variant codes the person is registered in now. */
  registeredVariants: string[];
  /** The same with the first day of each registration (an accreditation code must be for one held on its date). */
  registeredSince: Array<{ code: string; since: PlainDate | null }>;
  norms: Array<CpdNormInput & { variantName: string; variantNameEn: string }>;
  window: CpdWindow | null;
  diplomaYear: number | null;
}

/** Statuses in which CPD duties continue although the status does not count as registered. */
const CPD_CONTINUES = new Set(['suspended']);
const isRegistered = (r: CpdRegistrationFacts) => r.countsAsRegistered || CPD_CONTINUES.has(r.status);

export function cpdStanding(registrations: readonly CpdRegistrationFacts[]): CpdStanding {
  const generalist = registrations.find((r) => r.variantKind === 'generalist' && r.cycleStartsOn !== null && r.cycleEndsOn !== null && r.cycleDeadline !== null) ?? null;
  const anyGeneralist = generalist ?? registrations.find((r) => r.variantKind === 'generalist') ?? null;
  const settings = anyGeneralist ? registerSettingsSchema.parse(anyGeneralist.settings) : null;
  const generalistNorm = anyGeneralist ? variantNormSchema.parse(anyGeneralist.norm) : null;
  const registered = generalist !== null && isRegistered(generalist);
  const specialists = registered ? registrations.filter((r) => r.variantKind === 'specialist' && isRegistered(r)) : [];
  const registeredSince = registered ? [generalist, ...specialists].map((r) => ({ code: r.variantCode, since: r.registeredOn })) : [];
  const registeredVariants = registeredSince.map((r) => r.code);
  const norms: CpdStanding['norms'] = [];
  let window: CpdWindow | null = null;
  if (generalist && generalistNorm) {
    norms.push({ variantCode: generalist.variantCode, variantName: generalist.variantName, variantNameEn: generalist.variantNameEn, specialist: false, norm: generalistNorm });
    for (const s of specialists) {
      norms.push({ variantCode: s.variantCode, variantName: s.variantName, variantNameEn: s.variantNameEn, specialist: true, norm: variantNormSchema.parse(s.norm) });
    }
    window = {
      startsOn: generalist.cycleStartsOn!,
      reregistrationOn: reregistrationDateFor(generalist.cycleEndsOn!),
      deadline: generalist.cycleDeadline!,
      ...(generalist.submittedOn !== null ? { submittedOn: generalist.submittedOn } : {}),
    };
  }
  return {
    generalist,
    registered,
    registerId: anyGeneralist?.registerId ?? null,
    settings,
    generalistNorm,
    registeredVariants,
    registeredSince,
    norms,
    window,
    diplomaYear: anyGeneralist?.diplomaYear ?? null,
  };
}

/** An activity as the progress rules read it (numeric columns arrive from Postgres as strings). */
export interface ActivityFacts {
  id: string;
  title: string;
  kind: string;
  source: 'registrant' | 'attendance';
  category: string;
  subcategory: string | null;
  completedOn: PlainDate;
  points: string | number | null;
  hours: string | number | null;
  sessionMinutes: number | null;
  supervisees: number | null;
  status: 'pending' | 'approved' | 'adjusted' | 'rejected';
  approvedPoints: string | number | null;
  staffReason: string | null;
  accreditationCode: string | null;
  accreditedFor: readonly string[];
}

const num = (v: string | number | null): number | undefined => (v === null ? undefined : Number(v));
const numOrNull = (v: string | number | null): number | null => (v === null ? null : Number(v));

export function toProgressActivity(a: ActivityFacts): CpdActivity {
  const out: CpdActivity = { id: a.id, category: a.category, completedOn: a.completedOn, status: a.status, accreditedFor: a.accreditedFor };
  if (a.subcategory !== null) out.subcategory = a.subcategory;
  if (a.staffReason !== null) out.staffReason = a.staffReason;
  const approved = num(a.approvedPoints);
  // Staff's granted points; a rejected or pending activity has none that count.
  if (approved !== undefined && (a.status === 'approved' || a.status === 'adjusted')) out.approvedPoints = approved;
  if (a.sessionMinutes !== null) out.sessionMinutes = a.sessionMinutes;
  const hours = num(a.hours);
  if (a.supervisees !== null && hours !== undefined) {
    out.supervision = { hours, supervisees: a.supervisees };
    if (a.points !== null) out.points = Number(a.points);
  } else {
    if (a.points !== null) out.points = Number(a.points);
    if (hours !== undefined) out.hours = hours;
  }
  return out;
}

/** Progress for the standing and the activities: the pure function, with names and activity facts for the screen. */
export function progressView(standing: CpdStanding, activities: readonly ActivityFacts[]): CpdProgressView {
  // By completion date, then id (as the rules take them), whatever order the rows came in.
  const ordered = [...activities].sort((a, b) => (a.completedOn !== b.completedOn ? (a.completedOn < b.completedOn ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const listed = ordered.map((a) => ({
    id: a.id,
    title: a.title,
    kind: a.kind,
    source: a.source,
    completedOn: a.completedOn,
    status: a.status,
    staffReason: a.staffReason,
    accreditationCode: a.accreditationCode,
  }));
  if (standing.window === null || standing.norms.length === 0) {
    return { cycle: null, complete: false, norms: [], missing: [], unplaced: [], activities: listed };
  }
  const progress = specialistAware(standing.norms, standing.window, activities.map(toProgressActivity));
  return {
    cycle: {
      startsOn: standing.window.startsOn,
      reregistrationOn: standing.window.reregistrationOn,
      deadline: standing.window.deadline,
      submittedOn: standing.window.submittedOn ?? null,
      endsBefore: progress.window.endsBefore,
    },
    complete: progress.complete,
    norms: progress.norms.map((n, i) => {
      const input = standing.norms[i]!;
      return {
        variantCode: n.variantCode,
        variantName: input.variantName,
        variantNameEn: input.variantNameEn,
        specialist: n.specialist,
        complete: n.complete,
        categories: n.categories.map((c) => {
          const def = input.norm.categories.find((d) => d.code === c.code)!;
          return {
            ...c,
            name: def.name,
            minSessionMinutes: def.minSessionMinutes ?? null,
            caps: c.caps.map((cap) => ({ ...cap, name: def.caps.find((d) => d.code === cap.code)?.name ?? { nl: cap.code, en: cap.code } })),
            floors: c.floors.map((f) => ({ ...f, name: def.floors.find((d) => d.code === f.code)?.name ?? { nl: f.code, en: f.code } })),
          };
        }),
      };
    }),
    missing: progress.missing,
    unplaced: progress.unplaced,
    activities: listed,
  };
}

/**
 * A specialist norm counts what is accredited for its variant, whatever category the accreditation gave it
 * (providers' forms land in deskundigheidsbevordering): such an activity counts for the generalist norm in its own
 * category and, on top, in the specialist norm's category. Activities of the specialist category itself keep their
 * own rules there (not accredited for this variant → not counted, with that reason). A specialist norm with more
 * than one category is computed as the rules have it, by category alone.
 */
function specialistAware(norms: CpdStanding['norms'], window: CpdWindow, activities: readonly CpdActivity[]): CpdProgress {
  const base = computeCpdProgress({ norms, window, activities });
  const out: CpdProgress = { ...base, norms: [...base.norms], missing: [] };
  const missingByNorm = new Map<string, CpdProgress['missing']>();
  for (const m of base.missing) missingByNorm.set(m.variantCode, [...(missingByNorm.get(m.variantCode) ?? []), m]);
  norms.forEach((norm, i) => {
    if (!norm.specialist || norm.norm.categories.length !== 1) return;
    const target = norm.norm.categories[0]!.code;
    const own = activities
      .filter((a) => a.category === target || (a.accreditedFor ?? []).includes(norm.variantCode))
      .map((a): CpdActivity => {
        if (a.category === target) return a;
        const { subcategory: _subcategory, ...rest } = a;
        return { ...rest, category: target };
      });
    const p = computeCpdProgress({ norms: [norm], window, activities: own });
    out.norms[i] = p.norms[0]!;
    missingByNorm.set(norm.variantCode, p.missing);
  });
  for (const n of norms) out.missing.push(...(missingByNorm.get(n.variantCode) ?? []));
  out.complete = out.norms.every((n) => n.complete);
  return out;
}

export interface ActivityDetailFacts extends ActivityFacts {
  providerName: string | null;
  description: string | null;
  periodStartsOn: PlainDate | null;
  employerName: string | null;
  decidedAt: Date | string | null;
  createdAt: Date | string;
  competences: Array<{ code: string; name: string; nameEn: string }>;
  evidence: Array<{ id: string; kind: string; originalName: string; contentType: string; sizeBytes: number; uploadedAt: string }>;
}

const iso = (d: Date | string): string => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

export function presentActivity(a: ActivityDetailFacts): CpdActivityView {
  const pending = a.status === 'pending';
  return {
    id: a.id,
    source: a.source,
    kind: a.kind,
    title: a.title,
    providerName: a.providerName,
    description: a.description,
    category: a.category,
    subcategory: a.subcategory,
    completedOn: a.completedOn,
    periodStartsOn: a.periodStartsOn,
    employerName: a.employerName,
    points: numOrNull(a.points),
    hours: numOrNull(a.hours),
    sessionMinutes: a.sessionMinutes,
    supervisees: a.supervisees,
    accreditation: a.accreditationCode ? { code: a.accreditationCode, variants: [...a.accreditedFor] } : null,
    status: a.status,
    approvedPoints: numOrNull(a.approvedPoints),
    staffReason: a.staffReason,
    decidedAt: a.decidedAt === null ? null : iso(a.decidedAt),
    createdAt: iso(a.createdAt),
    competences: a.competences,
    evidence: a.evidence.map((e) => ({ ...e, uploadedAt: iso(e.uploadedAt) })),
    can: { withdraw: pending && a.source === 'registrant', upload: pending && a.source === 'registrant' },
  };
}

export interface PortfolioFacts {
  person: { name: string; registrationNumber: string | null };
  registrations: readonly CpdRegistrationFacts[];
  activities: readonly ActivityDetailFacts[];
}

/** Everything the register holds about a registrant's CPD, as one document. */
export function buildPortfolio(facts: PortfolioFacts, now: Date): PortfolioView {
  const standing = cpdStanding(facts.registrations);
  return {
    generatedAt: now.toISOString(),
    person: facts.person,
    registrations: facts.registrations.map((r) => ({ variantCode: r.variantCode, variantName: r.variantName, kind: r.variantKind, status: r.status, registeredOn: r.registeredOn })),
    activities: facts.activities.map(presentActivity),
    progress: progressView(standing, facts.activities),
  };
}
