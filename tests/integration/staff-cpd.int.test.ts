import { expect } from 'chai';
import type { CpdQueue, StaffCpdActivity } from '../../server/contract/staff-cpd.js';
import { apiClient } from '../helpers/api-client.js';
import { resetDatabase } from '../helpers/database.js';
import { PDF } from '../helpers/files.js';
import { HttpSession, oidcLogin } from '../helpers/http-session.js';
import { clearMail, sentMail } from '../helpers/mail.js';
import {
  accountIdOf,
  clearCpdQueue,
  daysAgo,
  insertAccreditation,
  insertActivity,
  insertActivityEvidence,
  insertObjection,
  insertOrganisation,
  registeredPersons,
} from '../helpers/staff-cpd.js';
import { startTestApp, waitFor, type TestApp } from '../helpers/test-app.js';

interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}
type Api = ReturnType<typeof apiClient>;
const UNKNOWN = '6f1c1c52-5a43-4a57-9c54-5b7c2f7f9a11';

describe('staff CPD review: the queue and the review of activities', function () {
  this.timeout(90_000);
  let app: TestApp;
  let staff: Api;
  let staff2: Api;
  let registrant: Api;
  let anonymous: Api;
  let people: Array<{ id: string; registrationNumber: string; registerId: string }>;
  let staffAccountId: string;
  let providerAccountId: string;

  const db = () => app.runtime.dataSource;
  const setTarget = (days: number) => db().query(`UPDATE registers SET settings = jsonb_set(settings, '{cpd,review,targetDays}', $1::jsonb)`, [JSON.stringify(days)]);
  const audits = (subjectId: string) =>
    db().query(`SELECT action, actor_account_id, details FROM audit_events WHERE subject_id = $1 ORDER BY id`, [subjectId]) as Promise<Array<{ action: string; actor_account_id: string; details: Record<string, unknown> }>>;

  before(async () => {
    app = await startTestApp({ workers: true });
    await resetDatabase(db(), app.config.oidc.issuer, 12);
    staff = apiClient((await oidcLogin(app.url, 'staff', 'demo-staff')).session, app.url);
    staff2 = apiClient((await oidcLogin(app.url, 'staff', 'demo-staff')).session, app.url);
    registrant = apiClient((await oidcLogin(app.url, 'registrant', 'demo-registrant')).session, app.url);
    anonymous = apiClient(new HttpSession(), app.url);
    people = await registeredPersons(db(), 3);
    staffAccountId = await accountIdOf(db(), 'demo-staff');
    providerAccountId = await accountIdOf(db(), 'demo-provider');
  });
  after(async () => {
    await setTarget(14);
    await app?.close();
  });

  describe('GET /api/staff/cpd-queue', () => {
    let ids: Record<string, string>;
    beforeEach(async () => {
      await setTarget(14);
      await clearCpdQueue(db());
      const [sanne, p1] = people as [(typeof people)[0], (typeof people)[0]];
      const provider = await insertOrganisation(db(), { name: 'Leerhuis Delta', status: 'authorised' });
      ids = {
        organisation: await insertOrganisation(db(), { name: 'Stichting Scholing West', requestedAt: daysAgo(20) }),
        accreditation: await insertAccreditation(db(), { organisationId: provider, registerId: sanne.registerId, title: 'Training huiselijk geweld', submittedAt: daysAgo(10) }),
        activityOld: await insertActivity(db(), { personId: sanne.id, registerId: sanne.registerId, title: 'Cursus schuldhulp', points: 12, createdAt: daysAgo(5) }),
        objection: await insertObjection(db(), { organisationId: provider, registerId: sanne.registerId, title: 'E-learning privacy', staffAccountId, providerAccountId, lodgedAt: daysAgo(3) }),
        activityNew: await insertActivity(db(), {
          personId: p1.id,
          registerId: p1.registerId,
          kind: 'intervision',
          title: 'Intervisie buurtteam',
          category: 'reflectie',
          subcategory: null,
          points: 2,
          sessionMinutes: 120,
          createdAt: daysAgo(1),
        }),
      };
    });

    it('lists all four kinds oldest first (by the time each entered the queue), with subject, age and counts', async () => {
      const res = await staff.get<CpdQueue>('/api/staff/cpd-queue');
      expect(res.status).to.equal(200);
      expect(res.body.items.map((i) => [i.kind, i.id])).to.deep.equal([
        ['organisation', ids.organisation],
        ['accreditation', ids.accreditation],
        ['activity', ids.activityOld],
        ['objection', ids.objection],
        ['activity', ids.activityNew],
      ]);
      const [org, acc, act, obj] = res.body.items;
      expect(org).to.deep.include({ subject: { name: 'Stichting Scholing West', registrationNumber: null }, title: null, ageDays: 20, targetDays: 14, overdue: true, claim: null });
      expect(org!.type).to.deep.equal({ code: 'provider', name: null });
      expect(acc).to.deep.include({ subject: { name: 'Leerhuis Delta', registrationNumber: null }, title: 'Training huiselijk geweld', ageDays: 10, overdue: false });
      expect(acc!.type).to.deep.equal({ code: 'training', name: { nl: 'Training', en: 'Training' } });
      expect(act!.subject.registrationNumber).to.equal(people[0]!.registrationNumber);
      expect(act).to.deep.include({ category: 'deskundigheidsbevordering', claim: { points: 12, hours: null }, ageDays: 5 });
      expect(act!.type!.name!.nl).to.equal('Formele scholing (niet geaccrediteerd)');
      expect(obj).to.deep.include({ title: 'E-learning privacy', ageDays: 3 });
      expect(res.body.total).to.equal(5);
      expect(res.body.targetDays).to.equal(14);
      // The category filter's choices come from the register's norms, not from the client.
      expect(res.body.categories.map((c) => c.code)).to.deep.equal(['deskundigheidsbevordering', 'reflectie', 'werkervaring', 'specialisme']);
      expect(res.body.categories[2]).to.deep.include({ unit: 'hours' });
      expect(res.body.counts).to.deep.equal({
        activity: { total: 2, overdue: 0 },
        accreditation: { total: 1, overdue: 0 },
        objection: { total: 1, overdue: 0 },
        organisation: { total: 1, overdue: 1 },
      });
    });

    it('leaves out what is no longer waiting: decided activities, approved requests, authorised organisations', async () => {
      await insertActivity(db(), { personId: people[0]!.id, registerId: people[0]!.registerId, status: 'approved', createdAt: daysAgo(30) });
      await insertOrganisation(db(), { name: 'Al Goedgekeurd', status: 'authorised', requestedAt: daysAgo(40) });
      const res = await staff.get<CpdQueue>('/api/staff/cpd-queue');
      expect(res.body.total).to.equal(5);
    });

    it('filters by kind, category, overdue and text; counts keep showing every kind', async () => {
      const activities = await staff.get<CpdQueue>('/api/staff/cpd-queue?kind=activity');
      expect(activities.body.items.map((i) => i.id)).to.deep.equal([ids.activityOld, ids.activityNew]);
      expect(activities.body.counts.organisation.total).to.equal(1);
      const reflection = await staff.get<CpdQueue>('/api/staff/cpd-queue?category=reflectie');
      expect(reflection.body.items.map((i) => i.id)).to.deep.equal([ids.activityNew]);
      const overdue = await staff.get<CpdQueue>('/api/staff/cpd-queue?overdue=true');
      expect(overdue.body.items.map((i) => i.id)).to.deep.equal([ids.organisation]);
      const byNumber = await staff.get<CpdQueue>(`/api/staff/cpd-queue?q=${people[1]!.registrationNumber}`);
      expect(byNumber.body.items.map((i) => i.id)).to.deep.equal([ids.activityNew]);
      const byProvider = await staff.get<CpdQueue>('/api/staff/cpd-queue?q=delta');
      expect(byProvider.body.items.map((i) => i.kind)).to.deep.equal(['accreditation', 'objection']);
      expect(byProvider.body.counts.activity.total).to.equal(0);
      const byTitle = await staff.get<CpdQueue>('/api/staff/cpd-queue?q=SCHULDHULP');
      expect(byTitle.body.items.map((i) => i.id)).to.deep.equal([ids.activityOld]);
      const nothing = await staff.get<CpdQueue>('/api/staff/cpd-queue?q=%25_%25');
      expect(nothing.body.total).to.equal(0);
    });

    it('marks overdue against the configured target: change the setting and the same items move', async () => {
      await setTarget(4);
      const res = await staff.get<CpdQueue>('/api/staff/cpd-queue?overdue=true');
      expect(res.body.targetDays).to.equal(4);
      expect(res.body.items.map((i) => i.id)).to.deep.equal([ids.organisation, ids.accreditation, ids.activityOld]);
      expect(res.body.items.every((i) => i.overdue && i.targetDays === 4)).to.equal(true);
      expect(res.body.counts.activity).to.deep.equal({ total: 2, overdue: 1 });
      // Exactly at the target is on time; one day more is late.
      await setTarget(5);
      const at = await staff.get<CpdQueue>('/api/staff/cpd-queue?kind=activity');
      expect(at.body.items.map((i) => [i.ageDays, i.overdue])).to.deep.equal([
        [5, false],
        [1, false],
      ]);
      // The applications queue reads the same target.
      const applications = await staff.get<{ targetDays: number; items: Array<{ ageDays: number; targetDays: number; overdue: boolean }> }>('/api/staff/applications');
      expect(applications.body.targetDays).to.equal(5);
      expect(applications.body.items.every((i) => i.targetDays === 5 && i.overdue === i.ageDays > 5)).to.equal(true);
    });

    it('pages oldest first; past the end the page is empty but total and counts stay', async () => {
      const p1 = await staff.get<CpdQueue>('/api/staff/cpd-queue?pageSize=2');
      const p2 = await staff.get<CpdQueue>('/api/staff/cpd-queue?pageSize=2&page=2');
      const p3 = await staff.get<CpdQueue>('/api/staff/cpd-queue?pageSize=2&page=3');
      expect([...p1.body.items, ...p2.body.items, ...p3.body.items].map((i) => i.id)).to.deep.equal([ids.organisation, ids.accreditation, ids.activityOld, ids.objection, ids.activityNew]);
      expect(p2.body).to.include({ page: 2, pageSize: 2, total: 5 });
      const past = await staff.get<CpdQueue>('/api/staff/cpd-queue?pageSize=2&page=9');
      expect(past.body.items).to.deep.equal([]);
      expect(past.body.total).to.equal(5);
      expect(past.body.counts.activity.total).to.equal(2);
    });

    it('refuses bad query parameters with 400 invalid_input', async () => {
      for (const query of ['kind=cursus', 'overdue=yes', 'page=0', 'pageSize=101', 'pageSize=x', 'category=A%20B', 'q=', `q=${'x'.repeat(101)}`, 'q=a%00b', 'sort=age', 'kind=activity&kind=objection']) {
        const res = await staff.get<ErrorBody>(`/api/staff/cpd-queue?${query}`);
        expect(res.status, query).to.equal(400);
        expect(res.body.error.code, query).to.equal('invalid_input');
      }
    });

    it('is for staff only', async () => {
      expect((await anonymous.get('/api/staff/cpd-queue')).status).to.equal(401);
      expect((await registrant.get('/api/staff/cpd-queue')).status).to.equal(403);
    });
  });

  describe('activity review', () => {
    let sanne: (typeof people)[0];
    before(() => {
      sanne = people[0]!;
    });
    beforeEach(async () => {
      await clearCpdQueue(db());
      await db().query(`DELETE FROM email_outbox`);
    });
    const decide = (api: Api, id: string, body: unknown) => api.post<ErrorBody & { status: string; approvedPoints: number | null; unit: string; staffReason: string | null }>(`/api/staff/cpd/activities/${id}/decision`, body);
    const row = async (id: string) =>
      ((await db().query(`SELECT status, approved_points, staff_reason, decided_by FROM cpd_activities WHERE id = $1`, [id])) as Array<{ status: string; approved_points: string | null; staff_reason: string | null; decided_by: string | null }>)[0]!;
    const outbox = (id: string) => db().query(`SELECT template, to_address, params FROM email_outbox WHERE dedupe_key LIKE $1`, [`cpd-activity-decision:${id}:%`]) as Promise<Array<{ template: string; to_address: string; params: Record<string, unknown> }>>;

    it('shows everything the registrant entered, the evidence and the registrant, and audits the read', async () => {
      const id = await insertActivity(db(), {
        personId: sanne.id,
        registerId: sanne.registerId,
        kind: 'supervision',
        title: 'Groepssupervisie',
        category: 'reflectie',
        subcategory: null,
        points: null,
        hours: 45,
        supervisees: 2,
        sessionMinutes: 90,
        createdAt: daysAgo(16),
      });
      const evidenceId = await insertActivityEvidence(db(), app.config.evidenceDir, id, 'verklaring supervisor.pdf');
      const res = await staff.get<StaffCpdActivity>(`/api/staff/cpd/activities/${id}`);
      expect(res.status).to.equal(200);
      const a = res.body;
      expect(a).to.deep.include({ status: 'pending', title: 'Groepssupervisie', hours: 45, supervisees: 2, sessionMinutes: 90, ageDays: 16, targetDays: 14, overdue: true });
      expect(a.kind).to.deep.equal({ code: 'supervision', name: { nl: 'Supervisie', en: 'Supervision' }, measure: 'supervision' });
      expect(a.category).to.deep.include({ code: 'reflectie', unit: 'points' });
      expect(a.claim).to.deep.equal({ amount: 40, unit: 'points', conversion: { supervisees: 2, hours: 45, points: 40 }, minSessionMinutes: 60 });
      expect(a.evidence).to.have.length(1);
      expect(a.evidence[0]).to.deep.include({ id: evidenceId, originalName: 'verklaring supervisor.pdf', contentType: 'application/pdf' });
      expect(a.registrant).to.deep.include({ personId: sanne.id, name: 'Sanne de Vries', registrationNumber: sanne.registrationNumber });
      expect(a.registrant.variants.map((v) => v.code)).to.include('sociaal-werker');
      expect(a.can).to.deep.equal({ decide: true });
      expect((await audits(id)).map((e) => [e.action, e.actor_account_id])).to.deep.equal([['cpd_activity.viewed', staffAccountId]]);

      const file = await staff.get<string>(`/api/staff/cpd/activities/${id}/evidence/${evidenceId}`);
      expect(file.status).to.equal(200);
      expect(Buffer.from(file.body, 'latin1').subarray(0, 5).toString()).to.equal('%PDF-');
      expect((await audits(id)).map((e) => e.action)).to.deep.equal(['cpd_activity.viewed', 'cpd_activity.evidence_viewed']);
      expect((await audits(id))[1]!.details).to.deep.include({ evidenceId });
    });

    it('answers 404 for an unknown activity, unknown evidence or evidence of another activity, and audits nothing', async () => {
      const id = await insertActivity(db(), { personId: sanne.id, registerId: sanne.registerId });
      const other = await insertActivity(db(), { personId: people[1]!.id, registerId: sanne.registerId });
      const foreign = await insertActivityEvidence(db(), app.config.evidenceDir, other);
      expect((await staff.get(`/api/staff/cpd/activities/${UNKNOWN}`)).status).to.equal(404);
      expect((await staff.get(`/api/staff/cpd/activities/${id}/evidence/${UNKNOWN}`)).status).to.equal(404);
      expect((await staff.get(`/api/staff/cpd/activities/${id}/evidence/${foreign}`)).status).to.equal(404);
      expect((await decide(staff, UNKNOWN, { decision: 'approve', expectedStatus: 'pending' })).status).to.equal(404);
      expect((await staff.get('/api/staff/cpd/activities/not-a-uuid')).status).to.equal(400);
      expect(await audits(id)).to.deep.equal([]);
    });

    it('approve grants the claim, is audited with before and after, and mails the registrant', async () => {
      await clearMail();
      const id = await insertActivity(db(), { personId: sanne.id, registerId: sanne.registerId, title: 'Training mediation', points: 12.5 });
      const res = await decide(staff, id, { decision: 'approve', expectedStatus: 'pending' });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(res.body).to.include({ status: 'approved', approvedPoints: 12.5, unit: 'points', staffReason: null });
      expect(await row(id)).to.deep.equal({ status: 'approved', approved_points: '12.50', staff_reason: null, decided_by: staffAccountId });
      const [event] = await audits(id);
      expect(event!.action).to.equal('cpd_activity.approved');
      expect(event!.details).to.deep.include({ personId: sanne.id, decision: 'approve', claimed: 12.5, unit: 'points' });
      expect(event!.details.before).to.deep.equal({ status: 'pending', approvedPoints: null, staffReason: null });
      expect(event!.details.after).to.deep.equal({ status: 'approved', approvedPoints: 12.5, staffReason: null });
      const [mail] = await outbox(id);
      expect(mail).to.deep.include({ template: 'cpd_activity_approved' });
      const delivered = await waitFor('the approval mail', sentMail, (all) => all.some((m) => m.subject.includes('Training mediation')));
      expect(delivered.find((m) => m.subject.includes('Training mediation'))!.text).to.include('12,5 punten');
    });

    it('adjust grants fewer points with the reason, which reaches the registrant', async () => {
      await clearMail();
      const id = await insertActivity(db(), { personId: sanne.id, registerId: sanne.registerId, title: 'Congres wijkgericht werken', points: 10 });
      const res = await decide(staff, id, { decision: 'adjust', expectedStatus: 'pending', points: 6, reason: 'Lunch en pauzes tellen niet mee.' });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(res.body).to.include({ status: 'adjusted', approvedPoints: 6, staffReason: 'Lunch en pauzes tellen niet mee.' });
      expect(await row(id)).to.include({ status: 'adjusted', approved_points: '6.00', staff_reason: 'Lunch en pauzes tellen niet mee.' });
      const [event] = await audits(id);
      expect(event!.details).to.deep.include({ decision: 'adjust', reason: 'Lunch en pauzes tellen niet mee.' });
      expect(event!.details.after).to.deep.equal({ status: 'adjusted', approvedPoints: 6, staffReason: 'Lunch en pauzes tellen niet mee.' });
      expect((await outbox(id))[0]!.template).to.equal('cpd_activity_adjusted');
      const mails = await waitFor('the adjustment mail', sentMail, (all) => all.some((m) => m.subject.includes('Congres wijkgericht werken')));
      expect(mails.find((m) => m.subject.includes('Congres wijkgericht werken'))!.text).to.include('Lunch en pauzes tellen niet mee.').and.include('6 van de 10 punten');
    });

    it('adjusts work experience in hours, and group supervision in converted points', async () => {
      const work = await insertActivity(db(), {
        personId: sanne.id,
        registerId: sanne.registerId,
        kind: 'work_experience',
        title: 'Werkervaring 2026',
        category: 'werkervaring',
        subcategory: null,
        points: null,
        hours: 1200,
        periodStartsOn: '2026-01-01',
        employerName: 'Welzijn Oost',
      });
      expect((await decide(staff, work, { decision: 'adjust', expectedStatus: 'pending', points: 1200, reason: 'De verklaring dekt minder uren.' })).body.error.code).to.equal('adjustment_not_below_claim');
      const adjusted = await decide(staff, work, { decision: 'adjust', expectedStatus: 'pending', points: 800, reason: 'De verklaring dekt 800 uur.' });
      expect(adjusted.body).to.include({ status: 'adjusted', approvedPoints: 800, unit: 'hours' });

      const supervision = await insertActivity(db(), { personId: sanne.id, registerId: sanne.registerId, kind: 'supervision', category: 'reflectie', subcategory: null, points: null, hours: 45, supervisees: 2, sessionMinutes: 90 });
      const tooMany = await decide(staff, supervision, { decision: 'adjust', expectedStatus: 'pending', points: 45, reason: 'Uren zijn geen punten.' });
      expect(tooMany.status).to.equal(422);
      expect(tooMany.body.error.details).to.deep.include({ claimed: 40, unit: 'points' });
      expect((await decide(staff, supervision, { decision: 'approve', expectedStatus: 'pending' })).body).to.include({ status: 'approved', approvedPoints: 40, unit: 'points' });
    });

    it('refuses an adjustment without a reason, at or above the claim, negative or too precise; nothing changes', async () => {
      const id = await insertActivity(db(), { personId: sanne.id, registerId: sanne.registerId, points: 10 });
      const cases: Array<[unknown, number, string]> = [
        [{ decision: 'adjust', expectedStatus: 'pending', points: 5 }, 400, 'invalid_input'],
        [{ decision: 'adjust', expectedStatus: 'pending', points: 5, reason: '   ' }, 400, 'invalid_input'],
        [{ decision: 'adjust', expectedStatus: 'pending', reason: 'Te veel opgegeven.' }, 400, 'invalid_input'],
        [{ decision: 'adjust', expectedStatus: 'pending', points: -1, reason: 'Te veel opgegeven.' }, 400, 'invalid_input'],
        [{ decision: 'adjust', expectedStatus: 'pending', points: 2.345, reason: 'Te veel opgegeven.' }, 400, 'invalid_input'],
        [{ decision: 'adjust', expectedStatus: 'pending', points: '5', reason: 'Te veel opgegeven.' }, 400, 'invalid_input'],
        [{ decision: 'adjust', expectedStatus: 'pending', points: 10, reason: 'Te veel opgegeven.' }, 422, 'adjustment_not_below_claim'],
        [{ decision: 'adjust', expectedStatus: 'pending', points: 11, reason: 'Te veel opgegeven.' }, 422, 'adjustment_not_below_claim'],
        [{ decision: 'reject', expectedStatus: 'pending' }, 400, 'invalid_input'],
        [{ decision: 'reject', expectedStatus: 'pending', reason: 'nee' }, 400, 'invalid_input'],
        [{ decision: 'approve', expectedStatus: 'pending', points: 3 }, 400, 'invalid_input'],
        [{ decision: 'approve', expectedStatus: 'approved' }, 400, 'invalid_input'],
        [{ decision: 'approve' }, 400, 'invalid_input'],
        [{ decision: 'accept', expectedStatus: 'pending' }, 400, 'invalid_input'],
      ];
      for (const [body, status, code] of cases) {
        const res = await decide(staff, id, body);
        expect(res.status, JSON.stringify(body)).to.equal(status);
        expect(res.body.error.code, JSON.stringify(body)).to.equal(code);
      }
      expect(await row(id)).to.deep.equal({ status: 'pending', approved_points: null, staff_reason: null, decided_by: null });
      expect(await audits(id)).to.deep.equal([]);
      expect(await outbox(id)).to.deep.equal([]);
    });

    it('reject needs a reason and grants nothing', async () => {
      const id = await insertActivity(db(), { personId: sanne.id, registerId: sanne.registerId, points: 4 });
      const res = await decide(staff, id, { decision: 'reject', expectedStatus: 'pending', reason: 'Dit is geen scholing maar werkoverleg.' });
      expect(res.body).to.include({ status: 'rejected', approvedPoints: null, staffReason: 'Dit is geen scholing maar werkoverleg.' });
      expect(await row(id)).to.include({ status: 'rejected', approved_points: null });
      expect((await audits(id)).map((e) => e.action)).to.deep.equal(['cpd_activity.rejected']);
      expect((await outbox(id))[0]!.template).to.equal('cpd_activity_rejected');
    });

    it('a second decision gets 409 status_changed; so does a decision on an activity changed since it was read', async () => {
      const id = await insertActivity(db(), { personId: sanne.id, registerId: sanne.registerId });
      expect((await decide(staff, id, { decision: 'approve', expectedStatus: 'pending' })).status).to.equal(200);
      const again = await decide(staff, id, { decision: 'reject', expectedStatus: 'pending', reason: 'Toch niet goed.' });
      expect(again.status).to.equal(409);
      expect(again.body.error.code).to.equal('status_changed');
      expect((await row(id)).status).to.equal('approved');

      const edited = await insertActivity(db(), { personId: sanne.id, registerId: sanne.registerId, points: 8 });
      const seen = await staff.get<StaffCpdActivity>(`/api/staff/cpd/activities/${edited}`);
      await db().query(`UPDATE cpd_activities SET points = 20, updated_at = now() WHERE id = $1`, [edited]);
      const stale = await decide(staff, edited, { decision: 'approve', expectedStatus: 'pending', expectedUpdatedAt: seen.body.updatedAt });
      expect(stale.status).to.equal(409);
      expect(stale.body.error.code).to.equal('status_changed');
      const fresh = await staff.get<StaffCpdActivity>(`/api/staff/cpd/activities/${edited}`);
      expect((await decide(staff, edited, { decision: 'approve', expectedStatus: 'pending', expectedUpdatedAt: fresh.body.updatedAt })).body).to.include({ approvedPoints: 20 });
    });

    it('of concurrent decisions exactly one wins, with one audit row and one mail', async () => {
      for (let round = 0; round < 3; round++) {
        const id = await insertActivity(db(), { personId: sanne.id, registerId: sanne.registerId, points: 6 });
        const results = await Promise.all([
          decide(staff, id, { decision: 'approve', expectedStatus: 'pending' }),
          decide(staff2, id, { decision: 'reject', expectedStatus: 'pending', reason: 'Geen bewijs bijgevoegd.' }),
          decide(staff2, id, { decision: 'adjust', expectedStatus: 'pending', points: 3, reason: 'Half erkend.' }),
        ]);
        expect(results.map((r) => r.status).sort()).to.deep.equal([200, 409, 409]);
        const winner = results.find((r) => r.status === 200)!;
        expect((await row(id)).status).to.equal(winner.body.status);
        expect(await audits(id)).to.have.length(1);
        expect(await outbox(id)).to.have.length(1);
      }
    });

    it('is for staff only: 401 anonymous, 403 for a registrant, even for their own activity', async () => {
      const id = await insertActivity(db(), { personId: sanne.id, registerId: sanne.registerId });
      const evidence = await insertActivityEvidence(db(), app.config.evidenceDir, id);
      for (const [api, status] of [
        [anonymous, 401],
        [registrant, 403],
      ] as const) {
        expect((await api.get(`/api/staff/cpd/activities/${id}`)).status).to.equal(status);
        expect((await api.get(`/api/staff/cpd/activities/${id}/evidence/${evidence}`)).status).to.equal(status);
        expect((await decide(api, id, { decision: 'approve', expectedStatus: 'pending' })).status).to.equal(status);
      }
      expect((await row(id)).status).to.equal('pending');
      expect(await audits(id)).to.deep.equal([]);
      expect(PDF.length).to.be.greaterThan(0);
    });
  });
});
