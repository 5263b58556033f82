import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Why: a provider may object to an approval too (too few points, a shorter term, a variant left out), and staff who
 * grant it must see what was asked and record from which hours the new points were computed. The variants a provider
 * asked for are kept apart from the ones approved (accreditation_variants, which staff may narrow), and each decision
 * keeps the net contact hours its points came from. An approved request stays 'approved' while an objection against
 * it is open: the open objection row is what puts it in the staff queue.
 */
export class AccreditationObjectionsAgainstApprovals1796200500000 implements MigrationInterface {
  name = 'AccreditationObjectionsAgainstApprovals1796200500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE accreditation_requested_variants (
        accreditation_id uuid NOT NULL REFERENCES accreditations(id) ON DELETE CASCADE,
        variant_id uuid NOT NULL REFERENCES variants(id),
        PRIMARY KEY (accreditation_id, variant_id)
      )`);
    // What was asked before this table existed is no longer known where staff narrowed it; the approved set is the best record.
    await q.query(`INSERT INTO accreditation_requested_variants (accreditation_id, variant_id) SELECT accreditation_id, variant_id FROM accreditation_variants`);
    await q.query(`ALTER TABLE accreditation_decisions ADD COLUMN net_contact_hours numeric(6,2) CHECK (net_contact_hours IS NULL OR net_contact_hours > 0)`);
    await q.query(
      `UPDATE accreditation_decisions d SET net_contact_hours = a.net_contact_hours FROM accreditations a WHERE a.id = d.accreditation_id AND d.outcome = 'approved'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE accreditation_decisions DROP COLUMN net_contact_hours`);
    await q.query(`DROP TABLE accreditation_requested_variants`);
  }
}
