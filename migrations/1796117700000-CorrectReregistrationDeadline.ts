import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Why: the reregistration deadline was one day early (the day before the last cycle day instead of the day before
 * the herregistratiedatum). The setting is renamed to what it counts from, cycle.deadlineDaysBeforeReregistration
 * (same value: 1 = the day before), and every stored deadline is recomputed from it. cycle_ends_on (the day before
 * the herregistratiedatum) was right and stays; postponed cycles keep their moved end.
 */
export class CorrectReregistrationDeadline1796117700000 implements MigrationInterface {
  name = 'CorrectReregistrationDeadline1796117700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE registers
         SET settings = jsonb_set(settings #- '{cycle,deadlineDaysBeforeEnd}', '{cycle,deadlineDaysBeforeReregistration}',
                                  COALESCE(settings #> '{cycle,deadlineDaysBeforeEnd}', '1'::jsonb))
       WHERE settings #> '{cycle,deadlineDaysBeforeReregistration}' IS NULL`);
    // The herregistratiedatum is cycle_ends_on + 1; the deadline lies the configured number of days before it.
    await q.query(`
      UPDATE registrations r
         SET cycle_deadline = r.cycle_ends_on + 1 - (g.settings #>> '{cycle,deadlineDaysBeforeReregistration}')::int
        FROM variants v
        JOIN registers g ON g.id = v.register_id
       WHERE v.id = r.variant_id
         AND r.cycle_ends_on IS NOT NULL
         AND r.cycle_deadline IS DISTINCT FROM r.cycle_ends_on + 1 - (g.settings #>> '{cycle,deadlineDaysBeforeReregistration}')::int`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE registrations r
         SET cycle_deadline = r.cycle_ends_on - (g.settings #>> '{cycle,deadlineDaysBeforeReregistration}')::int
        FROM variants v
        JOIN registers g ON g.id = v.register_id
       WHERE v.id = r.variant_id
         AND r.cycle_ends_on IS NOT NULL`);
    await q.query(`
      UPDATE registers
         SET settings = jsonb_set(settings #- '{cycle,deadlineDaysBeforeReregistration}', '{cycle,deadlineDaysBeforeEnd}',
                                  settings #> '{cycle,deadlineDaysBeforeReregistration}')
       WHERE settings #> '{cycle,deadlineDaysBeforeReregistration}' IS NOT NULL`);
  }
}
