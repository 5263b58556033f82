import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Why: staff's decision on an organisation request (authorised or refused) needs its moment, shown to both sides. */
export class AddOrganisationDecidedAt1796200100000 implements MigrationInterface {
  name = 'AddOrganisationDecidedAt1796200100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisations ADD COLUMN decided_at timestamptz`);
    await q.query(`UPDATE organisations SET decided_at = authorised_at WHERE status = 'authorised'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisations DROP COLUMN decided_at`);
  }
}
