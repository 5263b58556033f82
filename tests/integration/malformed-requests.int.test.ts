import { expect } from 'chai';
import { resetDatabase } from '../helpers/database.js';
import { oidcLogin, type HttpSession } from '../helpers/http-session.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

interface ErrorBody {
  error: { code: string; message: string; requestId: string };
}

/** Requests that are broken on the wire: each is the caller's mistake, answered 4xx in the one error shape. */
describe('malformed requests', function () {
  this.timeout(60_000);
  let app: TestApp;
  let registrant: HttpSession;
  let staff: HttpSession;

  before(async () => {
    app = await startTestApp();
    await resetDatabase(app.runtime.dataSource, app.config.oidc.issuer, 10);
    registrant = (await oidcLogin(app.url, `nieuw-malformed-${Date.now()}`, 'demo-nieuw')).session;
    staff = (await oidcLogin(app.url, 'staff', 'demo-staff')).session;
  });
  after(() => app?.close());

  async function expectClientError(res: Response, statuses: number[], what: string): Promise<ErrorBody> {
    const text = await res.text();
    expect(statuses, `${what}: HTTP ${res.status} ${text}`).to.include(res.status);
    const body = JSON.parse(text) as ErrorBody;
    expect(body.error.code, what).to.be.a('string').and.not.equal('internal_error');
    expect(body.error.message, what).to.be.a('string');
    expect(body.error.requestId, what).to.be.a('string');
    return body;
  }

  describe('bad percent-encoding in a path parameter', () => {
    const paths = ['/api/public/register/%E0%A4%A', '/api/public/verify/%ZZ', '/api/my/registrations/%ZZ', '/api/my/registrations/%E0%A4%A/evidence/x', '/api/staff/applications/%ZZ', '/api/staff/applications/x/evidence/%ZZ'];
    for (const path of paths) {
      it(`answers 400 invalid_path for GET ${path}`, async () => {
        const session = path.startsWith('/api/staff') ? staff : registrant;
        const body = await expectClientError(await session.fetch(`${app.url}${path}`), [400], path);
        expect(body.error.code).to.equal('invalid_path');
      });
    }
  });
});
