import { expect } from 'chai';
import { UnrecoverableError, type Job } from 'bullmq';
import nodemailer from 'nodemailer';
import { enqueue, JOBS } from '../../server/jobs/registry.js';
import { createLogger } from '../../server/logger.js';
import { createEmailHandler } from '../../workers/email/email.handler.js';
import { createOutboxSweepHandler } from '../../workers/email/outbox-sweep.handler.js';
import { resetDatabase } from '../helpers/database.js';
import { clearMail, sentMail } from '../helpers/mail.js';
import { startTestApp, waitFor, type TestApp } from '../helpers/test-app.js';

describe('email worker', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ port: 0, workers: true });
    await resetDatabase(app.runtime.dataSource, app.config.oidc.issuer, 5);
  });
  after(() => app?.close());
  beforeEach(() => clearMail());

  async function outboxRow(key: string, to = `${key.replace(/\W/g, '')}@example.nl`): Promise<string> {
    const [row] = (await app.runtime.dataSource.query(
      `INSERT INTO email_outbox (dedupe_key, template, to_address) VALUES ($1, 'welcome', $2) RETURNING id`,
      [key, to],
    )) as Array<{ id: string }>;
    return row!.id;
  }
  const fakeJob = (data: unknown) => ({ data, id: 'x', attemptsMade: 0, opts: {} }) as unknown as Job;
  const statusOf = async (id: string) => ((await app.runtime.dataSource.query(`SELECT status, attempts FROM email_outbox WHERE id = $1`, [id])) as Array<{ status: string; attempts: number }>)[0];

  it('sends an enqueued mail once, even when the same job is enqueued three times', async () => {
    const id = await outboxRow('test:once');
    await Promise.all([enqueue(app.runtime.queues, 'email.send', { outboxId: id }), enqueue(app.runtime.queues, 'email.send', { outboxId: id }), enqueue(app.runtime.queues, 'email.send', { outboxId: id })]);
    await waitFor('row sent', () => statusOf(id), (r) => r?.status === 'sent');
    const mails = (await sentMail()).filter((m) => m.to.includes('testonce@example.nl'));
    expect(mails).to.have.length(1);
    expect((await statusOf(id))!.attempts).to.equal(1);
    // Enqueued again after it was sent (a sweep, a replay): still no second mail.
    await app.runtime.queues.email.remove(JOBS['email.send'].jobId({ outboxId: id }));
    await enqueue(app.runtime.queues, 'email.send', { outboxId: id });
    await waitFor('job done', async () => app.runtime.queues.email.getJobState(JOBS['email.send'].jobId({ outboxId: id })), (s) => s === 'completed');
    expect((await sentMail()).filter((m) => m.to.includes('testonce@example.nl'))).to.have.length(1);
  });

  it('refuses an invalid payload and a missing row as unrecoverable', async () => {
    const handler = createEmailHandler({ db: app.runtime.dataSource, mailer: nodemailer.createTransport(app.config.smtpUrl), from: 'x@example.nl', publicUrl: app.url, logger: createLogger({ logLevel: 'silent' }, 't') });
    for (const data of [{}, { outboxId: 'not-a-uuid' }, { outboxId: '6f1c1c52-5a43-4a57-9c54-5b7c2f7f9a11', extra: 1 }]) {
      let error: unknown;
      await handler(fakeJob(data)).catch((e: unknown) => (error = e));
      expect(error, JSON.stringify(data)).to.be.instanceOf(UnrecoverableError);
    }
    let missing: unknown;
    await handler(fakeJob({ outboxId: '6f1c1c52-5a43-4a57-9c54-5b7c2f7f9a11' })).catch((e: unknown) => (missing = e));
    expect(missing).to.be.instanceOf(UnrecoverableError);
  });

  it('gives the row back and rethrows on an SMTP failure, so BullMQ retries; nothing is lost', async () => {
    const id = await outboxRow('test:smtp-down');
    const broken = nodemailer.createTransport({ host: '127.0.0.1', port: 1, connectionTimeout: 1000 });
    const handler = createEmailHandler({ db: app.runtime.dataSource, mailer: broken, from: 'x@example.nl', publicUrl: app.url, logger: createLogger({ logLevel: 'silent' }, 't') });
    let error: unknown;
    await handler(fakeJob({ outboxId: id })).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(Error).and.not.instanceOf(UnrecoverableError);
    const row = await statusOf(id);
    expect(row).to.deep.equal({ status: 'pending', attempts: 1 });
    // The real worker picks it up when asked again.
    await enqueue(app.runtime.queues, 'email.send', { outboxId: id });
    await waitFor('row sent', () => statusOf(id), (r) => r?.status === 'sent');
  });

  it('re-enqueues pending rows whose job was lost (outbox sweep)', async () => {
    const id = await outboxRow('test:lost');
    await app.runtime.dataSource.query(`UPDATE email_outbox SET created_at = now() - interval '5 minutes' WHERE id = $1`, [id]);
    const swept = await createOutboxSweepHandler({ db: app.runtime.dataSource, queues: app.runtime.queues })();
    expect(swept).to.be.greaterThan(0);
    await waitFor('row sent', () => statusOf(id), (r) => r?.status === 'sent');
    expect((await sentMail()).filter((m) => m.to.includes('testlost@example.nl'))).to.have.length(1);
  });
});
