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
    expect(await app.runtime.queues.certificates.getJob(`certificate-${pending[0]!.id}`)).to.equal(undefined);
    expect(await createCertificateSweepHandler({ db, queues: app.runtime.queues })()).to.deep.equal({ reenqueued: 0, reissued: 0, failed: 0 });
    await db.query(`UPDATE certificates SET created_at = now() - interval '2 minutes' WHERE status = 'pending'`);
    const swept = await createCertificateSweepHandler({ db, queues: app.runtime.queues })();
    expect(swept.reenqueued).to.be.greaterThan(0);
    await waitFor(
      'certificate rendered',
      async () => (await db.query(`SELECT status FROM certificates WHERE id = $1`, [pending[0]!.id])) as Array<{ status: string }>,
      (r) => r[0]?.status === 'rendered',
    );
  });

  describe('a change of certified facts outside any flow (noted by the database, taken by the sweep)', () => {
    const db = () => app.runtime.dataSource;
    const sweep = () => createCertificateSweepHandler({ db: db(), queues: app.runtime.queues })();
    const person = async (seedKey: string) =>
      ((await db().query(`SELECT id, registration_number FROM persons WHERE seed_key = $1`, [seedKey])) as Array<{ id: string; registration_number: string }>)[0]!;
    const revisions = async (personId: string) =>
      (await db().query(`SELECT revision, verification_code, status, snapshot FROM certificates WHERE person_id = $1 ORDER BY revision`, [personId])) as Array<{
        revision: number;
        verification_code: string;
        status: string;
        snapshot: { status: string; name: string };
      }>;
    const requests = async () => ((await db().query(`SELECT person_id FROM certificate_refresh_requests`)) as Array<{ person_id: string }>).map((r) => r.person_id);
    const generalistOf = `FROM variants v WHERE r.variant_id = v.id AND v.kind = 'generalist' AND r.person_id = $1`;

    it('issues, audits and renders a new revision when the status changes, and the old code reads superseded', async () => {
      const sanne = await person('seed-person-0');
      await waitFor('first certificate rendered', () => revisions(sanne.id), (r) => r.at(-1)?.status === 'rendered');
      const [first] = await revisions(sanne.id);
      expect(await requests()).to.deep.equal([]);

      await db().query(`UPDATE registrations r SET status = 'suspended' ${generalistOf}`, [sanne.id]);
      expect(await requests()).to.deep.equal([sanne.id]);
      expect(await sweep()).to.deep.include({ reissued: 1, failed: 0 });
      expect(await requests()).to.deep.equal([]);

      const after = await waitFor('second revision rendered', () => revisions(sanne.id), (r) => r.length === 2 && r[1]!.status === 'rendered');
      expect(after[1]!.snapshot.status).to.equal('suspended');
      const audit = (await db().query(`SELECT actor_account_id, details FROM audit_events WHERE action = 'certificate.reissued' AND subject_id = $1`, [sanne.id])) as Array<{
        actor_account_id: string | null;
        details: { revision: number };
      }>;
      expect(audit).to.have.length(1);
      expect(audit[0]).to.deep.include({ actor_account_id: null });
      expect(audit[0]!.details.revision).to.equal(2);

      const verify = (code: string) =>
        fetch(`${app.url}/api/public/verify/${sanne.registration_number}?code=${code}`).then((r) => r.json() as Promise<{ code: { status: string } }>);
      expect((await verify(first!.verification_code)).code.status).to.equal('superseded');
      expect((await verify(after[1]!.verification_code)).code.status).to.equal('current');

      // Nothing changed since: a second sweep issues nothing.
      expect(await sweep()).to.deep.include({ reissued: 0 });
    });

    it('follows a change of name', async () => {
      const sanne = await person('seed-person-0');
      const before = (await revisions(sanne.id)).length;
      await db().query(`UPDATE persons SET family_name = 'Vries-Bakker' WHERE id = $1`, [sanne.id]);
      expect(await sweep()).to.deep.include({ reissued: 1 });
      const after = await revisions(sanne.id);
      expect(after).to.have.length(before + 1);
      expect(after.at(-1)!.snapshot.name).to.equal('Sanne de Vries-Bakker');
    });

    it('notes nothing for changes a certificate does not state, or for people without a certificate', async () => {
      const sanne = await person('seed-person-0');
      await db().query(`UPDATE registrations r SET public_consent = NOT public_consent, updated_at = now() ${generalistOf}`, [sanne.id]);
      const [uncertified] = (await db().query(
        `SELECT p.id FROM persons p WHERE p.registration_number IS NOT NULL AND NOT EXISTS (SELECT 1 FROM certificates c WHERE c.person_id = p.id) LIMIT 1`,
      )) as Array<{ id: string }>;
      await db().query(`UPDATE registrations r SET status = 'suspended' ${generalistOf}`, [uncertified!.id]);
      expect(await requests()).to.deep.equal([]);
    });

    it("re-certifies everyone when a name a certificate states changes, not when another register setting does", async () => {
      await db().query(`UPDATE registers SET settings = jsonb_set(settings, '{evidence,maxBytes}', to_jsonb(5242880))`);
      expect(await requests()).to.deep.equal([]);
      const certified = (await db().query(`SELECT DISTINCT person_id FROM certificates`)) as Array<{ person_id: string }>;
      await db().query(`UPDATE variants SET name = 'Sociaal werker (hbo)' WHERE code = 'sociaal-werker'`);
      try {
        expect((await requests()).sort()).to.deep.equal(certified.map((c) => c.person_id).sort());
        const result = await sweep();
        expect(result.failed).to.equal(0);
        const sanne = await person('seed-person-0');
        expect((await revisions(sanne.id)).at(-1)!.snapshot).to.have.nested.property('variants[0].name', 'Sociaal werker (hbo)');
      } finally {
        await db().query(`UPDATE variants SET name = 'Sociaal werker' WHERE code = 'sociaal-werker'`);
        await db().query(`UPDATE registers SET settings = jsonb_set(settings, '{evidence,maxBytes}', to_jsonb(10485760))`);
        await sweep();
      }
    });

    it('keeps a request that fails (broken register settings) for the next sweep, and takes it once mended', async () => {
      const sanne = await person('seed-person-0');
      const before = (await revisions(sanne.id)).length;
      await db().query(`UPDATE registers SET settings = jsonb_set(settings, '{timeZone}', '"Mars/Olympus_Mons"')`);
      try {
        await db().query(`UPDATE registrations r SET status = 'lapsed' ${generalistOf}`, [sanne.id]);
        expect(await sweep()).to.deep.include({ reissued: 0, failed: 1 });
        expect(await requests()).to.deep.equal([sanne.id]);
        expect(await revisions(sanne.id)).to.have.length(before);
      } finally {
        await db().query(`UPDATE registers SET settings = jsonb_set(settings, '{timeZone}', '"Europe/Amsterdam"')`);
      }
      expect(await sweep()).to.deep.include({ reissued: 1, failed: 0 });
      expect((await revisions(sanne.id)).at(-1)!.snapshot.status).to.equal('lapsed');
      await db().query(`UPDATE registrations r SET status = 'registered' ${generalistOf}`, [sanne.id]);
      await sweep();
    });

    it('keeps certifying under a renamed register code', async () => {
      const sanne = await person('seed-person-0');
      await db().query(`UPDATE registers SET code = 'sociaal-werk-nl' WHERE code = 'sociaal-werk'`);
      try {
        expect(await sweep()).to.deep.include({ failed: 0 });
        expect((await revisions(sanne.id)).at(-1)!.snapshot).to.have.nested.property('register.code', 'sociaal-werk-nl');
      } finally {
        await db().query(`UPDATE registers SET code = 'sociaal-werk' WHERE code = 'sociaal-werk-nl'`);
        await sweep();
      }
      expect((await revisions(sanne.id)).at(-1)!.snapshot).to.have.nested.property('register.code', 'sociaal-werk');
    });
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
