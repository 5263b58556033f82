import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePublicEntry } from '../api/public.js';
import { isNotFound } from '../api/query-client.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useDocumentTitle } from '../lib/hooks.js';
import { EntryDetails } from './EntryDetails.js';

export function RegisterDetail() {
  const { t } = useTranslation();
  const { number = '' } = useParams();
  const query = usePublicEntry(number);
  const notFound = query.isError && isNotFound(query.error);

  useDocumentTitle(query.data ? query.data.name : notFound ? t('detail.notFoundTitle') : t('detail.title'));

  const back = (
    <p className="back-link">
      <Link to="/register">{t('detail.backToSearch')}</Link>
    </p>
  );

  if (query.isPending) {
    return (
      <div aria-busy="true">
        {back}
        <h1>{t('detail.title')}</h1>
        <p className="notice notice--loading" role="status">
          {t('detail.loading')}
        </p>
      </div>
    );
  }
  if (notFound) {
    return (
      <>
        {back}
        <h1>{t('detail.notFoundTitle')}</h1>
        <p className="notice">{t('detail.notFoundText', { number })}</p>
      </>
    );
  }
  if (query.isError) {
    return (
      <>
        {back}
        <h1>{t('detail.title')}</h1>
        <ErrorMessage error={query.error} />
      </>
    );
  }
  return (
    <>
      {back}
      <EntryDetails entry={query.data} />
    </>
  );
}
