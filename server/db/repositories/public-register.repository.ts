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
  person_id: string;
  register_code: string;
  register_name: string;
  register_settings: unknown;
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
  person_id: string;
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

/** A person appears publicly once a generalist registration with consent has a public status. */
const PUBLICLY_LISTED = `
  EXISTS (
    SELECT 1 FROM registrations r
      JOIN registration_statuses s ON s.code = r.status
      JOIN variants v ON v.id = r.variant_id
     WHERE r.person_id = p.id AND v.kind = 'generalist' AND r.public_consent AND s.public_status IS NOT NULL
  )`;

export async function findPublicPersonByNumber(db: DataSource, registrationNumber: string): Promise<PublicPersonRow | null> {
  const rows = (await db.query(
    `SELECT p.id AS person_id, p.registration_number, p.given_names, p.name_prefix, p.family_name
       FROM persons p WHERE p.registration_number = $1 AND ${PUBLICLY_LISTED}`,
    [registrationNumber],
  )) as PublicPersonRow[];
  return rows[0] ?? null;
}

/**
 * Name search: every normalized token must start a word of the person's search text. The first LIKE can use
 * the trigram index; the second keeps matches at word starts ("vries" finds "de vries", not "devriesen").
 */
export async function searchPublicPersons(
  db: DataSource,
  tokens: string[],
  limit: number,
  offset: number,
): Promise<{ rows: PublicPersonRow[]; total: number }> {
  const conditions: string[] = [];
  const params: unknown[] = [];
  for (const token of tokens) {
    params.push(`%${token}%`, `% ${token}%`);
    conditions.push(`p.search_text LIKE $${params.length - 1} AND (' ' || p.search_text) LIKE $${params.length}`);
  }
  params.push(limit, offset);
  const rows = (await db.query(
    `SELECT p.id AS person_id, p.registration_number, p.given_names, p.name_prefix, p.family_name,
            count(*) OVER () AS total
       FROM persons p
      WHERE p.registration_number IS NOT NULL AND ${conditions.join(' AND ')} AND ${PUBLICLY_LISTED}
      ORDER BY p.sort_key, p.registration_number
      LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  )) as Array<PublicPersonRow & { total: string }>;
  let total = Number(rows[0]?.total ?? 0);
  if (rows.length === 0 && offset > 0) {
    // Past the last page: still tell the caller how many there are.
    const [count] = (await db.query(
      `SELECT count(*) AS total FROM persons p WHERE p.registration_number IS NOT NULL AND ${conditions.join(' AND ')} AND ${PUBLICLY_LISTED}`,
      params.slice(0, -2),
    )) as Array<{ total: string }>;
    total = Number(count?.total ?? 0);
  }
  return { rows: rows.map(({ total: _t, ...r }) => r), total };
}

export async function findPublicRegistrations(db: DataSource, personIds: string[]): Promise<PublicRegistrationRow[]> {
  if (personIds.length === 0) return [];
  return (await db.query(
    `SELECT r.person_id, g.code AS register_code, g.name AS register_name, g.settings AS register_settings,
            v.code AS variant_code, v.name AS variant_name, v.kind AS variant_kind,
            r.status, s.public_status, s.counts_as_registered,
            to_char(r.registered_on, 'YYYY-MM-DD') AS registered_on,
            to_char(r.cycle_ends_on, 'YYYY-MM-DD') AS cycle_ends_on
       FROM registrations r
       JOIN registration_statuses s ON s.code = r.status
       JOIN variants v ON v.id = r.variant_id
       JOIN registers g ON g.id = v.register_id
      WHERE r.person_id = ANY($1::uuid[]) AND r.public_consent AND s.public_status IS NOT NULL
      ORDER BY v.sort_order`,
    [personIds],
  )) as PublicRegistrationRow[];
}

export async function findMeasures(db: DataSource, personIds: string[]): Promise<PublicMeasureRow[]> {
  if (personIds.length === 0) return [];
  return (await db.query(
    `SELECT m.person_id, m.measure_type, t.publication, m.body,
            to_char(m.decision_date, 'YYYY-MM-DD') AS decision_date, m.final, m.appeal_lodged, m.publication_ordered,
            to_char(m.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(m.ends_on, 'YYYY-MM-DD') AS ends_on
       FROM measures m JOIN measure_types t ON t.code = m.measure_type
      WHERE m.person_id = ANY($1::uuid[])
      ORDER BY m.decision_date DESC`,
    [personIds],
  )) as PublicMeasureRow[];
}
