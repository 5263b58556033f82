import { expect } from 'chai';
import type { AttendanceUpload, RunAttendance, StaffAccreditation } from '../../server/contract/accreditations.js';
import { TOKEN_ERRORS } from '../../server/contract/organisations.js';
import { ROUTES, type RouteName } from '../../server/contract/routes.js';
import { addDays, todayIn } from '../../server/domain/plain-date.js';
import { implementations } from '../../server/http/app.js';
import { createLogger } from '../../server/logger.js';
import { takesTokens } from '../../server/policies/policy.js';
import { buildServices } from '../../server/services.js';
import { apiClient } from '../helpers/api-client.js';
import { resetDatabase } from '../helpers/database.js';
import { oidcLogin, type HttpSession } from '../helpers/http-session.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}
type Api = ReturnType<typeof apiClient>;

const today = todayIn('Europe/Amsterdam');

/**
 * An LMS books attendance with an organisation's API token, from its server: `Authorization: Bearer vrk_…`, no
 * cookie, no Origin. The token is made by the organisation's admin through the API, like the README tells.
 */
describe('attendance with an API token, over HTTP', function () {
  this.timeout(120_000);
  let app: TestApp;
  let providerSession: HttpSession;
  let provider: Api;
  let staff: Api;
  let organisationId: string;
  let runId: string;
  let accreditationId: string;
  let numbers: string[];
  let seq = 0;

  const db = () => app.runtime.dataSource;
  const bearer = (token: string, path: string, init: RequestInit = {}) => fetch(`${app.url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } });
  const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const csvForm = (lines: string[]) => {
    const form = new FormData();
    form.append('file', new Blob([`registratienummer;naam\n${lines.join('\n')}\n`], { type: 'text/csv' }), 'lms-export.csv');
    return { method: 'POST', body: form } satisfies RequestInit;
  };
  async function createToken(api: Api, orgId: string): Promise<{ token: string; item: { id: string } }> {
    const res = await api.post<{ token: string; item: { id: string } }>(`/api/organisations/${orgId}/tokens`, { name: `LMS ${++seq}` });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return res.body;
  }

  before(async () => {
    app = await startTestApp();
    await resetDatabase(app.runtime.dataSource, app.config.oidc.issuer, 30);
    providerSession = (await oidcLogin(app.url, 'provider', 'demo-provider')).session;
    provider = apiClient(providerSession, app.url);
    staff = apiClient((await oidcLogin(app.url, 'staff', 'demo-staff')).session, app.url);
    organisationId = (await provider.get<{ items: Array<{ id: string; kind: string }> }>('/api/my/organisations')).body.items.find((o) => o.kind === 'provider')!.id;
    const submitted = await provider.post<{ id: string }>('/api/provider/accreditations', {
      title: 'Koppeling met het LMS',
      description: 'Een e-learning waarvan het LMS de presentie doorgeeft.',
      form: 'training',
      netContactHours: 3,
      variantCodes: ['sociaal-werker'],
      runs: [{ startsOn: addDays(today, -3), endsOn: addDays(today, -3), place: 'Online', online: true }],
      hasFinalTest: false,
    });
    expect(submitted.status).to.equal(201);
    const approved = await staff.post<StaffAccreditation>(`/api/staff/accreditations/${submitted.body.id}/decision`, { decision: 'approve', expectedStatus: 'submitted', termYears: 1, variantCodes: ['sociaal-werker'] });
    expect(approved.status).to.equal(200);
    accreditationId = approved.body.id;
    runId = approved.body.runs[0]!.id;
    const found = (await db().query(
      `SELECT DISTINCT p.registration_number FROM persons p JOIN registrations r ON r.person_id = p.id JOIN variants v ON v.id = r.variant_id
        WHERE v.code = 'sociaal-werker' AND r.status = 'registered' AND r.registered_on <= $1 ORDER BY 1`,
      [addDays(today, -30)],
    )) as Array<{ registration_number: string }>;
    numbers = found.map((r) => r.registration_number);
    expect(numbers.length).to.be.greaterThan(5);
  });
  after(() => app?.close());

  it('uploads as JSON and as CSV with the token alone, shows the rows, and records the token on the upload and in the audit trail', async () => {
    const { token, item } = await createToken(provider, organisationId);
    const asJson = await bearer(token, `/api/provider/runs/${runId}/attendance/numbers`, json({ registrationNumbers: [numbers[0], numbers[1], 'geen nummer'] }));
    expect(asJson.status).to.equal(201);
    const j = (await asJson.json()) as AttendanceUpload;
    expect(j.uploadedBy).to.equal('token');
    expect(j.rows.map((r) => r.outcome)).to.deep.equal(['booked', 'booked', 'invalid_row']);

    const asCsv = await bearer(token, `/api/provider/runs/${runId}/attendance`, csvForm([`${numbers[1]};Al geboekt`, `${numbers[2]};Nieuw`]));
    expect(asCsv.status).to.equal(201);
    const c = (await asCsv.json()) as AttendanceUpload;
    expect(c).to.include({ uploadedBy: 'token', format: 'csv', fileName: 'lms-export.csv' });
    expect(c.rows.map((r) => r.outcome)).to.deep.equal(['already_booked', 'booked']);

    const run = await bearer(token, `/api/provider/runs/${runId}/attendance`);
    expect(run.status).to.equal(200);
    const seen = (await run.json()) as RunAttendance;
    expect(seen.booked.map((b) => b.registrationNumber)).to.have.members([numbers[0], numbers[1], numbers[2]]);
    expect(seen.uploads.map((u) => u.uploadedBy)).to.deep.equal(['token', 'token']);
    expect((await bearer(token, `/api/provider/attendance-uploads/${c.id}`)).status).to.equal(200);
    const download = await bearer(token, `/api/provider/attendance-uploads/${c.id}/csv`);
    expect(download.status).to.equal(200);
    expect(await download.text()).to.contain('had de punten al');

    const uploads = (await db().query(`SELECT uploaded_by, uploaded_by_token FROM attendance_uploads WHERE id = ANY($1::uuid[]) ORDER BY created_at`, [[j.id, c.id]])) as Array<{
      uploaded_by: string | null;
      uploaded_by_token: string;
    }>;
    expect(uploads).to.deep.equal([
      { uploaded_by: null, uploaded_by_token: item.id },
      { uploaded_by: null, uploaded_by_token: item.id },
    ]);
    const audit = (await db().query(`SELECT actor_account_id, details FROM audit_events WHERE action = 'attendance.uploaded' AND details->>'uploadId' = ANY($1::text[])`, [[j.id, c.id]])) as Array<{
      actor_account_id: string | null;
      details: { tokenId?: string };
    }>;
    expect(audit).to.have.length(2);
    for (const a of audit) expect(a).to.deep.include({ actor_account_id: null, details: { ...a.details, tokenId: item.id } });
    // The token's last use is shown to the admin.
    const listed = await provider.get<{ items: Array<{ id: string; lastUsedAt: string | null }> }>(`/api/organisations/${organisationId}/tokens`);
    expect(listed.body.items.find((t) => t.id === item.id)!.lastUsedAt).to.be.a('string');
  });

  it('lets a bearer call through the Origin check, with or without cookies, while a cookie session still needs its Origin', async () => {
    const { token } = await createToken(provider, organisationId);
    // A token call that also carries the admin's cookies acts as the token, never as the session.
    const both = await providerSession.fetch(`${app.url}/api/provider/runs/${runId}/attendance/numbers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', origin: 'https://lms.example' },
      body: JSON.stringify({ registrationNumbers: [numbers[3]] }),
    });
    expect(both.status).to.equal(201);
    expect(((await both.json()) as AttendanceUpload).uploadedBy).to.equal('token');
    // The session without the token: no Origin, or another one, is refused as before.
    const noOrigin = await providerSession.fetch(`${app.url}/api/provider/runs/${runId}/attendance/numbers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ registrationNumbers: [numbers[4]] }),
    });
    expect(noOrigin.status).to.equal(403);
    expect(((await noOrigin.json()) as ErrorBody).error.code).to.equal('csrf_origin_missing');
    const otherOrigin = await providerSession.fetch(`${app.url}/api/provider/runs/${runId}/attendance/numbers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ registrationNumbers: [numbers[4]] }),
    });
    expect(otherOrigin.status).to.equal(403);
    expect(((await otherOrigin.json()) as ErrorBody).error.code).to.equal('csrf_origin_mismatch');
    const booked = (await db().query(`SELECT count(*)::int AS n FROM cpd_activities c JOIN persons p ON p.id = c.person_id WHERE c.accreditation_id = $1 AND p.registration_number = $2`, [
      accreditationId,
      numbers[4],
    ])) as Array<{ n: number }>;
    expect(booked[0]!.n).to.equal(0);
  });

  it("gives another provider's token 404 on the run, another kind's token 403, and a token on a session-only route 403", async () => {
    const { session } = await oidcLogin(app.url, `nieuw-lms-${Date.now()}`, 'demo-nieuw');
    const other = apiClient(session, app.url);
    const accountId = (await other.get<{ account: { id: string } }>('/api/me')).body.account.id;
    const [org] = (await db().query(`INSERT INTO organisations (kind, name, status, authorised_at) VALUES ('provider', $1, 'authorised', now()) RETURNING id`, [`Ander LMS ${Date.now()}`])) as Array<{ id: string }>;
    await db().query(`INSERT INTO account_roles (account_id, role) VALUES ($1, 'provider') ON CONFLICT DO NOTHING`, [accountId]);
    await db().query(`INSERT INTO organisation_members (organisation_id, account_id, role) VALUES ($1, $2, 'admin')`, [org!.id, accountId]);
    const stranger = (await createToken(other, org!.id)).token;
    for (const [path, init] of [
      [`/api/provider/runs/${runId}/attendance`, {}],
      [`/api/provider/runs/${runId}/attendance/numbers`, json({ registrationNumbers: [numbers[5]] })],
      [`/api/provider/runs/${runId}/attendance`, csvForm([numbers[5]!])],
    ] as const) {
      const res = await bearer(stranger, path, init);
      expect(res.status, path).to.equal(404);
      expect(((await res.json()) as ErrorBody).error.code).to.equal('not_found');
    }

    const employer = apiClient((await oidcLogin(app.url, 'employer', 'demo-employer')).session, app.url);
    const employerOrg = (await employer.get<{ items: Array<{ id: string }> }>('/api/my/organisations')).body.items[0]!.id;
    const employerToken = (await createToken(employer, employerOrg)).token;
    expect((await bearer(employerToken, `/api/provider/runs/${runId}/attendance`)).status).to.equal(403);

    const { token } = await createToken(provider, organisationId);
    for (const [path, init] of [
      ['/api/provider/accreditations', {}],
      [`/api/provider/accreditations/${accreditationId}`, {}],
      [`/api/provider/accreditations/${accreditationId}/objection`, json({ reason: 'Bezwaar van een sleutel.' })],
      [`/api/organisations/${organisationId}/tokens`, json({ name: 'sleutel maakt sleutel' })],
    ] as const) {
      const res = await bearer(token, path, init);
      expect(res.status, path).to.equal(403);
      expect(((await res.json()) as ErrorBody).error.code).to.equal('forbidden');
    }
    const booked = (await db().query(`SELECT count(*)::int AS n FROM cpd_activities c JOIN persons p ON p.id = c.person_id WHERE c.accreditation_id = $1 AND p.registration_number = $2`, [
      accreditationId,
      numbers[5],
    ])) as Array<{ n: number }>;
    expect(booked[0]!.n).to.equal(0);
  });

  it('refuses a revoked token at once with 401, before reading the upload', async () => {
    const { token, item } = await createToken(provider, organisationId);
    expect((await bearer(token, `/api/provider/runs/${runId}/attendance`)).status).to.equal(200);
    expect((await provider.call('DELETE', `/api/organisations/${organisationId}/tokens/${item.id}`)).status).to.equal(204);
    for (const [path, init] of [
      [`/api/provider/runs/${runId}/attendance`, {}],
      [`/api/provider/runs/${runId}/attendance/numbers`, json({ registrationNumbers: [numbers[5]] })],
      [`/api/provider/runs/${runId}/attendance`, csvForm([numbers[5]!])],
    ] as const) {
      const res = await bearer(token, path, init);
      expect(res.status, path).to.equal(401);
      expect(res.headers.get('www-authenticate')).to.match(/^Bearer .*invalid_token/);
      expect(((await res.json()) as ErrorBody).error.code).to.equal('invalid_token');
    }
  });

  it("limits a token to the register's requestsPerMinute on the attendance routes (429)", async () => {
    const [rules] = (await db().query(`SELECT (settings->'cpd'->'apiTokens'->>'requestsPerMinute')::int AS n FROM registers LIMIT 1`)) as Array<{ n: number }>;
    const { token } = await createToken(provider, organisationId);
    const statuses: number[] = [];
    for (let i = 0; i < rules!.n; i++) statuses.push((await bearer(token, `/api/provider/runs/${runId}/attendance`)).status);
    expect(statuses.every((s) => s === 200)).to.equal(true);
    const refused = await bearer(token, `/api/provider/runs/${runId}/attendance/numbers`, json({ registrationNumbers: [numbers[5]] }));
    expect(refused.status).to.equal(429);
    expect(Number(refused.headers.get('retry-after'))).to.be.within(0, 60);
    expect(((await refused.json()) as ErrorBody).error.code).to.equal('rate_limited');
  });

  it('documents the token errors and the bearer scheme on exactly the routes whose policy takes tokens', async () => {
    const impls = implementations(app.config, buildServices(app.runtime, app.config, createLogger(app.config, 'test')), createLogger(app.config, 'test'));
    const doc = (await (await fetch(`${app.url}/api/docs/openapi.json`)).json()) as { paths: Record<string, Record<string, { security?: unknown }>> };
    const tokenRoutes: RouteName[] = [];
    for (const name of Object.keys(ROUTES) as RouteName[]) {
      const route = ROUTES[name];
      const takes = takesTokens(impls[name].action);
      if (takes) tokenRoutes.push(name);
      if (takes) for (const code of TOKEN_ERRORS) expect(route.errors, `${name} documents ${code}`).to.include(code);
      expect((route.errors as readonly string[]).includes('invalid_token'), `${name}: invalid_token only where tokens are taken`).to.equal(takes);
      const op = doc.paths[route.path.replace(/:([A-Za-z]+)/g, '{$1}')]![route.method.toLowerCase()]!;
      expect(op.security, name).to.deep.equal(takes ? [{ apiToken: [] }] : undefined);
    }
    expect(tokenRoutes).to.have.members(['tokenWhoAmI', 'runAttendance', 'uploadAttendanceCsv', 'uploadAttendanceJson', 'attendanceUpload', 'attendanceUploadCsv']);
  });
});
