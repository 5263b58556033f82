import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Why: issue 3 — "on registration and on every later change of status, variants or cycle, a job renders the
 * certificate". Flows that change those facts issue the new revision themselves (approval does); this makes it
 * hold for every change, including flows yet to be written and corrections made by hand in the database.
 *
 * Statement-level triggers note each person with a certificate whose certified facts may have changed in
 * `certificate_refresh_requests`; the certificate sweep (worker) issues a new revision when the facts differ from
 * the newest one, and enqueues its render. A person without any certificate gets none this way: the first one is
 * issued by the registration decision.
 */
export class CertificateRefreshRequests1763800000005 implements MigrationInterface {
  name = 'CertificateRefreshRequests1763800000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE certificate_refresh_requests (
        person_id uuid PRIMARY KEY REFERENCES persons (id) ON DELETE CASCADE,
        requested_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE FUNCTION request_certificate_refresh(person_ids uuid[]) RETURNS void LANGUAGE sql AS $$
        INSERT INTO certificate_refresh_requests (person_id)
        SELECT DISTINCT c.person_id FROM certificates c WHERE c.person_id = ANY (person_ids)
        ON CONFLICT (person_id) DO NOTHING
      $$`);

    // Registrations: rows with a public status appearing or disappearing, or a change of what a certificate states.
    await q.query(`
      CREATE FUNCTION registrations_request_certificate_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM request_certificate_refresh(ARRAY(
            SELECT n.person_id FROM new_rows n JOIN registration_statuses s ON s.code = n.status WHERE s.public_status IS NOT NULL));
        ELSIF TG_OP = 'UPDATE' THEN
          PERFORM request_certificate_refresh(ARRAY(
            SELECT n.person_id FROM new_rows n JOIN old_rows o ON o.id = n.id
             WHERE (n.status, n.variant_id, n.person_id, n.registered_on, n.cycle_starts_on, n.cycle_ends_on)
                   IS DISTINCT FROM (o.status, o.variant_id, o.person_id, o.registered_on, o.cycle_starts_on, o.cycle_ends_on)
            UNION
            SELECT o.person_id FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.person_id IS DISTINCT FROM o.person_id));
        ELSE
          PERFORM request_certificate_refresh(ARRAY(
            SELECT o.person_id FROM old_rows o JOIN registration_statuses s ON s.code = o.status WHERE s.public_status IS NOT NULL));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER registrations_certificate_insert AFTER INSERT ON registrations
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION registrations_request_certificate_refresh()`);
    await q.query(`
      CREATE TRIGGER registrations_certificate_update AFTER UPDATE ON registrations
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION registrations_request_certificate_refresh()`);
    await q.query(`
      CREATE TRIGGER registrations_certificate_delete AFTER DELETE ON registrations
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION registrations_request_certificate_refresh()`);

    // Persons: a new name or number.
    await q.query(`
      CREATE FUNCTION persons_request_certificate_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM request_certificate_refresh(ARRAY(
          SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
           WHERE (n.given_names, n.name_prefix, n.family_name, n.registration_number)
                 IS DISTINCT FROM (o.given_names, o.name_prefix, o.family_name, o.registration_number)));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER persons_certificate_update AFTER UPDATE ON persons
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION persons_request_certificate_refresh()`);

    // The register's own data that certificates state (names of register and variants, public statuses): everyone.
    await q.query(`
      CREATE FUNCTION request_all_certificate_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM request_certificate_refresh(ARRAY(SELECT DISTINCT person_id FROM certificates));
        RETURN NULL;
      END $$`);
    // Only the columns a certificate states: a change of, say, a register's upload limit re-certifies nobody.
    const certified = { registers: 'code, name', variants: 'code, name, name_en, kind, sort_order', registration_statuses: 'public_status, counts_as_registered' };
    for (const [table, columns] of Object.entries(certified)) {
      await q.query(`
        CREATE TRIGGER ${table}_certificate_refresh AFTER UPDATE OF ${columns} ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION request_all_certificate_refresh()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['registers', 'variants', 'registration_statuses']) await q.query(`DROP TRIGGER ${table}_certificate_refresh ON ${table}`);
    await q.query(`DROP TRIGGER persons_certificate_update ON persons`);
    for (const event of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER registrations_certificate_${event} ON registrations`);
    await q.query(`DROP FUNCTION request_all_certificate_refresh()`);
    await q.query(`DROP FUNCTION persons_request_certificate_refresh()`);
    await q.query(`DROP FUNCTION registrations_request_certificate_refresh()`);
    await q.query(`DROP FUNCTION request_certificate_refresh(uuid[])`);
    await q.query(`DROP TABLE certificate_refresh_requests`);
  }
}
