import type { EntityManager } from 'typeorm';
import { checkTransition, isRegistrationStatus, type RegistrationStatus, type TransitionRule } from '../../domain/lifecycle.js';
import { AppError, notFound } from '../../domain/errors.js';
import { RegistrationEntity, RegistrationStatusChangeEntity, RegistrationTransitionEntity } from '../entities/registration.entity.js';
import { lockRegistration } from './applications.repository.js';

export interface TransitionRequest {
  registrationId: string;
  to: RegistrationStatus;
  actor: TransitionRule['actor'];
  actorAccountId: string | null;
  reason: string | null;
  /** Optional guard: the caller saw this status; anything else means someone else moved it first (409). */
  expectedFrom?: RegistrationStatus;
}

export async function loadTransitionTable(db: EntityManager): Promise<TransitionRule[]> {
  const rows = await db.getRepository(RegistrationTransitionEntity).find();
  return rows.flatMap((r) =>
    isRegistrationStatus(r.fromStatus) && isRegistrationStatus(r.toStatus) ? [{ from: r.fromStatus, to: r.toStatus, actor: r.actor, requiresReason: r.requiresReason }] : [],
  );
}

/**
 * The only way a registration changes status: lock the row, check the edge against the transition table,
 * write the new status and the audit row (who, when, from, to, why) in the caller's transaction.
 */
export async function transitionRegistration(m: EntityManager, req: TransitionRequest): Promise<{ from: RegistrationStatus; to: RegistrationStatus }> {
  const current = await lockRegistration(m, req.registrationId);
  if (current === null || !isRegistrationStatus(current)) throw notFound('Registration');
  if (req.expectedFrom && req.expectedFrom !== current) {
    throw new AppError('status_changed', `The registration is now ${current}; reload and decide again.`, { current });
  }
  const check = checkTransition(await loadTransitionTable(m), current, req.to, req.actor, req.reason);
  if (!check.ok) throw new AppError(check.code, check.message, { from: current, to: req.to });
  await m.getRepository(RegistrationEntity).update({ id: req.registrationId }, { status: req.to, statusChangedAt: () => 'now()' });
  await m.getRepository(RegistrationStatusChangeEntity).insert({
    registrationId: req.registrationId,
    fromStatus: current,
    toStatus: req.to,
    actorKind: req.actor,
    actorAccountId: req.actorAccountId,
    reason: req.reason?.trim() || null,
  });
  return { from: current, to: req.to };
}
