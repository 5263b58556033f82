import type { PlainDate } from '../../domain/plain-date.js';

/** The public fields of a register entry; nothing else ever leaves the public register. */
export interface PublicEntry {
  registrationNumber: string;
  name: string;
  status: string;
  register: { code: string; name: string };
  variants: Array<{ code: string; name: string; kind: 'generalist' | 'specialist' }>;
  registeredSince: PlainDate | null;
  validUntil: PlainDate | null;
  measures: PublicMeasure[];
}

export interface PublicMeasure {
  type: string;
  body: string;
  decisionDate: PlainDate;
  final: boolean;
  appealLodged: boolean;
  startsOn: PlainDate | null;
  endsOn: PlainDate | null;
  /** null: published permanently. */
  publicUntil: PlainDate | null;
}

export function presentPublicEntry(e: PublicEntry): PublicEntry {
  return {
    registrationNumber: e.registrationNumber,
    name: e.name,
    status: e.status,
    register: { code: e.register.code, name: e.register.name },
    variants: e.variants.map((v) => ({ code: v.code, name: v.name, kind: v.kind })),
    registeredSince: e.registeredSince,
    validUntil: e.validUntil,
    measures: e.measures.map((m) => ({
      type: m.type,
      body: m.body,
      decisionDate: m.decisionDate,
      final: m.final,
      appealLodged: m.appealLodged,
      startsOn: m.startsOn,
      endsOn: m.endsOn,
      publicUntil: m.publicUntil,
    })),
  };
}
