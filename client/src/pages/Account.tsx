import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isRole } from '../domain.js';
import { MyRegistrations } from '../components/MyRegistrations.js';
import { RequireLogin } from '../components/RequireLogin.js';
import { useDocumentTitle } from '../hooks.js';

export function Account() {
  const { t } = useTranslation();
  useDocumentTitle(t('account.title'));

  return (
    <>
      <h1>{t('account.title')}</h1>
      <RequireLogin>
        {(me) => (
          <>
            <dl className="details">
              <div className="details__row">
                <dt>{t('account.displayName')}</dt>
                <dd>{me.account.displayName}</dd>
              </div>
              <div className="details__row">
                <dt>{t('account.email')}</dt>
                <dd>{me.account.email ?? t('account.emailUnknown')}</dd>
              </div>
              <div className="details__row">
                <dt>{t('account.roles')}</dt>
                <dd>
                  {me.roles.length === 0 ? (
                    t('account.noRoles')
                  ) : (
                    <ul className="plain-list">
                      {me.roles.map((role) => (
                        <li key={role}>{isRole(role) ? t(`role.${role}`) : role}</li>
                      ))}
                    </ul>
                  )}
                </dd>
              </div>
              {me.person?.registrationNumber ? (
                <div className="details__row">
                  <dt>{t('account.registrationNumber')}</dt>
                  <dd>
                    <Link
                      className="mono"
                      to={`/register/${encodeURIComponent(me.person.registrationNumber)}`}
                    >
                      {me.person.registrationNumber}
                    </Link>
                  </dd>
                </div>
              ) : null}
            </dl>
            <MyRegistrations />
          </>
        )}
      </RequireLogin>
    </>
  );
}
