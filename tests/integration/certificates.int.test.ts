import { createHash } from 'node:crypto';
import { expect } from 'chai';
import { UnrecoverableError, type Job } from 'bullmq';
import type { DataSource } from 'typeorm';
import { issueCertificateRevision } from '../../server/db/repositories/certificates.repository.js';
import { enqueueOn, JOBS } from '../../server/jobs/registry.js';
import { createLogger } from '../../server/logger.js';
import { createCertificateHandler } from '../../workers/certificates/certificate.handler.js';
import { resetDatabase } from '../helpers/database.js';
import { readPdf } from '../helpers/pdf.js';
import { oidcLogin } from '../helpers/http-session.js';
import { startTestApp, waitFor, type TestApp } from '../helpers/test-app.js';

interface CertificateRow {
  id: string;
  revision: number;
  status: 'pending' | 'rendered' | 'failed';
  attempts: number;
  verification_code: string;
  last_error: string | null;
  pdf: Buffer | null;
  pdf_sha256: string | null;
}

interface VerifyBody {
  entry: { registrationNumber: string; name: string; status: string };
  code: null | { value: string; status: 'current' | 'superseded' | 'unknown'; revision: number | null; issuedOn: string | null; newestRevision: number | null };
}


const ISSUED_ON = '2025-11-21';
const silent = createLogger({ logLevel: 'silent' }, 'test');
const fakeJob = (data: unknown) => ({ data, id: 'x', attemptsMade: 0, opts: {} }) as unknown as Job;

function helpers(db: () => DataSource) {
  return {
    person: async (seedKey: string): Promise<{ id: string; number: string }> => {
      const [row] = (await db().query(`SELECT id, registration_number FROM persons WHERE seed_key = $1`, [seedKey])) as Array<{ id: string; registration_number: string }>;
      return { id: row!.id, number: row!.registration_number };
    },
    issue: (personId: string, issuedOn = ISSUED_ON) => {
      return db().transaction((m) => issueCertificateRevision(m, personId, issuedOn));
    },
    row: async (id: string): Promise<CertificateRow> => {
      const [row] = (await db().query(
        `SELECT id, revision, status, attempts, verification_code, last_error, pdf, pdf_sha256 FROM certificates WHERE id = $1`,
        [id],
      )) as CertificateRow[];
      return row!;
    },
  };
}

describe('certificates: issuing, rendering and verifying', () => {
  let app: TestApp;
  const db = () => app.runtime.dataSource;
  const { person, issue, row } = helpers(db);

  before(async () => {
    app = await startTestApp({ port: 0, workers: true });
    await resetDatabase(app.runtime.dataSource, app.config.oidc.issuer, 10);
    // The seed issues certificates for the demo people; these tests count revisions from none.
    await app.runtime.dataSource.query('DELETE FROM certificates');
  });
  after(() => app?.close());

  const verify = async (number: string, query = '') => {
    const res = await fetch(`${app.url}/api/public/verify/${number}${query}`);
    return { status: res.status, body: (await res.json()) as VerifyBody & { error?: { code: string } } };
  };

  it('renders an issued revision once, even when the same job is enqueued three times', async () => {
    const sanne = await person('seed-person-0');
    const issued = await issue(sanne.id);
    expect(issued).to.deep.include({ revision: 1 });
    const id = issued!.certificateId;
    const queue = app.runtime.queues.certificates;
    await Promise.all([enqueueOn(queue, 'certificate.render', { certificateId: id }), enqueueOn(queue, 'certificate.render', { certificateId: id }), enqueueOn(queue, 'certificate.render', { certificateId: id })]);
    const rendered = await waitFor('certificate rendered', () => row(id), (r) => r.status === 'rendered');
    expect(rendered.attempts).to.equal(1);
    expect(rendered.last_error).to.equal(null);
    const pdf = rendered.pdf!;
    expect(pdf.length).to.be.greaterThan(1000).and.lessThan(200 * 1024);
    expect(rendered.pdf_sha256).to.equal(createHash('sha256').update(pdf).digest('hex'));
    const { text } = await readPdf(pdf);
    for (const expected of [sanne.number, 'Sanne de Vries', rendered.verification_code, 'Register Sociaal Werk', 'Jeugd- en gezinsprofessional (specialisatie)']) {
      expect(text, expected).to.include(expected);
    }
    expect(text).to.include(`${app.config.publicUrl}/verify/${sanne.number}?code=${rendered.verification_code}`);

    // Enqueued again after it was rendered (a replay, a sweep): no second render, no second row.
    await queue.remove(JOBS['certificate.render'].jobId({ certificateId: id }));
    await enqueueOn(queue, 'certificate.render', { certificateId: id });
    await waitFor('job done', () => queue.getJobState(JOBS['certificate.render'].jobId({ certificateId: id })), (s) => s === 'completed');
    expect((await queue.getJob(JOBS['certificate.render'].jobId({ certificateId: id })))?.returnvalue).to.equal('already-rendered');
    const again = await row(id);
    expect(again.attempts).to.equal(1);
    expect(again.pdf!.equals(pdf)).to.equal(true);
    const [count] = (await db().query(`SELECT count(*)::int AS n FROM certificates WHERE person_id = $1`, [sanne.id])) as Array<{ n: number }>;
    expect(count!.n).to.equal(1);
  });

  it('returns the newest revision instead of a new one when nothing it states has changed', async () => {
    const sanne = await person('seed-person-0');
    const first = await issue(sanne.id);
    const second = await issue(sanne.id, '2025-12-01');
    expect(second).to.deep.equal(first);
  });

  it('issues nothing for a person without a registration number or without a public generalist registration', async () => {
    const [fresh] = (await db().query(
      `INSERT INTO persons (given_names, family_name, search_text, sort_key) VALUES ('Nog', 'Niemand', 'nog niemand', 'niemand nog') RETURNING id`,
    )) as Array<{ id: string }>;
    expect(await issue(fresh!.id)).to.equal(null);
    await db().query(`UPDATE persons SET registration_number = '999000001' WHERE id = $1`, [fresh!.id]);
    expect(await issue(fresh!.id)).to.equal(null);
    // Outside a transaction the person row cannot be locked: refused, not silently racy.
    let error: unknown;
    await issueCertificateRevision(db().manager, fresh!.id, ISSUED_ON).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(Error);
  });

  it('tells whether a code is current, superseded or unknown, beside the live public entry', async () => {
    const emre = await person('seed-person-1');
    const sanne = await person('seed-person-0');
    const first = await issue(emre.id);
    const firstCode = (await row(first!.certificateId)).verification_code;

    let res = await verify(emre.number, `?code=${firstCode}`);
    expect(res.status).to.equal(200);
    expect(res.body.entry.name).to.equal('Emre Özdemir');
    expect(res.body.entry.registrationNumber).to.equal(emre.number);
    expect(res.body.code).to.deep.equal({ value: firstCode, status: 'current', revision: 1, issuedOn: ISSUED_ON, newestRevision: 1 });

    // The cycle moves (a reregistration): a new revision, and the old code is superseded.
    await db().query(
      `UPDATE registrations SET cycle_ends_on = cycle_ends_on + interval '5 years', cycle_deadline = cycle_deadline + interval '5 years'
        WHERE person_id = $1`,
      [emre.id],
    );
    const second = await issue(emre.id, '2025-12-01');
    expect(second).to.deep.include({ revision: 2 });
    const secondCode = (await row(second!.certificateId)).verification_code;
    res = await verify(emre.number, `?code=${firstCode}`);
    expect(res.body.code).to.deep.equal({ value: firstCode, status: 'superseded', revision: 1, issuedOn: ISSUED_ON, newestRevision: 2 });
    // Typed by hand: lower case with a dash and a space.
    const typed = `${secondCode.slice(0, 5).toLowerCase()}-${secondCode.slice(5)} `;
    res = await verify(emre.number, `?code=${encodeURIComponent(typed)}`);
    expect(res.body.code).to.deep.equal({ value: secondCode, status: 'current', revision: 2, issuedOn: '2025-12-01', newestRevision: 2 });

    // Someone else's code, and a code nobody has, tell nothing.
    const sanneCode = (await db().query(`SELECT verification_code FROM certificates WHERE person_id = $1 LIMIT 1`, [sanne.id])) as Array<{ verification_code: string }>;
    for (const code of [sanneCode[0]!.verification_code, 'ZZZZZZZZZZ']) {
      res = await verify(emre.number, `?code=${code}`);
      expect(res.status).to.equal(200);
      expect(res.body.code).to.deep.equal({ value: code, status: 'unknown', revision: null, issuedOn: null, newestRevision: 2 });
    }

    res = await verify(emre.number);
    expect(res.status).to.equal(200);
    expect(res.body.code).to.equal(null);
  });

  it('refuses malformed codes and unknown query parameters (400) and unknown numbers (404)', async () => {
    const emre = await person('seed-person-1');
    for (const query of ['?code=ABC', '?code=ABCDEFGHIJ', '?code=ABCDEFGH01', '?code=ZZZZZZZZZZ&code=YYYYYYYYYY', '?other=1']) {
      const res = await verify(emre.number, query);
      expect(res.status, query).to.equal(400);
      expect(res.body.error?.code, query).to.equal('invalid_input');
    }
    expect((await verify('12ab')).status).to.equal(400);
    const missing = await verify('999999999', '?code=ZZZZZZZZZZ');
    expect(missing.status).to.equal(404);
  });

  it('refuses an invalid payload and a missing row as unrecoverable', async () => {
    const handler = createCertificateHandler({ db: db(), publicUrl: app.url, logger: silent });
    for (const data of [{}, { certificateId: 'not-a-uuid' }, { certificateId: '6f1c1c52-5a43-4a57-9c54-5b7c2f7f9a11', extra: 1 }, { outboxId: '6f1c1c52-5a43-4a57-9c54-5b7c2f7f9a11' }]) {
      let error: unknown;
      await handler(fakeJob(data)).catch((e: unknown) => (error = e));
      expect(error, JSON.stringify(data)).to.be.instanceOf(UnrecoverableError);
    }
    let missing: unknown;
    await handler(fakeJob({ certificateId: '6f1c1c52-5a43-4a57-9c54-5b7c2f7f9a11' })).catch((e: unknown) => (missing = e));
    expect(missing).to.be.instanceOf(UnrecoverableError);
  });

  it('keeps the row pending with the reason on a render error and rethrows, so a retry renders that same row', async () => {
    const fatma = await person('seed-person-5');
    const issued = await issue(fatma.id);
    const id = issued!.certificateId;
    const broken = createCertificateHandler({ db: db(), publicUrl: app.url, logger: silent, render: () => Promise.reject(new Error('disk full')) });
    let error: unknown;
    await broken(fakeJob({ certificateId: id })).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(Error).and.not.instanceOf(UnrecoverableError);
    expect(await row(id)).to.deep.include({ status: 'pending', attempts: 1, last_error: 'Error: disk full', pdf: null });

    const handler = createCertificateHandler({ db: db(), publicUrl: app.url, logger: silent });
    expect(await handler(fakeJob({ certificateId: id }))).to.equal('rendered');
    expect(await row(id)).to.deep.include({ status: 'rendered', attempts: 2, last_error: null, revision: 1 });
    expect(await handler(fakeJob({ certificateId: id }))).to.equal('already-rendered');
  });

  it('marks a revision whose snapshot cannot be rendered as failed, through the worker', async () => {
    const emre = await person('seed-person-1');
    const [bad] = (await db().query(
      `INSERT INTO certificates (person_id, revision, verification_code, snapshot, issued_on)
       VALUES ($1, 99, 'QQQQQQQQQQ', '{"name": 42}'::jsonb, $2) RETURNING id`,
      [emre.id, ISSUED_ON],
    )) as Array<{ id: string }>;
    await enqueueOn(app.runtime.queues.certificates, 'certificate.render', { certificateId: bad!.id });
    const failed = await waitFor('certificate failed', () => row(bad!.id), (r) => r.status === 'failed');
    expect(failed.last_error).to.match(/snapshot/);
    expect(failed.attempts).to.equal(1);
    await db().query(`DELETE FROM certificates WHERE id = $1`, [bad!.id]);
  });
});

describe('certificates: the registrant downloads the newest one', () => {
  // The dev OIDC provider only redirects back to the configured port, so this app listens there.
  let app: TestApp;
  const db = () => app.runtime.dataSource;
  const { person, issue, row } = helpers(db);

  before(async () => {
    app = await startTestApp({ workers: true });
    await resetDatabase(app.runtime.dataSource, app.config.oidc.issuer, 10);
    // The seed issues certificates for the demo people; these tests count revisions from none.
    await app.runtime.dataSource.query('DELETE FROM certificates');
  });
  after(() => app?.close());

  it('needs a login', async () => {
    for (const path of ['/api/my/certificate', '/api/my/certificate/status']) {
      const res = await fetch(`${app.url}${path}`);
      expect(res.status, path).to.equal(401);
    }
  });

  it('is 404 without a certificate, 409 while the newest is being prepared, then the PDF of the newest revision', async () => {
    const { session } = await oidcLogin(app.url, 'registrant', 'demo-registrant');
    const get = (path = '') => session.fetch(`${app.url}/api/my/certificate${path}`);

    let res = await get();
    expect(res.status).to.equal(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).to.equal('no_certificate');
    res = await get('/status');
    expect(await res.json()).to.deep.equal({ newest: null });

    const sanne = await person('seed-person-0');
    const issued = await issue(sanne.id);
    const id = issued!.certificateId;
    res = await get();
    expect(res.status).to.equal(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).to.equal('certificate_pending');
    const code = (await row(id)).verification_code;
    res = await get('/status');
    expect(await res.json()).to.deep.equal({ newest: { revision: 1, status: 'pending', issuedOn: ISSUED_ON, verificationCode: code } });

    await enqueueOn(app.runtime.queues.certificates, 'certificate.render', { certificateId: id });
    const rendered = await waitFor('certificate rendered', () => row(id), (r) => r.status === 'rendered');
    res = await get();
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.equal('application/pdf');
    expect(res.headers.get('content-disposition')).to.equal(`attachment; filename="registratiebewijs-${sanne.number}-r1.pdf"`);
    expect(res.headers.get('cache-control')).to.equal('no-store');
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.equals(rendered.pdf!)).to.equal(true);
    expect((await readPdf(body)).text).to.include(code);

    res = await get('?download=1');
    expect(res.status).to.equal(400);
    res = await get('/status?x=1');
    expect(res.status).to.equal(400);
  });

  it('is 404 for a registrant without a person yet, and 403 for an account that is not a registrant', async () => {
    const { session } = await oidcLogin(app.url, `nieuw-${Date.now()}`, 'demo-nieuw');
    const res = await session.fetch(`${app.url}/api/my/certificate`);
    expect(res.status).to.equal(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).to.equal('no_certificate');
    const staff = (await oidcLogin(app.url, 'staff', 'demo-staff')).session;
    const refused = await staff.fetch(`${app.url}/api/my/certificate`);
    expect(refused.status).to.equal(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).to.equal('forbidden');
  });
});
