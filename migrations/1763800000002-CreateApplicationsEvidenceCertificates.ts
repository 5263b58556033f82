import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Why: issue 3 — applications with evidence, staff decisions, and certificates anyone can verify. */
export class CreateApplicationsEvidenceCertificates1763800000002 implements MigrationInterface {
  name = 'CreateApplicationsEvidenceCertificates1763800000002';

  async up(q: QueryRunner): Promise<void> {
    // The application's answers (diploma, VOG date, declarations, specialist requirements), validated per variant.
    await q.query(`ALTER TABLE registrations ADD COLUMN application jsonb NOT NULL DEFAULT '{}'::jsonb`);
    // The latest open question from staff ("more information needed"), shown to the registrant.
    await q.query(`ALTER TABLE registrations ADD COLUMN staff_question text`);
    await q.query(`ALTER TABLE registrations ADD COLUMN decided_at timestamptz`);
    await q.query(`ALTER TABLE registrations ADD COLUMN decided_by uuid REFERENCES accounts(id)`);
    await q.query(`ALTER TABLE registrations ADD COLUMN concept_warning_sent_at timestamptz`);
    await q.query(`CREATE INDEX registrations_queue ON registrations (status, submitted_at) WHERE status IN ('submitted', 'in_review')`);
    await q.query(`CREATE INDEX registrations_concepts ON registrations (status_changed_at) WHERE status = 'concept'`);

    // What a mail says beyond the account (variant, reason, question): kept with the outbox row, never in the job.
    await q.query(`ALTER TABLE email_outbox ADD COLUMN params jsonb NOT NULL DEFAULT '{}'::jsonb`);

    await q.query(`
      CREATE TABLE evidence_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        registration_id uuid NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
        -- diploma, vog, evc-certificate, or the code of a variant requirement
        kind text NOT NULL CHECK (kind ~ '^[a-z0-9-]{2,40}$'),
        original_name text NOT NULL CHECK (length(original_name) BETWEEN 1 AND 200),
        content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
        size_bytes int NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL,
        uploaded_by uuid REFERENCES accounts(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX evidence_files_registration ON evidence_files (registration_id)`);

    // One row per certificate revision; the PDF is small (well under 200 KB) and kept with its row.
    await q.query(`
      CREATE TABLE certificates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES persons(id),
        revision int NOT NULL CHECK (revision > 0),
        verification_code text NOT NULL UNIQUE CHECK (verification_code ~ '^[A-Z2-9]{10}$'),
        -- What the certificate states, frozen at issue: number, name, register, variants, validity.
        snapshot jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'rendered', 'failed')),
        pdf bytea,
        pdf_sha256 text,
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        issued_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        rendered_at timestamptz,
        UNIQUE (person_id, revision),
        CHECK ((status = 'rendered') = (pdf IS NOT NULL))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS certificates`);
    await q.query(`DROP TABLE IF EXISTS evidence_files`);
    await q.query(`ALTER TABLE email_outbox DROP COLUMN IF EXISTS params`);
    await q.query(`DROP INDEX IF EXISTS registrations_concepts`);
    await q.query(`DROP INDEX IF EXISTS registrations_queue`);
    for (const c of ['concept_warning_sent_at', 'decided_by', 'decided_at', 'staff_question', 'application']) {
      await q.query(`ALTER TABLE registrations DROP COLUMN IF EXISTS ${c}`);
    }
  }
}
