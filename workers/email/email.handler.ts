import { UnrecoverableError, type Job } from 'bullmq';
import type { Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { rows } from '../../server/db/sql.js';
import { emailJobSchema } from '../../server/jobs/queues.js';
import { isEmailTemplate, renderEmail } from './email-templates.js';

/** A 'sending' claim older than this is taken to be from a worker that died mid-send. */
const STALE_CLAIM_MINUTES = 5;

interface ClaimedRow {
  id: string;
  template: string;
  to_address: string;
  locale: 'nl' | 'en';
  display_name: string | null;
  params: Record<string, unknown>;
}

/**
 * Sends one outbox row. Claims the row in the database first, so two workers (or a retry racing a slow
 * first attempt) never send the same mail twice; marks it sent after the SMTP server accepted it.
 */
export function createEmailHandler(deps: { db: DataSource; mailer: Transporter; from: string; publicUrl: string; logger: Logger }) {
  return async (job: Job): Promise<'sent' | 'already-sent'> => {
    const parsed = emailJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`invalid email job payload: ${parsed.error.message}`);
    const { outboxId } = parsed.data;

    const [row] = await rows<ClaimedRow>(
      deps.db,
      `UPDATE email_outbox o SET status = 'sending', attempts = attempts + 1, claimed_at = now()
        WHERE o.id = $1 AND (o.status = 'pending' OR (o.status = 'sending' AND o.claimed_at < now() - make_interval(mins => $2)))
        RETURNING o.id, o.template, o.to_address, o.locale, o.params,
                  (SELECT display_name FROM accounts a WHERE a.id = o.account_id) AS display_name`,
      [outboxId, STALE_CLAIM_MINUTES],
    );
    if (!row) {
      const existing = (await deps.db.query(`SELECT status FROM email_outbox WHERE id = $1`, [outboxId])) as Array<{ status: string }>;
      const status = existing[0]?.status;
      if (status === undefined) throw new UnrecoverableError(`outbox row ${outboxId} does not exist`);
      if (status === 'sent') return 'already-sent';
      // Someone else holds a fresh claim: retry later rather than sending twice.
      throw new Error(`outbox row ${outboxId} is ${status}`);
    }
    if (!isEmailTemplate(row.template)) {
      await deps.db.query(`UPDATE email_outbox SET status = 'failed', last_error = $2 WHERE id = $1`, [row.id, 'unknown template']);
      throw new UnrecoverableError(`unknown email template ${row.template}`);
    }
    const mail = renderEmail(row.template, row.locale, { displayName: row.display_name ?? '', publicUrl: deps.publicUrl, params: row.params });
    try {
      await deps.mailer.sendMail({ from: deps.from, to: row.to_address, subject: mail.subject, text: mail.text });
    } catch (err) {
      // Give the row back so the retry (BullMQ backoff) can claim it again.
      await deps.db.query(`UPDATE email_outbox SET status = 'pending', last_error = $2 WHERE id = $1`, [row.id, String(err).slice(0, 500)]);
      throw err;
    }
    await deps.db.query(`UPDATE email_outbox SET status = 'sent', sent_at = now(), last_error = NULL WHERE id = $1`, [row.id]);
    deps.logger.info({ outboxId: row.id, template: row.template }, 'email sent');
    return 'sent';
  };
}

/** After the last attempt, a row that still is not sent is marked failed so staff can see it. */
export async function markEmailFailed(db: DataSource, outboxId: string, error: string): Promise<void> {
  await db.query(`UPDATE email_outbox SET status = 'failed', last_error = $2 WHERE id = $1 AND status <> 'sent'`, [outboxId, error.slice(0, 500)]);
}
