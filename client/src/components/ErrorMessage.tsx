import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';

/** role="alert" box showing the server's error.message, or a translated fallback. */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  let message = t('errors.generic');
  let requestId: string | undefined;
  if (error instanceof ApiError) {
    if (error.hasServerMessage) message = error.message;
    else if (error.code === 'network_error') message = t('errors.network');
    requestId = error.requestId;
  }
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__title">{t('errors.title')}</p>
      <p>{message}</p>
      {requestId ? <p className="notice__meta">{t('errors.requestId', { id: requestId })}</p> : null}
    </div>
  );
}
