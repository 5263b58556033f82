import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Why: issue 3's benchmark. A name search probed registrations once per match ("is this person publicly listed?"),
 * about half of its time; and its LIKE pattern could not be prepared, so every search was planned anew.
 *
 * - `persons.publicly_listed` holds that answer. The database keeps it true to the data: statement-level triggers
 *   recompute it for the persons whose registrations changed, and for everyone when the statuses or variants that
 *   define it change. Nothing in the application writes it.
 * - The name search matches word starts with a full-text prefix query ('vries':*) on a GIN index over listed,
 *   numbered persons. Unlike LIKE, its best plan does not depend on the value, so the statement is prepared.
 */
export class PublicListingFlag1763800000004 implements MigrationInterface {
  name = 'PublicListingFlag1763800000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE persons ADD COLUMN publicly_listed boolean NOT NULL DEFAULT false`);

    // The definition of "publicly listed", in one place: a generalist registration with publication consent whose
    // status has a public status (registration_statuses.public_status is register data).
    await q.query(`
      CREATE FUNCTION refresh_public_listing(person_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE persons p
           SET publicly_listed = l.listed
          FROM (SELECT x.id, EXISTS (
                         SELECT 1 FROM registrations r
                           JOIN variants v ON v.id = r.variant_id AND v.kind = 'generalist'
                           JOIN registration_statuses s ON s.code = r.status AND s.public_status IS NOT NULL
                          WHERE r.person_id = x.id AND r.public_consent) AS listed
                  FROM persons x
                 WHERE x.id = ANY (person_ids)) l
         WHERE p.id = l.id AND p.publicly_listed IS DISTINCT FROM l.listed;
      END $$`);

    // Transition tables allow one event per trigger, hence three on registrations.
    await q.query(`
      CREATE FUNCTION registrations_refresh_public_listing() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM refresh_public_listing(ARRAY(SELECT DISTINCT person_id FROM new_rows));
        ELSIF TG_OP = 'UPDATE' THEN
          PERFORM refresh_public_listing(ARRAY(SELECT person_id FROM new_rows UNION SELECT person_id FROM old_rows));
        ELSE
          PERFORM refresh_public_listing(ARRAY(SELECT DISTINCT person_id FROM old_rows));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER registrations_public_listing_insert AFTER INSERT ON registrations
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION registrations_refresh_public_listing()`);
    await q.query(`
      CREATE TRIGGER registrations_public_listing_update AFTER UPDATE ON registrations
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION registrations_refresh_public_listing()`);
    await q.query(`
      CREATE TRIGGER registrations_public_listing_delete AFTER DELETE ON registrations
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION registrations_refresh_public_listing()`);
    await q.query(`
      CREATE FUNCTION persons_clear_public_listing() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE persons SET publicly_listed = false WHERE publicly_listed;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER registrations_public_listing_truncate AFTER TRUNCATE ON registrations
        FOR EACH STATEMENT EXECUTE FUNCTION persons_clear_public_listing()`);

    // A change to the rules themselves (which statuses are public, which variant is the generalist) re-decides
    // for everyone. Rare, and a few seconds at 100,000 persons.
    await q.query(`
      CREATE FUNCTION refresh_all_public_listing() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM refresh_public_listing(ARRAY(SELECT id FROM persons));
        RETURN NULL;
      END $$`);
    for (const table of ['registration_statuses', 'variants']) {
      await q.query(`
        CREATE TRIGGER ${table}_public_listing AFTER INSERT OR UPDATE OR DELETE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION refresh_all_public_listing()`);
    }

    await q.query(`SELECT refresh_public_listing(ARRAY(SELECT id FROM persons))`);

    await q.query(`
      CREATE INDEX persons_public_search ON persons USING gin (to_tsvector('simple', search_text))
      WHERE publicly_listed AND registration_number IS NOT NULL`);
    await q.query(`DROP INDEX persons_search_words_trgm`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX persons_search_words_trgm ON persons USING gin ((' ' || search_text) gin_trgm_ops)
      WHERE registration_number IS NOT NULL`);
    await q.query(`DROP INDEX persons_public_search`);
    for (const table of ['registration_statuses', 'variants']) await q.query(`DROP TRIGGER ${table}_public_listing ON ${table}`);
    for (const event of ['insert', 'update', 'delete', 'truncate']) {
      await q.query(`DROP TRIGGER registrations_public_listing_${event} ON registrations`);
    }
    await q.query(`DROP FUNCTION refresh_all_public_listing()`);
    await q.query(`DROP FUNCTION persons_clear_public_listing()`);
    await q.query(`DROP FUNCTION registrations_refresh_public_listing()`);
    await q.query(`DROP FUNCTION refresh_public_listing(uuid[])`);
    await q.query(`ALTER TABLE persons DROP COLUMN publicly_listed`);
  }
}
