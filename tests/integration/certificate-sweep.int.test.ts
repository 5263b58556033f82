import { expect } from 'chai';
import { createCertificateSweepHandler } from '../../workers/certificates/certificate-sweep.handler.js';
import { resetDatabase } from '../helpers/database.js';
import { startTestApp, waitFor, type TestApp } from '../helpers/test-app.js';

describe('certificate sweep (scheduled maintenance)', function () {
  this.timeout(60_000);
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ port: 0, workers: true });
    await resetDatabase(app.runtime.dataSource, app.config.oidc.issuer, 40, app.config.evidenceDir);
  });
  after(() => app?.close());

  it('renders the certificates the seed issued for the demo people, which no job was ever enqueued for', async () => {
    const db = app.runtime.dataSource;
    const pending = (await db.query(`SELECT c.id FROM certificates c JOIN persons p ON p.id = c.person_id WHERE p.seed_key = 'seed-person-0' AND c.status = 'pending'`)) as Array<{ id: string }>;
    expect(pending).to.have.length(1);
    // Nothing happens on its own: no job exists for a row made outside the API.
    expect(await app.runtime.certificateQueue.getJob(`certificate-${pending[0]!.id}`)).to.equal(undefined);
    expect(await createCertificateSweepHandler({ db, certificateQueue: app.runtime.certificateQueue })()).to.equal(0);
    await db.query(`UPDATE certificates SET created_at = now() - interval '2 minutes' WHERE status = 'pending'`);
    const swept = await createCertificateSweepHandler({ db, certificateQueue: app.runtime.certificateQueue })();
    expect(swept).to.be.greaterThan(0);
    await waitFor(
      'certificate rendered',
      async () => (await db.query(`SELECT status FROM certificates WHERE id = $1`, [pending[0]!.id])) as Array<{ status: string }>,
      (r) => r[0]?.status === 'rendered',
    );
  });

  it('gives the demo staff queue dossiers with answers and evidence', async () => {
    const rows = (await app.runtime.dataSource.query(
      `SELECT r.application, (SELECT count(*)::int FROM evidence_files e WHERE e.registration_id = r.id) AS files
         FROM registrations r WHERE r.status IN ('submitted', 'in_review')`,
    )) as Array<{ application: { diplomaCode?: string; vogIssuedOn?: string }; files: number }>;
    expect(rows.length).to.be.greaterThan(0);
    for (const r of rows) {
      expect(r.application.diplomaCode).to.be.a('string');
      expect(r.application.vogIssuedOn).to.match(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.files).to.equal(2);
    }
  });
});
