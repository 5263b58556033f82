import { expect } from 'chai';
import { CorrectReregistrationDeadline1796117700000 } from '../../migrations/1796117700000-CorrectReregistrationDeadline.js';
import { addDays, addMonths, todayIn } from '../../server/domain/plain-date.js';
import { registerSettingsSchema } from '../../server/domain/register-rules.js';
import { apiClient } from '../helpers/api-client.js';
import { resetDatabase } from '../helpers/database.js';
import { PDF, PNG } from '../helpers/files.js';
import { oidcLogin } from '../helpers/http-session.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

interface Detail {
  id: string;
  cycle: { startsOn: string; endsOn: string; reregistrationOn: string; deadline: string } | null;
}

const today = todayIn('Europe/Amsterdam');

/** The herregistratiedatum is the registration date plus the cycle length; the request is due the day before it. */
describe('reregistration deadline', function () {
  this.timeout(60_000);
  let app: TestApp;

  before(async () => {
    app = await startTestApp();
    await resetDatabase(app.runtime.dataSource, app.config.oidc.issuer, 10);
  });
  after(() => app?.close());

  it('gives an approved registration the herregistratiedatum five years on and the deadline the day before it', async () => {
    const { session } = await oidcLogin(app.url, `nieuw-cycle-${Date.now()}`, 'demo-nieuw');
    const api = apiClient(session, app.url);
    const id = (await api.post<Detail>('/api/my/registrations', { variantCode: 'sociaal-werker' })).body.id;
    const answers = { diplomaCode: 'hbo-social-work', diplomaYear: 2020, vogIssuedOn: addMonths(today, -1), declarations: { beroepscode: true, tuchtrecht: true, publication: true } };
    expect((await api.patch(`/api/my/registrations/${id}`, { person: { givenNames: 'Cyclus', prefix: null, familyName: 'Test', email: 'cyclus@example.nl' }, application: answers })).status).to.equal(200);
    expect((await api.upload(`/api/my/registrations/${id}/evidence`, 'diploma', PDF, 'diploma.pdf')).status).to.equal(201);
    expect((await api.upload(`/api/my/registrations/${id}/evidence`, 'vog', PNG, 'vog.png')).status).to.equal(201);
    expect((await api.post(`/api/my/registrations/${id}/submit`)).status).to.equal(200);
    const staff = apiClient((await oidcLogin(app.url, 'staff', 'demo-staff')).session, app.url);
    expect((await staff.post(`/api/staff/applications/${id}/decision`, { decision: 'approve', expectedStatus: 'submitted' })).status).to.equal(200);

    const reregistrationOn = addMonths(today, 60);
    const { body } = await api.get<Detail>(`/api/my/registrations/${id}`);
    expect(body.cycle).to.deep.equal({ startsOn: today, endsOn: addDays(reregistrationOn, -1), reregistrationOn, deadline: addDays(reregistrationOn, -1) });
    const [stored] = (await app.runtime.dataSource.query(`SELECT to_char(cycle_deadline, 'YYYY-MM-DD') AS deadline FROM registrations WHERE id = $1`, [id])) as Array<{ deadline: string }>;
    expect(stored!.deadline).to.equal(addDays(reregistrationOn, -1));
  });

  it('names the setting after what it counts from', async () => {
    const [row] = (await app.runtime.dataSource.query(`SELECT settings FROM registers WHERE code = 'sociaal-werk'`)) as Array<{ settings: unknown }>;
    const settings = registerSettingsSchema.parse(row!.settings);
    expect(settings.cycle.deadlineDaysBeforeReregistration).to.equal(1);
    expect((row!.settings as { cycle: Record<string, unknown> }).cycle).to.not.have.property('deadlineDaysBeforeEnd');
  });

  it('the migration renames the setting and recomputes every stored deadline from the last cycle day', async () => {
    const db = app.runtime.dataSource;
    const runner = db.createQueryRunner();
    await runner.startTransaction();
    try {
      // The state before the migration: the old setting and deadlines one day before the last cycle day, some postponed.
      await runner.query(`UPDATE registers SET settings = jsonb_set(settings #- '{cycle,deadlineDaysBeforeReregistration}', '{cycle,deadlineDaysBeforeEnd}', '1')`);
      await runner.query(`UPDATE registrations SET cycle_deadline = cycle_ends_on - 1 WHERE cycle_ends_on IS NOT NULL`);
      const postponed = (await runner.query(`SELECT id FROM registrations WHERE cycle_ends_on IS NOT NULL ORDER BY id LIMIT 1`)) as Array<{ id: string }>;
      await runner.query(`UPDATE registrations SET cycle_ends_on = cycle_ends_on + 90, cycle_deadline = cycle_ends_on + 89 WHERE id = $1`, [postponed[0]!.id]);
      const before = (await runner.query(`SELECT count(*)::int AS n FROM registrations WHERE cycle_ends_on IS NOT NULL`)) as Array<{ n: number }>;
      expect(before[0]!.n).to.be.greaterThan(3);

      await new CorrectReregistrationDeadline1796117700000().up(runner);

      const wrong = (await runner.query(`SELECT id FROM registrations WHERE cycle_ends_on IS NOT NULL AND cycle_deadline <> cycle_ends_on`)) as unknown[];
      expect(wrong, 'deadline = herregistratiedatum − 1 = last cycle day').to.have.length(0);
      const [p] = (await runner.query(`SELECT cycle_ends_on - cycle_starts_on AS days FROM registrations WHERE id = $1`, [postponed[0]!.id])) as Array<{ days: number }>;
      expect(p!.days, 'a postponed end stays moved').to.be.greaterThan(5 * 365 + 80);
      const [row] = (await runner.query(`SELECT settings #> '{cycle}' AS cycle FROM registers WHERE code = 'sociaal-werk'`)) as Array<{ cycle: Record<string, unknown> }>;
      expect(row!.cycle).to.include({ deadlineDaysBeforeReregistration: 1 }).and.not.have.property('deadlineDaysBeforeEnd');

      // And back: down restores the old setting and the old (one day early) deadlines.
      await new CorrectReregistrationDeadline1796117700000().down(runner);
      const early = (await runner.query(`SELECT id FROM registrations WHERE cycle_ends_on IS NOT NULL AND cycle_deadline <> cycle_ends_on - 1`)) as unknown[];
      expect(early).to.have.length(0);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
