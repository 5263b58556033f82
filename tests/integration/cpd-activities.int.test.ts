import { expect } from 'chai';
import i18next from 'i18next';
import type { CpdActivityView, CpdForm, CpdProgressView, CompetenceMapView, PortfolioView } from '../../server/contract/cpd-activities.js';
import { addDays, todayIn } from '../../server/domain/plain-date.js';
import { en, nl } from '../../client/src/i18n/resources.js';
import { explainItem, missingText } from '../../client/src/registrant/cpd/explain.js';
import { apiClient } from '../helpers/api-client.js';
import { resetDatabase } from '../helpers/database.js';
import { EXE, JPEG, PDF, PDF_HEADER_ONLY, PNG, TEXT } from '../helpers/files.js';
import { oidcLogin } from '../helpers/http-session.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

type Api = ReturnType<typeof apiClient>;
interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

describe('CPD activities: logging, evidence, progress, competence map (registrant side)', function () {
  this.timeout(120_000);
  let app: TestApp;
  let sanne: Api;
  let other: Api;
  let anonymous: Api;
  let personId: string;
  let today: string;
  let cycleStart: string;
  let diplomaYear: number;
  let providerId: string;
  const db = () => app.runtime.dataSource;

  /** An approved accreditation of the demo provider, straight in the database (the accreditation area makes them for real). */
  async function accreditation(a: { code: string; variants: string[]; validFrom?: string; validUntil?: string; points?: number; category?: string; subcategory?: string | null; competences?: string[] }): Promise<string> {
    const [row] = (await db().query(
      `INSERT INTO accreditations (organisation_id, register_id, title, description, form, net_contact_hours, has_final_test, status, code, points, category, subcategory, term_years, valid_from, valid_until, decided_at)
       SELECT $1, id, $2, 'Een geaccrediteerde training.', 'training', $3, false, 'approved', $2, $3, $4, $5, 1, $6, $7, now() FROM registers WHERE code = 'sociaal-werk'
       RETURNING id`,
      [providerId, a.code, a.points ?? 8, a.category ?? 'deskundigheidsbevordering', a.subcategory === undefined ? 'accredited' : a.subcategory, a.validFrom ?? addDays(today, -200), a.validUntil ?? addDays(today, 100)],
    )) as Array<{ id: string }>;
    await db().query(`INSERT INTO accreditation_variants (accreditation_id, variant_id) SELECT $1, id FROM variants WHERE code = ANY($2::text[])`, [row!.id, a.variants]);
    if (a.competences) await db().query(`INSERT INTO accreditation_competences (accreditation_id, competence_id) SELECT $1, id FROM competences WHERE code = ANY($2::text[])`, [row!.id, a.competences]);
    return row!.id;
  }

  const countOwn = async () => Number(((await db().query(`SELECT count(*)::int AS n FROM cpd_activities WHERE person_id = $1`, [personId])) as Array<{ n: number }>)[0]!.n);

  before(async () => {
    app = await startTestApp({ workers: true });
    await resetDatabase(db(), app.config.oidc.issuer, 8, app.config.evidenceDir);
    sanne = apiClient((await oidcLogin(app.url, 'registrant', 'demo-registrant')).session, app.url);
    other = apiClient((await oidcLogin(app.url, `nieuw-cpd-${Date.now()}`, 'demo-nieuw')).session, app.url);
    anonymous = apiClient(new (await import('../helpers/http-session.js')).HttpSession(), app.url);
    const [p] = (await db().query(
      `SELECT p.id, r.cycle_starts_on::text AS start, (r.application->>'diplomaYear')::int AS diploma FROM persons p JOIN registrations r ON r.person_id = p.id JOIN variants v ON v.id = r.variant_id
        WHERE p.seed_key = 'seed-person-0' AND v.kind = 'generalist'`,
    )) as Array<{ id: string; start: string; diploma: number }>;
    personId = p!.id;
    cycleStart = p!.start;
    diplomaYear = p!.diploma;
    today = todayIn('Europe/Amsterdam');
    const [org] = (await db().query(`SELECT id FROM organisations WHERE seed_key = 'org-provider-noord'`)) as Array<{ id: string }>;
    providerId = org!.id;
  });
  after(() => app?.close());

  const inCycle = () => (cycleStart > addDays(today, -10) ? today : addDays(today, -10));

  it('lists the competence profile publicly and the form for a registrant', async () => {
    const list = await anonymous.get<{ items: Array<{ code: string }> }>('/api/competences');
    expect(list.status).to.equal(200);
    expect(list.body.items).to.have.length(10);
    const form = await sanne.get<CpdForm>('/api/my/cpd/form');
    expect(form.status).to.equal(200);
    expect(form.body.registered).to.equal(true);
    expect(form.body.variants.map((v) => v.code)).to.include.members(['sociaal-werker', 'jeugd-gezin']);
    expect(form.body.kinds.find((k) => k.code === 'intervision')).to.include({ measure: 'session', minSessionMinutes: 60 });
    expect(form.body.competences).to.have.length(10);
    const notRegistered = await other.get<CpdForm>('/api/my/cpd/form');
    expect(notRegistered.body.registered).to.equal(false);
  });

  it('approves an activity logged with a valid code at once, with the accreditation’s points, category and competences; twice is 409', async () => {
    await accreditation({ code: 'GOED-2345', variants: ['sociaal-werker'], points: 7.5, competences: ['samenwerking', 'sociale-netwerken'] });
    const before = await countOwn();
    // Typed in lower case without the dash: the contract normalises it.
    const res = await sanne.post<CpdActivityView>('/api/my/cpd/activities', { accreditationCode: 'goed2345', completedOn: inCycle() });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(res.body).to.deep.include({ status: 'approved', points: 7.5, approvedPoints: 7.5, category: 'deskundigheidsbevordering', subcategory: 'accredited', kind: 'accredited', title: 'GOED-2345' });
    expect(res.body.providerName).to.equal('Opleidingscentrum Noord');
    expect(res.body.accreditation).to.deep.equal({ code: 'GOED-2345', variants: ['sociaal-werker'] });
    expect(res.body.competences.map((c) => c.code).sort()).to.deep.equal(['samenwerking', 'sociale-netwerken']);
    expect(res.body.can).to.deep.equal({ withdraw: false, upload: false });
    const again = await sanne.post<ErrorBody>('/api/my/cpd/activities', { accreditationCode: 'GOED-2345', completedOn: inCycle() });
    expect(again.status).to.equal(409);
    expect(again.body.error.code).to.equal('activity_already_logged');
    expect(await countOwn()).to.equal(before + 1);
    const audit = (await db().query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'cpd_activity.logged' AND subject_id = $1`, [res.body.id])) as Array<{ n: number }>;
    expect(audit[0]!.n).to.equal(1);
  });

  it('books a code once under concurrent logging (the unique index decides)', async () => {
    await accreditation({ code: 'SAME-2345', variants: ['sociaal-werker'] });
    const before = await countOwn();
    const results = await Promise.all(Array.from({ length: 6 }, () => sanne.post<ErrorBody>('/api/my/cpd/activities', { accreditationCode: 'SAME-2345', completedOn: inCycle() })));
    expect(results.map((r) => r.status).sort()).to.deep.equal([201, 409, 409, 409, 409, 409]);
    expect(await countOwn()).to.equal(before + 1);
  });

  it('books a code with the points a staff decision commits while the logging waits, never the points of before', async () => {
    const code = 'WACH-2345';
    const accId = await accreditation({ code, variants: ['sociaal-werker'], points: 8 });
    // A decision in progress (as an objection granted with more points): the accreditation is locked and changed.
    const decision = db().createQueryRunner();
    await decision.connect();
    try {
      await decision.startTransaction();
      await decision.query(`SELECT id FROM accreditations WHERE id = $1 FOR UPDATE`, [accId]);
      await decision.query(`UPDATE accreditations SET points = 9 WHERE id = $1`, [accId]);
      const logging = sanne.post<CpdActivityView>('/api/my/cpd/activities', { accreditationCode: code, completedOn: inCycle() });
      await new Promise((r) => setTimeout(r, 500));
      await decision.commitTransaction();
      const res = await logging;
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
      expect(res.body).to.include({ points: 9, approvedPoints: 9 });
    } finally {
      await decision.release();
    }
  });

  it('refuses a code already booked from attendance with 409', async () => {
    const accId = await accreditation({ code: 'BOEK-2345', variants: ['sociaal-werker'] });
    const [run] = (await db().query(`INSERT INTO accreditation_runs (accreditation_id, starts_on, ends_on, place) VALUES ($1, $2, $2, 'Utrecht') RETURNING id`, [accId, inCycle()])) as Array<{ id: string }>;
    await db().query(
      `INSERT INTO cpd_activities (person_id, register_id, source, kind, title, category, subcategory, completed_on, points, accreditation_id, run_id, status, approved_points)
       SELECT $1, register_id, 'attendance', 'accredited', title, category, subcategory, $3, points, id, $2, 'approved', points FROM accreditations WHERE id = $4`,
      [personId, run!.id, inCycle(), accId],
    );
    const res = await sanne.post<ErrorBody>('/api/my/cpd/activities', { accreditationCode: 'BOEK-2345', completedOn: inCycle() });
    expect(res.status).to.equal(409);
    expect(res.body.error.code).to.equal('activity_already_logged');
  });

  it('tells exactly why a code is refused: unknown, another variant (named), outside its term (given)', async () => {
    await accreditation({ code: 'ANDR-2345', variants: ['schuldhulpverlening'] });
    await accreditation({ code: 'TERM-2345', variants: ['sociaal-werker'], validFrom: addDays(today, -100), validUntil: addDays(today, -50) });
    await db().query(`INSERT INTO accreditations (organisation_id, register_id, title, description, form, net_contact_hours, has_final_test, status) SELECT $1, id, 'Ingediend', 'x', 'training', 4, false, 'submitted' FROM registers`, [providerId]);
    const before = await countOwn();
    const unknown = await sanne.post<ErrorBody>('/api/my/cpd/activities', { accreditationCode: 'NIET-2345', completedOn: inCycle() });
    expect(unknown.status).to.equal(422);
    expect(unknown.body.error.code).to.equal('accreditation_code_unknown');
    const variant = await sanne.post<ErrorBody>('/api/my/cpd/activities', { accreditationCode: 'ANDR-2345', completedOn: inCycle() });
    expect(variant.status).to.equal(422);
    expect(variant.body.error.code).to.equal('accreditation_other_variant');
    expect(variant.body.error.message).to.match(/Schuldhulpverlener/);
    expect((variant.body.error.details?.variants as Array<{ code: string; name: string }>).map((v) => v.code)).to.deep.equal(['schuldhulpverlening']);
    const term = await sanne.post<ErrorBody>('/api/my/cpd/activities', { accreditationCode: 'TERM-2345', completedOn: inCycle() });
    expect(term.status).to.equal(422);
    expect(term.body.error.code).to.equal('accreditation_outside_term');
    expect(term.body.error.details).to.include({ validFrom: addDays(today, -100), validUntil: addDays(today, -50) });
    const malformed = await sanne.post<ErrorBody>('/api/my/cpd/activities', { accreditationCode: '!!', completedOn: inCycle() });
    expect(malformed.status).to.equal(400);
    expect(await countOwn()).to.equal(before);
  });

  it('puts an activity without a code into the staff queue, for every kind of measure', async () => {
    const date = inCycle();
    const cases: Array<[Record<string, unknown>, Partial<CpdActivityView>]> = [
      [{ kind: 'formal_learning', title: 'Training', providerName: 'Bureau', points: 4, competences: ['ondernemend'] }, { category: 'deskundigheidsbevordering', subcategory: 'accredited', points: 4 }],
      [{ kind: 'informal_learning', title: 'Boek gelezen', points: 2 }, { subcategory: 'informal', points: 2 }],
      [{ kind: 'intervision', title: 'Intervisie', sessionMinutes: 90 }, { category: 'reflectie', sessionMinutes: 90, points: 1.5 }],
      [{ kind: 'supervision', title: 'Groepssupervisie', hours: 45, supervisees: 2, sessionMinutes: 90 }, { hours: 45, supervisees: 2, points: null }],
      [{ kind: 'work_experience', title: 'Werk', employerName: 'Welzijn Oost', periodStartsOn: addDays(date, -60), hours: 300 }, { category: 'werkervaring', hours: 300, employerName: 'Welzijn Oost' }],
    ];
    for (const [body, expected] of cases) {
      const res = await sanne.post<CpdActivityView>('/api/my/cpd/activities', { ...body, completedOn: date });
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
      expect(res.body).to.deep.include({ status: 'pending', source: 'registrant', ...expected });
      expect(res.body.can).to.deep.equal({ withdraw: true, upload: true });
    }
  });

  it('refuses bad input with a clear code and saves nothing', async () => {
    const date = inCycle();
    const base = { kind: 'formal_learning', title: 'Training', completedOn: date, points: 4 };
    const cases: Array<[string, Record<string, unknown>, number, string]> = [
      ['negative points', { ...base, points: -3 }, 400, 'activity_amount_invalid'],
      ['zero points', { ...base, points: 0 }, 400, 'activity_amount_invalid'],
      ['absurd points', { ...base, points: 100000 }, 400, 'activity_amount_invalid'],
      ['missing points', { kind: 'formal_learning', title: 'x', completedOn: date }, 400, 'activity_field_missing'],
      ['missing title', { kind: 'formal_learning', completedOn: date, points: 3 }, 400, 'activity_field_missing'],
      ['zero minutes', { kind: 'intervision', title: 'x', completedOn: date, sessionMinutes: 0 }, 400, 'activity_amount_invalid'],
      ['absurd minutes', { kind: 'intervision', title: 'x', completedOn: date, sessionMinutes: 100000 }, 400, 'activity_amount_invalid'],
      ['fractional minutes', { kind: 'intervision', title: 'x', completedOn: date, sessionMinutes: 60.5 }, 400, 'activity_amount_invalid'],
      ['zero supervisees', { kind: 'supervision', title: 'x', completedOn: date, hours: 10, supervisees: 0, sessionMinutes: 60 }, 400, 'activity_amount_invalid'],
      ['absurd supervisees', { kind: 'supervision', title: 'x', completedOn: date, hours: 10, supervisees: 500, sessionMinutes: 60 }, 400, 'activity_amount_invalid'],
      ['negative hours', { kind: 'supervision', title: 'x', completedOn: date, hours: -1, supervisees: 2, sessionMinutes: 60 }, 400, 'activity_amount_invalid'],
      ['more hours than the period has', { kind: 'work_experience', title: 'x', employerName: 'W', periodStartsOn: addDays(date, -1), completedOn: date, hours: 49 }, 400, 'activity_amount_invalid'],
      ['period ends before it starts', { kind: 'work_experience', title: 'x', employerName: 'W', periodStartsOn: addDays(date, 1), completedOn: date, hours: 10 }, 400, 'activity_period_invalid'],
      ['no employer', { kind: 'work_experience', title: 'x', periodStartsOn: addDays(date, -10), completedOn: date, hours: 10 }, 400, 'activity_field_missing'],
      ['future date', { ...base, completedOn: addDays(today, 1) }, 422, 'activity_date_in_future'],
      ['before the diploma', { ...base, completedOn: `${diplomaYear - 1}-06-01` }, 422, 'activity_before_diploma'],
      ['unknown kind', { ...base, kind: 'yoga' }, 400, 'activity_kind_unknown'],
      ['unknown competence', { ...base, competences: ['vliegen'] }, 400, 'competence_unknown'],
      ['neither code nor kind', { title: 'x', completedOn: date }, 400, 'invalid_input'],
      ['not a date', { ...base, completedOn: '2025-02-30' }, 400, 'invalid_input'],
      ['a code in the future', { accreditationCode: 'GOED-2345', completedOn: addDays(today, 3) }, 422, 'activity_date_in_future'],
      ['unknown field', { ...base, status: 'approved' }, 400, 'invalid_input'],
    ];
    const before = await countOwn();
    const wrong: string[] = [];
    for (const [name, body, status, code] of cases) {
      const res = await sanne.post<ErrorBody>('/api/my/cpd/activities', body);
      if (res.status !== status || res.body.error?.code !== code) wrong.push(`${name}: ${res.status} ${res.body.error?.code}, expected ${status} ${code}`);
    }
    expect(wrong).to.deep.equal([]);
    expect(await countOwn()).to.equal(before);
    const notRegistered = await other.post<ErrorBody>('/api/my/cpd/activities', base);
    expect(notRegistered.status).to.equal(409);
    expect(notRegistered.body.error.code).to.equal('cpd_not_registered');
  });

  it('takes evidence for a pending activity (PDF, JPEG, PNG by content) and refuses everything else', async () => {
    const created = await sanne.post<CpdActivityView>('/api/my/cpd/activities', { kind: 'formal_learning', title: 'Met bewijs', points: 3, completedOn: inCycle() });
    const id = created.body.id;
    const path = `/api/my/cpd/activities/${id}/evidence`;
    const pdf = await sanne.upload<{ id: string; contentType: string }>(path, 'certificate', PDF, 'certificaat.pdf', 'application/pdf');
    expect(pdf.status).to.equal(201);
    expect(pdf.body.contentType).to.equal('application/pdf');
    // A phone photo arrives as a JPEG named image.jpg; its type comes from the content.
    expect((await sanne.upload(path, 'certificate', JPEG, 'image.jpg', 'image/jpeg')).status).to.equal(201);
    expect((await sanne.upload(path, 'reflection-statement', PNG, 'scan.png', 'image/png')).status).to.equal(201);
    const refused: Array<[Buffer, string, number, string]> = [
      [TEXT, 'x.pdf', 415, 'unsupported_file_type'],
      [EXE, 'x.pdf', 415, 'unsupported_file_type'],
      [Buffer.alloc(0), 'x.pdf', 400, 'empty_file'],
      [PDF_HEADER_ONLY, 'x.pdf', 422, 'unreadable_file'],
      [Buffer.alloc(10 * 1024 * 1024 + 10, 1), 'big.pdf', 413, 'file_too_large'],
    ];
    for (const [content, name, status, code] of refused) {
      const res = await sanne.upload<ErrorBody>(path, 'certificate', content, name);
      expect(res.status, code).to.equal(status);
      expect(res.body.error.code).to.equal(code);
    }
    const badKind = await sanne.upload<ErrorBody>(path, 'diploma', PDF, 'x.pdf');
    expect(badKind.status).to.equal(400);
    const detail = await sanne.get<CpdActivityView>(`/api/my/cpd/activities/${id}`);
    expect(detail.body.evidence).to.have.length(3);
    const read = await sanne.get<string>(`${path}/${pdf.body.id}`);
    expect(read.status).to.equal(200);
    expect(await other.get(`${path}/${pdf.body.id}`).then((r) => r.status)).to.equal(404);
    expect((await other.upload(path, 'certificate', PDF, 'x.pdf', 'application/pdf')).status).to.equal(404);
    expect(await other.call('DELETE', `${path}/${pdf.body.id}`).then((r) => r.status)).to.equal(404);
    expect(await sanne.call('DELETE', `${path}/${pdf.body.id}`).then((r) => r.status)).to.equal(204);
    expect(await sanne.get(`${path}/${pdf.body.id}`).then((r) => r.status)).to.equal(404);

    // Once staff decided, no more evidence.
    await db().query(`UPDATE cpd_activities SET status = 'approved', approved_points = points WHERE id = $1`, [id]);
    const late = await sanne.upload<ErrorBody>(path, 'certificate', PDF, 'x.pdf', 'application/pdf');
    expect(late.status).to.equal(409);
    expect(late.body.error.code).to.equal('activity_not_pending');
  });

  it("withdraws a pending activity of one's own only; another's dossier is 404", async () => {
    const created = await sanne.post<CpdActivityView>('/api/my/cpd/activities', { kind: 'informal_learning', title: 'In te trekken', points: 1, completedOn: inCycle() });
    const id = created.body.id;
    expect(await other.get(`/api/my/cpd/activities/${id}`).then((r) => r.status)).to.equal(404);
    expect(await other.call('DELETE', `/api/my/cpd/activities/${id}`).then((r) => r.status)).to.equal(404);
    expect(await anonymous.get(`/api/my/cpd/activities/${id}`).then((r) => r.status)).to.equal(401);
    expect((await other.get<{ items: unknown[] }>('/api/my/cpd/activities')).body.items).to.deep.equal([]);
    expect(await sanne.call('DELETE', `/api/my/cpd/activities/${id}`).then((r) => r.status)).to.equal(204);
    expect(await sanne.get(`/api/my/cpd/activities/${id}`).then((r) => r.status)).to.equal(404);
    const [decided] = (await db().query(`SELECT id FROM cpd_activities WHERE person_id = $1 AND status = 'rejected' LIMIT 1`, [personId])) as Array<{ id: string }>;
    const refused = await sanne.call<ErrorBody>('DELETE', `/api/my/cpd/activities/${decided!.id}`);
    expect(refused.status).to.equal(409);
    expect(refused.body.error.code).to.equal('activity_not_pending');
  });

  it('explains every point of the seeded mix, and the screen says the same as the API', async () => {
    const res = await sanne.get<CpdProgressView>('/api/my/cpd/progress');
    expect(res.status).to.equal(200);
    const p = res.body;
    expect(p.cycle?.startsOn).to.equal(cycleStart);
    expect(p.norms.map((n) => n.variantCode)).to.deep.equal(['sociaal-werker', 'jeugd-gezin']);
    const general = p.norms[0]!;
    const cat = (code: string) => general.categories.find((c) => c.code === code)!;
    const title = (id: string) => p.activities.find((a) => a.id === id)!.title;
    const reasonsOf = (code: string) => cat(code).items.flatMap((i) => i.notCounted.map((n) => ({ title: title(i.activityId), ...n })));

    const dk = reasonsOf('deskundigheidsbevordering');
    expect(dk).to.deep.include({ title: 'Cursus huiselijk geweld en kindermishandeling', points: 4, reason: 'adjusted', staffReason: 'Het certificaat vermeldt 12 netto contacturen; pauzes en reistijd tellen niet mee.' });
    expect(dk).to.deep.include({
      title: 'Teamoverleg wijkteam',
      points: 6,
      reason: 'rejected',
      staffReason: 'Een regulier teamoverleg hoort bij het werk zelf en geldt niet als deskundigheidsbevordering.',
    });
    expect(dk).to.deep.include({ title: 'Basiscursus gespreksvoering (vorige periode)', points: 6, reason: 'outside_cycle' });
    expect(dk).to.deep.include({ title: 'Training motiverende gespreksvoering', points: 8, reason: 'pending' });
    // Informal learning: 10 + 8 + 7 approved, the cap is 20.
    const informal = cat('deskundigheidsbevordering').caps.find((c) => c.code === 'informal')!;
    expect(informal).to.deep.include({ maximum: 20, counted: 20, above: 5 });
    expect(dk.filter((r) => r.reason === 'above_cap')).to.deep.equal([{ title: 'Werkbezoek buurtteam Overvecht', points: 5, reason: 'above_cap', capCode: 'informal' }]);

    const reflection = reasonsOf('reflectie');
    expect(reflection).to.deep.include({ title: 'Intervisie (ingekort)', points: 0.75, reason: 'session_too_short' });
    const supervision = cat('reflectie').items.find((i) => title(i.activityId) === 'Groepssupervisie')!;
    expect(supervision).to.include({ points: 40, counted: 40 });
    expect(cat('reflectie').minSessionMinutes).to.equal(60);
    expect(cat('werkervaring').items.find((i) => title(i.activityId) === 'Werkervaring Welzijn Oost')).to.include({ counted: 1400 });
    expect(cat('werkervaring').pending).to.be.at.least(400);
    // The specialist norm counts only what is accredited for its variant.
    expect(p.norms[1]!.specialist).to.equal(true);

    // Every point of every item is counted or carries a reason.
    for (const n of p.norms) for (const c of n.categories) for (const i of c.items) expect(i.counted + i.notCounted.reduce((s, x) => s + x.points, 0)).to.be.closeTo(i.points, 0.001);

    // What the screen shows (the client's own explanation function over the same answer).
    const t = await translator('nl');
    const lines = cat('deskundigheidsbevordering').items.flatMap((i) => explainItem(i, cat('deskundigheidsbevordering'), t, 'nl'));
    expect(lines).to.include('4 punten tellen niet mee: aangepast door het register.');
    expect(lines).to.include('Reden van het register: Het certificaat vermeldt 12 netto contacturen; pauzes en reistijd tellen niet mee.');
    expect(lines).to.include('6 punten tellen niet mee: afgewezen door het register.');
    expect(lines).to.include('5 punten tellen niet mee: boven het maximum voor informeel leren.'.replace('informeel leren', informal.name.nl));
    expect(lines).to.include('6 punten tellen niet mee: voltooid buiten de registratieperiode.');
    expect(lines).to.include('8 punten wachten nog op beoordeling door het register.');
    const reflectionLines = cat('reflectie').items.flatMap((i) => explainItem(i, cat('reflectie'), t, 'nl'));
    expect(reflectionLines).to.include('0,75 punten tellen niet mee: de sessie duurde korter dan 60 minuten.');
    const sentences = p.missing.map((m) => missingText(m, p, t, 'nl'));
    expect(sentences.length).to.equal(p.missing.length);
    for (const s of sentences) expect(s).to.match(/^(jeugd en gezin: |.*: )?nog [\d.,]+ (punten|uur) .+ vóór \d{1,2} \w+ \d{4}$/);
    // Every reason code has a sentence in both languages.
    const tEn = await translator('en');
    for (const n of p.norms) for (const c of n.categories) for (const i of c.items) for (const line of explainItem(i, c, tEn, 'en')) expect(line).to.not.match(/cpd\.reason/);
  });

  it('maps which competences this cycle’s approved learning served', async () => {
    const res = await sanne.get<CompetenceMapView>('/api/my/cpd/competences');
    expect(res.status).to.equal(200);
    expect(res.body.total).to.equal(10);
    const item = (code: string) => res.body.items.find((i) => i.code === code)!;
    // Served by approved seed activities and the code logged above.
    expect(item('vakbekwaam-resultaatgericht').covered).to.equal(true);
    expect(item('samenwerking').activities.map((a) => a.title)).to.include('GOED-2345');
    expect(item('samenwerking').activities.find((a) => a.title === 'GOED-2345')?.accredited).to.equal(true);
    // No approved or accredited activity of this cycle names this one (the seed's attendance and activities cover the rest).
    expect(item('vrijwillige-inzet').covered).to.equal(false);
    expect(item('vrijwillige-inzet').activities).to.deep.equal([]);
    expect(res.body.covered).to.equal(res.body.items.filter((i) => i.covered).length);
    const none = await other.get<CompetenceMapView>('/api/my/cpd/competences');
    expect(none.body.cycle).to.equal(null);
    expect(none.body.covered).to.equal(0);
  });

  it("counts a code accredited for the specialism in the specialist norm on top of the generalist one", async () => {
    await accreditation({ code: 'JEUG-2345', variants: ['jeugd-gezin'], points: 9 });
    const logged = await sanne.post<CpdActivityView>('/api/my/cpd/activities', { accreditationCode: 'JEUG-2345', completedOn: inCycle() });
    expect(logged.status).to.equal(201);
    const p = (await sanne.get<CpdProgressView>('/api/my/cpd/progress')).body;
    const general = p.norms[0]!.categories.find((c) => c.code === 'deskundigheidsbevordering')!;
    const specialism = p.norms.find((n) => n.variantCode === 'jeugd-gezin')!.categories[0]!;
    expect(general.items.find((i) => i.activityId === logged.body.id)).to.include({ counted: 9 });
    expect(specialism.items.find((i) => i.activityId === logged.body.id)).to.include({ counted: 9 });
    expect(specialism.counted).to.be.at.least(9);
  });

  it('exports the portfolio as JSON: activities, evidence metadata, decisions with reasons, progress', async () => {
    const res = await sanne.get<PortfolioView>('/api/my/cpd/portfolio.json');
    expect(res.status).to.equal(200);
    expect(res.body.person.name).to.equal('Sanne de Vries');
    const rejected = res.body.activities.find((a) => a.title === 'Teamoverleg wijkteam')!;
    expect(rejected).to.include({ status: 'rejected' });
    expect(rejected.staffReason).to.match(/teamoverleg/);
    expect(res.body.activities.some((a) => a.evidence.length > 0)).to.equal(true);
    const progress = await sanne.get<CpdProgressView>('/api/my/cpd/progress');
    expect(res.body.progress).to.deep.equal(progress.body);
  });
});

async function translator(lng: 'nl' | 'en') {
  const i = i18next.createInstance();
  await i.init({ lng, resources: { nl: { translation: nl }, en: { translation: en } }, interpolation: { escapeValue: false } });
  return (key: string, options?: Record<string, unknown>) => i.t(key, options ?? {});
}
