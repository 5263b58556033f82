import { expect } from 'chai';
import { resetDatabase } from '../helpers/database.js';
import { HttpSession, oidcLogin } from '../helpers/http-session.js';
import { clearMail, sentMail } from '../helpers/mail.js';
import { startTestApp, waitFor, type TestApp } from '../helpers/test-app.js';

interface Me {
  account: { id: string; displayName: string; email: string | null };
  roles: string[];
  person: { registrationNumber: string | null; name: string } | null;
}

describe('authentication through the OpenID provider', () => {
  let app: TestApp;

  before(async () => {
    app = await startTestApp({ workers: true });
    await resetDatabase(app.runtime.dataSource, app.config.oidc.issuer);
    await clearMail();
  });
  after(() => app?.close());

  const me = async (session: HttpSession) => session.fetch(`${app.url}/api/me`);
  const ANONYMOUS_ME = { account: null, roles: [], person: null };

  it('logs the demo registrant in with the authorization code flow and returns account, roles and person', async () => {
    const { session, landedOn } = await oidcLogin(app.url, 'registrant', 'demo-registrant');
    expect(landedOn).to.equal(`${app.url}/account`);
    const cookie = session.cookie(new URL(app.url).origin, 'vr.sid');
    expect(cookie, 'session cookie').to.be.a('string');
    const res = await me(session);
    expect(res.status).to.equal(200);
    const body = (await res.json()) as Me;
    expect(body.roles).to.deep.equal(['registrant']);
    expect(body.account.displayName).to.equal('Sanne de Vries');
    expect(body.person?.name).to.equal('Sanne de Vries');
    expect(body.person?.registrationNumber).to.match(/^\d{9}$/);
  });

  it('sets the session cookie HttpOnly and SameSite', async () => {
    const session = new HttpSession();
    const res = await session.fetch(`${app.url}/auth/login`);
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('vr.sid='));
    expect(setCookie).to.match(/HttpOnly/i);
    expect(setCookie).to.match(/SameSite=Lax/i);
  });

  it('refuses a wrong password at the provider and leaves the app logged out', async () => {
    const { session, landedOn } = await oidcLogin(app.url, 'registrant', 'wrong-password');
    expect(landedOn).to.not.equal(`${app.url}/account`);
    expect(await (await me(session)).json()).to.deep.equal(ANONYMOUS_ME);
  });

  it('refuses a callback with a forged state', async () => {
    const session = new HttpSession();
    await session.fetch(`${app.url}/auth/login`);
    const { url } = await session.follow(`${app.url}/auth/callback?code=forged&state=forged`);
    expect(url).to.equal(`${app.url}/account?login=failed`);
    expect(await (await me(session)).json()).to.deep.equal(ANONYMOUS_ME);
  });

  it('creates a registrant account for an unknown subject on first login, once, and sends one welcome mail', async () => {
    const username = `nieuw-${Date.now()}`;
    const first = await oidcLogin(app.url, username, 'demo-nieuw');
    const body = (await (await me(first.session)).json()) as Me;
    expect(body.roles).to.deep.equal(['registrant']);
    expect(body.person).to.equal(null);
    // A second login, concurrently with a third, must neither duplicate the account nor the mail.
    await Promise.all([oidcLogin(app.url, username, 'demo-nieuw'), oidcLogin(app.url, username, 'demo-nieuw')]);
    const accounts = (await app.runtime.dataSource.query(`SELECT id FROM accounts WHERE subject = $1`, [username])) as unknown[];
    expect(accounts).to.have.length(1);
    const mails = await waitFor('welcome mail', sentMail, (m) => m.some((x) => x.to.includes(`${username}@example.nl`)));
    // Give a duplicate every chance to show up: wait for the outbox row to be marked sent, then count.
    await waitFor(
      'outbox row sent',
      async () => (await app.runtime.dataSource.query(`SELECT status FROM email_outbox WHERE dedupe_key = $1`, [`welcome:${body.account.id}`])) as Array<{ status: string }>,
      (rows) => rows[0]?.status === 'sent',
    );
    const again = await sentMail();
    expect(again.filter((m) => m.to.includes(`${username}@example.nl`))).to.have.length(1);
    expect(mails.find((m) => m.to.includes(`${username}@example.nl`))!.subject).to.equal('Welkom bij Vakregister');
    const audit = (await app.runtime.dataSource.query(`SELECT action FROM audit_events WHERE subject_id = $1`, [body.account.id])) as Array<{ action: string }>;
    expect(audit.map((a) => a.action)).to.deep.equal(['account.created']);
  });

  it('takes roles from our database, not from the token', async () => {
    const { session } = await oidcLogin(app.url, 'registrant', 'demo-registrant');
    expect((await session.fetch(`${app.url}/api/staff/audit-events`)).status).to.equal(403);
    const db = app.runtime.dataSource;
    await db.query(`INSERT INTO account_roles (account_id, role) SELECT id, 'staff' FROM accounts WHERE subject = 'demo-registrant'`);
    try {
      expect((await session.fetch(`${app.url}/api/staff/audit-events`)).status).to.equal(200);
    } finally {
      await db.query(`DELETE FROM account_roles WHERE role = 'staff' AND account_id = (SELECT id FROM accounts WHERE subject = 'demo-registrant')`);
    }
    expect((await session.fetch(`${app.url}/api/staff/audit-events`)).status).to.equal(403);
  });

  it('lets staff read the audit trail; refuses others with 403 and anonymous callers with 401', async () => {
    const staff = (await oidcLogin(app.url, 'staff', 'demo-staff')).session;
    const res = await staff.fetch(`${app.url}/api/staff/audit-events?limit=5`);
    expect(res.status).to.equal(200);
    expect(((await res.json()) as { items: unknown[] }).items).to.be.an('array');
    expect((await staff.fetch(`${app.url}/api/staff/audit-events?limit=5000`)).status).to.equal(400);
    expect((await staff.fetch(`${app.url}/api/staff/audit-events?foo=1`)).status).to.equal(400);
    for (const [user, password] of [['employer', 'demo-employer'], ['provider', 'demo-provider'], ['municipality', 'demo-municipality']] as const) {
      const s = (await oidcLogin(app.url, user, password)).session;
      const r = await s.fetch(`${app.url}/api/staff/audit-events`);
      expect(r.status, user).to.equal(403);
      expect(((await r.json()) as { error: { code: string } }).error.code).to.equal('forbidden');
    }
    const anon = await fetch(`${app.url}/api/staff/audit-events`);
    expect(anon.status).to.equal(401);
    const anonMe = await fetch(`${app.url}/api/me`);
    expect(anonMe.status).to.equal(200);
    expect(await anonMe.json()).to.deep.equal(ANONYMOUS_ME);
  });

  it('keeps the session across an API restart', async () => {
    const { session } = await oidcLogin(app.url, 'employer', 'demo-employer');
    expect((await me(session)).status).to.equal(200);
    await app.close();
    app = await startTestApp({ workers: true });
    const res = await me(session);
    expect(res.status).to.equal(200);
    expect(((await res.json()) as Me).roles).to.deep.equal(['employer']);
  });

  it('logs out at our side: the session ends and /api/me answers as for an anonymous visitor', async () => {
    const { session } = await oidcLogin(app.url, 'municipality', 'demo-municipality');
    const oldCookie = session.cookie(new URL(app.url).origin, 'vr.sid')!;
    const res = await session.fetch(`${app.url}/auth/logout`, { method: 'POST', headers: { origin: new URL(app.url).origin } });
    expect(res.status).to.equal(204);
    expect(await (await me(session)).json()).to.deep.equal(ANONYMOUS_ME);
    // The old cookie is dead at the server too, not just cleared in this client.
    const replay = new HttpSession();
    replay.setCookie(new URL(app.url).origin, 'vr.sid', oldCookie);
    expect(await (await me(replay)).json()).to.deep.equal(ANONYMOUS_ME);
  });

  describe('CSRF and bad input on state-changing requests', () => {
    it('refuses a cross-site logout (wrong Origin) with 403 and keeps the session', async () => {
      const { session } = await oidcLogin(app.url, 'staff', 'demo-staff');
      const res = await session.fetch(`${app.url}/auth/logout`, { method: 'POST', headers: { origin: 'https://evil.example' } });
      expect(res.status).to.equal(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).to.equal('csrf_origin_mismatch');
      expect((await me(session)).status).to.equal(200);
    });

    it('refuses a cookie-carrying POST without Origin with 403', async () => {
      const { session } = await oidcLogin(app.url, 'staff', 'demo-staff');
      const res = await session.fetch(`${app.url}/auth/logout`, { method: 'POST' });
      expect(res.status).to.equal(403);
      expect((await me(session)).status).to.equal(200);
    });

    it('answers malformed JSON with 400 and an oversized body with 413', async () => {
      const origin = new URL(app.url).origin;
      const bad = await fetch(`${app.url}/auth/logout`, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: '{"a":' });
      expect(bad.status).to.equal(400);
      expect(((await bad.json()) as { error: { code: string } }).error.code).to.equal('malformed_body');
      const big = await fetch(`${app.url}/auth/logout`, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: JSON.stringify({ a: 'x'.repeat(200_000) }) });
      expect(big.status).to.equal(413);
    });

    it('answers unknown auth routes with 404', async () => {
      expect((await fetch(`${app.url}/auth/nothing`)).status).to.equal(404);
    });
  });

  it('sends security headers', async () => {
    const res = await fetch(`${app.url}/api/me`);
    expect(res.headers.get('content-security-policy')).to.contain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).to.equal('nosniff');
    expect(res.headers.get('x-frame-options')).to.equal('SAMEORIGIN');
    expect(res.headers.get('x-powered-by')).to.equal(null);
  });
});
