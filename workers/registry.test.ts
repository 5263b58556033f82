import { expect } from 'chai';
import { UnrecoverableError, type Job } from 'bullmq';
import { DEFAULT_JOB_OPTIONS, JOB_NAMES, JOBS, QUEUES } from '../server/jobs/registry.js';
import { JOB_BEHAVIOUR } from './registry.js';
import { isFinalFailure } from './workers.js';

describe('job registry', () => {
  it('gives every job definition a handler, on a declared queue', () => {
    expect(JOB_NAMES).to.have.length.greaterThan(0);
    expect(Object.keys(JOB_BEHAVIOUR).sort()).to.deep.equal([...JOB_NAMES].sort());
    for (const name of JOB_NAMES) {
      expect(typeof JOB_BEHAVIOUR[name].handler, name).to.equal('function');
      expect(QUEUES, name).to.have.property(JOBS[name].queue);
    }
  });

  it('schedules only jobs whose payload is empty, and accepts nothing else for them', () => {
    const scheduled = JOB_NAMES.filter((name) => JOBS[name].schedule);
    expect(scheduled).to.include.members(['outbox.sweep', 'certificate.sweep', 'concept.cleanup']);
    for (const name of scheduled) {
      const definition = JOBS[name];
      expect(definition.payload.safeParse({}).success, name).to.equal(true);
      expect(definition.payload.safeParse({ personId: 'x' }).success, name).to.equal(false);
      expect(definition.schedule!.everyMs, name).to.be.greaterThan(0);
    }
  });

  it('gives every enqueued job a deterministic id from ids only', () => {
    const id = '6f1c1c52-5a43-4a57-9c54-5b7c2f7f9a11';
    expect(JOBS['email.send'].jobId({ outboxId: id })).to.equal(`email-${id}`);
    expect(JOBS['certificate.render'].jobId({ certificateId: id })).to.equal(`certificate-${id}`);
    for (const name of JOB_NAMES) {
      const definition = JOBS[name];
      if (definition.schedule) continue;
      expect(definition.payload.safeParse({ ...Object.fromEntries(Object.keys(definition.payload.shape).map((k) => [k, id])), extra: 1 }).success, name).to.equal(false);
    }
  });

  it('keeps failed jobs by age and count, never forever', () => {
    expect(DEFAULT_JOB_OPTIONS.removeOnFail).to.deep.include({ age: 30 * 24 * 3600 });
    expect(DEFAULT_JOB_OPTIONS.removeOnFail).to.have.property('count').that.is.a('number');
  });

  it('counts a failure final after the last attempt, or at once when unrecoverable', () => {
    const job = (attemptsMade: number) => ({ attemptsMade, opts: { attempts: 3 } }) as unknown as Job;
    expect(isFinalFailure(job(1), new Error('smtp down'))).to.equal(false);
    expect(isFinalFailure(job(3), new Error('smtp down'))).to.equal(true);
    expect(isFinalFailure(job(1), new UnrecoverableError('no such row'))).to.equal(true);
  });
});
