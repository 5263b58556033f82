import { z } from 'zod';
import { plainDate } from './common.js';

export const certificateStatus = z
  .object({
    newest: z
      .object({ revision: z.number().int().positive(), status: z.enum(['pending', 'rendered', 'failed']), issuedOn: plainDate, verificationCode: z.string() })
      .nullable(),
  })
  .meta({ id: 'CertificateStatus' });
export type CertificateStatus = z.infer<typeof certificateStatus>;
