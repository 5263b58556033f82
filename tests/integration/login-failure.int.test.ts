import { expect } from 'chai';
import { resetDatabase } from '../helpers/database.js';
import { HttpSession } from '../helpers/http-session.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

/** Every failed login lands on /login/failed with a reason, never on a raw error; and nobody is logged in. */
describe('login failures at /auth/callback', () => {
  let app: TestApp;

  before(async () => {
    app = await startTestApp();
    await resetDatabase(app.runtime.dataSource, app.config.oidc.issuer, 10);
  });
  after(() => app?.close());

  /** A session that started a real login at the dev provider, and the state it was given. */
  async function startedLogin(): Promise<{ session: HttpSession; state: string }> {
    const session = new HttpSession();
    const res = await session.fetch(`${app.url}/auth/login`);
    expect(res.status).to.equal(302);
    const state = new URL(res.headers.get('location')!).searchParams.get('state');
    expect(state, 'state in the authorization request').to.be.a('string');
    return { session, state: state! };
  }

  async function expectFailedLogin(session: HttpSession, query: string, reason: string): Promise<void> {
    const res = await session.fetch(`${app.url}/auth/callback${query}`);
    expect(res.status, `${query}: ${await res.text()}`).to.equal(302);
    expect(res.headers.get('location')).to.equal(`/login/failed?reason=${reason}`);
    const me = await session.fetch(`${app.url}/api/me`);
    expect(((await me.json()) as { account: unknown }).account, 'still logged out').to.equal(null);
  }

  const providerErrors: Array<[string, string]> = [
    ['login_required', 'login_required'],
    ['interaction_required', 'login_required'],
    ['access_denied', 'access_denied'],
    ['server_error', 'provider_error'],
    ['temporarily_unavailable', 'provider_error'],
    ['something_new', 'provider_error'],
  ];
  for (const [error, reason] of providerErrors) {
    it(`sends ?error=${error} from the provider to reason=${reason}`, async () => {
      const { session, state } = await startedLogin();
      await expectFailedLogin(session, `?error=${error}&error_description=nope&state=${encodeURIComponent(state)}`, reason);
    });
  }

  it('sends a bogus code with a valid state (the token endpoint refuses it) to reason=invalid_request', async () => {
    const { session, state } = await startedLogin();
    await expectFailedLogin(session, `?code=bogus-code&state=${encodeURIComponent(state)}`, 'invalid_request');
  });

  it('sends a callback without a session or a known state to reason=invalid_request', async () => {
    await expectFailedLogin(new HttpSession(), '?code=some-code&state=some-state', 'invalid_request');
    const { session } = await startedLogin();
    await expectFailedLogin(session, '?code=some-code&state=forged', 'invalid_request');
  });

  it('sends a callback with neither code nor error to reason=invalid_request instead of starting a new login', async () => {
    await expectFailedLogin(new HttpSession(), '', 'invalid_request');
  });
});
