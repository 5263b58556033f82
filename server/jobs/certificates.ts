import type { Queue } from 'bullmq';
import type { z } from 'zod';
import { enqueueOn, JOBS } from './registry.js';

/** Certificate rendering: one job per certificate revision (deterministic id), carrying only the row id. Defined in ./registry.ts. */
export const certificateJobSchema = JOBS['certificate.render'].payload;
export type CertificateJob = z.infer<typeof certificateJobSchema>;

export const certificateJobId = (certificateId: string): string => JOBS['certificate.render'].jobId({ certificateId });

/** Same as enqueue(queues, 'certificate.render', { certificateId }). */
export async function enqueueCertificate(queue: Queue, certificateId: string): Promise<void> {
  await enqueueOn(queue, 'certificate.render', { certificateId });
}
