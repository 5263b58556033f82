import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMyAccreditations } from '../../api/accreditations.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { RequireLogin } from '../../components/RequireLogin.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { useDocumentTitle } from '../../lib/hooks.js';
import { AccreditationBadge } from './parts.js';

/** /provider/accreditations — the organisation's requests with their status, code and validity. */
export function ProviderAccreditations() {
  const { t } = useTranslation();
  useDocumentTitle(t('accreditation.list.title'));
  return (
    <>
      <h1>{t('accreditation.list.title')}</h1>
      <RequireLogin role="provider">{() => <List />}</RequireLogin>
    </>
  );
}

function List() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const query = useMyAccreditations();
  return (
    <>
      <p className="lead">{t('accreditation.list.intro')}</p>
      <p>
        <Link className="button" to="/provider/accreditations/new">
          {t('accreditation.list.new')}
        </Link>{' '}
        <Link to="/agenda">{t('accreditation.list.agendaLink')}</Link>
      </p>
      {query.isPending ? (
        <p className="notice notice--loading" role="status">
          {t('accreditation.loading')}
        </p>
      ) : query.isError ? (
        <ErrorMessage error={query.error} />
      ) : query.data.items.length === 0 ? (
        <p className="notice">{t('accreditation.list.empty')}</p>
      ) : (
        <div className="table-wrap" data-scroll="" style={{ overflowX: 'auto' }}>
          <table className="table">
            <caption className="visually-hidden">{t('accreditation.list.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('accreditation.fields.title')}</th>
                <th scope="col">{t('accreditation.fields.status')}</th>
                <th scope="col">{t('accreditation.fields.code')}</th>
                <th scope="col">{t('accreditation.fields.points')}</th>
                <th scope="col">{t('accreditation.fields.validUntil')}</th>
                <th scope="col">{t('accreditation.fields.submittedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {query.data.items.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link to={`/provider/accreditations/${a.id}`}>{a.title}</Link>
                    <span className="cell__sub">{a.organisation.name}</span>
                  </td>
                  <td>
                    <AccreditationBadge status={a.status} />
                    {a.status === 'approved' && a.objectionOpen ? <span className="cell__sub">{t('accreditation.list.objectionOpen')}</span> : null}
                  </td>
                  <td className="mono">{a.code ?? t('common.none')}</td>
                  <td>{a.points === null ? t('common.none') : formatNumber(a.points, lang)}</td>
                  <td>{a.validUntil ? formatDate(a.validUntil, lang) : t('common.none')}</td>
                  <td>{formatDate(a.submittedAt, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
