import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Why: issue 8 — CPD. Providers (organisations staff authorise, with invited members and hashed API tokens),
 * accreditation requests with staff decisions and objections, runs and attendance that books points exactly once,
 * registrants' activities with evidence and staff decisions, and the register's competence profile as data.
 * The CPD rules (forms, activity kinds, rounding, terms, objection window, limits, review target) become register
 * settings; reflectie gets the group-supervision conversion table.
 */
// Frozen history: the data as it was on the day of this migration, copied here rather than imported from server/.
interface Named {
  nl: string;
  en: string;
}

const CPD_SETTINGS = {
  accreditation: {
    /** Points from net contact hours: 1 hour = pointsPerHour points, rounded `mode` to a multiple of `step`. */
    rounding: { pointsPerHour: 1, step: 0.5, mode: 'down' },
    termYears: [1, 3],
    objectionWeeks: 8,
    finalTest: { forms: ['e_learning'], minHours: 18 },
    maxNetHours: 500,
    maxRunsPerRequest: 100,
  },
  attendance: { maxRows: 10000, maxBytes: 2 * 1024 * 1024 },
  activities: { maxPoints: 200, maxHours: 10000, maxSessionMinutes: 24 * 60, maxSupervisees: 20 },
  review: { targetDays: 14 },
  apiTokens: { requestsPerMinute: 120, maxActivePerOrganisation: 20 },
  invitations: { validDays: 14 },
};

/** What an accreditation request may be, and where its points land once approved. */
const ACCREDITATION_FORMS: Array<{ code: string; name: Named; category: string; subcategory?: string }> = [
  { code: 'training', name: { nl: 'Training', en: 'Training' }, category: 'deskundigheidsbevordering', subcategory: 'accredited' },
  { code: 'course', name: { nl: 'Cursus of opleiding', en: 'Course' }, category: 'deskundigheidsbevordering', subcategory: 'accredited' },
  { code: 'e_learning', name: { nl: 'E-learning', en: 'E-learning' }, category: 'deskundigheidsbevordering', subcategory: 'accredited' },
  { code: 'conference', name: { nl: 'Congres of symposium', en: 'Conference' }, category: 'deskundigheidsbevordering', subcategory: 'accredited' },
  { code: 'workshop', name: { nl: 'Workshop', en: 'Workshop' }, category: 'deskundigheidsbevordering', subcategory: 'accredited' },
  { code: 'intervision', name: { nl: 'Intervisie', en: 'Peer review (intervision)' }, category: 'reflectie' },
  { code: 'supervision', name: { nl: 'Supervisie', en: 'Supervision' }, category: 'reflectie' },
];

/** What a registrant may log without an accreditation ID, and where it lands. */
const ACTIVITY_KINDS: Array<{ code: string; name: Named; category: string; subcategory?: string; measure: 'points' | 'session' | 'supervision' | 'hours' }> = [
  { code: 'formal_learning', name: { nl: 'Formele scholing (niet geaccrediteerd)', en: 'Formal training (not accredited)' }, category: 'deskundigheidsbevordering', subcategory: 'accredited', measure: 'points' },
  { code: 'informal_learning', name: { nl: 'Informeel leren', en: 'Informal learning' }, category: 'deskundigheidsbevordering', subcategory: 'informal', measure: 'points' },
  { code: 'intervision', name: { nl: 'Intervisie', en: 'Peer review (intervision)' }, category: 'reflectie', measure: 'session' },
  { code: 'supervision', name: { nl: 'Supervisie', en: 'Supervision' }, category: 'reflectie', measure: 'supervision' },
  { code: 'work_experience', name: { nl: 'Werkervaring', en: 'Work experience' }, category: 'werkervaring', measure: 'hours' },
];

/**
 * The ten competences of "Competenties maatschappelijke ondersteuning" (MOVISIE, 2012; seed 004 and domain.md).
 * Staff keep this list; activities refer to it by code.
 */
const WMO_COMPETENCES: Array<{ code: string; name: string; nameEn: string }> = [
  { code: 'zichtbaar-erop-af', name: 'Is zichtbaar en gaat op mensen af', nameEn: 'Is visible and reaches out to people' },
  { code: 'verheldert-vragen', name: 'Verheldert vragen en behoeften', nameEn: 'Clarifies questions and needs' },
  { code: 'eigen-kracht-zelfregie', name: 'Versterkt eigen kracht en zelfregie', nameEn: 'Strengthens self-reliance and self-direction' },
  { code: 'sociale-netwerken', name: 'Versterkt sociale netwerken', nameEn: 'Strengthens social networks' },
  { code: 'verantwoordelijk-gedrag', name: 'Stimuleert verantwoordelijk gedrag', nameEn: 'Encourages responsible behaviour' },
  { code: 'vrijwillige-inzet', name: 'Ondersteunt vrijwilligers en mantelzorgers', nameEn: 'Supports volunteers and informal carers' },
  { code: 'samenwerking', name: 'Werkt samen met burgers en organisaties', nameEn: 'Works together with citizens and organisations' },
  { code: 'sociale-samenhang', name: 'Versterkt participatie en sociale samenhang', nameEn: 'Strengthens participation and social cohesion' },
  { code: 'vakbekwaam-resultaatgericht', name: 'Handelt vakbekwaam en resultaatgericht', nameEn: 'Acts competently and result-oriented' },
  { code: 'ondernemend', name: 'Werkt ondernemend en innovatief', nameEn: 'Works entrepreneurially and innovatively' },
];

export class CreateCpdSchema1796200000000 implements MigrationInterface {
  name = 'CreateCpdSchema1796200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE registers SET settings = settings || jsonb_build_object('cpd', $1::jsonb) WHERE NOT settings ? 'cpd'`, [
      JSON.stringify({ ...CPD_SETTINGS, accreditationForms: ACCREDITATION_FORMS, activityKinds: ACTIVITY_KINDS }),
    ]);
    // Group supervision: 45 hours with 2 supervisees give 40 points (pro rata).
    await q.query(`
      UPDATE variants v
         SET norm = jsonb_set(v.norm, '{categories}', (
               SELECT jsonb_agg(CASE WHEN c->>'code' = 'reflectie' AND NOT c ? 'supervisionConversion'
                                     THEN c || '{"supervisionConversion":[{"supervisees":2,"hours":45,"points":40}]}'::jsonb
                                     ELSE c END ORDER BY ord)
                 FROM jsonb_array_elements(v.norm->'categories') WITH ORDINALITY AS t(c, ord)))
       WHERE v.kind = 'generalist' AND jsonb_array_length(v.norm->'categories') > 0`);

    // ---- The competence profile: data per register.
    await q.query(`
      CREATE TABLE competences (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        register_id uuid NOT NULL REFERENCES registers(id),
        code text NOT NULL CHECK (code ~ '^[a-z0-9-]{2,60}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        name_en text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
        sort_order int NOT NULL DEFAULT 0,
        -- Retired competences stay on the activities that named them but are no longer offered.
        retired_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (register_id, code)
      )`);
    let order = 0;
    for (const c of WMO_COMPETENCES) {
      order += 10;
      await q.query(`INSERT INTO competences (register_id, code, name, name_en, sort_order) SELECT id, $1, $2, $3, $4 FROM registers`, [c.code, c.name, c.nameEn, order]);
    }

    // ---- Organisations ask for an account; staff authorise (or refuse) it. Members are admins or members.
    await q.query(`ALTER TABLE organisations ADD COLUMN status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'authorised', 'refused'))`);
    await q.query(`UPDATE organisations SET status = 'authorised' WHERE authorised_at IS NOT NULL`);
    await q.query(`ALTER TABLE organisations ADD CONSTRAINT organisations_status_authorised CHECK ((status = 'authorised') = (authorised_at IS NOT NULL))`);
    await q.query(`ALTER TABLE organisations ADD COLUMN contact_name text CHECK (contact_name IS NULL OR length(contact_name) BETWEEN 1 AND 200)`);
    await q.query(`ALTER TABLE organisations ADD COLUMN contact_email text CHECK (contact_email IS NULL OR length(contact_email) BETWEEN 3 AND 254)`);
    await q.query(`ALTER TABLE organisations ADD COLUMN phone text CHECK (phone IS NULL OR length(phone) BETWEEN 3 AND 40)`);
    await q.query(`ALTER TABLE organisations ADD COLUMN website text CHECK (website IS NULL OR length(website) BETWEEN 3 AND 300)`);
    await q.query(`ALTER TABLE organisations ADD COLUMN city text CHECK (city IS NULL OR length(city) BETWEEN 1 AND 100)`);
    await q.query(`ALTER TABLE organisations ADD COLUMN requested_by uuid REFERENCES accounts(id)`);
    await q.query(`ALTER TABLE organisations ADD COLUMN requested_at timestamptz`);
    await q.query(`ALTER TABLE organisations ADD COLUMN decided_by uuid REFERENCES accounts(id)`);
    await q.query(`ALTER TABLE organisations ADD COLUMN refusal_reason text CHECK (refusal_reason IS NULL OR length(refusal_reason) BETWEEN 1 AND 2000)`);
    await q.query(`CREATE INDEX organisations_pending ON organisations (requested_at) WHERE status = 'pending'`);
    await q.query(`ALTER TABLE organisation_members ADD COLUMN role text NOT NULL DEFAULT 'member' CHECK (role IN ('admin', 'member'))`);
    await q.query(`CREATE INDEX organisation_members_account ON organisation_members (account_id)`);

    // An admin invites by e-mail; the link carries a secret of which only the hash is kept.
    await q.query(`
      CREATE TABLE organisation_invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        -- Kept in lower case, so one open invitation per address is a plain unique index.
        email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254 AND email = lower(email)),
        role text NOT NULL CHECK (role IN ('admin', 'member')),
        token_hash text NOT NULL UNIQUE,
        invited_by uuid NOT NULL REFERENCES accounts(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_by uuid REFERENCES accounts(id),
        revoked_at timestamptz,
        CHECK (expires_at > created_at),
        CHECK ((accepted_at IS NULL) = (accepted_by IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX organisation_invitations_one_open ON organisation_invitations (organisation_id, email) WHERE accepted_at IS NULL AND revoked_at IS NULL`);

    // API tokens of an organisation (any kind): shown once, stored as a SHA-256 hash, named, revocable.
    await q.query(`
      CREATE TABLE api_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        -- The first characters of the token, to recognise it in a list; the rest is never stored.
        token_prefix text NOT NULL CHECK (length(token_prefix) BETWEEN 4 AND 16),
        token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        created_by uuid NOT NULL REFERENCES accounts(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz,
        revoked_by uuid REFERENCES accounts(id),
        CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX api_tokens_active_name ON api_tokens (organisation_id, name) WHERE revoked_at IS NULL`);

    // ---- Accreditation: one request per activity and register; approved, it carries a human-typable code.
    await q.query(`
      CREATE TABLE accreditations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        register_id uuid NOT NULL REFERENCES registers(id),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        description text NOT NULL CHECK (length(description) BETWEEN 1 AND 5000),
        form text NOT NULL CHECK (form ~ '^[a-z_]{2,40}$'),
        net_contact_hours numeric(6,2) NOT NULL CHECK (net_contact_hours > 0),
        has_final_test boolean NOT NULL,
        status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'approved', 'rejected', 'objection', 'withdrawn')),
        -- Set on approval.
        code text UNIQUE CHECK (code IS NULL OR code ~ '^[A-Z2-9]{4}-[A-Z2-9]{4}$'),
        points numeric(6,2) CHECK (points IS NULL OR points > 0),
        category text,
        subcategory text,
        term_years int CHECK (term_years IS NULL OR term_years > 0),
        valid_from date,
        valid_until date,
        -- Set on rejection (and on a refused objection).
        rejection_reason text CHECK (rejection_reason IS NULL OR length(rejection_reason) BETWEEN 1 AND 2000),
        decided_at timestamptz,
        decided_by uuid REFERENCES accounts(id),
        -- The provider may keep an accredited activity out of the public course agenda.
        in_agenda boolean NOT NULL DEFAULT true,
        submitted_by uuid REFERENCES accounts(id),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        seed_key text UNIQUE,
        CHECK ((status = 'approved') = (code IS NOT NULL AND points IS NOT NULL AND category IS NOT NULL AND valid_from IS NOT NULL AND valid_until IS NOT NULL)),
        CHECK (valid_until IS NULL OR valid_until >= valid_from)
      )`);
    await q.query(`CREATE INDEX accreditations_organisation ON accreditations (organisation_id, submitted_at)`);
    await q.query(`CREATE INDEX accreditations_queue ON accreditations (submitted_at) WHERE status IN ('submitted', 'objection')`);
    await q.query(`
      CREATE TABLE accreditation_variants (
        accreditation_id uuid NOT NULL REFERENCES accreditations(id) ON DELETE CASCADE,
        variant_id uuid NOT NULL REFERENCES variants(id),
        PRIMARY KEY (accreditation_id, variant_id)
      )`);
    await q.query(`
      CREATE TABLE accreditation_competences (
        accreditation_id uuid NOT NULL REFERENCES accreditations(id) ON DELETE CASCADE,
        competence_id uuid NOT NULL REFERENCES competences(id),
        PRIMARY KEY (accreditation_id, competence_id)
      )`);
    // Every decision on a request (first decision and decisions on objections), with staff's reason.
    await q.query(`
      CREATE TABLE accreditation_decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        accreditation_id uuid NOT NULL REFERENCES accreditations(id) ON DELETE CASCADE,
        outcome text NOT NULL CHECK (outcome IN ('approved', 'rejected', 'objection_refused')),
        points numeric(6,2),
        category text,
        subcategory text,
        term_years int,
        reason text CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 2000),
        decided_by uuid NOT NULL REFERENCES accounts(id),
        decided_at timestamptz NOT NULL DEFAULT now(),
        CHECK (outcome = 'approved' OR reason IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX accreditation_decisions_accreditation ON accreditation_decisions (accreditation_id, decided_at)`);
    // An objection against a decision, within the configured weeks; at most one open per request.
    await q.query(`
      CREATE TABLE accreditation_objections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        accreditation_id uuid NOT NULL REFERENCES accreditations(id) ON DELETE CASCADE,
        decision_id uuid NOT NULL REFERENCES accreditation_decisions(id),
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 5000),
        lodged_by uuid NOT NULL REFERENCES accounts(id),
        lodged_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        resolution_decision_id uuid REFERENCES accreditation_decisions(id),
        UNIQUE (decision_id)
      )`);
    await q.query(`CREATE UNIQUE INDEX accreditation_objections_one_open ON accreditation_objections (accreditation_id) WHERE resolved_at IS NULL`);

    // Runs: planned with the request, repeat runs added within the term.
    await q.query(`
      CREATE TABLE accreditation_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        accreditation_id uuid NOT NULL REFERENCES accreditations(id) ON DELETE CASCADE,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        place text NOT NULL CHECK (length(place) BETWEEN 1 AND 200),
        online boolean NOT NULL DEFAULT false,
        created_by uuid REFERENCES accounts(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on >= starts_on)
      )`);
    await q.query(`CREATE INDEX accreditation_runs_accreditation ON accreditation_runs (accreditation_id, starts_on)`);
    await q.query(`CREATE INDEX accreditation_runs_upcoming ON accreditation_runs (starts_on)`);

    // One attendance upload (CSV or JSON, by a member or a token) and its outcome per row.
    await q.query(`
      CREATE TABLE attendance_uploads (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        run_id uuid NOT NULL REFERENCES accreditation_runs(id) ON DELETE CASCADE,
        format text NOT NULL CHECK (format IN ('csv', 'json')),
        file_name text CHECK (file_name IS NULL OR length(file_name) BETWEEN 1 AND 200),
        uploaded_by uuid REFERENCES accounts(id),
        uploaded_by_token uuid REFERENCES api_tokens(id),
        row_count int NOT NULL CHECK (row_count >= 0),
        booked_count int NOT NULL DEFAULT 0,
        already_booked_count int NOT NULL DEFAULT 0,
        refused_count int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((uploaded_by IS NULL) <> (uploaded_by_token IS NULL))
      )`);
    await q.query(`CREATE INDEX attendance_uploads_run ON attendance_uploads (run_id, created_at)`);
    await q.query(`
      CREATE TABLE attendance_upload_rows (
        upload_id uuid NOT NULL REFERENCES attendance_uploads(id) ON DELETE CASCADE,
        row_number int NOT NULL CHECK (row_number > 0),
        raw text NOT NULL,
        registration_number text,
        outcome text NOT NULL CHECK (outcome IN ('booked', 'already_booked', 'duplicate_in_upload', 'unknown_number', 'not_registered', 'invalid_row')),
        activity_id uuid,
        PRIMARY KEY (upload_id, row_number)
      )`);

    // ---- A registrant's activities: logged with or without an accreditation code, or booked by attendance.
    await q.query(`
      CREATE TABLE cpd_activities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES persons(id),
        register_id uuid NOT NULL REFERENCES registers(id),
        source text NOT NULL CHECK (source IN ('registrant', 'attendance')),
        -- An activity kind code of settings.cpd.activityKinds, or 'accredited'.
        kind text NOT NULL CHECK (kind ~ '^[a-z_]{2,40}$'),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        provider_name text CHECK (provider_name IS NULL OR length(provider_name) BETWEEN 1 AND 200),
        description text CHECK (description IS NULL OR length(description) BETWEEN 1 AND 5000),
        category text NOT NULL,
        subcategory text,
        completed_on date NOT NULL,
        -- Work experience is declared per period (period_starts_on .. completed_on) with an employer.
        period_starts_on date,
        employer_name text CHECK (employer_name IS NULL OR length(employer_name) BETWEEN 1 AND 200),
        points numeric(7,2) CHECK (points IS NULL OR points >= 0),
        hours numeric(8,2) CHECK (hours IS NULL OR hours > 0),
        session_minutes int CHECK (session_minutes IS NULL OR session_minutes > 0),
        supervisees int CHECK (supervisees IS NULL OR supervisees > 0),
        accreditation_id uuid REFERENCES accreditations(id),
        run_id uuid REFERENCES accreditation_runs(id),
        status text NOT NULL CHECK (status IN ('pending', 'approved', 'adjusted', 'rejected')),
        approved_points numeric(7,2) CHECK (approved_points IS NULL OR approved_points >= 0),
        staff_reason text CHECK (staff_reason IS NULL OR length(staff_reason) BETWEEN 1 AND 2000),
        decided_by uuid REFERENCES accounts(id),
        decided_at timestamptz,
        created_by uuid REFERENCES accounts(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        seed_key text UNIQUE,
        CHECK (period_starts_on IS NULL OR period_starts_on <= completed_on),
        CHECK (status NOT IN ('adjusted', 'rejected') OR staff_reason IS NOT NULL),
        CHECK ((source = 'attendance') <= (run_id IS NOT NULL))
      )`);
    // An accredited activity gives its points once per person, whether logged by the registrant or booked from
    // attendance, however often the list is uploaded (a rejected one may be logged again).
    await q.query(`CREATE UNIQUE INDEX cpd_activities_once_per_accreditation ON cpd_activities (person_id, accreditation_id) WHERE accreditation_id IS NOT NULL AND status <> 'rejected'`);
    await q.query(`CREATE INDEX cpd_activities_person ON cpd_activities (person_id, completed_on)`);
    await q.query(`CREATE INDEX cpd_activities_queue ON cpd_activities (created_at) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX cpd_activities_run ON cpd_activities (run_id) WHERE run_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE cpd_activity_competences (
        activity_id uuid NOT NULL REFERENCES cpd_activities(id) ON DELETE CASCADE,
        competence_id uuid NOT NULL REFERENCES competences(id),
        PRIMARY KEY (activity_id, competence_id)
      )`);
    await q.query(`
      CREATE TABLE cpd_evidence_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        activity_id uuid NOT NULL REFERENCES cpd_activities(id) ON DELETE CASCADE,
        -- certificate, reflection-statement, employer-statement, other
        kind text NOT NULL CHECK (kind ~ '^[a-z0-9-]{2,40}$'),
        original_name text NOT NULL CHECK (length(original_name) BETWEEN 1 AND 200),
        content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
        size_bytes int NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL,
        uploaded_by uuid REFERENCES accounts(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX cpd_evidence_files_activity ON cpd_evidence_files (activity_id)`);

    // Portfolio exports: the worker renders the PDF from the rows as they were at the request.
    await q.query(`
      CREATE TABLE portfolio_exports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES persons(id),
        requested_by uuid REFERENCES accounts(id),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'rendered', 'failed')),
        pdf bytea,
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        locale text NOT NULL DEFAULT 'nl' CHECK (locale IN ('nl', 'en')),
        created_at timestamptz NOT NULL DEFAULT now(),
        rendered_at timestamptz,
        CHECK ((status = 'rendered') = (pdf IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX portfolio_exports_person ON portfolio_exports (person_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'portfolio_exports',
      'cpd_evidence_files',
      'cpd_activity_competences',
      'cpd_activities',
      'attendance_upload_rows',
      'attendance_uploads',
      'accreditation_runs',
      'accreditation_objections',
      'accreditation_decisions',
      'accreditation_competences',
      'accreditation_variants',
      'accreditations',
      'api_tokens',
      'organisation_invitations',
      'competences',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`DROP INDEX IF EXISTS organisation_members_account`);
    await q.query(`ALTER TABLE organisation_members DROP COLUMN IF EXISTS role`);
    await q.query(`DROP INDEX IF EXISTS organisations_pending`);
    await q.query(`ALTER TABLE organisations DROP CONSTRAINT IF EXISTS organisations_status_authorised`);
    for (const c of ['refusal_reason', 'decided_by', 'requested_at', 'requested_by', 'city', 'website', 'phone', 'contact_email', 'contact_name', 'status']) {
      await q.query(`ALTER TABLE organisations DROP COLUMN IF EXISTS ${c}`);
    }
    await q.query(`
      UPDATE variants v
         SET norm = jsonb_set(v.norm, '{categories}', (
               SELECT jsonb_agg(c - 'supervisionConversion' ORDER BY ord)
                 FROM jsonb_array_elements(v.norm->'categories') WITH ORDINALITY AS t(c, ord)))
       WHERE jsonb_array_length(v.norm->'categories') > 0`);
    await q.query(`UPDATE registers SET settings = settings - 'cpd'`);
  }
}
