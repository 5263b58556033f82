import { expect } from 'chai';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resetDatabase } from '../helpers/database.js';
import { oidcLogin } from '../helpers/http-session.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * Logins after the provider said yes: its token or userinfo endpoint fails, our own account lookup fails, or its
 * claims carry characters a name may not have. Each app gets a discovery document with one endpoint replaced;
 * passport's strategy is one per process, so each test starts (and closes) its own app.
 */
describe('logins after the provider answered', function () {
  this.timeout(60_000);
  let app: TestApp | null = null;
  let failing: Server;
  let failingUrl: string;
  /** What the fake userinfo endpoint (…/userinfo-as) answers. */
  let claims: Record<string, unknown> = {};

  before(async () => {
    // An endpoint that answers 500, and one where nothing listens.
    failing = createServer((req, res) => {
      if (req.url === '/userinfo-as') res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(claims));
      else res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"server_error"}');
    });
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    failingUrl = `http://127.0.0.1:${(failing.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    await app?.close();
    app = null;
  });
  after(() => new Promise<void>((resolve) => failing.close(() => resolve())));

  async function loginLandsOn(username: string, password: string): Promise<string> {
    const { landedOn, session } = await oidcLogin(app!.url, username, password);
    const me = await session.fetch(`${app!.url}/api/me`);
    expect(((await me.json()) as { account: unknown }).account, 'still logged out').to.equal(null);
    return landedOn;
  }

  it('sends an unreachable token endpoint to reason=provider_error', async () => {
    app = await startTestApp({ discovery: (d) => ({ ...d, token_endpoint: 'http://127.0.0.1:9/token' }) });
    await resetDatabase(app.runtime.dataSource, app.config.oidc.issuer, 10);
    expect(await loginLandsOn('registrant', 'demo-registrant')).to.equal(`${app.url}/login/failed?reason=provider_error`);
  });

  it('sends a failing userinfo endpoint to reason=provider_error', async () => {
    app = await startTestApp({ discovery: (d) => ({ ...d, userinfo_endpoint: `${failingUrl}/userinfo` }) });
    expect(await loginLandsOn('registrant', 'demo-registrant')).to.equal(`${app.url}/login/failed?reason=provider_error`);
  });

  it('sends a failure of our own account lookup to reason=unknown', async () => {
    app = await startTestApp();
    const db = app.runtime.dataSource;
    const username = `nieuw-broken-${Date.now()}`;
    await db.query(`CREATE FUNCTION test_refuse_account() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by test'; END $$`);
    await db.query(`CREATE TRIGGER test_refuse_account BEFORE INSERT ON accounts FOR EACH ROW WHEN (NEW.subject = '${username}') EXECUTE FUNCTION test_refuse_account()`);
    try {
      expect(await loginLandsOn(username, 'demo-nieuw')).to.equal(`${app.url}/login/failed?reason=unknown`);
    } finally {
      await db.query(`DROP TRIGGER test_refuse_account ON accounts`);
      await db.query(`DROP FUNCTION test_refuse_account()`);
    }
  });

  it('still logs in with the same app once nothing is broken', async () => {
    app = await startTestApp();
    const { landedOn } = await oidcLogin(app.url, 'registrant', 'demo-registrant');
    expect(landedOn).to.equal(`${app.url}/account`);
  });

  it("drops control and text-direction characters from the provider's name before it becomes a person's name", async () => {
    const username = `nieuw-claims-${Date.now()}`;
    claims = { sub: username, name: 'Mal\u202eicious\u0000 Naam', email: `${username}@example.nl` };
    app = await startTestApp({ discovery: (d) => ({ ...d, userinfo_endpoint: `${failingUrl}/userinfo-as` }) });
    const { session, landedOn } = await oidcLogin(app.url, username, 'demo-nieuw');
    expect(landedOn).to.equal(`${app.url}/account`);
    const origin = new URL(app.url).origin;
    const created = await session.fetch(`${app.url}/api/my/registrations`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json' },
      body: JSON.stringify({ variantCode: 'sociaal-werker' }),
    });
    const body = (await created.json()) as { person: { givenNames: string; familyName: string } };
    expect(created.status, JSON.stringify(body)).to.equal(201);
    expect(body.person).to.include({ givenNames: 'Malicious', familyName: 'Naam' });
  });
});
