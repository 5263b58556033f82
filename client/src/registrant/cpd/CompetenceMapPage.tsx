import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCompetenceMap } from '../../api/cpd.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { formatDate } from '../../lib/format.js';
import { CpdSubpage } from './CpdSubpage.js';
import './cpd.css';

/** /cpd/competences: the register's competence profile as a grid, covered or not by this cycle's approved learning. */
export function CompetenceMapPage() {
  const { t } = useTranslation();
  return (
    <CpdSubpage title={t('cpd.competences.title')}>
      {() => <MapBody />}
    </CpdSubpage>
  );
}

function MapBody() {
  const { t, i18n } = useTranslation();
  const query = useCompetenceMap();
  if (query.isPending) {
    return (
      <p className="notice notice--loading" role="status" aria-busy="true">
        {t('cpd.competences.loading')}
      </p>
    );
  }
  if (query.isError) return <ErrorMessage error={query.error} />;
  const map = query.data;
  const en = i18n.language === 'en';
  return (
    <>
      <p className="lead">{t('cpd.competences.intro')}</p>
      {map.cycle === null ? <p className="notice">{t('cpd.progress.noCycle')}</p> : null}
      <p className="cpd-numbers">{t('cpd.competences.summary', { covered: map.covered, total: map.total })}</p>
      <ul className="cpd-grid">
        {map.items.map((c) => (
          <li key={c.code} className={`cpd-cell ${c.covered ? 'cpd-cell--covered' : 'cpd-cell--open'}`}>
            <p className="cpd-cell__state">
              <span aria-hidden="true">{c.covered ? '✓ ' : '○ '}</span>
              {c.covered ? t('cpd.competences.covered') : t('cpd.competences.notCovered')}
            </p>
            <h2 className="legend--small">{en ? c.nameEn : c.name}</h2>
            {c.activities.length > 0 ? (
              <ul className="plain-list">
                {c.activities.map((a) => (
                  <li key={a.id}>
                    <Link to={`/cpd/activities/${a.id}`}>{a.title}</Link> <span className="hint-inline">({formatDate(a.completedOn, i18n.language)})</span>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
