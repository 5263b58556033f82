import { UnrecoverableError, type Job } from 'bullmq';
import type { Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { claimEmail, markEmailSent, releaseEmail } from '../../server/db/repositories/email-delivery.repository.js';
import { jobPayload } from '../job-payload.js';
import { isEmailTemplate, renderEmail } from './email-templates.js';

/** A 'sending' claim older than this is taken to be from a worker that died mid-send. */
const STALE_CLAIM_MINUTES = 5;

/**
 * Sends one outbox row. Claims the row in the database first, so two workers (or a retry racing a slow
 * first attempt) never send the same mail twice; marks it sent after the SMTP server accepted it.
 * A permanent failure throws UnrecoverableError; the job's final-failure step (workers/registry.ts) marks the row failed.
 */
export function createEmailHandler(deps: { db: DataSource; mailer: Transporter; from: string; publicUrl: string; logger: Logger }) {
  return async (job: Pick<Job, 'data'>): Promise<'sent' | 'already-sent'> => {
    const { outboxId } = jobPayload('email.send', job);
    const claim = await claimEmail(deps.db, outboxId, STALE_CLAIM_MINUTES);
    switch (claim.outcome) {
      case 'missing':
        throw new UnrecoverableError(`outbox row ${outboxId} does not exist`);
      case 'already-sent':
        return 'already-sent';
      case 'unavailable':
        // Someone else holds a fresh claim: retry later rather than sending twice.
        throw new Error(`outbox row ${outboxId} is ${claim.status}`);
      case 'claimed':
        break;
      default: {
        const unexpected: never = claim;
        throw new Error(`unexpected claim ${JSON.stringify(unexpected)}`);
      }
    }
    const { email } = claim;
    if (!isEmailTemplate(email.template)) throw new UnrecoverableError(`unknown email template ${email.template}`);
    const mail = renderEmail(email.template, email.locale, { displayName: email.displayName ?? '', publicUrl: deps.publicUrl, params: email.params });
    try {
      await deps.mailer.sendMail({ from: deps.from, to: email.toAddress, subject: mail.subject, text: mail.text });
    } catch (err) {
      // Give the row back so the retry (BullMQ backoff) can claim it again.
      await releaseEmail(deps.db, email.id, String(err));
      throw err;
    }
    await markEmailSent(deps.db, email.id);
    deps.logger.info({ outboxId: email.id, template: email.template }, 'email sent');
    return 'sent';
  };
}
