import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { ROUTES, type RouteName } from '../../server/contract/routes.js';
import { apiClient } from '../helpers/api-client.js';
import { resetDatabase } from '../helpers/database.js';
import { PDF } from '../helpers/files.js';
import { HttpSession, oidcLogin } from '../helpers/http-session.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { EvidenceStore } from '../../server/storage/evidence-store.js';

/**
 * Every route of the contract, called as every kind of actor, against a status written down here by hand (not
 * derived from the policy code). A new route fails this test until it has a row.
 *
 * `registrant` owns the application the rows point at; `other` is another registrant. 401 anonymous, 403 a role
 * that may not, 404 another's row; for an actor that may, the status the call then gets (e.g. 409 for a decision on
 * a concept, 422 for submitting an incomplete application: it passed the policy).
 */
const ACTORS = ['anonymous', 'registrant', 'other', 'provider', 'employer', 'municipality', 'staff'] as const;
type ActorName = (typeof ACTORS)[number];
type Expected = Record<ActorName, number>;

const everyone = (status: number): Expected => ({ anonymous: status, registrant: status, other: status, provider: status, employer: status, municipality: status, staff: status });
const registrantsOnly = (own: number, other: number): Expected => ({ anonymous: 401, registrant: own, other, provider: 403, employer: 403, municipality: 403, staff: 403 });
const staffOnly = (staff: number): Expected => ({ anonymous: 401, registrant: 403, other: 403, provider: 403, employer: 403, municipality: 403, staff });

interface Fixture {
  applicationId: string;
  evidenceId: string;
  registrationNumber: string;
  /** The registrant's own pending CPD activity, its evidence and a rendered portfolio export (issue 8). */
  cpdActivityId: string;
  cpdEvidenceId: string;
  portfolioId: string;
}
type Call = { path: (f: Fixture) => string; body?: unknown; upload?: true };

/** In the order they run: the row that deletes evidence and the logout come after the rows that read them. */
const MATRIX: Array<[RouteName, Call, Expected]> = [
  ['health', { path: () => '/healthz' }, everyone(200)],
  ['docsOpenApi', { path: () => '/api/docs/openapi.json' }, everyone(200)],
  ['docsReference', { path: () => '/api/docs' }, everyone(200)],
  ['login', { path: () => '/auth/login' }, everyone(302)],
  ['loginCallback', { path: () => '/auth/callback' }, everyone(302)],
  ['me', { path: () => '/api/me' }, everyone(200)],
  ['publicSearch', { path: () => '/api/public/register?q=vries' }, everyone(200)],
  ['publicLookup', { path: (f) => `/api/public/register/${f.registrationNumber}` }, everyone(200)],
  ['publicVerify', { path: (f) => `/api/public/verify/${f.registrationNumber}` }, everyone(200)],
  ['variants', { path: () => '/api/variants' }, everyone(200)],
  ['myRegistrations', { path: () => '/api/my/registrations' }, registrantsOnly(200, 200)],
  ['createApplication', { path: () => '/api/my/registrations', body: { variantCode: 'sociaal-werker' } }, registrantsOnly(409, 201)],
  ['myApplication', { path: (f) => `/api/my/registrations/${f.applicationId}` }, registrantsOnly(200, 404)],
  ['updateApplication', { path: (f) => `/api/my/registrations/${f.applicationId}`, body: { application: { diplomaYear: 2020 } } }, registrantsOnly(200, 404)],
  ['submitApplication', { path: (f) => `/api/my/registrations/${f.applicationId}/submit`, body: {} }, registrantsOnly(422, 404)],
  ['uploadEvidence', { path: (f) => `/api/my/registrations/${f.applicationId}/evidence`, upload: true }, registrantsOnly(201, 404)],
  ['myEvidence', { path: (f) => `/api/my/registrations/${f.applicationId}/evidence/${f.evidenceId}` }, registrantsOnly(200, 404)],
  ['myCertificate', { path: () => '/api/my/certificate' }, registrantsOnly(404, 404)],
  ['myCertificateStatus', { path: () => '/api/my/certificate/status' }, registrantsOnly(200, 200)],
  ['staffQueue', { path: () => '/api/staff/applications' }, staffOnly(200)],
  ['staffApplication', { path: (f) => `/api/staff/applications/${f.applicationId}` }, staffOnly(200)],
  ['staffEvidence', { path: (f) => `/api/staff/applications/${f.applicationId}/evidence/${f.evidenceId}` }, staffOnly(200)],
  ['decideApplication', { path: (f) => `/api/staff/applications/${f.applicationId}/decision`, body: { decision: 'approve', expectedStatus: 'submitted' } }, staffOnly(409)],
  ['auditEvents', { path: () => '/api/staff/audit-events' }, staffOnly(200)],
  // CPD activities, progress and portfolio (issue 8, registrant side). The matrix registrant is not registered: logging is 409.
  ['competences', { path: () => '/api/competences' }, everyone(200)],
  ['myCpdForm', { path: () => '/api/my/cpd/form' }, registrantsOnly(200, 200)],
  ['myCpdActivities', { path: () => '/api/my/cpd/activities' }, registrantsOnly(200, 200)],
  ['logCpdActivity', { path: () => '/api/my/cpd/activities', body: { kind: 'formal_learning', title: 'Training', points: 2, completedOn: '2025-01-10' } }, registrantsOnly(409, 409)],
  ['myCpdActivity', { path: (f) => `/api/my/cpd/activities/${f.cpdActivityId}` }, registrantsOnly(200, 404)],
  // The matrix uploads kind 'vog', which an activity does not take: 400 once past the policy and the ownership check.
  ['uploadCpdEvidence', { path: (f) => `/api/my/cpd/activities/${f.cpdActivityId}/evidence`, upload: true }, registrantsOnly(400, 404)],
  ['myCpdEvidence', { path: (f) => `/api/my/cpd/activities/${f.cpdActivityId}/evidence/${f.cpdEvidenceId}` }, registrantsOnly(200, 404)],
  ['myCpdProgress', { path: () => '/api/my/cpd/progress' }, registrantsOnly(200, 200)],
  ['myCpdCompetences', { path: () => '/api/my/cpd/competences' }, registrantsOnly(200, 200)],
  ['myPortfolioJson', { path: () => '/api/my/cpd/portfolio.json' }, registrantsOnly(200, 200)],
  ['requestPortfolioPdf', { path: () => '/api/my/cpd/portfolio', body: { locale: 'nl' } }, registrantsOnly(201, 201)],
  ['myPortfolioExport', { path: (f) => `/api/my/cpd/portfolio/${f.portfolioId}` }, registrantsOnly(200, 404)],
  ['myPortfolioPdf', { path: (f) => `/api/my/cpd/portfolio/${f.portfolioId}/pdf` }, registrantsOnly(200, 404)],
  ['deleteCpdEvidence', { path: (f) => `/api/my/cpd/activities/${f.cpdActivityId}/evidence/${f.cpdEvidenceId}` }, registrantsOnly(204, 404)],
  ['withdrawCpdActivity', { path: (f) => `/api/my/cpd/activities/${f.cpdActivityId}` }, registrantsOnly(204, 404)],
  ['deleteEvidence', { path: (f) => `/api/my/registrations/${f.applicationId}/evidence/${f.evidenceId}` }, registrantsOnly(204, 404)],
  ['logout', { path: () => '/auth/logout', body: {} }, everyone(204)],
];

/** A pending CPD activity of the registrant with one evidence file, and a rendered portfolio export. */
async function cpdFixture(app: TestApp, applicationId: string): Promise<Pick<Fixture, 'cpdActivityId' | 'cpdEvidenceId' | 'portfolioId'>> {
  const db = app.runtime.dataSource;
  const [activity] = (await db.query(
    `INSERT INTO cpd_activities (person_id, register_id, source, kind, title, category, subcategory, completed_on, points, status)
     SELECT r.person_id, v.register_id, 'registrant', 'formal_learning', 'Training', 'deskundigheidsbevordering', 'accredited', '2025-01-10', 2, 'pending'
       FROM registrations r JOIN variants v ON v.id = r.variant_id WHERE r.id = $1
     RETURNING id, person_id`,
    [applicationId],
  )) as Array<{ id: string; person_id: string }>;
  const evidenceId = randomUUID();
  await new EvidenceStore(app.config.evidenceDir).put(evidenceId, PDF);
  await db.query(`INSERT INTO cpd_evidence_files (id, activity_id, kind, original_name, content_type, size_bytes, sha256) VALUES ($1, $2, 'certificate', 'c.pdf', 'application/pdf', $3, 'x')`, [
    evidenceId,
    activity!.id,
    PDF.length,
  ]);
  const [exported] = (await db.query(`INSERT INTO portfolio_exports (person_id, status, pdf, rendered_at) VALUES ($1, 'rendered', $2, now()) RETURNING id`, [activity!.person_id, PDF])) as Array<{ id: string }>;
  return { cpdActivityId: activity!.id, cpdEvidenceId: evidenceId, portfolioId: exported!.id };
}

describe('authorisation matrix: every route as every actor', function () {
  this.timeout(120_000);
  let app: TestApp;
  const sessions = {} as Record<ActorName, HttpSession>;
  let fixture: Fixture;

  before(async () => {
    app = await startTestApp();
    await resetDatabase(app.runtime.dataSource, app.config.oidc.issuer, 5);
    const stamp = Date.now();
    sessions.anonymous = new HttpSession();
    sessions.registrant = (await oidcLogin(app.url, `nieuw-matrix-a-${stamp}`, 'demo-nieuw')).session;
    sessions.other = (await oidcLogin(app.url, `nieuw-matrix-b-${stamp}`, 'demo-nieuw')).session;
    for (const role of ['provider', 'employer', 'municipality', 'staff'] as const) sessions[role] = (await oidcLogin(app.url, role, `demo-${role}`)).session;

    const owner = apiClient(sessions.registrant, app.url);
    const created = await owner.post<{ id: string }>('/api/my/registrations', { variantCode: 'sociaal-werker' });
    expect(created.status).to.equal(201);
    const uploaded = await owner.upload<{ id: string }>(`/api/my/registrations/${created.body.id}/evidence`, 'vog', PDF, 'vog.pdf', 'application/pdf');
    expect(uploaded.status).to.equal(201);
    const [listed] = (await app.runtime.dataSource.query(`SELECT registration_number FROM persons WHERE publicly_listed LIMIT 1`)) as Array<{ registration_number: string }>;
    const cpd = await cpdFixture(app, created.body.id);
    fixture = { applicationId: created.body.id, evidenceId: uploaded.body.id, registrationNumber: listed!.registration_number, ...cpd };
  });
  after(() => app?.close());

  it('has exactly one row per route of the contract', () => {
    expect(MATRIX.map(([name]) => name).sort()).to.deep.equal((Object.keys(ROUTES) as RouteName[]).sort());
  });

  it('answers every route with the expected status for every actor', async () => {
    const mismatches: string[] = [];
    for (const [name, call, expected] of MATRIX) {
      const route = ROUTES[name];
      for (const actor of ACTORS) {
        const api = apiClient(sessions[actor], app.url);
        const path = call.path(fixture);
        const res = call.upload ? await api.upload(path, 'vog', PDF, 'vog.pdf', 'application/pdf') : await api.call(route.method, path, call.body);
        if (res.status !== expected[actor]) mismatches.push(`${name} as ${actor}: ${res.status}, expected ${expected[actor]}`);
      }
    }
    expect(mismatches).to.deep.equal([]);
  });
});
