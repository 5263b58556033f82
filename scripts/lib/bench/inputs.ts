import type { DataSource } from 'typeorm';
import { PUBLICLY_LISTED_CONDITION } from '../../../server/db/repositories/public-register.repository.js';
import { FAMILY_NAMES, GIVEN_NAMES, PREFIXES, pick, prng } from '../seed-names.js';

export interface BenchInputs {
  /** GET paths for the lookup by number: publicly listed people, so every request finds someone. */
  lookupPaths: string[];
  /** GET paths for the name search, as people type them (capitals, diacritics, tussenvoegsels). */
  searchPaths: string[];
  searchExamples: string[];
}

/** Deterministic inputs: the same numbers and names on every run over the same dataset. */
export async function benchInputs(db: DataSource, lookups = 1000): Promise<BenchInputs> {
  const rows = (await db.query(
    `SELECT p.registration_number FROM persons p
      WHERE p.registration_number IS NOT NULL AND ${PUBLICLY_LISTED_CONDITION}
      ORDER BY md5(p.registration_number) LIMIT $1`,
    [lookups],
  )) as Array<{ registration_number: string }>;
  const queries = searchQueries();
  return {
    lookupPaths: rows.map((r) => `/api/public/register/${r.registration_number}`),
    searchPaths: queries.map((q) => `/api/public/register?q=${encodeURIComponent(q)}`),
    searchExamples: queries.slice(0, 6),
  };
}

/**
 * A realistic mix over the seed's name lists: family names alone ("Özdemir", "El Amrani"), given names alone,
 * tussenvoegsel + family name ("van der Linden") and given + family name ("Sanne Jansen"), shuffled.
 */
export function searchQueries(): string[] {
  const rand = prng(0xbe4c);
  const prefixes = PREFIXES.filter((p): p is string => p !== null);
  const queries = [...FAMILY_NAMES, ...GIVEN_NAMES];
  for (let i = 0; i < 100; i++) queries.push(`${pick(rand, prefixes)} ${pick(rand, FAMILY_NAMES)}`);
  for (let i = 0; i < 100; i++) queries.push(`${pick(rand, GIVEN_NAMES)} ${pick(rand, FAMILY_NAMES)}`);
  for (let i = queries.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [queries[i], queries[j]] = [queries[j]!, queries[i]!];
  }
  return queries;
}

/** What the benchmark ran against. */
export async function datasetSize(db: DataSource): Promise<{ persons: number; listed: number; registrations: number }> {
  const [row] = (await db.query(
    `SELECT (SELECT count(*) FROM persons) AS persons,
            (SELECT count(*) FROM persons p WHERE p.registration_number IS NOT NULL AND ${PUBLICLY_LISTED_CONDITION}) AS listed,
            (SELECT count(*) FROM registrations) AS registrations`,
  )) as Array<{ persons: string; listed: string; registrations: string }>;
  return { persons: Number(row?.persons ?? 0), listed: Number(row?.listed ?? 0), registrations: Number(row?.registrations ?? 0) };
}
