import { expect } from 'chai';
import type { AccreditationDetail, AttendanceUpload, RunAttendance, StaffAccreditation } from '../../server/contract/accreditations.js';
import { addDays, addYears, todayIn } from '../../server/domain/plain-date.js';
import { createLogger } from '../../server/logger.js';
import type { Actor } from '../../server/policies/actor.js';
import { buildServices } from '../../server/services.js';
import { apiClient } from '../helpers/api-client.js';
import { resetDatabase } from '../helpers/database.js';
import { oidcLogin } from '../helpers/http-session.js';
import { clearMail, sentMail } from '../helpers/mail.js';
import { startTestApp, waitFor, type TestApp } from '../helpers/test-app.js';

interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}
type Api = ReturnType<typeof apiClient>;

const today = todayIn('Europe/Amsterdam');

const request = (over: Record<string, unknown> = {}) => ({
  title: 'Motiverende gespreksvoering',
  description: 'Tweedaagse training in motiverende gespreksvoering voor sociaal werkers.',
  form: 'training',
  netContactHours: 7.8,
  variantCodes: ['sociaal-werker'],
  competenceCodes: ['verheldert-vragen', 'eigen-kracht-zelfregie'],
  runs: [{ startsOn: addDays(today, -30), endsOn: addDays(today, -29), place: 'Groningen', online: false }],
  hasFinalTest: false,
  ...over,
});

describe('accreditation: requests, decisions, objections, runs, attendance, agenda', function () {
  this.timeout(120_000);
  let app: TestApp;
  let provider: Api;
  let staff: Api;
  let seq = 0;
  /** Registration numbers of people registered as sociaal werker before the test runs took place. */
  let registered: string[];

  const db = () => app.runtime.dataSource;

  before(async () => {
    app = await startTestApp({ workers: true });
    await resetDatabase(app.runtime.dataSource, app.config.oidc.issuer, 40);
    await clearMail();
    provider = apiClient((await oidcLogin(app.url, 'provider', 'demo-provider')).session, app.url);
    staff = apiClient((await oidcLogin(app.url, 'staff', 'demo-staff')).session, app.url);
    const found = (await db().query(
      `SELECT DISTINCT p.registration_number FROM persons p JOIN registrations r ON r.person_id = p.id JOIN variants v ON v.id = r.variant_id
        WHERE v.code = 'sociaal-werker' AND r.status = 'registered' AND r.registered_on <= $1 ORDER BY 1`,
      [addDays(today, -60)],
    )) as Array<{ registration_number: string }>;
    registered = found.map((r) => r.registration_number);
    expect(registered.length).to.be.greaterThan(5);
  });
  after(() => app?.close());

  /** A provider member of a fresh organisation of this status (a first-time login given the provider role). */
  async function providerOf(status: 'authorised' | 'pending'): Promise<{ api: Api; organisationId: string; accountId: string }> {
    const { session } = await oidcLogin(app.url, `nieuw-accr-${Date.now()}-${++seq}`, 'demo-nieuw');
    const api = apiClient(session, app.url);
    const me = await api.get<{ account: { id: string } }>('/api/me');
    const accountId = me.body.account.id;
    const [org] = (await db().query(
      `INSERT INTO organisations (kind, name, status, authorised_at) VALUES ('provider', $1, $2, CASE WHEN $2 = 'authorised' THEN now() END) RETURNING id`,
      [`Opleider ${Date.now()}-${seq}`, status],
    )) as Array<{ id: string }>;
    await db().query(`INSERT INTO account_roles (account_id, role) VALUES ($1, 'provider') ON CONFLICT DO NOTHING`, [accountId]);
    await db().query(`INSERT INTO organisation_members (organisation_id, account_id, role) VALUES ($1, $2, 'admin')`, [org!.id, accountId]);
    return { api, organisationId: org!.id, accountId };
  }

  async function submitted(over: Record<string, unknown> = {}, as: Api = provider): Promise<AccreditationDetail> {
    const res = await as.post<AccreditationDetail>('/api/provider/accreditations', request(over));
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return res.body;
  }

  async function approved(over: Record<string, unknown> = {}, decision: Record<string, unknown> = {}): Promise<StaffAccreditation> {
    const a = await submitted(over);
    const res = await staff.post<StaffAccreditation>(`/api/staff/accreditations/${a.id}/decision`, {
      decision: 'approve',
      expectedStatus: 'submitted',
      termYears: 1,
      variantCodes: a.variants.map((v) => v.code),
      ...decision,
    });
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    return res.body;
  }

  async function rejected(): Promise<AccreditationDetail> {
    const a = await submitted();
    const res = await staff.post<StaffAccreditation>(`/api/staff/accreditations/${a.id}/decision`, { decision: 'reject', expectedStatus: 'submitted', reason: 'De leerdoelen ontbreken.' });
    expect(res.status).to.equal(200);
    return res.body;
  }

  const csv = (lines: string[]) => Buffer.from(`${lines.join('\n')}\n`);
  const uploadCsv = (api: Api, runId: string, content: Buffer, name = 'aanwezig.csv') => api.upload<AttendanceUpload & ErrorBody>(`/api/provider/runs/${runId}/attendance`, null, content, name, 'text/csv');
  const countActivities = async (accreditationId: string) =>
    ((await db().query(`SELECT count(*)::int AS n FROM cpd_activities WHERE accreditation_id = $1`, [accreditationId])) as Array<{ n: number }>)[0]!.n;

  describe('submitting', () => {
    it('takes a complete request and shows it with the computed points and what may be done', async () => {
      const a = await submitted();
      expect(a).to.include({ status: 'submitted', code: null, points: null, computedPoints: 7.5, netContactHours: 7.8, hasFinalTest: false, finalTestRequired: false });
      expect(a.variants.map((v) => v.code)).to.deep.equal(['sociaal-werker']);
      expect(a.competences.map((c) => c.code)).to.have.members(['verheldert-vragen', 'eigen-kracht-zelfregie']);
      expect(a.runs).to.have.length(1);
      expect(a.can).to.include({ withdraw: true, object: false, addRun: false, uploadAttendance: false });
      const list = await provider.get<{ items: Array<{ id: string; status: string }> }>('/api/provider/accreditations');
      expect(list.body.items.find((i) => i.id === a.id)?.status).to.equal('submitted');
      const audit = (await db().query(`SELECT action FROM audit_events WHERE subject_id = $1`, [a.id])) as Array<{ action: string }>;
      expect(audit.map((r) => r.action)).to.include('accreditation.submitted');
    });

    it('requires a final test for e-learning and for 18 hours or more', async () => {
      for (const over of [{ form: 'e_learning', netContactHours: 2 }, { netContactHours: 18 }]) {
        const res = await provider.post<ErrorBody>('/api/provider/accreditations', request(over));
        expect(res.status).to.equal(422);
        expect(res.body.error.code).to.equal('final_test_required');
      }
      expect((await provider.post('/api/provider/accreditations', request({ form: 'e_learning', netContactHours: 2, hasFinalTest: true }))).status).to.equal(201);
      expect((await provider.post('/api/provider/accreditations', request({ netContactHours: 17.99 }))).status).to.equal(201);
    });

    it('refuses negative, zero, absurd hours and unknown forms, variants and competences', async () => {
      const before = ((await db().query(`SELECT count(*)::int AS n FROM accreditations`)) as Array<{ n: number }>)[0]!.n;
      const cases: Array<[Record<string, unknown>, number, string]> = [
        [{ netContactHours: 0 }, 400, 'invalid_input'],
        [{ netContactHours: -3 }, 400, 'invalid_input'],
        [{ netContactHours: 1e9 }, 400, 'invalid_input'],
        [{ netContactHours: 1.234 }, 400, 'invalid_input'],
        [{ netContactHours: 501, hasFinalTest: true }, 422, 'net_hours_too_high'],
        [{ form: 'sauna' }, 422, 'unknown_form'],
        [{ variantCodes: ['astronaut'] }, 400, 'unknown_variant'],
        [{ variantCodes: [] }, 400, 'invalid_input'],
        [{ competenceCodes: ['vliegen'] }, 422, 'unknown_competence'],
        [{ runs: [] }, 400, 'invalid_input'],
        [{ runs: [{ startsOn: today, endsOn: addDays(today, -1), place: 'X' }] }, 400, 'invalid_input'],
        [{ runs: Array.from({ length: 101 }, () => ({ startsOn: today, endsOn: today, place: 'X' })) }, 422, 'too_many_runs'],
        [{ title: '' }, 400, 'invalid_input'],
        [{ extra: true }, 400, 'invalid_input'],
      ];
      for (const [over, status, code] of cases) {
        const res = await provider.post<ErrorBody>('/api/provider/accreditations', request(over));
        expect(res.status, JSON.stringify(over).slice(0, 80)).to.equal(status);
        expect(res.body.error.code, JSON.stringify(over).slice(0, 80)).to.equal(code);
      }
      expect(((await db().query(`SELECT count(*)::int AS n FROM accreditations`)) as Array<{ n: number }>)[0]!.n).to.equal(before);
    });

    it('refuses a provider whose organisation is not authorised (403), and another organisation (404)', async () => {
      const pending = await providerOf('pending');
      const res = await pending.api.post<ErrorBody>('/api/provider/accreditations', request());
      expect(res.status).to.equal(403);
      expect((await pending.api.get<{ items: unknown[] }>('/api/provider/accreditations')).body.items).to.deep.equal([]);
      const other = await providerOf('authorised');
      const [noord] = (await db().query(`SELECT id FROM organisations WHERE seed_key = 'org-provider-noord'`)) as Array<{ id: string }>;
      expect((await other.api.post<ErrorBody>('/api/provider/accreditations', request({ organisationId: noord!.id }))).status).to.equal(404);
    });

    it("answers 404 for another provider's request on every provider route", async () => {
      const a = await approved();
      const other = await providerOf('authorised');
      const runId = a.runs[0]!.id;
      const calls: Array<[string, string, unknown?]> = [
        ['GET', `/api/provider/accreditations/${a.id}`],
        ['POST', `/api/provider/accreditations/${a.id}/withdraw`, {}],
        ['POST', `/api/provider/accreditations/${a.id}/objection`, { reason: 'Wij zijn het er niet mee eens.' }],
        ['PATCH', `/api/provider/accreditations/${a.id}/agenda`, { inAgenda: false }],
        ['GET', `/api/provider/accreditations/${a.id}/runs`],
        ['POST', `/api/provider/accreditations/${a.id}/runs`, { startsOn: today, endsOn: today, place: 'X' }],
        ['GET', `/api/provider/runs/${runId}/attendance`],
        ['POST', `/api/provider/runs/${runId}/attendance/numbers`, { registrationNumbers: [registered[0]] }],
      ];
      for (const [method, path, body] of calls) expect((await other.api.call(method, path, body)).status, `${method} ${path}`).to.equal(404);
      expect((await uploadCsv(other.api, runId, csv([registered[0]!]))).status).to.equal(404);
      expect(await countActivities(a.id)).to.equal(0);
    });

    it('withdraws an undecided request once; a decided one cannot be withdrawn', async () => {
      const a = await submitted();
      const res = await provider.post<AccreditationDetail>(`/api/provider/accreditations/${a.id}/withdraw`, {});
      expect(res.status).to.equal(200);
      expect(res.body.status).to.equal('withdrawn');
      expect((await provider.post<ErrorBody>(`/api/provider/accreditations/${a.id}/withdraw`, {})).body.error.code).to.equal('not_withdrawable');
      const d = await approved();
      expect((await provider.post<ErrorBody>(`/api/provider/accreditations/${d.id}/withdraw`, {})).status).to.equal(409);
    });
  });

  describe('staff decisions', () => {
    it('shows a request to staff (audited) and approves it: points by the rounding rule, category from the form, term, code, mail', async () => {
      await clearMail();
      const a = await submitted({ variantCodes: ['sociaal-werker', 'jeugd-gezin'] });
      const seen = await staff.get<StaffAccreditation>(`/api/staff/accreditations/${a.id}`);
      expect(seen.status).to.equal(200);
      expect(seen.body.computedPoints).to.equal(7.5);
      expect(seen.body.termYearsAllowed).to.deep.equal([1, 3]);
      expect(seen.body.can.decide).to.equal(true);
      const viewed = (await db().query(`SELECT count(*)::int AS n FROM audit_events WHERE subject_id = $1 AND action = 'accreditation.viewed'`, [a.id])) as Array<{ n: number }>;
      expect(viewed[0]!.n).to.equal(1);

      const res = await staff.post<StaffAccreditation>(`/api/staff/accreditations/${a.id}/decision`, { decision: 'approve', expectedStatus: 'submitted', termYears: 3, variantCodes: ['sociaal-werker'] });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      const d = res.body;
      expect(d).to.include({ status: 'approved', points: 7.5, category: 'deskundigheidsbevordering', subcategory: 'accredited', termYears: 3 });
      expect(d.code).to.match(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      // The first run began 30 days ago, before the decision: the term starts there.
      expect(d.validFrom).to.equal(addDays(today, -30));
      expect(d.validUntil).to.equal(addDays(addYears(addDays(today, -30), 3), -1));
      expect(d.variants.map((v) => v.code)).to.deep.equal(['sociaal-werker']);
      expect(d.decisions).to.have.length(1);
      expect(d.history.map((h) => h.action)).to.include.members(['accreditation.submitted', 'accreditation.approved']);
      const mails = await waitFor('decision mail', sentMail, (m) => m.some((x) => x.text.includes(d.code!)));
      expect(mails.find((x) => x.text.includes(d.code!))!.subject).to.contain('Accreditatie toegekend');
    });

    it('lets staff book the points under another category (specialisme) and refuses an unknown one, a bad term, an unrequested variant', async () => {
      const a = await submitted({ variantCodes: ['jeugd-gezin'] });
      const decide = (body: Record<string, unknown>) => staff.post<StaffAccreditation & ErrorBody>(`/api/staff/accreditations/${a.id}/decision`, { decision: 'approve', expectedStatus: 'submitted', termYears: 1, variantCodes: ['jeugd-gezin'], ...body });
      expect((await decide({ termYears: 2 })).body.error.code).to.equal('invalid_term');
      expect((await decide({ category: 'astrologie' })).body.error.code).to.equal('unknown_category');
      // A subcategory is a cap or floor of the category: a typo or another category's cap would escape the cap.
      expect((await decide({ category: 'deskundigheidsbevordering', subcategory: 'informeel' })).body.error.code).to.equal('unknown_category');
      expect((await decide({ category: 'specialisme', subcategory: 'informal' })).body.error.code).to.equal('unknown_category');
      expect((await decide({ variantCodes: ['sociaal-werker'] })).body.error.code).to.equal('variant_not_requested');
      const ok = await decide({ category: 'specialisme' });
      expect(ok.status).to.equal(200);
      expect(ok.body).to.include({ category: 'specialisme', subcategory: null });
    });

    it('answers 409 to a decision on something already decided, also when two staff decide at once', async () => {
      const a = await submitted();
      const body = { decision: 'approve', expectedStatus: 'submitted', termYears: 1, variantCodes: ['sociaal-werker'] };
      const reject = { decision: 'reject', expectedStatus: 'submitted', reason: 'Onvoldoende onderbouwd.' };
      const [x, y] = await Promise.all([staff.post(`/api/staff/accreditations/${a.id}/decision`, body), staff.post(`/api/staff/accreditations/${a.id}/decision`, reject)]);
      expect([x.status, y.status].sort()).to.deep.equal([200, 409]);
      const again = await staff.post<ErrorBody>(`/api/staff/accreditations/${a.id}/decision`, body);
      expect(again.status).to.equal(409);
      expect(again.body.error.code).to.equal('status_changed');
      const decisions = (await db().query(`SELECT count(*)::int AS n FROM accreditation_decisions WHERE accreditation_id = $1`, [a.id])) as Array<{ n: number }>;
      expect(decisions[0]!.n).to.equal(1);
      // A withdrawn request cannot be decided either.
      const w = await submitted();
      await provider.post(`/api/provider/accreditations/${w.id}/withdraw`, {});
      expect((await staff.post(`/api/staff/accreditations/${w.id}/decision`, { ...body })).status).to.equal(409);
      expect((await staff.get(`/api/staff/accreditations/00000000-0000-4000-8000-000000000000`)).status).to.equal(404);
    });

    it('draws another code when the first one drawn is taken (the unique constraint decides)', async () => {
      const a = await submitted();
      const [staffAccount] = (await db().query(`SELECT account_id AS id FROM account_roles WHERE role = 'staff' LIMIT 1`)) as Array<{ id: string }>;
      const draws = ['NRDM-GV24', 'TEST-CD23'];
      const { approveAccreditation } = await import('../../server/db/repositories/accreditations.repository.js');
      const code = await db().transaction((m) =>
        approveAccreditation(m, a.id, { points: 7.5, category: 'deskundigheidsbevordering', subcategory: null, termYears: 1, validFrom: today, validUntil: addDays(today, 364), decidedBy: staffAccount!.id }, () => draws.shift()!),
      );
      expect(code).to.equal('TEST-CD23');
      expect(draws).to.deep.equal([]);
      const [row] = (await db().query(`SELECT status, code FROM accreditations WHERE id = $1`, [a.id])) as Array<{ status: string; code: string }>;
      expect(row).to.deep.equal({ status: 'approved', code: 'TEST-CD23' });
    });

    it('refuses a rejection without a reason and a malformed decision', async () => {
      const a = await submitted();
      expect((await staff.post<ErrorBody>(`/api/staff/accreditations/${a.id}/decision`, { decision: 'reject', expectedStatus: 'submitted' })).status).to.equal(400);
      expect((await staff.post<ErrorBody>(`/api/staff/accreditations/${a.id}/decision`, { decision: 'reject', expectedStatus: 'submitted', reason: 'nee' })).status).to.equal(400);
      expect((await staff.post<ErrorBody>(`/api/staff/accreditations/${a.id}/decision`, { decision: 'approve', expectedStatus: 'submitted', termYears: 1, variantCodes: [] })).status).to.equal(400);
    });
  });

  describe('objections', () => {
    it('takes an objection to a rejection inside the window; staff refuse it; a second objection is refused', async () => {
      const r = await rejected();
      expect(r.status).to.equal('rejected');
      expect(r.rejectionReason).to.equal('De leerdoelen ontbreken.');
      expect(r.can.object).to.equal(false); // staff see it, but only the provider objects
      const seen = await provider.get<AccreditationDetail>(`/api/provider/accreditations/${r.id}`);
      expect(seen.body.can.object).to.equal(true);
      expect(seen.body.objectionDeadline).to.equal(addDays(today, 56));
      expect((await provider.post<ErrorBody>(`/api/provider/accreditations/${r.id}/objection`, { reason: '' })).status).to.equal(400);
      const res = await provider.post<AccreditationDetail>(`/api/provider/accreditations/${r.id}/objection`, { reason: 'De leerdoelen staan op pagina 2 van de beschrijving.' });
      expect(res.status).to.equal(201);
      expect(res.body.status).to.equal('objection');
      expect(res.body.objections).to.have.length(1);
      // While it is open, a second objection is refused.
      expect((await provider.post<ErrorBody>(`/api/provider/accreditations/${r.id}/objection`, { reason: 'Nogmaals bezwaar.' })).body.error.code).to.equal('objection_already_lodged');
      // Out of order: rejecting an objection as if it were a request.
      expect((await staff.post<ErrorBody>(`/api/staff/accreditations/${r.id}/decision`, { decision: 'reject', expectedStatus: 'submitted', reason: 'Nog steeds niet.' })).body.error.code).to.equal('status_changed');
      const refused = await staff.post<StaffAccreditation>(`/api/staff/accreditations/${r.id}/decision`, { decision: 'refuse_objection', expectedStatus: 'objection', reason: 'Er staan geen toetsbare leerdoelen in.' });
      expect(refused.status).to.equal(200);
      expect(refused.body.status).to.equal('rejected');
      expect(refused.body.decisions.map((d) => d.outcome)).to.deep.equal(['rejected', 'objection_refused']);
      expect(refused.body.objections[0]!.resolvedAt).to.be.a('string');
      expect(refused.body.history.map((h) => h.action)).to.include.members(['accreditation.objection_lodged', 'accreditation.objection_refused']);
      const twice = await provider.post<ErrorBody>(`/api/provider/accreditations/${r.id}/objection`, { reason: 'Nog een keer.' });
      expect(twice.status).to.equal(409);
      expect(twice.body.error.code).to.equal('objection_already_lodged');
    });

    it('lets staff approve on objection', async () => {
      const r = await rejected();
      await provider.post(`/api/provider/accreditations/${r.id}/objection`, { reason: 'Zie de bijgevoegde toets.' });
      const res = await staff.post<StaffAccreditation>(`/api/staff/accreditations/${r.id}/decision`, { decision: 'approve', expectedStatus: 'objection', termYears: 1, variantCodes: ['sociaal-werker'] });
      expect(res.status).to.equal(200);
      expect(res.body.status).to.equal('approved');
      expect(res.body.code).to.be.a('string');
      expect(res.body.objections[0]!.resolvedAt).to.be.a('string');
    });

    it('refuses an objection while undecided and after the window, against a rejection or an approval', async () => {
      const a = await submitted();
      const undecided = await provider.post<ErrorBody>(`/api/provider/accreditations/${a.id}/objection`, { reason: 'Te vroeg bezwaar.' });
      expect(undecided.status).to.equal(409);
      expect(undecided.body.error.code).to.equal('objection_not_possible');
      for (const r of [await rejected(), await approved()]) {
        await db().query(`UPDATE accreditations SET decided_at = now() - interval '57 days' WHERE id = $1`, [r.id]);
        const late = await provider.post<ErrorBody>(`/api/provider/accreditations/${r.id}/objection`, { reason: 'Te laat bezwaar.' });
        expect(late.status, r.status).to.equal(409);
        expect(late.body.error.code).to.equal('objection_window_closed');
        expect(late.body.error.details).to.deep.equal({ deadline: addDays(addDays(today, -57), 56) });
        expect((await provider.get<AccreditationDetail>(`/api/provider/accreditations/${r.id}`)).body.can.object).to.equal(false);
        // On the last day it still can.
        await db().query(`UPDATE accreditations SET decided_at = now() - interval '56 days' WHERE id = $1`, [r.id]);
        expect((await provider.get<AccreditationDetail>(`/api/provider/accreditations/${r.id}`)).body.can.object, r.status).to.equal(true);
      }
    });

    describe('against an approval', () => {
      let sanne: Api;
      let sanneNumber: string;
      /** People registered as sociaal werker who are not Sanne (she logs codes herself below). */
      let others: string[];
      before(async () => {
        sanne = apiClient((await oidcLogin(app.url, 'registrant', 'demo-registrant')).session, app.url);
        sanneNumber = (await sanne.get<{ person: { registrationNumber: string } }>('/api/me')).body.person.registrationNumber;
        others = registered.filter((n) => n !== sanneNumber);
      });
      const bookedPoints = async (accreditationId: string) =>
        (
          (await db().query(
            `SELECT p.registration_number AS n, c.approved_points::float AS points FROM cpd_activities c JOIN persons p ON p.id = c.person_id WHERE c.accreditation_id = $1 ORDER BY 1`,
            [accreditationId],
          )) as Array<{ n: string; points: number }>
        ).map((r) => [r.n, r.points]);
      const object = (id: string, reason = 'Te weinig punten: de pauzes waren al afgetrokken.') => provider.post<AccreditationDetail & ErrorBody>(`/api/provider/accreditations/${id}/objection`, { reason });
      const queued = async () => (await staff.get<{ items: Array<{ kind: string; id: string }> }>('/api/staff/cpd-queue?kind=objection&pageSize=100')).body.items.map((i) => i.id);

      it('keeps the approval usable while the objection is open; staff grant it with more points, a longer term and the variant left out, under the same code', async () => {
        const d = await approved({ variantCodes: ['sociaal-werker', 'jeugd-gezin'] }, { variantCodes: ['sociaal-werker'], termYears: 1 });
        expect(d.requestedVariants.map((v) => v.code)).to.deep.equal(['sociaal-werker', 'jeugd-gezin']);
        await provider.post(`/api/provider/runs/${d.runs[0]!.id}/attendance/numbers`, { registrationNumbers: [others[0]!] });
        const before = await provider.get<AccreditationDetail>(`/api/provider/accreditations/${d.id}`);
        expect(before.body.can.object).to.equal(true);
        expect(before.body.objectionDeadline).to.equal(addDays(today, 56));
        await clearMail();

        const res = await object(d.id);
        expect(res.status, JSON.stringify(res.body)).to.equal(201);
        expect(res.body).to.include({ status: 'approved', objectionOpen: true, code: d.code, points: 7.5 });
        expect(res.body.objections).to.have.length(1);
        expect(res.body.objections[0]).to.include({ against: 'approved', state: 'open', resolvedAt: null, resolution: null, decisionId: d.decisions[0]!.id });
        expect(res.body.can).to.include({ object: false, uploadAttendance: true, addRun: true });
        await waitFor('objection mail', sentMail, (m) => m.some((x) => x.subject.includes('Bezwaar ontvangen') && x.text.includes('blijft geldig')));
        expect((await provider.get<{ items: Array<{ id: string; status: string; objectionOpen: boolean }> }>('/api/provider/accreditations')).body.items.find((i) => i.id === d.id)).to.include({
          status: 'approved',
          objectionOpen: true,
        });

        // Once per decision, also while it is open, and of two at once only one.
        const twice = await object(d.id, 'Nogmaals bezwaar.');
        expect(twice.status).to.equal(409);
        expect(twice.body.error.code).to.equal('objection_already_lodged');

        // The code stays valid meanwhile: for attendance and for a registrant logging it.
        const booked = await provider.post<AttendanceUpload>(`/api/provider/runs/${d.runs[0]!.id}/attendance/numbers`, { registrationNumbers: [others[1]!] });
        expect(booked.body.rows.map((r) => r.outcome)).to.deep.equal(['booked']);
        const logged = await sanne.post<{ status: string }>('/api/my/cpd/activities', { accreditationCode: d.code, completedOn: today });
        expect(logged.status, JSON.stringify(logged.body)).to.equal(201);
        expect(logged.body.status).to.equal('approved');

        // In the staff queue as an objection; staff see what was asked.
        expect(await queued()).to.include(d.id);
        const seen = await staff.get<StaffAccreditation>(`/api/staff/accreditations/${d.id}`);
        expect(seen.body.can.decide).to.equal(true);
        expect(seen.body.requestedVariants.map((v) => v.code)).to.deep.equal(['sociaal-werker', 'jeugd-gezin']);
        expect(seen.body.variants.map((v) => v.code)).to.deep.equal(['sociaal-werker']);

        // Out of order: deciding it as a request, granting without a reason, a corrected number of hours on a request.
        const decide = (body: Record<string, unknown>) => staff.post<StaffAccreditation & ErrorBody>(`/api/staff/accreditations/${d.id}/decision`, body);
        expect((await decide({ decision: 'approve', expectedStatus: 'submitted', termYears: 3, variantCodes: ['sociaal-werker'] })).body.error.code).to.equal('status_changed');
        expect((await decide({ decision: 'reject', expectedStatus: 'submitted', reason: 'Toch maar niet.' })).body.error.code).to.equal('status_changed');
        const noReason = await decide({ decision: 'approve', expectedStatus: 'objection', termYears: 3, variantCodes: ['sociaal-werker'] });
        expect(noReason.status).to.equal(409);
        expect(noReason.body.error.code).to.equal('reason_required');
        expect((await decide({ decision: 'approve', expectedStatus: 'submitted', termYears: 3, variantCodes: ['sociaal-werker'], netContactHours: 12 })).status).to.equal(400);
        expect((await decide({ decision: 'approve', expectedStatus: 'objection', termYears: 3, variantCodes: ['sociaal-werker'], netContactHours: 18, reason: 'Achttien uur.' })).body.error.code).to.equal('final_test_required');
        expect((await decide({ decision: 'approve', expectedStatus: 'objection', termYears: 3, variantCodes: ['schuldhulpverlening'], reason: 'Een andere doelgroep.' })).body.error.code).to.equal('variant_not_requested');

        await clearMail();
        const granted = await decide({ decision: 'approve', expectedStatus: 'objection', termYears: 3, variantCodes: ['sociaal-werker', 'jeugd-gezin'], netContactHours: 12, reason: 'De pauzes waren al afgetrokken: 12 netto uren.' });
        expect(granted.status, JSON.stringify(granted.body)).to.equal(200);
        const g = granted.body;
        expect(g).to.include({ status: 'approved', objectionOpen: false, code: d.code, points: 12, netContactHours: 12, termYears: 3, validFrom: d.validFrom });
        expect(g.validUntil).to.equal(addDays(addYears(d.validFrom!, 3), -1));
        expect(g.variants.map((v) => v.code)).to.deep.equal(['sociaal-werker', 'jeugd-gezin']);
        expect(g.decisions.map((x) => [x.outcome, x.points, x.netContactHours])).to.deep.equal([
          ['approved', 7.5, 7.8],
          ['approved', 12, 12],
        ]);
        expect(g.objections[0]).to.include({ state: 'granted' });
        expect(g.objections[0]!.resolution).to.include({ outcome: 'approved', reason: 'De pauzes waren al afgetrokken: 12 netto uren.', decisionId: g.decisions[1]!.id });
        expect(g.history.map((h) => h.action)).to.include.members(['accreditation.objection_lodged', 'accreditation.objection_granted']);
        const grantAudit = g.history.find((h) => h.action === 'accreditation.objection_granted')!;
        expect(grantAudit.details).to.deep.include({ bookingsRaised: 3 });
        // Bookings made at 7.5 points are raised to the new 12, each audited.
        expect(await bookedPoints(d.id)).to.have.deep.members([others[0]!, others[1]!, sanneNumber].map((n) => [n, 12]));
        const raised = (await db().query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'cpd_activity.points_raised' AND details->>'accreditationId' = $1`, [d.id])) as Array<{ n: number }>;
        expect(raised[0]!.n).to.equal(3);
        await waitFor('decision mail', sentMail, (m) => m.some((x) => x.subject.includes('Besluit op uw bezwaar') && x.text.includes(d.code!) && x.text.includes('12 netto uren')));

        // Decided: out of the queue, no second objection, no second decision.
        expect(await queued()).not.to.include(d.id);
        expect((await object(d.id, 'En nu nog meer punten.')).body.error.code).to.equal('objection_already_lodged');
        expect((await decide({ decision: 'refuse_objection', expectedStatus: 'objection', reason: 'Al besloten.' })).body.error.code).to.equal('status_changed');
        const shown = await provider.get<AccreditationDetail>(`/api/provider/accreditations/${d.id}`);
        expect(shown.body.objections[0]!.state).to.equal('granted');
        expect(shown.body.can.object).to.equal(false);
      });

      it('refuses an objection against an approval with a reason: the approval stays as it was', async () => {
        const d = await approved();
        await object(d.id);
        await clearMail();
        const refused = await staff.post<StaffAccreditation>(`/api/staff/accreditations/${d.id}/decision`, { decision: 'refuse_objection', expectedStatus: 'objection', reason: 'De lunchpauze telt niet als contacttijd.' });
        expect(refused.status, JSON.stringify(refused.body)).to.equal(200);
        expect(refused.body).to.include({ status: 'approved', objectionOpen: false, code: d.code, points: 7.5, validUntil: d.validUntil, rejectionReason: null });
        expect(refused.body.decisions.map((x) => x.outcome)).to.deep.equal(['approved', 'objection_refused']);
        expect(refused.body.objections[0]).to.include({ state: 'refused' });
        expect(refused.body.objections[0]!.resolution).to.include({ outcome: 'objection_refused', reason: 'De lunchpauze telt niet als contacttijd.' });
        await waitFor('refusal mail', sentMail, (m) => m.some((x) => x.subject.includes('Besluit op uw bezwaar') && x.text.includes('blijft zoals die was toegekend')));
        const seen = await provider.get<AccreditationDetail>(`/api/provider/accreditations/${d.id}`);
        expect(seen.body.objections[0]!.resolution!.reason).to.equal('De lunchpauze telt niet als contacttijd.');
        expect(seen.body.can).to.include({ object: false, uploadAttendance: true });
        expect((await staff.post<ErrorBody>(`/api/staff/accreditations/${d.id}/decision`, { decision: 'refuse_objection', expectedStatus: 'objection', reason: 'Nog een keer.' })).body.error.code).to.equal('status_changed');
      });

      it('never lowers points already booked when the objection is granted with fewer; new bookings get the new points', async () => {
        const d = await approved();
        await provider.post(`/api/provider/runs/${d.runs[0]!.id}/attendance/numbers`, { registrationNumbers: [others[2]!] });
        await object(d.id, 'Wij willen een driejarige termijn.');
        const granted = await staff.post<StaffAccreditation>(`/api/staff/accreditations/${d.id}/decision`, {
          decision: 'approve',
          expectedStatus: 'objection',
          termYears: 3,
          variantCodes: ['sociaal-werker'],
          netContactHours: 4,
          reason: 'Drie jaar, maar de netto contacttijd is 4 uur.',
        });
        expect(granted.body).to.include({ points: 4, termYears: 3 });
        await provider.post(`/api/provider/runs/${d.runs[0]!.id}/attendance/numbers`, { registrationNumbers: [others[3]!] });
        expect(await bookedPoints(d.id)).to.have.deep.members([
          [others[2]!, 7.5],
          [others[3]!, 4],
        ]);
      });

      it("answers 404 for another provider's approval and takes one of two objections at once", async () => {
        const d = await approved();
        const stranger = await providerOf('authorised');
        expect((await stranger.api.post<ErrorBody>(`/api/provider/accreditations/${d.id}/objection`, { reason: 'Niet van ons.' })).status).to.equal(404);
        const both = await Promise.all([object(d.id, 'Eerste bezwaar.'), object(d.id, 'Tweede bezwaar.')]);
        expect(both.map((r) => r.status).sort()).to.deep.equal([201, 409]);
        const n = (await db().query(`SELECT count(*)::int AS n FROM accreditation_objections WHERE accreditation_id = $1`, [d.id])) as Array<{ n: number }>;
        expect(n[0]!.n).to.equal(1);
      });
    });
  });

  describe('runs', () => {
    it('adds repeat runs inside the term and refuses them outside it or before approval', async () => {
      const d = await approved();
      const add = (startsOn: string, endsOn: string) => provider.post<ErrorBody & { id: string }>(`/api/provider/accreditations/${d.id}/runs`, { startsOn, endsOn, place: 'Assen', online: true });
      const ok = await add(addDays(today, 10), addDays(today, 11));
      expect(ok.status).to.equal(201);
      expect((await add(d.validUntil!, d.validUntil!)).status).to.equal(201);
      const late = await add(d.validUntil!, addDays(d.validUntil!, 1));
      expect(late.status).to.equal(422);
      expect(late.body.error.code).to.equal('run_outside_validity');
      expect((await add(addDays(d.validFrom!, -1), d.validFrom!)).body.error.code).to.equal('run_outside_validity');
      const runs = await provider.get<{ items: Array<{ id: string; place: string }> }>(`/api/provider/accreditations/${d.id}/runs`);
      expect(runs.body.items).to.have.length(3);
      const pending = await submitted();
      expect((await provider.post<ErrorBody>(`/api/provider/accreditations/${pending.id}/runs`, { startsOn: today, endsOn: today, place: 'Assen' })).body.error.code).to.equal('accreditation_not_approved');
    });
  });

  describe('attendance', () => {
    it('books points once per person from a CSV with a header, BOM and ;, and reports every row', async () => {
      const d = await approved();
      const runId = d.runs[0]!.id;
      const [a, b, c] = registered;
      const lines = ['registratienummer;naam', `${a};Eerste`, `${b};Tweede`, `${a};Eerste nogmaals`, '999999999;Onbekend', 'hallo;wereld', `${Number(c)};zonder voorloopnullen`];
      const content = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), csv(lines)]);
      const res = await uploadCsv(provider, runId, content);
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
      expect(res.body.counts).to.deep.equal({ booked: 3, already_booked: 0, duplicate_in_upload: 1, unknown_number: 1, not_registered: 0, invalid_row: 1 });
      expect(res.body.rows.map((r) => [r.rowNumber, r.outcome])).to.deep.equal([
        [2, 'booked'],
        [3, 'booked'],
        [4, 'duplicate_in_upload'],
        [5, 'unknown_number'],
        [6, 'invalid_row'],
        [7, 'booked'],
      ]);
      const rowsOf = (await db().query(
        `SELECT c.source, c.kind, c.status, c.points::float AS points, c.approved_points::float AS approved, c.category, c.subcategory, to_char(c.completed_on, 'YYYY-MM-DD') AS completed_on,
                c.run_id, (SELECT count(*)::int FROM cpd_activity_competences x WHERE x.activity_id = c.id) AS competences
           FROM cpd_activities c WHERE c.accreditation_id = $1`,
        [d.id],
      )) as Array<Record<string, unknown>>;
      expect(rowsOf).to.have.length(3);
      for (const r of rowsOf) {
        expect(r).to.deep.include({ source: 'attendance', kind: 'accredited', status: 'approved', points: 7.5, approved: 7.5, category: 'deskundigheidsbevordering', subcategory: 'accredited', completed_on: d.runs[0]!.endsOn, run_id: runId, competences: 2 });
      }

      // The same list again books nothing new.
      const again = await uploadCsv(provider, runId, content);
      expect(again.body.counts).to.include({ booked: 0, already_booked: 3, duplicate_in_upload: 1 });
      expect(await countActivities(d.id)).to.equal(3);

      // The provider sees who got points, and the upload history.
      const seen = await provider.get<RunAttendance>(`/api/provider/runs/${runId}/attendance`);
      expect(seen.body.booked.map((x) => x.registrationNumber).sort()).to.deep.equal([a, b, c].sort());
      expect(seen.body.booked[0]!.name).to.be.a('string').and.not.equal('');
      expect(seen.body.uploads).to.have.length(2);
      expect(seen.body.run.bookedCount).to.equal(3);

      // The results are downloadable as CSV, and readable again as JSON.
      const one = await provider.get<AttendanceUpload>(`/api/provider/attendance-uploads/${res.body.id}`);
      expect(one.body.rows).to.have.length(6);
      const dl = await provider.get<string>(`/api/provider/attendance-uploads/${res.body.id}/csv`);
      expect(dl.status).to.equal(200);
      expect(dl.body).to.contain('rij;invoer;registratienummer;uitkomst');
      expect(dl.body).to.contain('onbekend registratienummer');
      const audit = (await db().query(`SELECT count(*)::int AS n FROM audit_events WHERE subject_id = $1 AND action = 'attendance.uploaded'`, [d.id])) as Array<{ n: number }>;
      expect(audit[0]!.n).to.equal(2);
    });

    it('takes , as delimiter and the same list as JSON; refuses people not registered in a target variant', async () => {
      const d = await approved({ variantCodes: ['jeugd-gezin'] });
      const runId = d.runs[0]!.id;
      const [spec] = (await db().query(
        `SELECT p.registration_number AS n FROM persons p JOIN registrations r ON r.person_id = p.id JOIN variants v ON v.id = r.variant_id
          WHERE v.code = 'jeugd-gezin' AND r.status = 'registered' AND r.registered_on <= $1 LIMIT 1`,
        [addDays(today, -60)],
      )) as Array<{ n: string }>;
      const notSpecialist = registered.find((n) => n !== spec?.n)!;
      const res = await uploadCsv(provider, runId, Buffer.from(`${notSpecialist},x\r\n${spec ? `${spec.n},y\r\n` : ''}`));
      expect(res.status).to.equal(201);
      expect(res.body.rows[0]!.outcome).to.equal('not_registered');
      if (spec) expect(res.body.rows[1]!.outcome).to.equal('booked');
      const json = await provider.post<AttendanceUpload>(`/api/provider/runs/${runId}/attendance/numbers`, { registrationNumbers: [notSpecialist, 'garbage', ...(spec ? [spec.n] : [])] });
      expect(json.status).to.equal(201);
      expect(json.body.format).to.equal('json');
      expect(json.body.rows.map((r) => r.outcome)).to.deep.equal(['not_registered', 'invalid_row', ...(spec ? ['already_booked'] : [])]);
    });

    it('refuses wrong encoding, an empty list, too many rows and a file over the limit: nothing booked', async () => {
      const d = await approved();
      const runId = d.runs[0]!.id;
      const latin1 = Buffer.concat([Buffer.from(`${registered[0]};Jos\n${registered[1]};Ren`), Buffer.from([0xe9]), Buffer.from('\n')]);
      const enc = await uploadCsv(provider, runId, latin1);
      expect(enc.status).to.equal(422);
      expect(enc.body.error.code).to.equal('attendance_not_utf8');
      expect((await uploadCsv(provider, runId, Buffer.from('registratienummer\n'))).body.error.code).to.equal('attendance_empty');
      expect((await uploadCsv(provider, runId, Buffer.alloc(0))).status).to.be.oneOf([400, 422]);

      // 50,000 rows (the register allows settings.cpd.attendance.maxRows = 10,000).
      const many = csv(Array.from({ length: 50_000 }, (_, i) => (i < 5 ? registered[i]! : String(100_000_000 + i))));
      const rows = await uploadCsv(provider, runId, many);
      expect(rows.status).to.equal(413);
      expect(rows.body.error.code).to.equal('attendance_too_many_rows');
      expect(rows.body.error.details).to.deep.equal({ maxRows: 10_000 });
      const jsonRows = await provider.post<ErrorBody>(`/api/provider/runs/${runId}/attendance/numbers`, { registrationNumbers: Array.from({ length: 50_000 }, () => registered[0]!) });
      expect(jsonRows.status).to.equal(413);
      expect(jsonRows.body.error.code).to.be.oneOf(['attendance_too_many_rows', 'attendance_too_large']);

      // A JSON body over the byte limit is refused as such, before it is read whole.
      const hugeJson = await provider.post<ErrorBody>(`/api/provider/runs/${runId}/attendance/numbers`, { registrationNumbers: Array.from({ length: 10_000 }, () => 'é'.repeat(200)) });
      expect(hugeJson.status).to.equal(413);
      expect(hugeJson.body.error.code).to.equal('attendance_too_large');

      // A 20 MB file (the limit is settings.cpd.attendance.maxBytes = 2 MB).
      const big = Buffer.concat([csv(registered.slice(0, 5)), Buffer.alloc(20 * 1024 * 1024, 0x20)]);
      const size = await uploadCsv(provider, runId, big);
      expect(size.status).to.equal(413);
      expect(size.body.error.code).to.equal('attendance_too_large');
      expect(await countActivities(d.id)).to.equal(0);
      expect(((await db().query(`SELECT count(*)::int AS n FROM attendance_uploads WHERE run_id = $1`, [runId])) as Array<{ n: number }>)[0]!.n).to.equal(0);
    });

    it('books once when the same list is uploaded twice at the same time', async () => {
      const d = await approved();
      const runId = d.runs[0]!.id;
      const list = csv(registered.slice(0, 6));
      const results = await Promise.all([uploadCsv(provider, runId, list), uploadCsv(provider, runId, list), provider.post<AttendanceUpload>(`/api/provider/runs/${runId}/attendance/numbers`, { registrationNumbers: registered.slice(0, 6) })]);
      for (const r of results) expect(r.status).to.equal(201);
      const booked = results.map((r) => r.body.counts.booked);
      expect(booked.reduce((x, y) => x + y, 0)).to.equal(6);
      expect(await countActivities(d.id)).to.equal(6);
    });

    it('books with the points a staff decision commits while the upload waits, never the points of before', async () => {
      const d = await approved();
      // A decision in progress (as an objection granted with more points): the accreditation is locked and changed.
      const decision = db().createQueryRunner();
      await decision.connect();
      try {
        await decision.startTransaction();
        await decision.query(`SELECT id FROM accreditations WHERE id = $1 FOR UPDATE`, [d.id]);
        await decision.query(`UPDATE accreditations SET points = 9 WHERE id = $1`, [d.id]);
        const upload = provider.post<AttendanceUpload>(`/api/provider/runs/${d.runs[0]!.id}/attendance/numbers`, { registrationNumbers: [registered[4]!] });
        await new Promise((r) => setTimeout(r, 500));
        await decision.commitTransaction();
        const res = await upload;
        expect(res.status, JSON.stringify(res.body)).to.equal(201);
      } finally {
        await decision.release();
      }
      const booked = (await db().query(`SELECT points::float AS p, approved_points::float AS a FROM cpd_activities WHERE accreditation_id = $1`, [d.id])) as Array<{ p: number; a: number }>;
      expect(booked).to.deep.equal([{ p: 9, a: 9 }]);
    });

    it('does not book a registrant twice when they logged the code themselves first', async () => {
      const d = await approved();
      const [p] = (await db().query(`SELECT id FROM persons WHERE registration_number = $1`, [registered[0]])) as Array<{ id: string }>;
      await db().query(
        `INSERT INTO cpd_activities (person_id, register_id, source, kind, title, category, completed_on, points, accreditation_id, status, approved_points)
         SELECT $1, register_id, 'registrant', 'accredited', title, category, $3, points, id, 'approved', points FROM accreditations WHERE id = $2`,
        [p!.id, d.id, today],
      );
      const res = await provider.post<AttendanceUpload>(`/api/provider/runs/${d.runs[0]!.id}/attendance/numbers`, { registrationNumbers: [registered[0]!, registered[1]!] });
      expect(res.body.rows.map((r) => r.outcome)).to.deep.equal(['already_booked', 'booked']);
    });

    it('refuses attendance for an unapproved accreditation and for a run that has not ended', async () => {
      const pending = await submitted();
      expect((await provider.post<ErrorBody>(`/api/provider/runs/${pending.runs[0]!.id}/attendance/numbers`, { registrationNumbers: [registered[0]] })).body.error.code).to.equal('accreditation_not_approved');
      const d = await approved({ runs: [{ startsOn: addDays(today, 5), endsOn: addDays(today, 6), place: 'Zwolle' }] });
      const future = await uploadCsv(provider, d.runs[0]!.id, csv([registered[0]!]));
      expect(future.status).to.equal(409);
      expect(future.body.error.code).to.equal('run_not_finished');
      expect((await provider.get(`/api/provider/runs/00000000-0000-4000-8000-000000000000/attendance`)).status).to.equal(404);
    });

    it('refuses attendance for a planned run that lies past the term staff granted: nothing booked', async () => {
      // Runs planned over more than a year, approved for one year from the first run: the second lies past the term.
      const d = await approved({
        runs: [
          { startsOn: addDays(today, -400), endsOn: addDays(today, -400), place: 'Groningen' },
          { startsOn: addDays(today, -30), endsOn: addDays(today, -29), place: 'Assen' },
        ],
      });
      expect(d.validUntil! < addDays(today, -30)).to.equal(true);
      const late = d.runs[1]!.id;
      const json = await provider.post<ErrorBody>(`/api/provider/runs/${late}/attendance/numbers`, { registrationNumbers: [registered[0]!] });
      expect(json.status).to.equal(422);
      expect(json.body.error.code).to.equal('run_outside_validity');
      const file = await uploadCsv(provider, late, csv([registered[0]!]));
      expect(file.body.error.code).to.equal('run_outside_validity');
      expect(await countActivities(d.id)).to.equal(0);
    });

    it('books for an API-token caller (no account): the upload records the token', async () => {
      const d = await approved();
      const [org] = (await db().query(`SELECT organisation_id AS id FROM accreditations WHERE id = $1`, [d.id])) as Array<{ id: string }>;
      const [creator] = (await db().query(`SELECT account_id AS id FROM organisation_members WHERE organisation_id = $1 LIMIT 1`, [org!.id])) as Array<{ id: string }>;
      const [token] = (await db().query(
        `INSERT INTO api_tokens (organisation_id, name, token_prefix, token_hash, created_by) VALUES ($1, $2, 'vkr_test', repeat('a', 64), $3) RETURNING id`,
        [org!.id, `test-${Date.now()}`, creator!.id],
      )) as Array<{ id: string }>;
      const actor: Actor = { account: null, roles: [], person: null, memberships: [{ organisationId: org!.id, kind: 'provider', role: 'member', authorised: true }], token: { id: token!.id, organisationId: org!.id } };
      const services = buildServices(app.runtime, app.config, createLogger(app.config, 'test'));
      const result = await services.accreditations.uploadJson({ actor, requestId: null }, d.runs[0]!.id, [registered[0]!]);
      expect(result.uploadedBy).to.equal('token');
      expect(result.counts.booked).to.equal(1);
      const [u] = (await db().query(`SELECT uploaded_by, uploaded_by_token FROM attendance_uploads WHERE id = $1`, [result.id])) as Array<{ uploaded_by: string | null; uploaded_by_token: string }>;
      expect(u).to.deep.equal({ uploaded_by: null, uploaded_by_token: token!.id });
      // A token of another organisation sees nothing.
      const stranger: Actor = { ...actor, memberships: [{ ...actor.memberships[0]!, organisationId: '00000000-0000-4000-8000-000000000000' }], token: { id: token!.id, organisationId: '00000000-0000-4000-8000-000000000000' } };
      let code: string | null = null;
      await services.accreditations.uploadJson({ actor: stranger, requestId: null }, d.runs[0]!.id, [registered[1]!]).catch((err: { code?: string }) => (code = err.code ?? null));
      expect(code).to.equal('not_found');
    });
  });

  describe('demo data', () => {
    it('gives the demo provider approved accreditations, a pending request and an objection, and books Sanne de Vries once', async () => {
      const seeded = (await db().query(`SELECT seed_key, status, code, category FROM accreditations WHERE seed_key LIKE 'seed-accr-%' ORDER BY seed_key`)) as Array<{ seed_key: string; status: string; code: string | null; category: string | null }>;
      expect(seeded.map((r) => [r.seed_key, r.status])).to.deep.equal([
        ['seed-accr-agressie', 'submitted'],
        ['seed-accr-intervisie', 'objection'],
        ['seed-accr-jeugd', 'approved'],
        ['seed-accr-mgv', 'approved'],
        ['seed-accr-netwerk', 'approved'],
        ['seed-accr-schulden', 'approved'],
      ]);
      expect(seeded.find((r) => r.seed_key === 'seed-accr-jeugd')!.category).to.equal('specialisme');
      const sanne = async () =>
        (await db().query(
          `SELECT a.seed_key, c.category, c.status, c.source FROM cpd_activities c JOIN accreditations a ON a.id = c.accreditation_id JOIN persons p ON p.id = c.person_id
            WHERE p.seed_key = 'seed-person-0' AND a.seed_key LIKE 'seed-accr-%' ORDER BY a.seed_key`,
        )) as Array<{ seed_key: string; category: string; status: string; source: string }>;
      const booked = await sanne();
      expect(booked.map((r) => r.seed_key)).to.deep.equal(['seed-accr-jeugd', 'seed-accr-mgv', 'seed-accr-netwerk']);
      for (const r of booked) expect(r).to.include({ status: 'approved', source: 'attendance' });
      // Seeding again adds nothing.
      const { seedAccreditation } = await import('../../scripts/lib/seed-accreditation.js');
      await seedAccreditation(db(), () => undefined);
      expect(await sanne()).to.have.length(3);
      expect(((await db().query(`SELECT count(*)::int AS n FROM accreditations WHERE seed_key LIKE 'seed-accr-%'`)) as Array<{ n: number }>)[0]!.n).to.equal(6);
      const list = await provider.get<{ items: Array<{ code: string | null }> }>('/api/provider/accreditations');
      expect(list.body.items.map((i) => i.code)).to.include.members(['NRDM-GV24', 'NRDS-NW35', 'NRDJ-GZ86', 'NRDE-LR47']);
    });
  });

  describe('public agenda', () => {
    it('lists approved accreditations with upcoming runs, filtered, and leaves out those the provider opted out', async () => {
      const title = `Agenda-test ${Date.now()}`;
      const d = await approved({
        title,
        competenceCodes: ['sociale-netwerken'],
        runs: [
          { startsOn: addDays(today, -2), endsOn: addDays(today, -1), place: 'Leeuwarden' },
          { startsOn: addDays(today, 20), endsOn: addDays(today, 20), place: 'Leeuwarden' },
          { startsOn: addDays(today, 40), endsOn: addDays(today, 40), place: 'Emmen' },
        ],
      });
      const find = async (query: string) => {
        const res = await apiClient(new (await import('../helpers/http-session.js')).HttpSession(), app.url).get<{ items: Array<{ code: string; title: string; runs: Array<{ place: string }> }>; total: number }>(`/api/public/agenda?${query}`);
        expect(res.status).to.equal(200);
        return res.body.items.find((i) => i.title === title) ?? null;
      };
      const all = await find(`q=${encodeURIComponent(title)}`);
      expect(all?.code).to.equal(d.code);
      expect(all!.runs.map((r) => r.place)).to.deep.equal(['Leeuwarden', 'Emmen']);
      expect((await find(`q=${encodeURIComponent(title)}&place=emmen`))!.runs).to.have.length(1);
      expect(await find(`q=${encodeURIComponent(title)}&place=Zwolle`)).to.equal(null);
      expect(await find(`q=${encodeURIComponent(title)}&competence=sociale-netwerken&variant=sociaal-werker`)).to.not.equal(null);
      expect(await find(`q=${encodeURIComponent(title)}&competence=samenwerking`)).to.equal(null);
      expect(await find(`q=${encodeURIComponent(title)}&variant=jeugd-gezin`)).to.equal(null);
      expect((await find(`q=${encodeURIComponent(title)}&from=${addDays(today, 30)}`))!.runs).to.have.length(1);
      expect(await find(`q=${encodeURIComponent(title)}&to=${addDays(today, 10)}`)).to.equal(null);
      const off = await provider.patch<AccreditationDetail>(`/api/provider/accreditations/${d.id}/agenda`, { inAgenda: false });
      expect(off.body.inAgenda).to.equal(false);
      expect(await find(`q=${encodeURIComponent(title)}`)).to.equal(null);
      await provider.patch(`/api/provider/accreditations/${d.id}/agenda`, { inAgenda: true });
      expect(await find(`q=${encodeURIComponent(title)}`)).to.not.equal(null);
      // A run planned past the term staff granted earns no points: the agenda does not offer it.
      const pastTerm = `Agenda-termijn ${Date.now()}`;
      await approved({
        title: pastTerm,
        runs: [
          { startsOn: addDays(today, -200), endsOn: addDays(today, -200), place: 'Groningen' },
          { startsOn: addDays(today, 100), endsOn: addDays(today, 100), place: 'Groningen' },
          { startsOn: addDays(today, 200), endsOn: addDays(today, 200), place: 'Assen' },
        ],
      });
      const listed = await apiClient(new (await import('../helpers/http-session.js')).HttpSession(), app.url).get<{ items: Array<{ title: string; runs: Array<{ place: string }> }> }>(
        `/api/public/agenda?q=${encodeURIComponent(pastTerm)}`,
      );
      expect(listed.body.items.find((i) => i.title === pastTerm)!.runs.map((r) => r.place)).to.deep.equal(['Groningen']);
      const bad = await provider.get<ErrorBody>(`/api/public/agenda?from=2026-02-30`);
      expect(bad.status).to.equal(400);
      expect((await provider.get<ErrorBody>(`/api/public/agenda?pageSize=500`)).status).to.equal(400);
      expect((await provider.get<ErrorBody>(`/api/public/agenda?q=${encodeURIComponent('100%_')}`)).status).to.equal(200);
    });
  });
});
