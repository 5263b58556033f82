import type { EntityManager } from 'typeorm';
import { checkTransition, isRegistrationStatus, type RegistrationStatus, type TransitionRule } from '../../domain/lifecycle.js';
import { AppError, notFound } from '../../domain/errors.js';

export interface TransitionRequest {
  registrationId: string;
  to: RegistrationStatus;
  actor: TransitionRule['actor'];
  actorAccountId: string | null;
  reason: string | null;
  /** Optional guard: the caller saw this status; anything else means someone else moved it first (409). */
  expectedFrom?: RegistrationStatus;
}

export async function loadTransitionTable(m: EntityManager): Promise<TransitionRule[]> {
  const rows = (await m.query(`SELECT from_status, to_status, actor, requires_reason FROM registration_transitions`)) as Array<{
    from_status: string;
    to_status: string;
    actor: TransitionRule['actor'];
    requires_reason: boolean;
  }>;
  return rows.flatMap((r) =>
    isRegistrationStatus(r.from_status) && isRegistrationStatus(r.to_status)
      ? [{ from: r.from_status, to: r.to_status, actor: r.actor, requiresReason: r.requires_reason }]
      : [],
  );
}

/**
 * The only way a registration changes status: lock the row, check the edge against the transition table,
 * write the new status and the audit row (who, when, from, to, why) in the caller's transaction.
 */
export async function transitionRegistration(m: EntityManager, req: TransitionRequest): Promise<{ from: RegistrationStatus; to: RegistrationStatus }> {
  const rows = (await m.query(`SELECT status FROM registrations WHERE id = $1 FOR UPDATE`, [req.registrationId])) as Array<{ status: string }>;
  const current = rows[0]?.status;
  if (current === undefined || !isRegistrationStatus(current)) throw notFound('Registration');
  if (req.expectedFrom && req.expectedFrom !== current) {
    throw new AppError('status_changed', `The registration is now ${current}; reload and decide again.`, { current });
  }
  const check = checkTransition(await loadTransitionTable(m), current, req.to, req.actor, req.reason);
  if (!check.ok) throw new AppError(check.code, check.message, { from: current, to: req.to });
  await m.query(`UPDATE registrations SET status = $2, status_changed_at = now(), updated_at = now() WHERE id = $1`, [req.registrationId, req.to]);
  await m.query(
    `INSERT INTO registration_status_changes (registration_id, from_status, to_status, actor_kind, actor_account_id, reason) VALUES ($1, $2, $3, $4, $5, $6)`,
    [req.registrationId, current, req.to, req.actor, req.actorAccountId, req.reason?.trim() || null],
  );
  return { from: current, to: req.to };
}
