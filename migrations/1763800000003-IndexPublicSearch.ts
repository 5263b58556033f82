import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Why: issue 3's benchmark — public lookup and name search at 100,000 registrants. (Filled in by the benchmark work.) */
export class IndexPublicSearch1763800000003 implements MigrationInterface {
  name = 'IndexPublicSearch1763800000003';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
