import { UnrecoverableError, type Job } from 'bullmq';
import { JOBS, type JobName, type JobPayload } from '../server/jobs/registry.js';

/** The job's payload, validated by its definition; a payload no retry can repair fails the job for good. */
export function jobPayload<N extends JobName>(name: N, job: Pick<Job, 'data'>): JobPayload<N> {
  const parsed = JOBS[name].payload.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`invalid ${name} payload: ${parsed.error.message}`);
  return parsed.data as JobPayload<N>;
}
