import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isRole } from '../domain.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { MyRegistrations } from '../components/MyRegistrations.js';
import { useMe } from '../me.js';
import { useDocumentTitle } from '../hooks.js';

export function Account() {
  const { t } = useTranslation();
  const { state } = useMe();
  useDocumentTitle(t('account.title'));

  return (
    <>
      <h1>{t('account.title')}</h1>
      {state.status === 'loading' ? (
        <p className="notice notice--loading" aria-busy="true" role="status">
          {t('account.loading')}
        </p>
      ) : null}
      {state.status === 'error' ? <ErrorMessage error={state.error} /> : null}
      {state.status === 'anonymous' ? (
        <div className="notice">
          <p className="notice__title">{t('account.anonymous')}</p>
          <p>{t('account.loginIntro')}</p>
          <a className="button" href="/auth/login">
            {t('account.login')}
          </a>
        </div>
      ) : null}
      {state.status === 'authenticated' ? (
        <dl className="details">
          <div className="details__row">
            <dt>{t('account.displayName')}</dt>
            <dd>{state.me.account.displayName}</dd>
          </div>
          <div className="details__row">
            <dt>{t('account.email')}</dt>
            <dd>{state.me.account.email ?? t('account.emailUnknown')}</dd>
          </div>
          <div className="details__row">
            <dt>{t('account.roles')}</dt>
            <dd>
              {state.me.roles.length === 0 ? (
                t('account.noRoles')
              ) : (
                <ul className="plain-list">
                  {state.me.roles.map((role) => (
                    <li key={role}>{isRole(role) ? t(`role.${role}`) : role}</li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
          {state.me.person?.registrationNumber ? (
            <div className="details__row">
              <dt>{t('account.registrationNumber')}</dt>
              <dd>
                <Link
                  className="mono"
                  to={`/register/${encodeURIComponent(state.me.person.registrationNumber)}`}
                >
                  {state.me.person.registrationNumber}
                </Link>
              </dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      {state.status === 'authenticated' ? <MyRegistrations /> : null}
    </>
  );
}
