import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Why: the walking skeleton's core — registers as data, persons, accounts, registrations with an audited lifecycle. */
export class CreateCoreSchema1763800000000 implements MigrationInterface {
  name = 'CreateCoreSchema1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await q.query(`
      CREATE TABLE registers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9-]{2,40}$'),
        name text NOT NULL,
        settings jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE variants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        register_id uuid NOT NULL REFERENCES registers(id),
        code text NOT NULL CHECK (code ~ '^[a-z0-9-]{2,40}$'),
        name text NOT NULL,
        name_en text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('generalist', 'specialist')),
        parent_variant_id uuid REFERENCES variants(id),
        norm jsonb NOT NULL,
        entry_criteria jsonb NOT NULL,
        sort_order int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (register_id, code),
        CHECK ((kind = 'generalist') = (parent_variant_id IS NULL))
      )`);

    await q.query(`
      CREATE TABLE registration_statuses (
        code text PRIMARY KEY,
        -- Whether this status appears in the public register at all, and as which public status.
        public_status text,
        counts_as_registered boolean NOT NULL,
        sort_order int NOT NULL
      )`);

    await q.query(`
      CREATE TABLE registration_transitions (
        from_status text NOT NULL REFERENCES registration_statuses(code),
        to_status text NOT NULL REFERENCES registration_statuses(code),
        actor text NOT NULL CHECK (actor IN ('registrant', 'staff', 'system')),
        requires_reason boolean NOT NULL,
        PRIMARY KEY (from_status, to_status, actor)
      )`);

    await q.query(`CREATE SEQUENCE registration_number_seq START 100001`);

    await q.query(`
      CREATE TABLE persons (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        given_names text NOT NULL CHECK (length(given_names) BETWEEN 1 AND 100),
        name_prefix text CHECK (name_prefix IS NULL OR length(name_prefix) BETWEEN 1 AND 30),
        family_name text NOT NULL CHECK (length(family_name) BETWEEN 1 AND 100),
        search_text text NOT NULL,
        sort_key text NOT NULL,
        email text,
        -- Permanent and unique once assigned; a string, leading zeros included.
        registration_number text UNIQUE,
        -- Identifies rows made by the demo/benchmark seed so seeding is idempotent.
        seed_key text UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX persons_search_text_trgm ON persons USING gin (search_text gin_trgm_ops)`);
    await q.query(`CREATE INDEX persons_sort_key ON persons (sort_key)`);

    await q.query(`
      CREATE TABLE accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        issuer text NOT NULL,
        subject text NOT NULL,
        display_name text NOT NULL,
        email text,
        person_id uuid REFERENCES persons(id),
        first_login_at timestamptz,
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (issuer, subject)
      )`);
    await q.query(`CREATE UNIQUE INDEX accounts_person_unique ON accounts (person_id) WHERE person_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE account_roles (
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('registrant', 'provider', 'employer', 'staff', 'municipality')),
        granted_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (account_id, role)
      )`);

    await q.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('provider', 'employer', 'municipality')),
        name text NOT NULL,
        kvk_number text CHECK (kvk_number IS NULL OR kvk_number ~ '^[0-9]{8}$'),
        authorised_at timestamptz,
        seed_key text UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (kind, name)
      )`);

    await q.query(`
      CREATE TABLE organisation_members (
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_id, account_id)
      )`);

    await q.query(`
      CREATE TABLE registrations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES persons(id),
        variant_id uuid NOT NULL REFERENCES variants(id),
        -- A specialist registration hangs under the person's generalist registration and shares its cycle.
        parent_registration_id uuid REFERENCES registrations(id),
        status text NOT NULL REFERENCES registration_statuses(code),
        public_consent boolean NOT NULL DEFAULT false,
        registered_on date,
        cycle_starts_on date,
        cycle_ends_on date,
        cycle_deadline date,
        submitted_at timestamptz,
        status_changed_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((cycle_starts_on IS NULL) = (cycle_ends_on IS NULL) AND (cycle_ends_on IS NULL) = (cycle_deadline IS NULL)),
        CHECK (cycle_ends_on IS NULL OR cycle_ends_on > cycle_starts_on)
      )`);
    // One live registration per person and variant; rejected and withdrawn ones may be followed by a new application.
    await q.query(`
      CREATE UNIQUE INDEX registrations_one_live_per_variant ON registrations (person_id, variant_id)
      WHERE status NOT IN ('rejected', 'withdrawn')`);
    await q.query(`CREATE INDEX registrations_person ON registrations (person_id)`);
    await q.query(`CREATE INDEX registrations_status ON registrations (status, status_changed_at)`);

    // The audit row of every lifecycle transition: who, when, from, to, why.
    await q.query(`
      CREATE TABLE registration_status_changes (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        registration_id uuid NOT NULL REFERENCES registrations(id),
        from_status text REFERENCES registration_statuses(code),
        to_status text NOT NULL REFERENCES registration_statuses(code),
        actor_kind text NOT NULL CHECK (actor_kind IN ('registrant', 'staff', 'system')),
        actor_account_id uuid REFERENCES accounts(id),
        reason text,
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX registration_status_changes_registration ON registration_status_changes (registration_id, occurred_at)`);

    await q.query(`
      CREATE TABLE measure_types (
        code text PRIMARY KEY,
        name text NOT NULL,
        name_en text NOT NULL,
        status_effect text REFERENCES registration_statuses(code),
        max_period_months int,
        publication jsonb NOT NULL
      )`);

    // References to decisions of the competent tucht body; the register does not run cases.
    await q.query(`
      CREATE TABLE measures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES persons(id),
        measure_type text NOT NULL REFERENCES measure_types(code),
        body text NOT NULL,
        case_reference text NOT NULL,
        decision_date date NOT NULL,
        final boolean NOT NULL,
        appeal_lodged boolean NOT NULL DEFAULT false,
        publication_ordered boolean NOT NULL DEFAULT false,
        starts_on date,
        ends_on date,
        recorded_by uuid REFERENCES accounts(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (body, case_reference, person_id),
        CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
      )`);
    await q.query(`CREATE INDEX measures_person ON measures (person_id)`);

    // Every staff decision and every access to a dossier by staff.
    await q.query(`
      CREATE TABLE audit_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_account_id uuid REFERENCES accounts(id),
        action text NOT NULL,
        subject_type text NOT NULL,
        subject_id text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        request_id text
      )`);
    await q.query(`CREATE INDEX audit_events_subject ON audit_events (subject_type, subject_id, occurred_at)`);

    // Outgoing mail: one row per message, deduplicated by key; the worker claims, sends after commit, marks sent.
    await q.query(`
      CREATE TABLE email_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dedupe_key text NOT NULL UNIQUE,
        template text NOT NULL,
        to_address text NOT NULL,
        locale text NOT NULL DEFAULT 'nl' CHECK (locale IN ('nl', 'en')),
        account_id uuid REFERENCES accounts(id),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        claimed_at timestamptz,
        sent_at timestamptz
      )`);
    await q.query(`CREATE INDEX email_outbox_pending ON email_outbox (created_at) WHERE status IN ('pending', 'sending')`);

    // Session store (connect-pg-simple's layout) so sessions survive an API restart.
    await q.query(`
      CREATE TABLE http_sessions (
        sid varchar NOT NULL PRIMARY KEY,
        sess json NOT NULL,
        expire timestamp(6) NOT NULL
      )`);
    await q.query(`CREATE INDEX http_sessions_expire ON http_sessions (expire)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'http_sessions',
      'email_outbox',
      'audit_events',
      'measures',
      'measure_types',
      'registration_status_changes',
      'registrations',
      'organisation_members',
      'organisations',
      'account_roles',
      'accounts',
      'persons',
      'registration_transitions',
      'registration_statuses',
      'variants',
      'registers',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`DROP SEQUENCE IF EXISTS registration_number_seq`);
  }
}
