import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { greetingName } from '../../api/me.js';
import { isRole } from '../../api/types.js';
import { MyRegistrations } from './MyRegistrations.js';
import { RequireLogin } from '../../components/RequireLogin.js';
import { useDocumentTitle } from '../../lib/hooks.js';
import { DetailRow } from '../../components/DetailRow.js';

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
              <DetailRow label={t('account.displayName')}>{greetingName(me)}</DetailRow>
              <DetailRow label={t('account.email')}>{me.account.email ?? t('account.emailUnknown')}</DetailRow>
              <DetailRow label={t('account.roles')}>
                {me.roles.length === 0 ? (
                  t('account.noRoles')
                ) : (
                  <ul className="plain-list">
                    {me.roles.map((role) => (
                      <li key={role}>{isRole(role) ? t(`role.${role}`) : role}</li>
                    ))}
                  </ul>
                )}
              </DetailRow>
              {me.person?.registrationNumber ? (
                <DetailRow label={t('account.registrationNumber')}>
                  <Link
                    className="mono"
                    to={`/register/${encodeURIComponent(me.person.registrationNumber)}`}
                  >
                    {me.person.registrationNumber}
                  </Link>
                </DetailRow>
              ) : null}
            </dl>
            {me.roles.includes('registrant') ? <MyRegistrations /> : null}
            {me.roles.includes('registrant') ? (
              <section aria-labelledby="cpd-account-heading">
                <h2 id="cpd-account-heading">{t('cpd.account.title')}</h2>
                <p>{t('cpd.account.text')}</p>
                <p>
                  <Link className="button" to="/cpd">
                    {t('cpd.account.link')}
                  </Link>
                </p>
              </section>
            ) : null}
            <p className="account__organisation">
              <Link to="/provider">{t('organisations.account.link')}</Link>
            </p>
          </>
        )}
      </RequireLogin>
    </>
  );
}
