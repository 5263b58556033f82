import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource, ENTITIES, runMigrations } from '../../server/db/data-source.js';

/**
 * One truth for the schema: the migrations build it, the entities describe it, and TypeORM's own schema diff
 * between the two is empty. Where TypeORM cannot express a database feature, the entity says so and it is named
 * below; nothing else may differ.
 */

/** Indexes TypeORM cannot express; their entities declare them with `synchronize: false`. */
const INDEXES_TYPEORM_CANNOT_EXPRESS = {
  // GIN over the expression to_tsvector('simple', search_text), partial: the public name search.
  persons_public_search: 'persons',
  // btree (person_id) INCLUDE (variant_id, status) WHERE public_consent: TypeORM has no INCLUDE.
  registrations_public_listing: 'registrations',
} as const;

/** Tables that are not the register's data: TypeORM's own bookkeeping of applied migrations. */
const TABLES_WITHOUT_ENTITY = ['schema_migrations'];

/** Database objects outside TypeORM's schema model (no entity can declare them); the migrations own them. */
const OBJECTS_OUTSIDE_TYPEORM = {
  extensions: ['pg_trgm'],
  sequences: ['registration_number_seq'],
  functions: [
    'persons_clear_public_listing',
    'persons_request_certificate_refresh',
    'refresh_all_public_listing',
    'refresh_public_listing',
    'registrations_refresh_public_listing',
    'registrations_request_certificate_refresh',
    'request_all_certificate_refresh',
    'request_certificate_refresh',
  ],
  triggers: [
    'persons_certificate_update',
    'registers_certificate_refresh',
    'registration_statuses_certificate_refresh',
    'registration_statuses_public_listing',
    'registrations_certificate_delete',
    'registrations_certificate_insert',
    'registrations_certificate_update',
    'registrations_public_listing_delete',
    'registrations_public_listing_insert',
    'registrations_public_listing_truncate',
    'registrations_public_listing_update',
    'variants_certificate_refresh',
    'variants_public_listing',
  ],
};

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set (run the tests with npm test)');
  return url;
}

/** A new, empty database on the test server; dropped by the returned function. */
async function freshDatabase(label: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `schema_check_${label}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(databaseUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: databaseUrl() });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

interface Catalog {
  tables: string[];
  columns: string[];
  constraints: string[];
  indexes: string[];
}

/** The parts of a schema that entities describe, as Postgres itself prints them (so equal means equal). */
async function catalogOf(db: DataSource, skipTables: string[], skipIndexes: string[]): Promise<Catalog> {
  const q = async (sql: string, params: unknown[] = []) => ((await db.query(sql, params)) as Array<{ line: string }>).map((r) => r.line);
  const tables = await q(`SELECT table_name AS line FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`);
  const columns = await q(
    `SELECT format('%s.%s %s null=%s default=%s identity=%s', table_name, column_name, format_type(a.atttypid, a.atttypmod), is_nullable,
                   column_default, identity_generation) AS line
       FROM information_schema.columns c
       JOIN pg_attribute a ON a.attrelid = format('public.%I', c.table_name)::regclass AND a.attname = c.column_name
      WHERE table_schema = 'public' AND NOT (table_name = ANY ($1)) ORDER BY 1`,
    [skipTables],
  );
  const constraints = await q(
    `SELECT format('%s %s %s', conrelid::regclass, conname, pg_get_constraintdef(oid)) AS line
       FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND NOT (conrelid::regclass::text = ANY ($1)) ORDER BY 1`,
    [skipTables],
  );
  const indexes = await q(
    `SELECT indexdef AS line FROM pg_indexes
      WHERE schemaname = 'public' AND NOT (tablename = ANY ($1)) AND NOT (indexname = ANY ($2)) ORDER BY 1`,
    [skipTables, skipIndexes],
  );
  return { tables: tables.filter((t) => !skipTables.includes(t)), columns, constraints, indexes };
}

describe('schema: migrations and entities describe the same database', () => {
  let migratedDb: { url: string; drop(): Promise<void> };
  let migrated: DataSource;

  before(async () => {
    migratedDb = await freshDatabase('migrated');
    migrated = createDataSource(migratedDb.url, { poolSize: 2, applicationName: 'vakregister-schema-test' });
    await migrated.initialize();
    await runMigrations(migrated);
  });
  after(async () => {
    if (migrated?.isInitialized) await migrated.destroy();
    await migratedDb?.drop();
  });

  it("TypeORM's schema builder has zero pending statements against a freshly migrated database", async () => {
    const { upQueries } = await migrated.driver.createSchemaBuilder().log();
    const pending = upQueries.map((q) => q.query);
    expect(pending, `TypeORM would run:\n${pending.join(';\n')}`).to.deep.equal([]);
  });

  it('every table of the migrated database has an entity, and every entity a table', async () => {
    const { tables } = await catalogOf(migrated, TABLES_WITHOUT_ENTITY, []);
    const entityTables = migrated.entityMetadatas.map((m) => m.tableName).sort();
    expect(entityTables).to.deep.equal(tables);
    expect(ENTITIES).to.have.length(tables.length);
  });

  it('the indexes TypeORM cannot express are declared on their entities with synchronize: false', () => {
    for (const [name, table] of Object.entries(INDEXES_TYPEORM_CANNOT_EXPRESS)) {
      const index = migrated.getMetadata(table).indices.find((i) => i.name === name);
      expect(index, `${table}: @Index('${name}', { synchronize: false })`).to.not.equal(undefined);
      expect(index!.synchronize, name).to.equal(false);
    }
  });

  it('the objects outside TypeORM are exactly the named ones', async () => {
    const names = async (sql: string) => ((await migrated.query(sql)) as Array<{ name: string }>).map((r) => r.name).sort();
    expect(await names(`SELECT extname AS name FROM pg_extension WHERE extname <> 'plpgsql'`)).to.deep.equal(OBJECTS_OUTSIDE_TYPEORM.extensions);
    // Identity columns own their sequences (pg_depend 'i'); any other sequence is one the migrations made.
    expect(await names(`SELECT relname AS name FROM pg_class s WHERE relkind = 'S' AND relnamespace = 'public'::regnamespace
                          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = s.oid AND d.deptype IN ('i', 'a'))`)).to.deep.equal(OBJECTS_OUTSIDE_TYPEORM.sequences);
    expect(await names(`SELECT proname AS name FROM pg_proc WHERE pronamespace = 'public'::regnamespace AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = pg_proc.oid AND d.deptype = 'e')`)).to.deep.equal(OBJECTS_OUTSIDE_TYPEORM.functions);
    expect(await names(`SELECT tgname AS name FROM pg_trigger WHERE NOT tgisinternal`)).to.deep.equal(OBJECTS_OUTSIDE_TYPEORM.triggers);
  });

  // The schema builder compares constraints and indexes by name only; a CHECK or a partial index's WHERE could
  // differ in substance and it would not notice. So build a second database from the entities alone and let
  // Postgres print both.
  it('a database built from the entities alone has the same columns, constraints and indexes (but for the named indexes)', async () => {
    const builtDb = await freshDatabase('entities');
    const built = createDataSource(builtDb.url, { poolSize: 2, applicationName: 'vakregister-schema-test' });
    try {
      await built.initialize();
      await built.synchronize();
      const skipIndexes = Object.keys(INDEXES_TYPEORM_CANNOT_EXPRESS);
      const fromMigrations = await catalogOf(migrated, TABLES_WITHOUT_ENTITY, skipIndexes);
      const fromEntities = await catalogOf(built, TABLES_WITHOUT_ENTITY, skipIndexes);
      for (const part of ['tables', 'columns', 'constraints', 'indexes'] as const) {
        const onlyMigrations = fromMigrations[part].filter((l) => !fromEntities[part].includes(l));
        const onlyEntities = fromEntities[part].filter((l) => !fromMigrations[part].includes(l));
        expect({ onlyMigrations, onlyEntities }, part).to.deep.equal({ onlyMigrations: [], onlyEntities: [] });
      }
    } finally {
      if (built.isInitialized) await built.destroy();
      await builtDb.drop();
    }
  });
});
