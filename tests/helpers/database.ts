import type { DataSource } from 'typeorm';
import { seedDatabase } from '../../scripts/lib/seed.js';

/** Every test file starts from the same known rows: reference data from migrations plus a small seed. */
export async function resetDatabase(db: DataSource, issuer: string, registrants = 40, evidenceDir?: string): Promise<void> {
  await db.query(`TRUNCATE audit_events, email_outbox, certificates, evidence_files, measures, registration_status_changes, registrations,
                  organisation_members, organisations, account_roles, accounts, persons, http_sessions RESTART IDENTITY CASCADE`);
  await db.query(`ALTER SEQUENCE registration_number_seq RESTART WITH 100001`);
  await seedDatabase(db, { registrants, issuer, evidenceDir, log: () => undefined });
}
