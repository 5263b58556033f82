import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';

/**
 * role="alert" box: a translated message per error code; the server's own text only for codes we do not know.
 * `title` says what failed when the generic "something went wrong" would leave the reader guessing.
 */
export function ErrorMessage({ error, title }: { error: unknown; title?: string }) {
  const { t, i18n } = useTranslation();
  let message = t('errors.generic');
  let requestId: string | undefined;
  if (error instanceof ApiError) {
    const codeKey = `errors.code.${error.code}`;
    if (error.code === 'network_error') message = t('errors.network');
    else if (i18n.exists(codeKey)) message = t(codeKey);
    else if (error.hasServerMessage) message = error.message;
    requestId = error.requestId;
  }
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__title">{title ?? t('errors.title')}</p>
      <p>{message}</p>
      {requestId ? <p className="notice__meta">{t('errors.requestId', { id: requestId })}</p> : null}
    </div>
  );
}
