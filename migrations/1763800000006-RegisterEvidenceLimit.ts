import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Why: rules are data. The largest evidence upload (10 MB, issue 3) becomes a register setting,
 * `settings.evidence.maxBytes`, instead of a constant in code; registers that have none get 10 MB.
 */
export class RegisterEvidenceLimit1763800000006 implements MigrationInterface {
  name = 'RegisterEvidenceLimit1763800000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE registers SET settings = settings || jsonb_build_object('evidence', jsonb_build_object('maxBytes', 10 * 1024 * 1024)) WHERE NOT settings ? 'evidence'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE registers SET settings = settings - 'evidence'`);
  }
}
