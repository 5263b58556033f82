import { expect } from 'chai';
import type { QueryRunner } from 'typeorm';
import { apiClient } from '../helpers/api-client.js';
import { resetDatabase } from '../helpers/database.js';
import { PDF, PNG } from '../helpers/files.js';
import { oidcLogin } from '../helpers/http-session.js';
import { startTestApp, waitFor, type TestApp } from '../helpers/test-app.js';
import { completeAnswers } from '../helpers/answers.js';

interface Detail {
  id: string;
  status: string;
  application: { diplomaYear?: number };
  person: { familyName: string } | null;
  evidence: Array<{ id: string; kind: string }>;
}
interface ErrorBody {
  error: { code: string; message: string };
}
interface Settled<T> {
  done: boolean;
  result: Promise<T>;
}


/**
 * Defect 7.1: a save or an evidence removal that raced a submit changed the submitted application, because the
 * status was read before the row lock was taken (or no lock was taken at all). These tests hold the row lock
 * themselves to force the losing order: the submit is queued first, the save second.
 */
describe('applications: nothing changes an application once it is submitted, however requests interleave', function () {
  this.timeout(60_000);
  let app: TestApp;
  let seq = 0;

  before(async () => {
    app = await startTestApp({ workers: true });
    await resetDatabase(app.runtime.dataSource, app.config.oidc.issuer, 10);
  });
  after(() => app?.close());

  /** A complete concept with diploma and VOG, ready to submit. */
  async function completeConcept() {
    const username = `nieuw-lock-${Date.now()}-${++seq}`;
    const api = apiClient((await oidcLogin(app.url, username, 'demo-nieuw')).session, app.url);
    const n = `${Date.now()}${seq}`;
    const id = (await api.post<Detail>('/api/my/registrations', { variantCode: 'sociaal-werker' })).body.id;
    const person = { givenNames: 'Noor', prefix: null, familyName: `Bakker${n}`, email: `noor.${n}@example.nl` };
    expect((await api.patch(`/api/my/registrations/${id}`, { person, application: completeAnswers })).status).to.equal(200);
    expect((await api.upload(`/api/my/registrations/${id}/evidence`, 'diploma', PDF, 'diploma.pdf')).status).to.equal(201);
    const vog = await api.upload<{ id: string }>(`/api/my/registrations/${id}/evidence`, 'vog', PNG, 'vog.png');
    expect(vog.status).to.equal(201);
    return { api, id, vogId: vog.body.id, person };
  }

  /** Holds the registration's row lock until released, so the requests behind it queue in a known order. */
  async function holdRowLock(id: string): Promise<QueryRunner> {
    const runner = app.runtime.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.query(`SELECT 1 FROM registrations WHERE id = $1 FOR UPDATE`, [id]);
    return runner;
  }
  async function release(runner: QueryRunner): Promise<void> {
    await runner.commitTransaction();
    await runner.release();
  }

  async function blockedBackends(): Promise<number> {
    const [row] = (await app.runtime.dataSource.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE cardinality(pg_blocking_pids(pid)) > 0`)) as Array<{ n: number }>;
    return row!.n;
  }

  function track<T>(p: Promise<T>): Settled<T> {
    const s: Settled<T> = { done: false, result: p };
    void p.finally(() => (s.done = true)).catch(() => undefined);
    return s;
  }

  it('a save queued behind a submit is refused with 409 not_editable and changes nothing', async () => {
    const c = await completeConcept();
    const lock = await holdRowLock(c.id);
    let submit: Settled<{ status: number; body: Detail }>;
    let save: Settled<{ status: number; body: ErrorBody }>;
    try {
      submit = track(c.api.post<Detail>(`/api/my/registrations/${c.id}/submit`));
      await waitFor('submit waiting for the row lock', blockedBackends, (n) => n >= 1);
      save = track(c.api.patch<ErrorBody>(`/api/my/registrations/${c.id}`, { person: { ...c.person, familyName: 'Veranderd' }, application: { ...completeAnswers, diplomaYear: 1999 } }));
      // The fixed save waits for the lock; one that does not wait has already (wrongly) gone ahead.
      await waitFor('save waiting behind the submit', async () => ({ blocked: await blockedBackends(), done: save.done }), (s) => s.blocked >= 2 || s.done);
    } finally {
      await release(lock);
    }
    expect((await submit.result).status).to.equal(200);
    const saved = await save.result;
    expect(saved.status).to.equal(409);
    expect(saved.body.error.code).to.equal('not_editable');
    expect(saved.body.error.message).to.match(/submitted/);

    const after = (await c.api.get<Detail>(`/api/my/registrations/${c.id}`)).body;
    expect(after.status).to.equal('submitted');
    expect(after.application.diplomaYear).to.equal(2020);
    expect(after.person!.familyName).to.equal(c.person.familyName);
  });

  it('an evidence removal queued behind a submit is refused with 409 not_editable and the evidence stays', async () => {
    const c = await completeConcept();
    const lock = await holdRowLock(c.id);
    let submit: Settled<{ status: number; body: Detail }>;
    let remove: Settled<{ status: number; body: ErrorBody }>;
    try {
      submit = track(c.api.post<Detail>(`/api/my/registrations/${c.id}/submit`));
      await waitFor('submit waiting for the row lock', blockedBackends, (n) => n >= 1);
      remove = track(c.api.call<ErrorBody>('DELETE', `/api/my/registrations/${c.id}/evidence/${c.vogId}`));
      await waitFor('removal waiting behind the submit', async () => ({ blocked: await blockedBackends(), done: remove.done }), (s) => s.blocked >= 2 || s.done);
    } finally {
      await release(lock);
    }
    expect((await submit.result).status).to.equal(200);
    const removed = await remove.result;
    expect(removed.status).to.equal(409);
    expect(removed.body.error.code).to.equal('not_editable');

    const after = (await c.api.get<Detail>(`/api/my/registrations/${c.id}`)).body;
    expect(after.status).to.equal('submitted');
    expect(after.evidence.map((e) => e.kind).sort()).to.deep.equal(['diploma', 'vog']);
  });

  it('a save that gets the lock first is kept, and the submit after it submits what was saved', async () => {
    const c = await completeConcept();
    const lock = await holdRowLock(c.id);
    let save: Settled<{ status: number; body: Detail }>;
    let submit: Settled<{ status: number; body: Detail }>;
    try {
      save = track(c.api.patch<Detail>(`/api/my/registrations/${c.id}`, { application: { ...completeAnswers, diplomaYear: 2021 } }));
      await waitFor('save waiting for the row lock', blockedBackends, (n) => n >= 1);
      submit = track(c.api.post<Detail>(`/api/my/registrations/${c.id}/submit`));
      await waitFor('submit waiting behind the save', async () => ({ blocked: await blockedBackends(), done: submit.done }), (s) => s.blocked >= 2 || s.done);
    } finally {
      await release(lock);
    }
    expect((await save.result).status).to.equal(200);
    const submitted = await submit.result;
    expect(submitted.status).to.equal(200);
    expect(submitted.body.status).to.equal('submitted');
    expect(submitted.body.application.diplomaYear).to.equal(2021);
  });
});
