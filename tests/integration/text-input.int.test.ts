import { expect } from 'chai';
import { apiClient } from '../helpers/api-client.js';
import { resetDatabase } from '../helpers/database.js';
import { PDF, PNG } from '../helpers/files.js';
import { oidcLogin } from '../helpers/http-session.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { completeAnswers } from '../helpers/answers.js';

interface ErrorBody {
  error: { code: string; message: string; details?: Array<{ path: string; message: string }> };
}
interface Detail {
  id: string;
  status: string;
  staffQuestion: string | null;
  person: { givenNames: string; familyName: string } | null;
}


/** Control characters and text-direction tricks in what people type: a field-level 400, nothing stored. */
describe('text input', function () {
  this.timeout(60_000);
  let app: TestApp;
  let seq = 0;

  before(async () => {
    app = await startTestApp();
    await resetDatabase(app.runtime.dataSource, app.config.oidc.issuer, 10);
  });
  after(() => app?.close());

  async function concept() {
    const { session } = await oidcLogin(app.url, `nieuw-text-${Date.now()}-${++seq}`, 'demo-nieuw');
    const api = apiClient(session, app.url);
    const created = await api.post<Detail>('/api/my/registrations', { variantCode: 'sociaal-werker' });
    expect(created.status).to.equal(201);
    return { api, id: created.body.id };
  }
  const person = { givenNames: 'Lotte', prefix: 'van', familyName: 'Dijk', email: 'lotte.text@example.nl' };

  const badNames: Array<[string, Partial<typeof person>, string]> = [
    ['a NUL in the given names', { givenNames: 'Lot\u0000te' }, 'person.givenNames'],
    ['a NUL in the prefix', { prefix: 'v\u0000an' }, 'person.prefix'],
    ['a right-to-left override in the family name', { familyName: 'Dijk\u202efdp.exe' }, 'person.familyName'],
    ['a newline in the family name', { familyName: 'Dijk\nJansen' }, 'person.familyName'],
  ];
  for (const [what, change, path] of badNames) {
    it(`refuses ${what} with a field-level 400 and stores nothing`, async () => {
      const { api, id } = await concept();
      const before = (await api.get<Detail>(`/api/my/registrations/${id}`)).body.person;
      const res = await api.patch<ErrorBody>(`/api/my/registrations/${id}`, { person: { ...person, ...change } });
      expect(res.status, JSON.stringify(res.body)).to.equal(400);
      expect(res.body.error.code).to.equal('invalid_input');
      expect(res.body.error.details!.map((d) => d.path)).to.deep.equal([path]);
      expect((await api.get<Detail>(`/api/my/registrations/${id}`)).body.person).to.deep.equal(before);
    });
  }

  it('still accepts names with diacritics and non-Latin letters', async () => {
    const { api, id } = await concept();
    const res = await api.patch<Detail>(`/api/my/registrations/${id}`, { person: { ...person, givenNames: 'Zoë Ñúñez', familyName: 'Özdemir-محمد' } });
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
  });

  it('refuses a NUL in a staff reason or question, leaving the application as it was', async () => {
    const { api, id } = await concept();
    expect((await api.patch(`/api/my/registrations/${id}`, { person, application: completeAnswers })).status).to.equal(200);
    expect((await api.upload(`/api/my/registrations/${id}/evidence`, 'diploma', PDF, 'diploma.pdf')).status).to.equal(201);
    expect((await api.upload(`/api/my/registrations/${id}/evidence`, 'vog', PNG, 'vog.png')).status).to.equal(201);
    expect((await api.post(`/api/my/registrations/${id}/submit`)).status).to.equal(200);
    const staff = apiClient((await oidcLogin(app.url, 'staff', 'demo-staff')).session, app.url);
    for (const decision of [
      { decision: 'reject', expectedStatus: 'submitted', reason: 'Diploma\u0000 ontbreekt.' },
      { decision: 'request_info', expectedStatus: 'submitted', question: 'Stuur je\u001b cijferlijst.' },
    ]) {
      const res = await staff.post<ErrorBody>(`/api/staff/applications/${id}/decision`, decision);
      expect(res.status, JSON.stringify(res.body)).to.equal(400);
      expect(res.body.error.details!.map((d) => d.path)).to.deep.equal([decision.decision === 'reject' ? 'reason' : 'question']);
    }
    const after = await api.get<Detail>(`/api/my/registrations/${id}`);
    expect(after.body).to.include({ status: 'submitted', staffQuestion: null });
    const multiLine = await staff.post<Detail>(`/api/staff/applications/${id}/decision`, { decision: 'request_info', expectedStatus: 'submitted', question: 'Stuur je cijferlijst.\n\tAlle jaren graag.' });
    expect(multiLine.status, JSON.stringify(multiLine.body)).to.equal(200);
  });

  for (const q of ['%00', 'ab%00', 'de%00vries']) {
    it(`answers the public search ?q=${q} with 400`, async () => {
      const res = await fetch(`${app.url}/api/public/register?q=${q}`);
      const body = (await res.json()) as ErrorBody;
      expect(res.status, JSON.stringify(body)).to.equal(400);
      expect([...new Set(body.error.details!.map((d) => d.path))]).to.deep.equal(['q']);
    });
  }
});
