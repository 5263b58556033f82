import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCpdActivities } from '../../api/cpd.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { CpdStatusBadge } from './CpdStatusBadge.js';
import { CpdSubpage } from './CpdSubpage.js';
import './cpd.css';

/** /cpd/activities: every own activity, newest first. */
export function ActivityListPage() {
  const { t } = useTranslation();
  return (
    <CpdSubpage title={t('cpd.list.title')}>
      {() => <ListBody />}
    </CpdSubpage>
  );
}

function ListBody() {
  const { t, i18n } = useTranslation();
  const query = useCpdActivities();
  if (query.isPending) return <p className="notice notice--loading">{t('cpd.progress.loading')}</p>;
  if (query.isError) return <ErrorMessage error={query.error} />;
  if (query.data.items.length === 0) return <p>{t('cpd.list.empty')}</p>;
  return (
    <ul className="cpd-items">
      {query.data.items.map((a) => (
        <li className="cpd-item" key={a.id}>
          <div className="cpd-item__head">
            <Link className="cpd-item__title" to={`/cpd/activities/${a.id}`}>
              {a.title}
            </Link>
            <CpdStatusBadge status={a.status} />
          </div>
          <p className="cpd-item__meta">
            {formatDate(a.completedOn, i18n.language)}
            {a.points !== null ? ` · ${formatNumber(a.approvedPoints ?? a.points, i18n.language)} ${t('cpd.unit.points')}` : null}
            {a.hours !== null && a.supervisees === null ? ` · ${formatNumber(a.approvedPoints ?? a.hours, i18n.language)} ${t('cpd.unit.hours')}` : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
