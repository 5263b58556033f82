import { expect } from 'chai';
import { addMonths, todayIn } from '../../server/domain/plain-date.js';
import { apiClient } from '../helpers/api-client.js';
import { resetDatabase } from '../helpers/database.js';
import { EXE, JPEG, PDF, PDF_HEADER_ONLY, PNG, TEXT } from '../helpers/files.js';
import { oidcLogin } from '../helpers/http-session.js';
import { clearMail, sentMail } from '../helpers/mail.js';
import { startTestApp, waitFor, type TestApp } from '../helpers/test-app.js';
import { completeAnswers } from '../helpers/answers.js';

interface Detail {
  id: string;
  status: string;
  nextStep: string;
  staffQuestion: string | null;
  conceptExpiresOn: string | null;
  registrationNumber: string | null;
  completeness: { complete: boolean; issues: Array<{ field: string; code: string }> };
  evidence: Array<{ id: string; kind: string; contentType: string; originalName: string }>;
  cycle: { startsOn: string; endsOn: string; deadline: string } | null;
}
interface ErrorBody {
  error: { code: string; message: string; details?: Array<{ field?: string; code: string; path?: string }> };
}

const today = todayIn('Europe/Amsterdam');
const person = (n: string) => ({ givenNames: 'Lotte', prefix: 'van', familyName: `Dijk${n}`, email: `lotte.${n}@example.nl` });

describe('applications: apply, review, register', function () {
  this.timeout(60_000);
  let app: TestApp;
  let seq = 0;

  before(async () => {
    app = await startTestApp({ workers: true });
    await resetDatabase(app.runtime.dataSource, app.config.oidc.issuer, 10);
    await clearMail();
  });
  after(() => app?.close());

  async function registrant() {
    const username = `nieuw-app-${Date.now()}-${++seq}`;
    const { session } = await oidcLogin(app.url, username, 'demo-nieuw');
    return { api: apiClient(session, app.url), username, n: `${Date.now()}${seq}` };
  }
  async function staff() {
    return apiClient((await oidcLogin(app.url, 'staff', 'demo-staff')).session, app.url);
  }
  /** A complete generalist application, submitted. */
  async function submitted() {
    const r = await registrant();
    const created = await r.api.post<Detail>('/api/my/registrations', { variantCode: 'sociaal-werker' });
    expect(created.status).to.equal(201);
    const id = created.body.id;
    expect((await r.api.patch(`/api/my/registrations/${id}`, { person: person(r.n), application: completeAnswers })).status).to.equal(200);
    expect((await r.api.upload(`/api/my/registrations/${id}/evidence`, 'diploma', PDF, 'diploma.pdf')).status).to.equal(201);
    expect((await r.api.upload(`/api/my/registrations/${id}/evidence`, 'vog', PNG, 'vog.png')).status).to.equal(201);
    const sub = await r.api.post<Detail>(`/api/my/registrations/${id}/submit`);
    expect(sub.status, JSON.stringify(sub.body)).to.equal(200);
    return { ...r, id };
  }

  it('lists the variants with their configured criteria, without login', async () => {
    const res = await fetch(`${app.url}/api/variants`);
    const body = (await res.json()) as { items: Array<{ code: string; kind: string; criteria: { vogMaxAgeMonths: number } }> };
    expect(body.items.map((v) => v.code)).to.include.members(['sociaal-werker', 'jeugd-gezin', 'maatschappelijk-werk', 'schuldhulpverlening', 'ggz-agoog']);
    expect(body.items.find((v) => v.code === 'jeugd-gezin')!.criteria.vogMaxAgeMonths).to.equal(3);
  });

  it('saves a concept, shows what is missing, refuses an empty or incomplete submission, and accepts a complete one', async () => {
    const r = await registrant();
    const created = await r.api.post<Detail>('/api/my/registrations', { variantCode: 'sociaal-werker' });
    expect(created.status).to.equal(201);
    expect(created.body).to.include({ status: 'concept', nextStep: 'complete_and_submit' });
    expect(created.body.conceptExpiresOn).to.match(/^\d{4}-\d{2}-\d{2}$/);
    const id = created.body.id;
    const empty = await r.api.post<ErrorBody>(`/api/my/registrations/${id}/submit`);
    expect(empty.status).to.equal(422);
    expect(empty.body.error.code).to.equal('application_incomplete');
    expect(empty.body.error.details!.map((i) => i.code)).to.include.members(['required', 'evidence_required', 'declaration_required']);

    const old = await r.api.patch<Detail>(`/api/my/registrations/${id}`, { person: person(r.n), application: { ...completeAnswers, vogIssuedOn: addMonths(today, -13) } });
    expect(old.status).to.equal(200);
    await r.api.upload(`/api/my/registrations/${id}/evidence`, 'diploma', JPEG, 'diploma.jpg');
    await r.api.upload(`/api/my/registrations/${id}/evidence`, 'vog', PDF, 'vog.pdf');
    const tooOld = await r.api.post<ErrorBody>(`/api/my/registrations/${id}/submit`);
    expect(tooOld.status).to.equal(422);
    expect(tooOld.body.error.details).to.deep.equal([{ field: 'vogIssuedOn', code: 'vog_too_old', message: 'Your VOG is older than 12 months; request a new one.' }]);

    await r.api.patch(`/api/my/registrations/${id}`, { application: completeAnswers });
    const ok = await r.api.post<Detail>(`/api/my/registrations/${id}/submit`);
    expect(ok.status).to.equal(200);
    expect(ok.body).to.include({ status: 'submitted', nextStep: 'wait_for_review' });
    await waitFor('submission mail', sentMail, (m) => m.some((x) => x.to.includes(`lotte.${r.n}@example.nl`) && x.subject.startsWith('Aanvraag ontvangen')));

    const again = await r.api.post<ErrorBody>(`/api/my/registrations/${id}/submit`);
    expect(again.status).to.equal(409);
    expect(again.body.error.code).to.equal('already_submitted');
    expect((await r.api.patch<ErrorBody>(`/api/my/registrations/${id}`, { application: completeAnswers })).body.error.code).to.equal('not_editable');
    expect((await r.api.upload<ErrorBody>(`/api/my/registrations/${id}/evidence`, 'vog', PDF, 'vog.pdf')).status).to.equal(409);
  });

  it('refuses a second application for the same variant, also when two arrive at once', async () => {
    const r = await registrant();
    const [a, b] = await Promise.all([r.api.post('/api/my/registrations', { variantCode: 'sociaal-werker' }), r.api.post('/api/my/registrations', { variantCode: 'sociaal-werker' })]);
    expect([a.status, b.status].sort()).to.deep.equal([201, 409]);
    const third = await r.api.post<ErrorBody>('/api/my/registrations', { variantCode: 'sociaal-werker' });
    expect(third.body.error.code).to.equal('already_exists');
    const mine = await r.api.get<{ items: unknown[] }>('/api/my/registrations');
    expect(mine.body.items).to.have.length(1);
  });

  it('refuses a specialist application without an active generalist registration', async () => {
    const r = await registrant();
    const res = await r.api.post<ErrorBody>('/api/my/registrations', { variantCode: 'jeugd-gezin' });
    expect(res.status).to.equal(422);
    expect(res.body.error.code).to.equal('generalist_required');
    expect((await r.api.post<ErrorBody>('/api/my/registrations', { variantCode: 'bestaat-niet' })).body.error.code).to.equal('unknown_variant');
  });

  describe('evidence uploads', () => {
    let r: Awaited<ReturnType<typeof registrant>>;
    let id: string;
    before(async () => {
      r = await registrant();
      id = (await r.api.post<Detail>('/api/my/registrations', { variantCode: 'sociaal-werker' })).body.id;
    });

    it('accepts PDF, JPEG and PNG by their content, and lists them', async () => {
      for (const [content, name, type] of [[PDF, 'a.pdf', 'application/pdf'], [JPEG, 'b.jpg', 'image/jpeg'], [PNG, 'c.png', 'image/png']] as const) {
        const res = await r.api.upload<{ contentType: string }>(`/api/my/registrations/${id}/evidence`, 'diploma', content, name);
        expect(res.status).to.equal(201);
        expect(res.body.contentType).to.equal(type);
      }
      const detail = await r.api.get<Detail>(`/api/my/registrations/${id}`);
      expect(detail.body.evidence.map((e) => e.originalName)).to.deep.equal(['a.pdf', 'b.jpg', 'c.png']);
    });

    it('refuses a file whose name lies about its content (415) and keeps nothing', async () => {
      for (const [content, name] of [[TEXT, 'diploma.pdf'], [EXE, 'vog.png'], [Buffer.concat([Buffer.from('%PDX'), PDF]), 'scan.pdf']] as const) {
        const res = await r.api.upload<ErrorBody>(`/api/my/registrations/${id}/evidence`, 'vog', content, name, 'application/pdf');
        expect(res.status, name).to.equal(415);
        expect(res.body.error.code).to.equal('unsupported_file_type');
      }
      const detail = await r.api.get<Detail>(`/api/my/registrations/${id}`);
      expect(detail.body.evidence.filter((e) => e.kind === 'vog')).to.deep.equal([]);
    });

    it('refuses a file that only starts like a PDF, JPEG or PNG (422 unreadable_file) and keeps nothing', async () => {
      const before = (await r.api.get<Detail>(`/api/my/registrations/${id}`)).body.evidence.length;
      const files = (await app.runtime.dataSource.query(`SELECT count(*)::int AS n FROM evidence_files`)) as Array<{ n: number }>;
      const cases: Array<[Buffer, string, RegExp]> = [
        [PDF_HEADER_ONLY, 'diploma.pdf', /PDF/],
        [PDF.subarray(0, PDF.length - 10), 'cut.pdf', /end-of-file marker/],
        [JPEG.subarray(0, JPEG.length - 2), 'cut.jpg', /end-of-image marker/],
        [Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex'), 'fake.jpg', /no image frame/],
        [PNG.subarray(0, PNG.length - 12), 'cut.png', /IEND/],
      ];
      for (const [content, name, reason] of cases) {
        const res = await r.api.upload<ErrorBody>(`/api/my/registrations/${id}/evidence`, 'vog', content, name);
        expect(res.status, name).to.equal(422);
        expect(res.body.error.code, name).to.equal('unreadable_file');
        expect(res.body.error.message, name).to.match(reason);
      }
      expect((await r.api.get<Detail>(`/api/my/registrations/${id}`)).body.evidence).to.have.length(before);
      expect((await app.runtime.dataSource.query(`SELECT count(*)::int AS n FROM evidence_files`)) as Array<{ n: number }>).to.deep.equal(files);
    });

    it('refuses a file over 10 MB (413), an empty file, a missing file and an unknown kind', async () => {
      const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
      const res = await r.api.upload<ErrorBody>(`/api/my/registrations/${id}/evidence`, 'vog', big, 'big.pdf');
      expect(res.status).to.equal(413);
      expect(res.body.error.code).to.equal('file_too_large');
      expect((await r.api.upload<ErrorBody>(`/api/my/registrations/${id}/evidence`, 'vog', Buffer.alloc(0), 'empty.pdf')).status).to.equal(400);
      expect((await r.api.upload<ErrorBody>(`/api/my/registrations/${id}/evidence`, 'post-hbo-certificate', PDF, 'x.pdf')).body.error.code).to.equal('invalid_evidence_kind');
      expect((await r.api.upload<ErrorBody>(`/api/my/registrations/${id}/evidence`, null, PDF, 'x.pdf')).status).to.equal(400);
      expect((await r.api.post<ErrorBody>(`/api/my/registrations/${id}/evidence`, { kind: 'vog' })).body.error.code).to.equal('file_required');
    });

    it("takes the limit from the register's settings, tells it in the application, and checks it before reading", async () => {
      const db = app.runtime.dataSource;
      const setLimit = (bytes: number) => db.query(`UPDATE registers SET settings = jsonb_set(settings, '{evidence,maxBytes}', to_jsonb($1::int))`, [bytes]);
      await setLimit(1024 * 1024);
      try {
        expect((await r.api.get<Detail & { evidenceMaxBytes: number }>(`/api/my/registrations/${id}`)).body.evidenceMaxBytes).to.equal(1024 * 1024);
        const twoMb = Buffer.concat([PDF, Buffer.alloc(2 * 1024 * 1024)]);
        const res = await r.api.upload<ErrorBody>(`/api/my/registrations/${id}/evidence`, 'vog', twoMb, 'scan.pdf');
        expect(res.status).to.equal(413);
        expect(res.body.error.message).to.equal('A file may be at most 1 MB.');
        // Someone else's application is refused as unknown, whatever the upload.
        const other = await registrant();
        expect((await other.api.upload<ErrorBody>(`/api/my/registrations/${id}/evidence`, 'vog', PDF, 'x.pdf')).status).to.equal(404);
      } finally {
        await setLimit(10 * 1024 * 1024);
      }
      expect((await r.api.get<Detail & { evidenceMaxBytes: number }>(`/api/my/registrations/${id}`)).body.evidenceMaxBytes).to.equal(10 * 1024 * 1024);
    });

    it('serves evidence to its owner only; another registrant gets 404 for the application and its files', async () => {
      const detail = await r.api.get<Detail>(`/api/my/registrations/${id}`);
      const evidence = detail.body.evidence[0]!;
      const own = await r.api.get<string>(`/api/my/registrations/${id}/evidence/${evidence.id}`);
      expect(own.status).to.equal(200);
      const other = await registrant();
      expect((await other.api.get(`/api/my/registrations/${id}`)).status).to.equal(404);
      expect((await other.api.get(`/api/my/registrations/${id}/evidence/${evidence.id}`)).status).to.equal(404);
      expect((await other.api.patch(`/api/my/registrations/${id}`, { application: {} })).status).to.equal(404);
      expect((await other.api.call('DELETE', `/api/my/registrations/${id}/evidence/${evidence.id}`)).status).to.equal(404);
      expect((await other.api.post(`/api/my/registrations/${id}/submit`)).status).to.equal(404);
      expect((await fetch(`${app.url}/api/my/registrations/${id}`)).status).to.equal(401);
    });

    it('deletes evidence from a concept', async () => {
      const before = (await r.api.get<Detail>(`/api/my/registrations/${id}`)).body.evidence;
      expect((await r.api.call('DELETE', `/api/my/registrations/${id}/evidence/${before[0]!.id}`)).status).to.equal(204);
      expect((await r.api.call('DELETE', `/api/my/registrations/${id}/evidence/${before[0]!.id}`)).status).to.equal(404);
      expect((await r.api.get<Detail>(`/api/my/registrations/${id}`)).body.evidence).to.have.length(before.length - 1);
    });
  });

  it('answers malformed, unknown and oversized input with 400/413', async () => {
    const r = await registrant();
    expect((await r.api.post<ErrorBody>('/api/my/registrations', { variantCode: 'sociaal-werker', extra: 1 })).status).to.equal(400);
    expect((await r.api.post<ErrorBody>('/api/my/registrations', {})).status).to.equal(400);
    expect((await r.api.get('/api/my/registrations/not-a-uuid')).status).to.equal(400);
    const id = (await r.api.post<Detail>('/api/my/registrations', { variantCode: 'sociaal-werker' })).body.id;
    expect((await r.api.patch<ErrorBody>(`/api/my/registrations/${id}`, { application: { vogIssuedOn: '2026-02-30' } })).status).to.equal(400);
    expect((await r.api.patch<ErrorBody>(`/api/my/registrations/${id}`, { application: { requirements: { 'experience-hours': { hours: 5 } } } })).status).to.equal(400);
    expect((await r.api.patch<ErrorBody>(`/api/my/registrations/${id}`, {})).status).to.equal(400);
    expect((await r.api.patch<ErrorBody>(`/api/my/registrations/${id}`, { person: { givenNames: 'x'.repeat(300), familyName: 'y', email: 'bad', prefix: null } })).status).to.equal(400);
    expect((await r.api.patch(`/api/my/registrations/${id}`, { application: { diplomaYear: 2020 }, padding: 'x'.repeat(200_000) })).status).to.equal(413);
  });

  describe('staff', () => {
    it('refuses non-staff (403) and anonymous callers (401)', async () => {
      const r = await registrant();
      for (const path of ['/api/staff/applications', '/api/staff/applications/6f1c1c52-5a43-4a57-9c54-5b7c2f7f9a11']) {
        expect((await r.api.get(path)).status).to.equal(403);
        expect((await fetch(`${app.url}${path}`)).status).to.equal(401);
      }
      expect((await r.api.post('/api/staff/applications/6f1c1c52-5a43-4a57-9c54-5b7c2f7f9a11/decision', { decision: 'approve', expectedStatus: 'submitted' })).status).to.equal(403);
    });

    it('shows the queue oldest first with its age, filterable by variant; dossier and evidence access are audited', async () => {
      const first = await submitted();
      const second = await submitted();
      await app.runtime.dataSource.query(`UPDATE registrations SET submitted_at = now() - interval '20 days' WHERE id = $1`, [first.id]);
      const s = await staff();
      const queue = await s.get<{ items: Array<{ id: string; ageDays: number; variant: { code: string } }>; total: number }>('/api/staff/applications');
      const ids = queue.body.items.map((i) => i.id);
      expect(ids.indexOf(first.id)).to.be.lessThan(ids.indexOf(second.id));
      expect(queue.body.items.find((i) => i.id === first.id)!.ageDays).to.equal(20);
      expect((await s.get<{ total: number }>('/api/staff/applications?variant=ggz-agoog')).body.total).to.equal(0);
      expect((await s.get('/api/staff/applications?status=registered')).status).to.equal(400);
      const dossier = await s.get<Detail>(`/api/staff/applications/${first.id}`);
      expect(dossier.status).to.equal(200);
      const file = await s.get<string>(`/api/staff/applications/${first.id}/evidence/${dossier.body.evidence[0]!.id}`);
      expect(file.status).to.equal(200);
      const audit = (await app.runtime.dataSource.query(`SELECT action FROM audit_events WHERE subject_id = $1 ORDER BY id`, [first.id])) as Array<{ action: string }>;
      expect(audit.map((a) => a.action)).to.include.members(['application.created', 'dossier.viewed', 'evidence.viewed']);
    });

    it('two staff approving at once give exactly one registration and one number; the second gets 409', async () => {
      const app1 = await submitted();
      const [s1, s2] = await Promise.all([staff(), staff()]);
      const decision = { decision: 'approve', expectedStatus: 'submitted' };
      const results = await Promise.all([s1.post<{ registrationNumber: string }>(`/api/staff/applications/${app1.id}/decision`, decision), s2.post<ErrorBody>(`/api/staff/applications/${app1.id}/decision`, decision)]);
      expect(results.map((r) => r.status).sort()).to.deep.equal([200, 409]);
      const winner = results.find((r) => r.status === 200)!.body as { registrationNumber: string; status: string };
      expect(winner.registrationNumber).to.match(/^\d{9}$/);
      const loser = results.find((r) => r.status === 409)!.body as ErrorBody;
      expect(loser.error.code).to.equal('status_changed');
      const changes = (await app.runtime.dataSource.query(`SELECT to_status, actor_kind, actor_account_id FROM registration_status_changes WHERE registration_id = $1 ORDER BY id`, [app1.id])) as Array<{ to_status: string; actor_kind: string; actor_account_id: string | null }>;
      expect(changes.map((c) => c.to_status)).to.deep.equal(['concept', 'submitted', 'in_review', 'registered']);
      expect(changes.slice(2).every((c) => c.actor_kind === 'staff' && c.actor_account_id)).to.equal(true);

      const mine = await app1.api.get<Detail>(`/api/my/registrations/${app1.id}`);
      expect(mine.body).to.include({ status: 'registered', registrationNumber: winner.registrationNumber, nextStep: 'download_certificate' });
      expect(mine.body.cycle!.startsOn).to.equal(today);
      const pub = (await (await fetch(`${app.url}/api/public/register/${winner.registrationNumber}`)).json()) as { status: string; name: string };
      expect(pub).to.include({ status: 'registered', name: `Lotte van Dijk${app1.n}` });
      await waitFor('approval mail', sentMail, (m) => m.some((x) => x.to.includes(`lotte.${app1.n}@example.nl`) && x.subject.startsWith('Je bent geregistreerd')));
      const certificates = (await app.runtime.dataSource.query(`SELECT revision FROM certificates c JOIN persons p ON p.id = c.person_id WHERE p.registration_number = $1`, [winner.registrationNumber])) as unknown[];
      expect(certificates).to.have.length(1);
    });

    it('asks for more information: back to concept with the question, mailed; the registrant completes and resubmits', async () => {
      const a = await submitted();
      const s = await staff();
      expect((await s.post(`/api/staff/applications/${a.id}/decision`, { decision: 'request_info', expectedStatus: 'submitted' })).status).to.equal(400);
      const res = await s.post(`/api/staff/applications/${a.id}/decision`, { decision: 'request_info', expectedStatus: 'submitted', question: 'Stuur ook je cijferlijst mee.' });
      expect(res.status).to.equal(200);
      const mine = await a.api.get<Detail>(`/api/my/registrations/${a.id}`);
      expect(mine.body).to.include({ status: 'concept', staffQuestion: 'Stuur ook je cijferlijst mee.', nextStep: 'answer_question' });
      await waitFor('question mail', sentMail, (m) => m.some((x) => x.to.includes(`lotte.${a.n}@example.nl`) && x.text.includes('Stuur ook je cijferlijst mee.')));
      expect((await a.api.upload(`/api/my/registrations/${a.id}/evidence`, 'diploma', PDF, 'cijferlijst.pdf')).status).to.equal(201);
      const again = await a.api.post<Detail>(`/api/my/registrations/${a.id}/submit`);
      expect(again.body).to.include({ status: 'submitted', staffQuestion: null });
    });

    it('rejects only with a reason; the decision is final and mailed', async () => {
      const a = await submitted();
      const s = await staff();
      expect((await s.post(`/api/staff/applications/${a.id}/decision`, { decision: 'reject', expectedStatus: 'submitted' })).status).to.equal(400);
      expect((await s.post(`/api/staff/applications/${a.id}/decision`, { decision: 'reject', expectedStatus: 'submitted', reason: 'Diploma staat niet op de lijst.' })).status).to.equal(200);
      expect((await s.post<ErrorBody>(`/api/staff/applications/${a.id}/decision`, { decision: 'approve', expectedStatus: 'in_review' })).status).to.equal(409);
      expect((await a.api.get<Detail>(`/api/my/registrations/${a.id}`)).body.status).to.equal('rejected');
      await waitFor('rejection mail', sentMail, (m) => m.some((x) => x.to.includes(`lotte.${a.n}@example.nl`) && x.text.includes('Diploma staat niet op de lijst.')));
      const audit = (await app.runtime.dataSource.query(`SELECT details FROM audit_events WHERE subject_id = $1 AND action = 'application.rejected'`, [a.id])) as Array<{ details: { reason: string } }>;
      expect(audit[0]!.details.reason).to.equal('Diploma staat niet op de lijst.');
      // A new application is allowed after a rejection.
      expect((await a.api.post('/api/my/registrations', { variantCode: 'sociaal-werker' })).status).to.equal(201);
    });

    it('approves a specialist under the generalist: same cycle, same number', async () => {
      const a = await submitted();
      const s = await staff();
      const approved = await s.post<{ registrationNumber: string }>(`/api/staff/applications/${a.id}/decision`, { decision: 'approve', expectedStatus: 'submitted' });
      const spec = await a.api.post<Detail>('/api/my/registrations', { variantCode: 'maatschappelijk-werk' });
      expect(spec.status).to.equal(201);
      const sid = spec.body.id;
      await a.api.patch(`/api/my/registrations/${sid}`, {
        application: { vogIssuedOn: addMonths(today, -1), declarations: completeAnswers.declarations, requirements: { 'experience-hours': { hours: 2080 }, 'training-hours': { hours: 60 } } },
      });
      await a.api.upload(`/api/my/registrations/${sid}/evidence`, 'vog', PDF, 'vog.pdf');
      const missing = await a.api.post<ErrorBody>(`/api/my/registrations/${sid}/submit`);
      expect(missing.body.error.details!.map((d) => d.field)).to.deep.equal(['evidence.employer-statement']);
      await a.api.upload(`/api/my/registrations/${sid}/evidence`, 'employer-statement', PDF, 'verklaring.pdf');
      expect((await a.api.post(`/api/my/registrations/${sid}/submit`)).status).to.equal(200);
      const res = await s.post<{ registrationNumber: string }>(`/api/staff/applications/${sid}/decision`, { decision: 'approve', expectedStatus: 'submitted' });
      expect(res.body.registrationNumber).to.equal(approved.body.registrationNumber);
      const list = await a.api.get<{ items: Detail[] }>('/api/my/registrations');
      const [generalist, specialist] = [list.body.items.find((i) => i.id === a.id)!, list.body.items.find((i) => i.id === sid)!];
      expect(specialist.cycle).to.deep.equal(generalist.cycle);
      const pub = (await (await fetch(`${app.url}/api/public/register/${res.body.registrationNumber}`)).json()) as { variants: Array<{ code: string }> };
      expect(pub.variants.map((v) => v.code)).to.deep.equal(['sociaal-werker', 'maatschappelijk-werk']);
    });
  });
});
