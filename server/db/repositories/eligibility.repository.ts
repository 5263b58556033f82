// One statement for the facts that decide what a person may apply for (variants and their own registrations);
// json_agg keeps it one round trip on the account page.
import type { DataSource, EntityManager } from 'typeorm';
import type { EligibilityFacts } from '../../domain/eligibility.js';

/** The variants and a person's registrations (with whether each status counts as registered), in one statement. */
export async function findVariantEligibilityFacts(db: DataSource | EntityManager, personId: string | null): Promise<EligibilityFacts> {
  const [row] = (await db.query(
    `SELECT
       (SELECT COALESCE(json_agg(json_build_object('code', v.code, 'kind', v.kind, 'parentCode', p.code) ORDER BY v.sort_order), '[]'::json)
          FROM variants v LEFT JOIN variants p ON p.id = v.parent_variant_id) AS variants,
       (SELECT COALESCE(json_agg(json_build_object('variantCode', v.code, 'status', r.status, 'countsAsRegistered', s.counts_as_registered)), '[]'::json)
          FROM registrations r JOIN variants v ON v.id = r.variant_id JOIN registration_statuses s ON s.code = r.status
         WHERE r.person_id = $1) AS registrations`,
    [personId],
  )) as EligibilityFacts[];
  return row!;
}
