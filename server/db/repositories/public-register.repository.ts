import type pg from 'pg';
import type { DataSource } from 'typeorm';

/** What the public register may read: consented, once-registered persons and their public data. */
export interface PublicPersonRow {
  person_id: string;
  registration_number: string;
  given_names: string;
  name_prefix: string | null;
  family_name: string;
}

export interface PublicRegistrationRow {
  register_code: string;
  register_name: string;
  /** The register's time zone (its settings' timeZone): what "today" means for its publication windows. */
  register_time_zone: string;
  variant_code: string;
  variant_name: string;
  variant_kind: 'generalist' | 'specialist';
  status: string;
  public_status: string;
  counts_as_registered: boolean;
  registered_on: string | null;
  cycle_ends_on: string | null;
}

export interface PublicMeasureRow {
  measure_type: string;
  publication: unknown;
  body: string;
  decision_date: string;
  final: boolean;
  appeal_lodged: boolean;
  publication_ordered: boolean;
  starts_on: string | null;
  ends_on: string | null;
}

/** A person with their public registrations (by variant order) and all their measures (newest decision first). */
export interface PublicPersonWithDetailsRow extends PublicPersonRow {
  registrations: PublicRegistrationRow[];
  measures: PublicMeasureRow[];
}

/**
 * One statement: what the repository runs, and what the benchmark's baseline runs verbatim. With a `name` it is
 * prepared: Postgres parses and plans it once per connection instead of on every request. Only for statements
 * whose best plan does not depend on the values (a generic plan for a LIKE pattern would be a sequential scan).
 */
export interface SqlQuery {
  name?: string;
  text: string;
  values: unknown[];
}

/**
 * A person appears publicly once a generalist registration with consent has a public status. The database keeps
 * that answer in `persons.publicly_listed` (triggers of migration PublicListingFlag), so neither a lookup nor each
 * match of a name search has to probe registrations for it.
 */
const PUBLICLY_LISTED = `p.publicly_listed`;

/** The condition on `persons p` that makes a person publicly listed (for scripts that sample listed people). */
export const PUBLICLY_LISTED_CONDITION = PUBLICLY_LISTED;

/**
 * The registrations and measures of the person `alias`.id as JSON arrays, built in the same statement, so that a
 * lookup or a page of results is one round trip.
 */
function detailsOf(alias: string): string {
  return `
  CROSS JOIN LATERAL (
    SELECT COALESCE(json_agg(json_build_object(
             'register_code', g.code, 'register_name', g.name, 'register_time_zone', g.settings->>'timeZone',
             'variant_code', v.code, 'variant_name', v.name, 'variant_kind', v.kind,
             'status', r.status, 'public_status', s.public_status, 'counts_as_registered', s.counts_as_registered,
             'registered_on', to_char(r.registered_on, 'YYYY-MM-DD'), 'cycle_ends_on', to_char(r.cycle_ends_on, 'YYYY-MM-DD'))
             ORDER BY v.sort_order), '[]') AS registrations
      FROM registrations r
      JOIN registration_statuses s ON s.code = r.status
      JOIN variants v ON v.id = r.variant_id
      JOIN registers g ON g.id = v.register_id
     WHERE r.person_id = ${alias}.id AND r.public_consent AND s.public_status IS NOT NULL
  ) pr
  CROSS JOIN LATERAL (
    SELECT COALESCE(json_agg(json_build_object(
             'measure_type', m.measure_type, 'publication', t.publication, 'body', m.body,
             'decision_date', to_char(m.decision_date, 'YYYY-MM-DD'), 'final', m.final, 'appeal_lodged', m.appeal_lodged,
             'publication_ordered', m.publication_ordered,
             'starts_on', to_char(m.starts_on, 'YYYY-MM-DD'), 'ends_on', to_char(m.ends_on, 'YYYY-MM-DD'))
             ORDER BY m.decision_date DESC), '[]') AS measures
      FROM measures m JOIN measure_types t ON t.code = m.measure_type
     WHERE m.person_id = ${alias}.id
  ) pm`;
}

export function publicPersonByNumberQuery(registrationNumber: string): SqlQuery {
  return {
    name: 'public-register-lookup',
    text: `SELECT p.id AS person_id, p.registration_number, p.given_names, p.name_prefix, p.family_name, pr.registrations, pm.measures
             FROM persons p ${detailsOf('p')}
            WHERE p.registration_number = $1 AND ${PUBLICLY_LISTED}`,
    values: [registrationNumber],
  };
}

/**
 * Name search: every normalized token must start a word of the person's search text ("vries" finds "de vries",
 * not "devriesen"): a full-text prefix query ('vries':* & 'de':*) over the words of search_text, served by the GIN
 * index persons_public_search. Unlike a LIKE pattern, its best plan does not depend on the tokens, so the
 * statement is prepared once per connection.
 */
export function prefixQuery(tokens: string[]): string {
  if (tokens.length === 0) throw new Error('a name search needs at least one token');
  return tokens
    .map((token) => {
      // normalizeForSearch leaves letters and digits only; anything else would be tsquery syntax.
      if (!/^[\p{L}\p{N}]+$/u.test(token)) throw new Error(`not a normalized search token: ${JSON.stringify(token)}`);
      return `'${token}':*`;
    })
    .join(' & ');
}

const NAME_MATCHES = `p.registration_number IS NOT NULL AND ${PUBLICLY_LISTED} AND to_tsvector('simple', p.search_text) @@ $1::tsquery`;

/** One page of matches with their details, each row carrying the total number of matches. */
export function publicPersonSearchQuery(tokens: string[], limit: number, offset: number): SqlQuery {
  return {
    name: 'public-register-search',
    text: `WITH page AS (
             SELECT p.id, p.registration_number, p.given_names, p.name_prefix, p.family_name, p.sort_key,
                    count(*) OVER () AS total
               FROM persons p
              WHERE ${NAME_MATCHES}
              ORDER BY p.sort_key, p.registration_number
              LIMIT $2 OFFSET $3
           )
           SELECT page.id AS person_id, page.registration_number, page.given_names, page.name_prefix, page.family_name,
                  page.total, pr.registrations, pm.measures
             FROM page ${detailsOf('page')}
            ORDER BY page.sort_key, page.registration_number`,
    values: [prefixQuery(tokens), limit, offset],
  };
}

/** The number of matches, for a page past the last one. */
export function publicPersonCountQuery(tokens: string[]): SqlQuery {
  return { name: 'public-register-count', text: `SELECT count(*) AS total FROM persons p WHERE ${NAME_MATCHES}`, values: [prefixQuery(tokens)] };
}

/**
 * Runs a statement on the DataSource's own pg pool: TypeORM's query() cannot name (prepare) one, and planning
 * the lookup's joins costs more than executing them.
 */
async function run<T extends pg.QueryResultRow>(db: DataSource, q: SqlQuery): Promise<T[]> {
  const pool = (db.driver as unknown as { master: pg.Pool }).master;
  return (await pool.query<T>({ name: q.name, text: q.text, values: q.values })).rows;
}

export async function findPublicPersonByNumber(db: DataSource, registrationNumber: string): Promise<PublicPersonWithDetailsRow | null> {
  const rows = await run<PublicPersonWithDetailsRow>(db, publicPersonByNumberQuery(registrationNumber));
  return rows[0] ?? null;
}

export async function searchPublicPersons(
  db: DataSource,
  tokens: string[],
  limit: number,
  offset: number,
): Promise<{ rows: PublicPersonWithDetailsRow[]; total: number }> {
  const rows = await run<PublicPersonWithDetailsRow & { total: string }>(db, publicPersonSearchQuery(tokens, limit, offset));
  let total = Number(rows[0]?.total ?? 0);
  if (rows.length === 0 && offset > 0) {
    // Past the last page: still tell the caller how many there are.
    const [count] = await run<{ total: string }>(db, publicPersonCountQuery(tokens));
    total = Number(count?.total ?? 0);
  }
  return { rows: rows.map(({ total: _t, ...r }) => r), total };
}
