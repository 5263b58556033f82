import { expect } from 'chai';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { addDays, todayIn } from '../../server/domain/plain-date.js';
import { createLogger } from '../../server/logger.js';
import { EvidenceStore } from '../../server/storage/evidence-store.js';
import { createConceptCleanupHandler } from '../../workers/housekeeping/concept-cleanup.handler.js';
import { apiClient } from '../helpers/api-client.js';
import { resetDatabase } from '../helpers/database.js';
import { PDF } from '../helpers/files.js';
import { oidcLogin } from '../helpers/http-session.js';
import { clearMail, sentMail } from '../helpers/mail.js';
import { startTestApp, waitFor, type TestApp } from '../helpers/test-app.js';

describe('concept cleanup (scheduled housekeeping)', function () {
  this.timeout(60_000);
  let app: TestApp;
  let cleanup: ReturnType<typeof createConceptCleanupHandler>;

  before(async () => {
    app = await startTestApp({ workers: true });
    await resetDatabase(app.runtime.dataSource, app.config.oidc.issuer, 10);
    await clearMail();
    cleanup = createConceptCleanupHandler({ db: app.runtime.dataSource, queues: app.runtime.queues, evidence: new EvidenceStore(app.config.evidenceDir), logger: createLogger({ logLevel: 'silent' }, 't') });
  });
  after(() => app?.close());

  async function concept(): Promise<{ id: string; email: string; evidenceId: string }> {
    const username = `nieuw-concept-${Date.now()}`;
    const api = apiClient((await oidcLogin(app.url, username, 'demo-nieuw')).session, app.url);
    const { body } = await api.post<{ id: string }>('/api/my/registrations', { variantCode: 'sociaal-werker' });
    const up = await api.upload<{ id: string }>(`/api/my/registrations/${body.id}/evidence`, 'diploma', PDF, 'diploma.pdf');
    return { id: body.id, email: `${username}@example.nl`, evidenceId: up.body.id };
  }
  const age = (id: string, days: number) => app.runtime.dataSource.query(`UPDATE registrations SET status_changed_at = now() - make_interval(days => $2) WHERE id = $1`, [id, days]);
  const exists = async (id: string) => ((await app.runtime.dataSource.query(`SELECT 1 FROM registrations WHERE id = $1`, [id])) as unknown[]).length === 1;
  const file = (id: string) => path.join(app.config.evidenceDir, id.slice(0, 2), id);

  it('warns once, a week before the configured six weeks, and leaves young concepts alone', async () => {
    const young = await concept();
    const due = await concept();
    await age(young.id, 20);
    await age(due.id, 36);
    const first = await cleanup();
    expect(first.deleted).to.equal(0);
    await waitFor('warning mail', sentMail, (m) => m.some((x) => x.to.includes(due.email) && x.subject.includes('binnenkort verwijderd')));
    await cleanup();
    const mails = (await sentMail()).filter((m) => m.to.includes(due.email) && m.subject.includes('binnenkort verwijderd'));
    expect(mails).to.have.length(1);
    expect((await sentMail()).some((m) => m.to.includes(young.email) && m.subject.includes('binnenkort verwijderd'))).to.equal(false);
    expect(await exists(young.id)).to.equal(true);
  });

  it('deletes a concept past the retention period with its evidence, audited; never without the warning week', async () => {
    const old = await concept();
    await age(old.id, 50);
    // The worker was down: no warning went out yet, so this run warns and does not delete.
    const run1 = await cleanup();
    expect(run1.deleted).to.equal(0);
    expect(await exists(old.id)).to.equal(true);
    // A week after the warning it goes.
    await app.runtime.dataSource.query(`UPDATE registrations SET concept_warning_sent_at = now() - interval '8 days' WHERE id = $1`, [old.id]);
    expect(existsSync(file(old.evidenceId))).to.equal(true);
    const run2 = await cleanup();
    expect(run2.deleted).to.be.greaterThan(0);
    expect(await exists(old.id)).to.equal(false);
    expect(existsSync(file(old.evidenceId))).to.equal(false);
    const audit = (await app.runtime.dataSource.query(`SELECT action, actor_account_id FROM audit_events WHERE subject_id = $1 AND action = 'concept.deleted'`, [old.id])) as Array<{ actor_account_id: string | null }>;
    expect(audit).to.have.length(1);
  });

  it('names the day it will really delete a concept already past its retention, and keeps it until that day', async () => {
    const old = await concept();
    await age(old.id, 60);
    const run1 = await cleanup();
    expect(run1.deleted).to.equal(0);
    const [queued] = (await app.runtime.dataSource.query(
      `SELECT params->>'deleteOn' AS "deleteOn" FROM email_outbox WHERE template = 'concept_expiry_warning' AND params->>'registrationId' = $1`,
      [old.id],
    )) as Array<{ deleteOn: string }>;
    // Retention ended 18 days ago; the warning period of 7 days starts today (the register's time zone).
    const today = todayIn('Europe/Amsterdam');
    expect(queued!.deleteOn).to.equal(addDays(today, 7));
    await waitFor('warning mail', sentMail, (m) => m.some((x) => x.to.includes(old.email) && x.text.includes(addDays(today, 7))));

    // The day before the named day (as if six days had passed since the warning): still there.
    await app.runtime.dataSource.query(`UPDATE registrations SET concept_warning_sent_at = concept_warning_sent_at - interval '6 days' WHERE id = $1`, [old.id]);
    expect((await cleanup()).deleted).to.equal(0);
    expect(await exists(old.id)).to.equal(true);
    // On the named day it goes.
    await app.runtime.dataSource.query(`UPDATE registrations SET concept_warning_sent_at = concept_warning_sent_at - interval '1 day' WHERE id = $1`, [old.id]);
    expect((await cleanup()).deleted).to.be.at.least(1);
    expect(await exists(old.id)).to.equal(false);
  });

  it('never touches submitted applications or registrations, however old', async () => {
    const before = (await app.runtime.dataSource.query(`SELECT count(*)::int AS n FROM registrations WHERE status <> 'concept'`)) as Array<{ n: number }>;
    await app.runtime.dataSource.query(`UPDATE registrations SET status_changed_at = now() - interval '400 days', concept_warning_sent_at = now() - interval '300 days' WHERE status <> 'concept'`);
    await cleanup();
    const after = (await app.runtime.dataSource.query(`SELECT count(*)::int AS n FROM registrations WHERE status <> 'concept'`)) as Array<{ n: number }>;
    expect(after[0]!.n).to.equal(before[0]!.n);
  });
});
