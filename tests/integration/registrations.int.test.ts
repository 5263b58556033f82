import { expect } from 'chai';
import { transitionRegistration } from '../../server/db/repositories/registrations.repository.js';
import { AppError } from '../../server/domain/errors.js';
import { ERROR_STATUS } from '../../server/http/error-status.js';
import { resetDatabase } from '../helpers/database.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

describe('registration transitions', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ port: 0 });
    await resetDatabase(app.runtime.dataSource, app.config.oidc.issuer, 60);
  });
  after(() => app?.close());

  async function registrationIn(status: string): Promise<string> {
    const rows = (await app.runtime.dataSource.query(`SELECT id FROM registrations WHERE status = $1 AND parent_registration_id IS NULL LIMIT 1`, [status])) as Array<{ id: string }>;
    if (!rows[0]) throw new Error(`no seeded registration in ${status}`);
    return rows[0].id;
  }

  it('moves along an allowed edge and writes the audit row (who, when, from, to, why)', async () => {
    const id = await registrationIn('in_review');
    const [staff] = (await app.runtime.dataSource.query(`SELECT id FROM accounts WHERE subject = 'demo-staff'`)) as Array<{ id: string }>;
    await app.runtime.dataSource.transaction((m) => transitionRegistration(m, { registrationId: id, to: 'rejected', actor: 'staff', actorAccountId: staff!.id, reason: 'Diploma staat niet op de lijst' }));
    const [reg] = (await app.runtime.dataSource.query(`SELECT status FROM registrations WHERE id = $1`, [id])) as Array<{ status: string }>;
    expect(reg!.status).to.equal('rejected');
    const changes = (await app.runtime.dataSource.query(
      `SELECT from_status, to_status, actor_kind, actor_account_id, reason, occurred_at FROM registration_status_changes WHERE registration_id = $1 ORDER BY id`,
      [id],
    )) as Array<Record<string, unknown>>;
    expect(changes.at(-1)).to.deep.include({ from_status: 'in_review', to_status: 'rejected', actor_kind: 'staff', actor_account_id: staff!.id, reason: 'Diploma staat niet op de lijst' });
    expect(changes.at(-1)!.occurred_at).to.be.instanceOf(Date);
  });

  it('refuses an edge that is not in the table with 409 and changes nothing', async () => {
    const id = await registrationIn('concept');
    let error: unknown;
    await app.runtime.dataSource
      .transaction((m) => transitionRegistration(m, { registrationId: id, to: 'registered', actor: 'staff', actorAccountId: null, reason: null }))
      .catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(AppError);
    expect(ERROR_STATUS[(error as AppError).code]).to.equal(409);
    const [reg] = (await app.runtime.dataSource.query(`SELECT status FROM registrations WHERE id = $1`, [id])) as Array<{ status: string }>;
    expect(reg!.status).to.equal('concept');
  });

  it('lets exactly one of two concurrent decisions win; the other gets 409', async () => {
    const id = await registrationIn('submitted');
    const attempt = () =>
      app.runtime.dataSource.transaction((m) => transitionRegistration(m, { registrationId: id, to: 'in_review', actor: 'staff', actorAccountId: null, reason: null, expectedFrom: 'submitted' }));
    const results = await Promise.allSettled([attempt(), attempt()]);
    expect(results.filter((r) => r.status === 'fulfilled')).to.have.length(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(ERROR_STATUS[(rejected.reason as AppError).code]).to.equal(409);
    const changes = (await app.runtime.dataSource.query(`SELECT count(*)::int AS n FROM registration_status_changes WHERE registration_id = $1 AND to_status = 'in_review'`, [id])) as Array<{ n: number }>;
    expect(changes[0]!.n).to.equal(1);
  });

  it('database constraints keep one live registration per person and variant', async () => {
    const [row] = (await app.runtime.dataSource.query(`SELECT person_id, variant_id FROM registrations WHERE status = 'registered' AND parent_registration_id IS NULL LIMIT 1`)) as Array<{ person_id: string; variant_id: string }>;
    let error: unknown;
    await app.runtime.dataSource
      .query(`INSERT INTO registrations (person_id, variant_id, status) VALUES ($1, $2, 'concept')`, [row!.person_id, row!.variant_id])
      .catch((e: unknown) => (error = e));
    expect(String(error)).to.match(/registrations_one_live_per_variant/);
  });
});
