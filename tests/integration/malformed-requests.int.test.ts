import { expect } from 'chai';
import { gzipSync } from 'node:zlib';
import { resetDatabase } from '../helpers/database.js';
import { PDF } from '../helpers/files.js';
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
  let origin: string;

  before(async () => {
    app = await startTestApp();
    await resetDatabase(app.runtime.dataSource, app.config.oidc.issuer, 10);
    origin = new URL(app.url).origin;
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

  describe('a Content-Encoding that does not match the body', () => {
    for (const encoding of ['gzip', 'deflate', 'br']) {
      it(`answers 400 for a JSON body declared ${encoding} but sent plain, also anonymously`, async () => {
        for (const session of [registrant, null]) {
          const init = { method: 'POST', headers: { origin, 'content-type': 'application/json', 'content-encoding': encoding }, body: JSON.stringify({ variantCode: 'sociaal-werker' }) };
          const res = session ? await session.fetch(`${app.url}/api/my/registrations`, init) : await fetch(`${app.url}/api/my/registrations`, init);
          const body = await expectClientError(res, [400], `${encoding} ${session ? 'logged in' : 'anonymous'}`);
          expect(body.error.code).to.equal('malformed_body');
        }
        const mine = (await (await registrant.fetch(`${app.url}/api/my/registrations`)).json()) as { items: Array<{ variant: { code: string } }> };
        expect(mine.items, 'nothing created').to.have.length(0);
      });
    }

    it('answers 400 for a form body declared gzip but sent plain, and 415 for an encoding nobody knows', async () => {
      const form = await fetch(`${app.url}/auth/logout`, { method: 'POST', headers: { origin, 'content-type': 'application/x-www-form-urlencoded', 'content-encoding': 'gzip' }, body: 'a=1' });
      expect((await expectClientError(form, [400], 'form')).error.code).to.equal('malformed_body');
      const unknown = await fetch(`${app.url}/api/my/registrations`, { method: 'POST', headers: { origin, 'content-type': 'application/json', 'content-encoding': 'x-squeeze' }, body: '{}' });
      expect((await expectClientError(unknown, [415], 'unknown encoding')).error.code).to.equal('unsupported_encoding');
    });

    it('still reads a JSON body that really is gzip-compressed', async () => {
      const res = await registrant.fetch(`${app.url}/api/my/registrations`, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: gzipSync(JSON.stringify({ variantCode: 'bestaat-niet' })),
      });
      const text = await res.text();
      expect(res.status, text).to.equal(400);
      expect((JSON.parse(text) as ErrorBody).error.code).to.equal('unknown_variant');
    });

    it('refuses a Content-Encoding on a multipart upload with 415', async () => {
      const created = await registrant.fetch(`${app.url}/api/my/registrations`, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/json' },
        body: JSON.stringify({ variantCode: 'sociaal-werker' }),
      });
      expect(created.status).to.equal(201);
      const { id } = (await created.json()) as { id: string };
      const form = new FormData();
      form.append('kind', 'vog');
      form.append('file', new Blob([new Uint8Array(PDF)]), 'vog.pdf');
      const request = new Request(`${app.url}/api/my/registrations/${id}/evidence`, { method: 'POST', body: form });
      const headers = { origin, 'content-type': request.headers.get('content-type')!, 'content-encoding': 'gzip' };
      const bytes = Buffer.from(await request.arrayBuffer());
      const anonymous = await fetch(request.url, { method: 'POST', headers, body: bytes });
      expect(anonymous.status, 'anonymous').to.equal(401);
      await anonymous.arrayBuffer();
      const body = await expectClientError(await registrant.fetch(request.url, { method: 'POST', headers, body: bytes }), [415], 'multipart');
      expect(body.error.code).to.equal('unsupported_encoding');
    });
  });
});
