import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../lib/hooks.js';
import { loginFailureReason } from './login-failure.js';

/** /login/failed?reason=… — where the server sends every failed login: what happened, and the way back. */
export function LoginFailed() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const reason = loginFailureReason(params.get('reason'));
  useDocumentTitle(t('loginFailed.title'));
  return (
    <>
      <h1>{t('loginFailed.title')}</h1>
      <div className="notice notice--error">
        <p>{t(`loginFailed.reason.${reason}`)}</p>
      </div>
      <p className="actions">
        <a className="button" href="/auth/login">
          {t('loginFailed.retry')}
        </a>
        <Link to="/">{t('loginFailed.home')}</Link>
      </p>
    </>
  );
}
