import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Why: issue 3's benchmark — public lookup and name search at 100,000 registrants. */
export class IndexPublicSearch1763800000003 implements MigrationInterface {
  name = 'IndexPublicSearch1763800000003';

  async up(q: QueryRunner): Promise<void> {
    // The public name search matches tokens at word starts: (' ' || search_text) LIKE '% token%'. Indexed on that
    // expression, pg_trgm uses the word-start trigrams ("  v", " vr"), so the index returns word starts only and
    // also serves two-letter tokens ("de"). Only numbered persons can be listed publicly.
    await q.query(`
      CREATE INDEX persons_search_words_trgm ON persons USING gin ((' ' || search_text) gin_trgm_ops)
      WHERE registration_number IS NOT NULL`);
    // Superseded: the search no longer filters on search_text itself, and nothing else does.
    await q.query(`DROP INDEX persons_search_text_trgm`);
    // "Publicly listed" is probed once per search match; with variant and status in the index, the probe needs no
    // heap visit (index-only scan).
    await q.query(`
      CREATE INDEX registrations_public_listing ON registrations (person_id) INCLUDE (variant_id, status)
      WHERE public_consent`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX registrations_public_listing`);
    await q.query(`CREATE INDEX persons_search_text_trgm ON persons USING gin (search_text gin_trgm_ops)`);
    await q.query(`DROP INDEX persons_search_words_trgm`);
  }
}
