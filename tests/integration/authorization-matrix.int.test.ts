import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { ROUTES, type RouteName } from '../../server/contract/routes.js';
import { addDays, todayIn } from '../../server/domain/plain-date.js';
import { apiClient } from '../helpers/api-client.js';
import { resetDatabase } from '../helpers/database.js';
import { PDF } from '../helpers/files.js';
import { HttpSession, oidcLogin } from '../helpers/http-session.js';
import { staffCpdFixture } from '../helpers/staff-cpd.js';
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
const providerOnly = (provider: number): Expected => ({ anonymous: 401, registrant: 403, other: 403, provider, employer: 403, municipality: 403, staff: 403 });
const loggedIn = (status: number): Expected => ({ ...everyone(status), anonymous: 401 });
/** Work on the demo provider's organisation: its admin may; members of other organisations get 404, others 403. */
const providerOrg = (admin: number): Expected => ({ anonymous: 401, registrant: 403, other: 403, provider: admin, employer: 404, municipality: 404, staff: 403 });
/** Only an API token may: every session is forbidden. */
const tokensOnly: Expected = { ...everyone(403), anonymous: 401 };

interface Fixture {
  applicationId: string;
  evidenceId: string;
  registrationNumber: string;
  /** A pending CPD activity with one evidence file (staff CPD review). */
  cpdActivityId: string;
  cpdEvidenceId: string;
  /** An approved accreditation of the demo provider, one of its (past) runs, and an attendance upload of it. */
  accreditationId: string;
  runId: string;
  uploadId: string;
  /** The demo provider's "Opleidingscentrum Noord", its admin's account, an open invitation and a token of it; a pending request. */
  organisationId: string;
  providerAccountId: string;
  invitationId: string;
  tokenId: string;
  pendingOrganisationId: string;
  /** The registrant's own pending CPD activity, its evidence and a rendered portfolio export (issue 8). */
  ownCpdActivityId: string;
  ownCpdEvidenceId: string;
  portfolioId: string;
}
type Call = { path: (f: Fixture) => string; body?: unknown; upload?: true | { kind: string | null; content: Buffer; name: string; type: string } };

const today = todayIn('Europe/Amsterdam');
const accreditationRequest = {
  title: 'Matrix-training',
  description: 'Een training om de autorisatiematrix te vullen.',
  form: 'training',
  netContactHours: 4,
  variantCodes: ['sociaal-werker'],
  runs: [{ startsOn: addDays(today, -10), endsOn: addDays(today, -10), place: 'Utrecht' }],
  hasFinalTest: false,
};

const ORGANISATION_REQUEST = {
  name: 'Opleidingscentrum Noord',
  kvkNumber: '40123456',
  contactName: 'Matrix',
  contactEmail: 'matrix@example.nl',
  phone: '050 123 4567',
  website: 'https://matrix.example',
  city: 'Groningen',
};
const UNKNOWN_SECRET = 'M'.repeat(43);

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
  ['staffCpdQueue', { path: () => '/api/staff/cpd-queue' }, staffOnly(200)],
  ['staffCpdActivity', { path: (f) => `/api/staff/cpd/activities/${f.cpdActivityId}` }, staffOnly(200)],
  ['staffCpdEvidence', { path: (f) => `/api/staff/cpd/activities/${f.cpdActivityId}/evidence/${f.cpdEvidenceId}` }, staffOnly(200)],
  ['decideCpdActivity', { path: (f) => `/api/staff/cpd/activities/${f.cpdActivityId}/decision`, body: { decision: 'approve', expectedStatus: 'pending' } }, staffOnly(200)],
  ['accreditationOptions', { path: () => '/api/provider/accreditation-options' }, providerOnly(200)],
  ['myAccreditations', { path: () => '/api/provider/accreditations' }, providerOnly(200)],
  ['submitAccreditation', { path: () => '/api/provider/accreditations', body: accreditationRequest }, providerOnly(201)],
  ['myAccreditation', { path: (f) => `/api/provider/accreditations/${f.accreditationId}` }, providerOnly(200)],
  ['accreditationRuns', { path: (f) => `/api/provider/accreditations/${f.accreditationId}/runs` }, providerOnly(200)],
  ['addAccreditationRun', { path: (f) => `/api/provider/accreditations/${f.accreditationId}/runs`, body: { startsOn: today, endsOn: today, place: 'Utrecht' } }, providerOnly(201)],
  ['setAccreditationAgenda', { path: (f) => `/api/provider/accreditations/${f.accreditationId}/agenda`, body: { inAgenda: true } }, providerOnly(200)],
  ['withdrawAccreditation', { path: (f) => `/api/provider/accreditations/${f.accreditationId}/withdraw`, body: {} }, providerOnly(409)],
  // An approval may be objected to (once, within the window); the accreditation stays approved, so the rows below still book on it.
  ['objectAccreditation', { path: (f) => `/api/provider/accreditations/${f.accreditationId}/objection`, body: { reason: 'Een bezwaar tegen een toekenning.' } }, providerOnly(201)],
  ['runAttendance', { path: (f) => `/api/provider/runs/${f.runId}/attendance` }, providerOnly(200)],
  [
    'uploadAttendanceCsv',
    { path: (f) => `/api/provider/runs/${f.runId}/attendance`, upload: { kind: null, content: Buffer.from('registratienummer\n000100001\n'), name: 'aanwezig.csv', type: 'text/csv' } },
    providerOnly(201),
  ],
  ['uploadAttendanceJson', { path: (f) => `/api/provider/runs/${f.runId}/attendance/numbers`, body: { registrationNumbers: ['000100001'] } }, providerOnly(201)],
  ['attendanceUpload', { path: (f) => `/api/provider/attendance-uploads/${f.uploadId}` }, providerOnly(200)],
  ['attendanceUploadCsv', { path: (f) => `/api/provider/attendance-uploads/${f.uploadId}/csv` }, providerOnly(200)],
  ['staffAccreditation', { path: (f) => `/api/staff/accreditations/${f.accreditationId}` }, staffOnly(200)],
  [
    'decideAccreditation',
    { path: (f) => `/api/staff/accreditations/${f.accreditationId}/decision`, body: { decision: 'approve', expectedStatus: 'submitted', termYears: 1, variantCodes: ['sociaal-werker'] } },
    staffOnly(409),
  ],
  ['publicAgenda', { path: () => '/api/public/agenda?place=utrecht' }, everyone(200)],
  ['myOrganisations', { path: () => '/api/my/organisations' }, loggedIn(200)],
  ['requestOrganisation', { path: () => '/api/my/organisations', body: ORGANISATION_REQUEST }, loggedIn(409)],
  ['organisation', { path: (f) => `/api/organisations/${f.organisationId}` }, providerOrg(200)],
  ['updateOrganisation', { path: (f) => `/api/organisations/${f.organisationId}`, body: { city: 'Groningen' } }, providerOrg(200)],
  ['organisationMembers', { path: (f) => `/api/organisations/${f.organisationId}/members` }, providerOrg(200)],
  ['removeMember', { path: (f) => `/api/organisations/${f.organisationId}/members/${f.providerAccountId}` }, providerOrg(409)],
  ['updateMember', { path: (f) => `/api/organisations/${f.organisationId}/members/${f.providerAccountId}`, body: { role: 'member' } }, providerOrg(409)],
  ['organisationInvitations', { path: (f) => `/api/organisations/${f.organisationId}/invitations` }, providerOrg(200)],
  ['inviteMember', { path: (f) => `/api/organisations/${f.organisationId}/invitations`, body: { email: 'matrix-invite@example.nl', role: 'member' } }, providerOrg(201)],
  ['revokeInvitation', { path: (f) => `/api/organisations/${f.organisationId}/invitations/${f.invitationId}` }, providerOrg(204)],
  ['organisationTokens', { path: (f) => `/api/organisations/${f.organisationId}/tokens` }, providerOrg(200)],
  ['createToken', { path: (f) => `/api/organisations/${f.organisationId}/tokens`, body: { name: 'matrix' } }, providerOrg(201)],
  ['revokeToken', { path: (f) => `/api/organisations/${f.organisationId}/tokens/${f.tokenId}` }, providerOrg(204)],
  ['invitationPreview', { path: () => '/api/invitations/preview', body: { secret: UNKNOWN_SECRET } }, loggedIn(404)],
  ['acceptInvitation', { path: () => '/api/invitations/accept', body: { secret: UNKNOWN_SECRET } }, loggedIn(404)],
  ['tokenWhoAmI', { path: () => '/api/token' }, tokensOnly],
  ['staffOrganisations', { path: () => '/api/staff/organisations' }, staffOnly(200)],
  ['staffOrganisation', { path: (f) => `/api/staff/organisations/${f.pendingOrganisationId}` }, staffOnly(200)],
  ['decideOrganisation', { path: (f) => `/api/staff/organisations/${f.organisationId}/decision`, body: { decision: 'authorise' } }, staffOnly(409)],
  // CPD activities, progress and portfolio (issue 8, registrant side). The matrix registrant is not registered: logging is 409.
  ['competences', { path: () => '/api/competences' }, everyone(200)],
  ['myCpdForm', { path: () => '/api/my/cpd/form' }, registrantsOnly(200, 200)],
  ['myCpdActivities', { path: () => '/api/my/cpd/activities' }, registrantsOnly(200, 200)],
  ['logCpdActivity', { path: () => '/api/my/cpd/activities', body: { kind: 'formal_learning', title: 'Training', points: 2, completedOn: '2025-01-10' } }, registrantsOnly(409, 409)],
  ['myCpdActivity', { path: (f) => `/api/my/cpd/activities/${f.ownCpdActivityId}` }, registrantsOnly(200, 404)],
  // The matrix uploads kind 'vog', which an activity does not take: 400 once past the policy and the ownership check.
  ['uploadCpdEvidence', { path: (f) => `/api/my/cpd/activities/${f.ownCpdActivityId}/evidence`, upload: true }, registrantsOnly(400, 404)],
  ['myCpdEvidence', { path: (f) => `/api/my/cpd/activities/${f.ownCpdActivityId}/evidence/${f.ownCpdEvidenceId}` }, registrantsOnly(200, 404)],
  ['myCpdProgress', { path: () => '/api/my/cpd/progress' }, registrantsOnly(200, 200)],
  ['myCpdCompetences', { path: () => '/api/my/cpd/competences' }, registrantsOnly(200, 200)],
  ['myPortfolioJson', { path: () => '/api/my/cpd/portfolio.json' }, registrantsOnly(200, 200)],
  ['requestPortfolioPdf', { path: () => '/api/my/cpd/portfolio', body: { locale: 'nl' } }, registrantsOnly(201, 201)],
  ['myPortfolioExport', { path: (f) => `/api/my/cpd/portfolio/${f.portfolioId}` }, registrantsOnly(200, 404)],
  ['myPortfolioPdf', { path: (f) => `/api/my/cpd/portfolio/${f.portfolioId}/pdf` }, registrantsOnly(200, 404)],
  ['deleteCpdEvidence', { path: (f) => `/api/my/cpd/activities/${f.ownCpdActivityId}/evidence/${f.ownCpdEvidenceId}` }, registrantsOnly(204, 404)],
  ['withdrawCpdActivity', { path: (f) => `/api/my/cpd/activities/${f.ownCpdActivityId}` }, registrantsOnly(204, 404)],
  ['deleteEvidence', { path: (f) => `/api/my/registrations/${f.applicationId}/evidence/${f.evidenceId}` }, registrantsOnly(204, 404)],
  ['logout', { path: () => '/auth/logout', body: {} }, everyone(204)],
];

/** A pending CPD activity of the registrant with one evidence file, and a rendered portfolio export. */
async function cpdFixture(app: TestApp, applicationId: string): Promise<Pick<Fixture, 'ownCpdActivityId' | 'ownCpdEvidenceId' | 'portfolioId'>> {
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
  return { ownCpdActivityId: activity!.id, ownCpdEvidenceId: evidenceId, portfolioId: exported!.id };
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
    const provider = apiClient(sessions.provider, app.url);
    const accreditation = await provider.post<{ id: string; runs: Array<{ id: string }> }>('/api/provider/accreditations', accreditationRequest);
    expect(accreditation.status).to.equal(201);
    const approval = await apiClient(sessions.staff, app.url).post(`/api/staff/accreditations/${accreditation.body.id}/decision`, { decision: 'approve', expectedStatus: 'submitted', termYears: 1, variantCodes: ['sociaal-werker'] });
    expect(approval.status).to.equal(200);
    const runId = accreditation.body.runs[0]!.id;
    const attendance = await provider.post<{ id: string }>(`/api/provider/runs/${runId}/attendance/numbers`, { registrationNumbers: [listed!.registration_number] });
    expect(attendance.status).to.equal(201);
    const [noord] = (await provider.get<{ items: Array<{ id: string }> }>('/api/my/organisations')).body.items;
    const providerMe = await provider.get<{ account: { id: string } }>('/api/me');
    const invited = await provider.post<{ id: string }>(`/api/organisations/${noord!.id}/invitations`, { email: 'matrix-revoke@example.nl', role: 'member' });
    const token = await provider.post<{ item: { id: string } }>(`/api/organisations/${noord!.id}/tokens`, { name: 'matrix-revoke' });
    expect([invited.status, token.status]).to.deep.equal([201, 201]);
    const [pending] = (await app.runtime.dataSource.query(`SELECT id FROM organisations WHERE status = 'pending' LIMIT 1`)) as Array<{ id: string }>;
    fixture = {
      applicationId: created.body.id,
      evidenceId: uploaded.body.id,
      registrationNumber: listed!.registration_number,
      accreditationId: accreditation.body.id,
      runId,
      uploadId: attendance.body.id,
      ...(await staffCpdFixture(app.runtime.dataSource, app.config.evidenceDir)),
      organisationId: noord!.id,
      providerAccountId: providerMe.body.account.id,
      invitationId: invited.body.id,
      tokenId: token.body.item.id,
      pendingOrganisationId: pending!.id,
      ...(await cpdFixture(app, created.body.id)),
    };
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
        const res =
          call.upload === true
            ? await api.upload(path, 'vog', PDF, 'vog.pdf', 'application/pdf')
            : call.upload
              ? await api.upload(path, call.upload.kind, call.upload.content, call.upload.name, call.upload.type)
              : await api.call(route.method, path, call.body);
        if (res.status !== expected[actor]) mismatches.push(`${name} as ${actor}: ${res.status}, expected ${expected[actor]}`);
      }
    }
    expect(mismatches).to.deep.equal([]);
  });
});
