import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { apiClient } from '../helpers/api-client.js';
import { resetDatabase } from '../helpers/database.js';
import { oidcLogin } from '../helpers/http-session.js';
import { clearMail, sentMail } from '../helpers/mail.js';
import { startTestApp, waitFor, type TestApp } from '../helpers/test-app.js';
import { DEMO_API_TOKEN, seedDemoApiToken } from '../../scripts/lib/seed-organisations.js';

interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}
interface Org {
  id: string;
  kind: string;
  name: string;
  status: 'pending' | 'authorised' | 'refused';
  refusalReason: string | null;
  role: 'admin' | 'member';
  can: { edit: boolean; manageMembers: boolean; manageTokens: boolean };
}
interface Token {
  id: string;
  name: string;
  prefix: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdBy: string;
}

type Api = ReturnType<typeof apiClient>;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe('organisations: accounts, staff authorisation, members, invitations, API tokens', function () {
  this.timeout(120_000);
  let app: TestApp;
  let seq = 0;
  let staff: Api;

  before(async () => {
    app = await startTestApp({ workers: true });
    await resetDatabase(app.runtime.dataSource, app.config.oidc.issuer, 5);
    await clearMail();
    staff = apiClient((await oidcLogin(app.url, 'staff', 'demo-staff')).session, app.url);
  });
  after(() => app?.close());

  const db = () => app.runtime.dataSource;
  const count = async (sql: string, params: unknown[]) => ((await db().query(sql, params)) as Array<{ n: number }>)[0]!.n;
  async function newUser(tag = 'org') {
    const username = `nieuw-${tag}-${Date.now()}-${++seq}`;
    const { session } = await oidcLogin(app.url, username, 'demo-nieuw');
    const api = apiClient(session, app.url);
    const me = await api.get<{ account: { id: string; email: string | null } }>('/api/me');
    return { api, username, accountId: me.body.account.id, email: me.body.account.email };
  }
  const details = (name: string) => ({
    name,
    kvkNumber: '01234567',
    contactName: 'Petra Jansen',
    contactEmail: 'petra@example.nl',
    phone: '+31 50 123 4567',
    website: 'https://opleider.example',
    city: 'Groningen',
  });
  const uniqueName = () => `Opleider ${Date.now()} ${++seq}`;
  /** A requested organisation, authorised by staff unless told otherwise; its requester is the admin. */
  async function organisation(authorise = true) {
    const admin = await newUser('admin');
    const created = await admin.api.post<Org>('/api/my/organisations', details(uniqueName()));
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    if (authorise) expect((await staff.post(`/api/staff/organisations/${created.body.id}/decision`, { decision: 'authorise' })).status).to.equal(200);
    return { admin, id: created.body.id, name: created.body.name };
  }
  async function createToken(api: Api, organisationId: string, name = `sleutel ${++seq}`) {
    const res = await api.post<{ token: string; item: Token }>(`/api/organisations/${organisationId}/tokens`, { name });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return res.body;
  }
  const withToken = (token: string, path = '/api/token', init: RequestInit = {}) => fetch(`${app.url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } });
  async function invite(api: Api, organisationId: string, email: string, role: 'admin' | 'member' = 'member') {
    await clearMail();
    const res = await api.post<{ id: string }>(`/api/organisations/${organisationId}/invitations`, { email, role });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    const to = email.toLowerCase();
    const mails = await waitFor('the invitation mail', sentMail, (m) => m.some((x) => x.to.some((t) => t.toLowerCase().includes(to))));
    const mail = mails.find((x) => x.to.some((t) => t.toLowerCase().includes(to)));
    const secret = /\/invitations\/([A-Za-z0-9_-]{43})/.exec(mail!.text)?.[1];
    expect(secret, mail!.text).to.be.a('string');
    return { id: res.body.id, secret: secret! };
  }

  describe('asking for an account', () => {
    it('makes a pending organisation with the requester as admin and provider, audited', async () => {
      const u = await newUser();
      const name = uniqueName();
      const res = await u.api.post<Org>('/api/my/organisations', details(name));
      expect(res.status).to.equal(201);
      expect(res.body).to.include({ name, kind: 'provider', status: 'pending', role: 'admin', refusalReason: null });
      // Not authorised yet: details may be fixed, but no invitations or tokens.
      expect(res.body.can).to.deep.equal({ edit: true, manageMembers: false, manageTokens: false });
      const mine = await u.api.get<{ items: Org[] }>('/api/my/organisations');
      expect(mine.body.items.map((o) => [o.id, o.status, o.role])).to.deep.equal([[res.body.id, 'pending', 'admin']]);
      const me = await u.api.get<{ roles: string[] }>('/api/me');
      expect(me.body.roles).to.include('provider');
      const [audit] = (await db().query(`SELECT actor_account_id, details FROM audit_events WHERE action = 'organisation.requested' AND subject_id = $1`, [res.body.id])) as Array<{
        actor_account_id: string;
        details: { name: string };
      }>;
      expect(audit).to.deep.include({ actor_account_id: u.accountId });
      expect(audit!.details.name).to.equal(name);
    });

    it('refuses a name that is taken (409), also when two ask at the same moment', async () => {
      const [a, b] = [await newUser(), await newUser()];
      const taken = await a.api.post<ErrorBody>('/api/my/organisations', details('Opleidingscentrum Noord'));
      expect(taken.status).to.equal(409);
      expect(taken.body.error.code).to.equal('organisation_name_taken');
      const name = uniqueName();
      const both = await Promise.all([a.api.post<ErrorBody>('/api/my/organisations', details(name)), b.api.post<ErrorBody>('/api/my/organisations', details(name))]);
      expect(both.map((r) => r.status).sort()).to.deep.equal([201, 409]);
      expect(both.find((r) => r.status === 409)!.body.error.code).to.equal('organisation_name_taken');
      const n = await count(`SELECT count(*)::int AS n FROM organisations WHERE name = $1`, [name]);
      expect(n).to.equal(1);
    });

    it('refuses bad input field by field, unknown fields, an oversized body, and anonymous callers', async () => {
      const u = await newUser();
      const bad = await u.api.post<ErrorBody & { error: { details: Array<{ path: string }> } }>('/api/my/organisations', {
        ...details(uniqueName()),
        kvkNumber: '1234',
        contactEmail: 'geen-mail',
        website: 'javascript:alert(1)',
        phone: 'bel me',
        name: 'x',
      });
      expect(bad.status).to.equal(400);
      expect(bad.body.error.details.map((d) => d.path).sort()).to.deep.equal(['contactEmail', 'kvkNumber', 'name', 'phone', 'website']);
      const unknown = await u.api.post<ErrorBody>('/api/my/organisations', { ...details(uniqueName()), status: 'authorised' });
      expect(unknown.status).to.equal(400);
      const employer = await u.api.post<ErrorBody>('/api/my/organisations', { ...details(uniqueName()), kind: 'employer' });
      expect(employer.status).to.equal(400);
      const long = await u.api.post<ErrorBody>('/api/my/organisations', details('N'.repeat(201)));
      expect(long.status).to.equal(400);
      const huge = await u.api.post<ErrorBody>('/api/my/organisations', { ...details(uniqueName()), city: 'x'.repeat(200_000) });
      expect(huge.status).to.equal(413);
      const origin = new URL(app.url).origin;
      const malformed = await fetch(`${app.url}/api/my/organisations`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: '{"name":' });
      expect(malformed.status).to.equal(400);
      const anonymous = await fetch(`${app.url}/api/my/organisations`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify(details(uniqueName())) });
      expect(anonymous.status).to.equal(401);
    });

    it('lets the admin edit the details (audited), not a member, and another organisation’s admin gets 404', async () => {
      const org = await organisation();
      const other = await organisation();
      const edited = await org.admin.api.patch<Org & { city: string }>(`/api/organisations/${org.id}`, { city: 'Zwolle' });
      expect(edited.status).to.equal(200);
      expect(edited.body.city).to.equal('Zwolle');
      expect((await other.admin.api.patch(`/api/organisations/${org.id}`, { city: 'Assen' })).status).to.equal(404);
      expect((await other.admin.api.get(`/api/organisations/${org.id}`)).status).to.equal(404);
      expect((await org.admin.api.patch(`/api/organisations/${org.id}`, {})).status).to.equal(400);
      const renamed = await org.admin.api.patch<ErrorBody>(`/api/organisations/${org.id}`, { name: other.name });
      expect(renamed.status).to.equal(409);
      expect(renamed.body.error.code).to.equal('organisation_name_taken');
      const [audit] = (await db().query(`SELECT details FROM audit_events WHERE action = 'organisation.updated' AND subject_id = $1`, [org.id])) as Array<{ details: { changed: object } }>;
      expect(audit!.details.changed).to.deep.equal({ city: 'Zwolle' });

      const colleague = await newUser();
      const { secret } = await invite(org.admin.api, org.id, 'collega@example.nl');
      expect((await colleague.api.post('/api/invitations/accept', { secret })).status).to.equal(200);
      const asMember = await colleague.api.get<Org>(`/api/organisations/${org.id}`);
      expect(asMember.status).to.equal(200);
      expect(asMember.body.can).to.deep.equal({ edit: false, manageMembers: false, manageTokens: false });
      expect((await colleague.api.patch(`/api/organisations/${org.id}`, { city: 'Assen' })).status).to.equal(403);
    });
  });

  describe('staff authorise or refuse', () => {
    it('lists requests pending first, oldest first, with their age, and shows one', async () => {
      const org = await organisation(false);
      const list = await staff.get<{ items: Array<{ id: string; status: string; ageDays: number | null; requestedAt: string | null }> }>('/api/staff/organisations?pageSize=100');
      expect(list.status).to.equal(200);
      const statuses = list.body.items.map((i) => i.status);
      const firstNotPending = statuses.findIndex((s) => s !== 'pending');
      expect(statuses.slice(firstNotPending).includes('pending'), statuses.join()).to.equal(false);
      const pending = list.body.items.filter((i) => i.status === 'pending');
      expect(pending.map((i) => i.requestedAt)).to.deep.equal([...pending.map((i) => i.requestedAt)].sort());
      // The seeded request is nine days old; the review target is the register's.
      expect(pending[0]!.ageDays).to.equal(9);
      const [rules] = (await db().query(`SELECT (settings->'cpd'->'review'->>'targetDays')::int AS days FROM registers LIMIT 1`)) as Array<{ days: number }>;
      expect((list.body as unknown as { targetDays: number }).targetDays).to.equal(rules!.days);
      expect(pending.map((i) => i.id)).to.include(org.id);
      const onlyRefused = await staff.get<{ items: Array<{ status: string }> }>('/api/staff/organisations?status=refused');
      expect(onlyRefused.body.items.length).to.be.greaterThan(0);
      expect(onlyRefused.body.items.every((i) => i.status === 'refused')).to.equal(true);
      expect((await staff.get('/api/staff/organisations?status=weird')).status).to.equal(400);
      const one = await staff.get<{ status: string; can: { decide: boolean }; requestedBy: { displayName: string } }>(`/api/staff/organisations/${org.id}`);
      expect(one.body).to.deep.include({ status: 'pending', can: { decide: true } });
      expect((await staff.get(`/api/staff/organisations/00000000-0000-4000-8000-000000000000`)).status).to.equal(404);
      expect((await org.admin.api.get('/api/staff/organisations')).status).to.equal(403);
    });

    it('authorises once (a second decision is 409 organisation_decided), tells the requester by mail, audited', async () => {
      const org = await organisation(false);
      await clearMail();
      const decided = await staff.post<{ status: string; can: { decide: boolean } }>(`/api/staff/organisations/${org.id}/decision`, { decision: 'authorise' });
      expect(decided.status).to.equal(200);
      expect(decided.body).to.deep.include({ status: 'authorised', can: { decide: false } });
      const again = await staff.post<ErrorBody>(`/api/staff/organisations/${org.id}/decision`, { decision: 'refuse', reason: 'Toch niet, te laat.' });
      expect(again.status).to.equal(409);
      expect(again.body.error).to.deep.include({ code: 'organisation_decided', details: { status: 'authorised' } });
      const mine = await org.admin.api.get<Org>(`/api/organisations/${org.id}`);
      expect(mine.body.status).to.equal('authorised');
      expect(mine.body.can).to.deep.equal({ edit: true, manageMembers: true, manageTokens: true });
      const mails = await waitFor('the authorisation mail', sentMail, (m) => m.some((x) => x.subject.includes(org.name)));
      expect(mails.find((x) => x.subject.includes(org.name))!.subject).to.match(/goedgekeurd/);
      const audits = (await db().query(`SELECT action FROM audit_events WHERE subject_id = $1 ORDER BY id`, [org.id])) as Array<{ action: string }>;
      expect(audits.map((a) => a.action)).to.deep.equal(['organisation.requested', 'organisation.authorised']);
    });

    it('refuses with a reason only; the requester sees status and reason; of two concurrent decisions one wins', async () => {
      const org = await organisation(false);
      const noReason = await staff.post<ErrorBody>(`/api/staff/organisations/${org.id}/decision`, { decision: 'refuse' });
      expect(noReason.status).to.equal(400);
      const shortReason = await staff.post<ErrorBody>(`/api/staff/organisations/${org.id}/decision`, { decision: 'refuse', reason: ' ' });
      expect(shortReason.status).to.equal(400);
      expect((await staff.post(`/api/staff/organisations/${org.id}/decision`, { decision: 'maybe' })).status).to.equal(400);
      const reason = 'De organisatie biedt geen scholing voor sociaal werkers aan.';
      const both = await Promise.all([
        staff.post<ErrorBody>(`/api/staff/organisations/${org.id}/decision`, { decision: 'refuse', reason }),
        staff.post<ErrorBody>(`/api/staff/organisations/${org.id}/decision`, { decision: 'authorise' }),
      ]);
      expect(both.map((r) => r.status).sort()).to.deep.equal([200, 409]);
      const loser = both.find((r) => r.status === 409)!;
      expect(loser.body.error.code).to.equal('organisation_decided');
      const mine = await org.admin.api.get<Org>(`/api/organisations/${org.id}`);
      if (both[0]!.status === 200) {
        expect(mine.body).to.include({ status: 'refused', refusalReason: reason });
        expect(mine.body.can).to.deep.equal({ edit: true, manageMembers: false, manageTokens: false });
        const mail = await waitFor('the refusal mail', sentMail, (m) => m.some((x) => x.subject.includes(org.name) && x.text.includes(reason)));
        expect(mail.length).to.be.greaterThan(0);
      } else {
        expect(mine.body.status).to.equal('authorised');
      }
      const n = await count(`SELECT count(*)::int AS n FROM audit_events WHERE subject_id = $1 AND action IN ('organisation.authorised', 'organisation.refused')`, [org.id]);
      expect(n).to.equal(1);
    });
  });

  describe('members and invitations', () => {
    it('invites by mail with a link whose secret is stored only as a hash; the invitee accepts and gets the role', async () => {
      const org = await organisation();
      const invitee = await newUser('invitee');
      const { id, secret } = await invite(org.admin.api, org.id, 'Nieuwe.Collega@Example.NL', 'admin');
      const [row] = (await db().query(`SELECT email, token_hash, expires_at - created_at AS valid FROM organisation_invitations WHERE id = $1`, [id])) as Array<{
        email: string;
        token_hash: string;
        valid: { days: number };
      }>;
      expect(row!.email).to.equal('nieuwe.collega@example.nl');
      expect(row!.token_hash).to.equal(sha256(secret));
      const [rules] = (await db().query(`SELECT (settings->'cpd'->'invitations'->>'validDays')::int AS days FROM registers LIMIT 1`)) as Array<{ days: number }>;
      expect(row!.valid.days).to.equal(rules!.days);
      // Once sent, the mail's row no longer carries the secret.
      const outbox = await waitFor(
        'the invitation mail marked sent',
        async () => (await db().query(`SELECT status, params FROM email_outbox WHERE dedupe_key = $1`, [`invitation:${id}`])) as Array<{ status: string; params: object }>,
        (r) => r[0]?.status === 'sent',
      );
      expect(JSON.stringify(outbox[0]!.params)).not.to.include(secret);
      const dump = JSON.stringify(await db().query(`SELECT * FROM organisation_invitations`));
      expect(dump).not.to.include(secret);

      const open = await org.admin.api.get<{ items: Array<{ id: string; email: string; role: string }> }>(`/api/organisations/${org.id}/invitations`);
      expect(open.body.items.map((i) => [i.id, i.email, i.role])).to.deep.equal([[id, 'nieuwe.collega@example.nl', 'admin']]);
      const twice = await org.admin.api.post<ErrorBody>(`/api/organisations/${org.id}/invitations`, { email: 'nieuwe.collega@example.nl', role: 'member' });
      expect(twice.status).to.equal(409);
      expect(twice.body.error.code).to.equal('invitation_exists');

      const preview = await invitee.api.post<{ organisation: { name: string }; state: string; role: string; alreadyMember: boolean }>('/api/invitations/preview', { secret });
      expect(preview.body).to.deep.include({ organisation: { name: org.name, kind: 'provider' }, state: 'open', role: 'admin', alreadyMember: false });
      const accepted = await invitee.api.post<{ organisationId: string; role: string }>('/api/invitations/accept', { secret });
      expect(accepted.status).to.equal(200);
      expect(accepted.body).to.deep.equal({ organisationId: org.id, kind: 'provider', role: 'admin' });
      const me = await invitee.api.get<{ roles: string[] }>('/api/me');
      expect(me.body.roles).to.include('provider');
      const members = await invitee.api.get<{ items: Array<{ accountId: string; role: string }> }>(`/api/organisations/${org.id}/members`);
      expect(members.body.items.map((m) => m.role).sort()).to.deep.equal(['admin', 'admin']);
      const used = await invitee.api.post<ErrorBody>('/api/invitations/accept', { secret });
      expect(used.status).to.equal(409);
      expect(used.body.error.code).to.equal('invitation_used');
      expect((await org.admin.api.get<{ items: unknown[] }>(`/api/organisations/${org.id}/invitations`)).body.items).to.deep.equal([]);
      // A member's address cannot be invited again.
      if (invitee.email) {
        const member = await org.admin.api.post<ErrorBody>(`/api/organisations/${org.id}/invitations`, { email: invitee.email, role: 'member' });
        expect(member.body.error.code).to.equal('already_member');
      }
      const actions = (await db().query(`SELECT action FROM audit_events WHERE subject_id = $1 AND action LIKE 'organisation.invitation%' ORDER BY id`, [org.id])) as Array<{ action: string }>;
      expect(actions.map((a) => a.action)).to.deep.equal(['organisation.invitation_created', 'organisation.invitation_accepted']);
    });

    it('says clearly when an invitation was revoked, has expired, or does not exist; bad secrets are 400', async () => {
      const org = await organisation();
      const u = await newUser();
      const revoked = await invite(org.admin.api, org.id, 'ingetrokken@example.nl');
      expect((await org.admin.api.call('DELETE', `/api/organisations/${org.id}/invitations/${revoked.id}`)).status).to.equal(204);
      const again = await org.admin.api.call<ErrorBody>('DELETE', `/api/organisations/${org.id}/invitations/${revoked.id}`);
      expect(again.status).to.equal(409);
      expect(again.body.error.code).to.equal('invitation_closed');
      const r = await u.api.post<ErrorBody>('/api/invitations/accept', { secret: revoked.secret });
      expect(r.status).to.equal(410);
      expect(r.body.error.code).to.equal('invitation_revoked');

      const expired = await invite(org.admin.api, org.id, 'verlopen@example.nl');
      await db().query(`UPDATE organisation_invitations SET created_at = now() - interval '30 days', expires_at = now() - interval '1 minute' WHERE id = $1`, [expired.id]);
      expect((await u.api.post<{ state: string }>('/api/invitations/preview', { secret: expired.secret })).body.state).to.equal('expired');
      const e = await u.api.post<ErrorBody>('/api/invitations/accept', { secret: expired.secret });
      expect(e.status).to.equal(410);
      expect(e.body.error.code).to.equal('invitation_expired');
      // The address may be invited anew once the old invitation is revoked.
      expect((await org.admin.api.call('DELETE', `/api/organisations/${org.id}/invitations/${expired.id}`)).status).to.equal(204);
      expect((await org.admin.api.post(`/api/organisations/${org.id}/invitations`, { email: 'verlopen@example.nl', role: 'member' })).status).to.equal(201);

      expect((await u.api.post('/api/invitations/accept', { secret: 'A'.repeat(43) })).status).to.equal(404);
      expect((await u.api.post('/api/invitations/accept', { secret: 'te-kort' })).status).to.equal(400);
      expect((await u.api.post('/api/invitations/accept', { secret: 'A'.repeat(43), extra: 1 })).status).to.equal(400);
      expect((await u.api.post('/api/invitations/preview', {})).status).to.equal(400);
      expect((await org.admin.api.post(`/api/organisations/${org.id}/invitations`, { email: 'x@example.nl', role: 'owner' })).status).to.equal(400);
      expect((await org.admin.api.post(`/api/organisations/${org.id}/invitations`, { email: 'geen adres', role: 'member' })).status).to.equal(400);
      const anonymous = await fetch(`${app.url}/api/invitations/accept`, { method: 'POST', headers: { 'content-type': 'application/json', origin: new URL(app.url).origin }, body: JSON.stringify({ secret: revoked.secret }) });
      expect(anonymous.status).to.equal(401);
    });

    it('keeps invitations to admins of authorised organisations, and another organisation’s lists are 404', async () => {
      const pending = await organisation(false);
      expect((await pending.admin.api.post(`/api/organisations/${pending.id}/invitations`, { email: 'a@example.nl', role: 'member' })).status).to.equal(403);
      const org = await organisation();
      const other = await organisation();
      expect((await other.admin.api.get(`/api/organisations/${org.id}/members`)).status).to.equal(404);
      expect((await other.admin.api.get(`/api/organisations/${org.id}/invitations`)).status).to.equal(404);
      expect((await other.admin.api.post(`/api/organisations/${org.id}/invitations`, { email: 'a@example.nl', role: 'member' })).status).to.equal(404);
      const stranger = await newUser();
      expect((await stranger.api.get(`/api/organisations/${org.id}/members`)).status).to.equal(403);
    });

    it('changes roles (audited) but never makes the last admin a member', async () => {
      const org = await organisation();
      const colleague = await newUser();
      await colleague.api.post('/api/invitations/accept', { secret: (await invite(org.admin.api, org.id, 'rol@example.nl', 'member')).secret });
      const demoteSelf = await org.admin.api.patch<ErrorBody>(`/api/organisations/${org.id}/members/${org.admin.accountId}`, { role: 'member' });
      expect(demoteSelf.status).to.equal(409);
      expect(demoteSelf.body.error.code).to.equal('last_admin');
      expect((await colleague.api.patch(`/api/organisations/${org.id}/members/${colleague.accountId}`, { role: 'admin' })).status).to.equal(403);
      const promoted = await org.admin.api.patch<{ role: string }>(`/api/organisations/${org.id}/members/${colleague.accountId}`, { role: 'admin' });
      expect(promoted.status).to.equal(200);
      expect(promoted.body.role).to.equal('admin');
      expect((await org.admin.api.patch(`/api/organisations/${org.id}/members/${org.admin.accountId}`, { role: 'member' })).status).to.equal(200);
      expect((await org.admin.api.get<Org>(`/api/organisations/${org.id}`)).body.can.edit).to.equal(false);
      expect((await colleague.api.patch(`/api/organisations/${org.id}/members/${org.admin.accountId}`, { role: 'owner' })).status).to.equal(400);
      expect((await colleague.api.patch(`/api/organisations/${org.id}/members/00000000-0000-4000-8000-000000000000`, { role: 'admin' })).status).to.equal(404);
      const changes = (await db().query(`SELECT details FROM audit_events WHERE subject_id = $1 AND action = 'organisation.member_role_changed' ORDER BY id`, [org.id])) as Array<{
        details: { to: string };
      }>;
      expect(changes.map((c) => c.details.to)).to.deep.equal(['admin', 'member']);
    });

    it('removes members but never the last admin, even when two admins remove each other at once', async () => {
      const org = await organisation();
      const second = await newUser();
      const member = await newUser();
      await second.api.post('/api/invitations/accept', { secret: (await invite(org.admin.api, org.id, 'tweede@example.nl', 'admin')).secret });
      await member.api.post('/api/invitations/accept', { secret: (await invite(org.admin.api, org.id, 'lid@example.nl', 'member')).secret });
      expect((await member.api.call('DELETE', `/api/organisations/${org.id}/members/${org.admin.accountId}`)).status).to.equal(403);
      expect((await org.admin.api.call('DELETE', `/api/organisations/${org.id}/members/${member.accountId}`)).status).to.equal(204);
      expect((await member.api.get(`/api/organisations/${org.id}`)).status).to.equal(403);
      expect((await org.admin.api.call('DELETE', `/api/organisations/${org.id}/members/${member.accountId}`)).status).to.equal(404);
      const both = await Promise.all([
        org.admin.api.call<ErrorBody>('DELETE', `/api/organisations/${org.id}/members/${second.accountId}`),
        second.api.call<ErrorBody>('DELETE', `/api/organisations/${org.id}/members/${org.admin.accountId}`),
      ]);
      const statuses = both.map((r) => r.status);
      expect(statuses, JSON.stringify(both.map((b) => b.body))).to.satisfy((s: number[]) => s.includes(204));
      const n = await count(`SELECT count(*)::int AS n FROM organisation_members WHERE organisation_id = $1 AND role = 'admin'`, [org.id]);
      expect(n).to.equal(1);
      const survivor = both[0]!.status === 204 ? org.admin : second;
      const last = await survivor.api.call<ErrorBody>('DELETE', `/api/organisations/${org.id}/members/${survivor.accountId}`);
      expect(last.status).to.equal(409);
      expect(last.body.error.code).to.equal('last_admin');
      const removed = (await db().query(`SELECT count(*)::int AS n FROM audit_events WHERE subject_id = $1 AND action = 'organisation.member_removed'`, [org.id])) as Array<{ n: number }>;
      expect(removed[0]!.n).to.equal(2);
    });
  });

  describe('API tokens', () => {
    it('shows a token once, stores only its hash and prefix, and resolves it to the organisation', async () => {
      const org = await organisation();
      const created = await createToken(org.admin.api, org.id, 'Ledenadministratie');
      expect(created.token).to.match(/^vrk_[a-z2-9]{8}_[A-Za-z0-9_-]{43}$/);
      expect(created.item).to.include({ name: 'Ledenadministratie', prefix: created.token.slice(0, 12), lastUsedAt: null, revokedAt: null });
      const list = await org.admin.api.get<{ items: Token[]; maxActive: number }>(`/api/organisations/${org.id}/tokens`);
      expect(JSON.stringify(list.body)).not.to.include(created.token.slice(13));
      expect(list.body.items.map((t) => t.id)).to.deep.equal([created.item.id]);
      const stored = JSON.stringify(await db().query(`SELECT * FROM api_tokens WHERE id = $1`, [created.item.id]));
      expect(stored).not.to.include(created.token.slice(13));
      expect(stored).to.include(sha256(created.token));
      const audit = JSON.stringify(await db().query(`SELECT details FROM audit_events WHERE subject_id = $1`, [org.id]));
      expect(audit).not.to.include(created.token.slice(13));

      const who = await withToken(created.token);
      expect(who.status).to.equal(200);
      expect(await who.json()).to.deep.equal({ organisation: { id: org.id, kind: 'provider', name: org.name }, token: { id: created.item.id, name: 'Ledenadministratie', prefix: created.item.prefix } });
      expect(who.headers.get('ratelimit-policy')).to.match(/q=\d+; w=60/);
      const used = await org.admin.api.get<{ items: Token[] }>(`/api/organisations/${org.id}/tokens`);
      expect(used.body.items[0]!.lastUsedAt).to.be.a('string');
      // Written about once a minute, not on every call.
      expect((await withToken(created.token)).status).to.equal(200);
      const again = await org.admin.api.get<{ items: Token[] }>(`/api/organisations/${org.id}/tokens`);
      expect(again.body.items[0]!.lastUsedAt).to.equal(used.body.items[0]!.lastUsedAt);
    });

    it('refuses a malformed, unknown or revoked token with 401 invalid_token at once, and a token on a session route with 403', async () => {
      const org = await organisation();
      const { token, item } = await createToken(org.admin.api, org.id);
      expect((await withToken(token)).status).to.equal(200);
      for (const header of [`Bearer ${token.slice(0, -1)}x`, 'Bearer vrk_nonsense', 'Basic dXNlcjpwYXNz', 'Bearer', `Bearer ${token}${token}`]) {
        const res = await fetch(`${app.url}/api/token`, { headers: { authorization: header } });
        expect(res.status, header).to.equal(401);
        expect(res.headers.get('www-authenticate'), header).to.match(/^Bearer /);
        expect(((await res.json()) as ErrorBody).error.code).to.equal('invalid_token');
      }
      for (const path of ['/api/my/organisations', `/api/organisations/${org.id}`, `/api/organisations/${org.id}/tokens`, '/api/staff/organisations', '/api/my/registrations']) {
        expect((await withToken(token, path)).status, path).to.equal(403);
      }
      const post = await withToken(token, `/api/organisations/${org.id}/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'door een sleutel' }) });
      expect(post.status).to.equal(403);
      // A session has no business on the token route.
      expect((await org.admin.api.get('/api/token')).status).to.equal(403);
      expect((await fetch(`${app.url}/api/token`)).status).to.equal(401);

      expect((await org.admin.api.call('DELETE', `/api/organisations/${org.id}/tokens/${item.id}`)).status).to.equal(204);
      const afterRevoke = await withToken(token);
      expect(afterRevoke.status).to.equal(401);
      expect(afterRevoke.headers.get('www-authenticate')).to.match(/invalid_token/);
      const twice = await org.admin.api.call<ErrorBody>('DELETE', `/api/organisations/${org.id}/tokens/${item.id}`);
      expect(twice.status).to.equal(409);
      expect(twice.body.error.code).to.equal('token_revoked');
      const listed = await org.admin.api.get<{ items: Token[] }>(`/api/organisations/${org.id}/tokens`);
      expect(listed.body.items[0]!.revokedAt).to.be.a('string');
      const actions = (await db().query(`SELECT action FROM audit_events WHERE subject_id = $1 AND action LIKE 'organisation.token%' ORDER BY id`, [org.id])) as Array<{ action: string }>;
      expect(actions.map((a) => a.action)).to.deep.equal(['organisation.token_created', 'organisation.token_revoked']);
    });

    it("limits calls per token to the register's requestsPerMinute (429 with Retry-After), each token on its own", async () => {
      const org = await organisation();
      const [rules] = (await db().query(`SELECT (settings->'cpd'->'apiTokens'->>'requestsPerMinute')::int AS n FROM registers LIMIT 1`)) as Array<{ n: number }>;
      const limit = rules!.n;
      const a = await createToken(org.admin.api, org.id);
      const b = await createToken(org.admin.api, org.id);
      const statuses: number[] = [];
      for (let i = 0; i < limit; i++) statuses.push((await withToken(a.token)).status);
      expect(statuses.every((s) => s === 200)).to.equal(true);
      const refused = await withToken(a.token);
      expect(refused.status).to.equal(429);
      expect(Number(refused.headers.get('retry-after'))).to.be.within(0, 60);
      expect(((await refused.json()) as ErrorBody).error.code).to.equal('rate_limited');
      expect((await withToken(b.token)).status).to.equal(200);
    });

    it('keeps active names unique, caps active tokens at the register’s maximum, and keeps tokens to admins of authorised organisations', async () => {
      const org = await organisation();
      await createToken(org.admin.api, org.id, 'Koppeling');
      const dup = await org.admin.api.post<ErrorBody>(`/api/organisations/${org.id}/tokens`, { name: 'Koppeling' });
      expect(dup.status).to.equal(409);
      expect(dup.body.error.code).to.equal('token_name_taken');
      expect((await org.admin.api.post(`/api/organisations/${org.id}/tokens`, { name: '' })).status).to.equal(400);
      expect((await org.admin.api.post(`/api/organisations/${org.id}/tokens`, { name: 'x'.repeat(101) })).status).to.equal(400);
      expect((await org.admin.api.post(`/api/organisations/${org.id}/tokens`, { name: 'a', scope: 'all' })).status).to.equal(400);

      const max = (await org.admin.api.get<{ maxActive: number }>(`/api/organisations/${org.id}/tokens`)).body.maxActive;
      const more = await Promise.all(Array.from({ length: max }, (_, i) => org.admin.api.post<ErrorBody>(`/api/organisations/${org.id}/tokens`, { name: `Parallel ${i}` })));
      expect(more.filter((r) => r.status === 201).length).to.equal(max - 1);
      expect(more.filter((r) => r.status === 409).map((r) => r.body.error.code)).to.deep.equal(['token_limit_reached']);
      const n = await count(`SELECT count(*)::int AS n FROM api_tokens WHERE organisation_id = $1 AND revoked_at IS NULL`, [org.id]);
      expect(n).to.equal(max);

      const pending = await organisation(false);
      expect((await pending.admin.api.post(`/api/organisations/${pending.id}/tokens`, { name: 'te vroeg' })).status).to.equal(403);
      expect((await org.admin.api.get(`/api/organisations/${pending.id}/tokens`)).status).to.equal(404);
      expect((await org.admin.api.call('DELETE', `/api/organisations/${pending.id}/tokens/00000000-0000-4000-8000-000000000000`)).status).to.equal(404);
      expect((await org.admin.api.call('DELETE', `/api/organisations/${org.id}/tokens/00000000-0000-4000-8000-000000000000`)).status).to.equal(404);
    });

    it('documents the token routes with the bearer scheme in the OpenAPI document', async () => {
      const doc = (await (await fetch(`${app.url}/api/docs/openapi.json`)).json()) as {
        components: { securitySchemes: Record<string, { scheme: string }> };
        paths: Record<string, Record<string, { security?: unknown }>>;
      };
      expect(doc.components.securitySchemes.apiToken!.scheme).to.equal('bearer');
      expect(doc.paths['/api/token']!.get!.security).to.deep.equal([{ apiToken: [] }]);
      expect(doc.paths['/api/my/organisations']!.get!.security).to.equal(undefined);
    });

    it('the documented demo token of npm start acts for Opleidingscentrum Noord (seeded once, idempotently)', async () => {
      await seedDemoApiToken(db());
      await seedDemoApiToken(db());
      const res = await withToken(DEMO_API_TOKEN);
      expect(res.status).to.equal(200);
      expect(((await res.json()) as { organisation: { name: string } }).organisation.name).to.equal('Opleidingscentrum Noord');
    });

    it('works for every organisation kind: the demo employer makes a token for its own organisation', async () => {
      const employer = apiClient((await oidcLogin(app.url, 'employer', 'demo-employer')).session, app.url);
      const [mine] = (await employer.get<{ items: Org[] }>('/api/my/organisations')).body.items;
      expect(mine).to.deep.include({ kind: 'employer', status: 'authorised', role: 'admin' });
      const { token } = await createToken(employer, mine!.id);
      const who = (await (await withToken(token)).json()) as { organisation: { kind: string; name: string } };
      expect(who.organisation).to.deep.equal({ id: mine!.id, kind: 'employer', name: 'Welzijn Oost' });
    });
  });
});
