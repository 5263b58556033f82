import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isNotFound } from '../../api/query-client.js';
import { useMyRegistration } from '../../api/registrations.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { RequireLogin } from '../../components/RequireLogin.js';
import { useDocumentTitle } from '../../lib/hooks.js';
import { ApplicationForm } from './ApplicationForm.js';
import { ApplicationView } from './ApplicationView.js';
import { usePageTitle } from './page-title.js';

/** /applications/:id — a concept as a form, anything later read-only. */
export function Application() {
  const { t } = useTranslation();
  return (
    <>
      <p className="back-link">
        <Link to="/account">{t('application.backToAccount')}</Link>
      </p>
      <RequireLogin>{() => <ApplicationLoader />}</RequireLogin>
    </>
  );
}

function ApplicationLoader() {
  const { t } = useTranslation();
  const pageTitle = usePageTitle();
  const { id = '' } = useParams();
  const query = useMyRegistration(id);
  const [justSubmitted, setJustSubmitted] = useState(false);

  useDocumentTitle(query.data ? pageTitle(query.data) : t('application.titleGeneric'));

  if (query.isPending) {
    return (
      <div aria-busy="true">
        <h1>{t('application.titleGeneric')}</h1>
        <p className="notice notice--loading" role="status">
          {t('application.loading')}
        </p>
      </div>
    );
  }
  if (query.isError && isNotFound(query.error)) {
    return (
      <>
        <h1>{t('application.notFoundTitle')}</h1>
        <p className="notice">{t('application.notFoundText')}</p>
      </>
    );
  }
  if (query.isError) {
    return (
      <>
        <h1>{t('application.titleGeneric')}</h1>
        <ErrorMessage error={query.error} />
      </>
    );
  }

  if (query.data.status === 'concept') {
    return <ApplicationForm key={query.data.id} detail={query.data} onSubmitted={() => setJustSubmitted(true)} />;
  }
  return <ApplicationView detail={query.data} justSubmitted={justSubmitted} />;
}
