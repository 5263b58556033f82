import type { Me } from '../../contract/accounts.js';
import type { Actor } from '../../policies/actor.js';

export function presentMe(actor: Actor): Me {
  return {
    account: actor.account ? { id: actor.account.id, displayName: actor.account.displayName, email: actor.account.email } : null,
    roles: [...actor.roles],
    person: actor.person ? { registrationNumber: actor.person.registrationNumber, name: actor.person.name } : null,
  };
}
