import { expect } from 'chai';
import type { Job, Queue } from 'bullmq';
import { enqueue, JOB_NAMES, JOBS } from '../../server/jobs/registry.js';
import { createLogger } from '../../server/logger.js';
import { startWorkers } from '../../workers/workers.js';
import { resetDatabase } from '../helpers/database.js';
import { startTestApp, waitFor, type TestApp } from '../helpers/test-app.js';

describe('job registry: the worker process runs what it declares', () => {
  let app: TestApp;
  const db = () => app.runtime.dataSource;

  before(async () => {
    app = await startTestApp({ port: 0, workers: true });
    await resetDatabase(app.runtime.dataSource, app.config.oidc.issuer, 3);
  });
  after(() => app?.close());

  async function outboxRow(key: string, template = 'welcome'): Promise<string> {
    const [row] = (await db().query(`INSERT INTO email_outbox (dedupe_key, template, to_address) VALUES ($1, $2, $3) RETURNING id`, [key, template, 'registry@example.nl'])) as Array<{
      id: string;
    }>;
    return row!.id;
  }
  const outbox = async (id: string) =>
    ((await db().query(`SELECT status, last_error FROM email_outbox WHERE id = $1`, [id])) as Array<{ status: string; last_error: string | null }>)[0]!;
  const failedJob = (queue: Queue, job: Job) => waitFor(`job ${job.name} failed`, async () => ({ state: await job.getState(), job: await queue.getJob(job.id!) }), (s) => s.state === 'failed');

  it('fails a job of an unknown name for good, without retries, on every queue', async () => {
    const { email, maintenance, certificates } = app.runtime.queues;
    const jobs: Array<[Queue, Job]> = [
      [email, await email.add('email.bogus', {})],
      // A real job name on another job's queue is just as unknown there.
      [maintenance, await maintenance.add('email.send', { outboxId: '6f1c1c52-5a43-4a57-9c54-5b7c2f7f9a11' })],
      [certificates, await certificates.add('outbox.sweep', {})],
    ];
    for (const [queue, job] of jobs) {
      const { job: failed } = await failedJob(queue, job);
      expect(failed!.failedReason, job.name).to.match(/unknown job/);
      expect(failed!.attemptsMade, job.name).to.equal(1);
      expect(failed!.opts.attempts, job.name).to.be.greaterThan(1);
    }
  });

  it('marks the outbox row failed once its job fails for good: a permanent error at once, a transient one after the last attempt', async () => {
    const unknownTemplate = await outboxRow('registry:unknown-template', 'no_such_template');
    await enqueue(app.runtime.queues, 'email.send', { outboxId: unknownTemplate });
    const permanent = await waitFor('row failed', () => outbox(unknownTemplate), (r) => r.status === 'failed');
    expect(permanent.last_error).to.match(/unknown email template no_such_template/);

    // Another worker holds a fresh claim: transient, retried; with one attempt allowed, that attempt was the last.
    const busy = await outboxRow('registry:busy');
    await db().query(`UPDATE email_outbox SET status = 'sending', claimed_at = now() WHERE id = $1`, [busy]);
    const job = await app.runtime.queues.email.add('email.send', { outboxId: busy }, { jobId: JOBS['email.send'].jobId({ outboxId: busy }), attempts: 1 });
    await failedJob(app.runtime.queues.email, job);
    const exhausted = await waitFor('row failed', () => outbox(busy), (r) => r.status === 'failed');
    expect(exhausted.last_error).to.match(/is sending/);
  });

  it('marks a certificate revision failed once its job fails for good', async () => {
    const [person] = (await db().query(`SELECT id FROM persons WHERE registration_number IS NOT NULL LIMIT 1`)) as Array<{ id: string }>;
    const [bad] = (await db().query(
      `INSERT INTO certificates (person_id, revision, verification_code, snapshot, issued_on) VALUES ($1, 98, 'RRRRRRRRRR', '{"name": 42}'::jsonb, '2025-11-21') RETURNING id`,
      [person!.id],
    )) as Array<{ id: string }>;
    await enqueue(app.runtime.queues, 'certificate.render', { certificateId: bad!.id });
    const [row] = await waitFor(
      'certificate failed',
      async () => (await db().query(`SELECT status, attempts, last_error FROM certificates WHERE id = $1`, [bad!.id])) as Array<{ status: string; attempts: number; last_error: string }>,
      (r) => r[0]?.status === 'failed',
    );
    expect(row!.attempts).to.equal(1);
    expect(row!.last_error).to.match(/invalid snapshot/);
    await db().query(`DELETE FROM certificates WHERE id = $1`, [bad!.id]);
  });

  it('refuses to enqueue an invalid payload', async () => {
    let error: unknown;
    await enqueue(app.runtime.queues, 'email.send', { outboxId: 'not-a-uuid' }).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(Error);
    expect(await app.runtime.queues.email.getJob('email-not-a-uuid')).to.equal(undefined);
  });

  it('upserts every declared schedule at boot and removes schedulers no job declares any more', async () => {
    const maintenance = app.runtime.queues.maintenance;
    await maintenance.upsertJobScheduler('outbox-sweep', { every: 24 * 3600_000, startDate: Date.now() + 3600_000 }, { name: 'outbox-sweep' });
    const second = await startWorkers(app.config, app.runtime, createLogger({ logLevel: 'silent' }, 't'));
    await second.close(10_000);
    const scheduled = JOB_NAMES.filter((name) => JOBS[name].schedule);
    const schedulers = await maintenance.getJobSchedulers();
    expect(schedulers.map((s) => s.key).sort()).to.deep.equal([...scheduled].sort());
    for (const s of schedulers) expect(s.every, s.key).to.equal(JOBS[s.key as (typeof scheduled)[number]].schedule!.everyMs);
  });
});
