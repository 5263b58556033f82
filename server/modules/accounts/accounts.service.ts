import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { recordLogin } from '../../db/repositories/accounts.repository.js';
import { findActor } from '../../db/repositories/actors.repository.js';
import type { Actor } from '../../policies/actor.js';
import { enqueue, type Queues } from '../../jobs/registry.js';

export class AccountsService {
  constructor(
    private readonly db: DataSource,
    private readonly queues: Queues,
    private readonly logger: Logger,
  ) {}

  /** Called by the OIDC verify step. The welcome mail is enqueued only after the transaction committed. */
  async onLogin(claims: { issuer: string; subject: string; displayName: string; email: string | null }): Promise<{ accountId: string }> {
    const result = await recordLogin(this.db, claims);
    if (result.welcomeOutboxId) {
      // If Redis is unavailable the outbox sweep re-enqueues the pending row; login must not fail over it.
      await enqueue(this.queues, 'email.send', { outboxId: result.welcomeOutboxId }).catch((err: unknown) =>
        this.logger.warn({ err, outboxId: result.welcomeOutboxId }, 'welcome mail not enqueued; the outbox sweep will retry'),
      );
    }
    return { accountId: result.accountId };
  }

  /** The actor behind a session's account, resolved once per request; null when the account is gone. */
  actor(accountId: string): Promise<Actor | null> {
    return findActor(this.db, accountId);
  }
}
