import { Queue, type ConnectionOptions } from 'bullmq';
import { z } from 'zod';
import { DEFAULT_JOB_OPTIONS } from './queues.js';

/** Certificate rendering: one job per certificate revision (deterministic id), carrying only the row id. */
export const CERTIFICATE_QUEUE = 'certificates';

export const certificateJobSchema = z.strictObject({ certificateId: z.uuid() });
export type CertificateJob = z.infer<typeof certificateJobSchema>;

export const certificateJobId = (certificateId: string): string => `certificate-${certificateId}`;

export function createCertificateQueue(connection: ConnectionOptions): Queue {
  return new Queue(CERTIFICATE_QUEUE, { connection, defaultJobOptions: DEFAULT_JOB_OPTIONS });
}

export async function enqueueCertificate(queue: Queue, certificateId: string): Promise<void> {
  const data: CertificateJob = { certificateId };
  await queue.add('render', data, { jobId: certificateJobId(certificateId) });
}
