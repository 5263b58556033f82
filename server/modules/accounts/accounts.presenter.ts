import type { AccountView } from '../../db/repositories/accounts.repository.js';

export function presentMe(view: AccountView) {
  return {
    account: { id: view.id, displayName: view.displayName, email: view.email },
    roles: [...view.roles],
    person: view.person ? { registrationNumber: view.person.registrationNumber, name: view.person.name } : null,
  };
}
