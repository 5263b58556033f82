import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthenticatedMe, Role } from '../api/types.js';
import { useMe } from '../api/me.js';
import { ErrorMessage } from './ErrorMessage.js';

/** Renders children only for a logged-in user (optionally with a role); otherwise a login prompt or a "no access" notice. */
export function RequireLogin({ role, children }: { role?: Role; children: (me: AuthenticatedMe) => ReactNode }) {
  const { t } = useTranslation();
  const { state } = useMe();
  if (state.status === 'loading') {
    return (
      <p className="notice notice--loading" aria-busy="true" role="status">
        {t('account.loading')}
      </p>
    );
  }
  if (state.status === 'error') return <ErrorMessage error={state.error} />;
  if (state.status === 'anonymous') {
    return (
      <div className="notice">
        <p className="notice__title">{t('account.anonymous')}</p>
        <p>{t('account.loginIntro')}</p>
        <a className="button" href="/auth/login">
          {t('account.login')}
        </a>
      </div>
    );
  }
  if (role && !state.me.roles.includes(role)) {
    return (
      <div className="notice">
        <p className="notice__title">{t('access.deniedTitle')}</p>
        <p>{t('access.deniedText')}</p>
      </div>
    );
  }
  return <>{children(state.me)}</>;
}
