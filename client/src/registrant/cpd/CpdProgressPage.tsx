import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCpdProgress } from '../../api/cpd.js';
import type { CategoryProgress, CpdProgress } from '../../api/cpd-types.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { RequireLogin } from '../../components/RequireLogin.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { useDocumentTitle } from '../../lib/hooks.js';
import { CpdStatusBadge } from './CpdStatusBadge.js';
import { PortfolioBlock } from './PortfolioBlock.js';
import { barShares, explainItem, missingText } from './explain.js';
import './cpd.css';

/** /cpd: progress per norm and category, what is still missing, and why every point that does not count does not. */
export function CpdProgressPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('cpd.progress.title'));
  return (
    <>
      <h1>{t('cpd.progress.title')}</h1>
      <RequireLogin role="registrant">{() => <ProgressBody />}</RequireLogin>
    </>
  );
}

function ProgressBody() {
  const { t, i18n } = useTranslation();
  const query = useCpdProgress();
  const lang = i18n.language;
  if (query.isPending) {
    return (
      <p className="notice notice--loading" role="status" aria-busy="true">
        {t('cpd.progress.loading')}
      </p>
    );
  }
  if (query.isError) return <ErrorMessage error={query.error} />;
  const p = query.data;
  return (
    <>
      <p className="lead">{t('cpd.progress.intro')}</p>
      <p className="actions">
        <Link className="button" to="/cpd/activities/new">
          {t('cpd.progress.add')}
        </Link>
        <Link className="button button--secondary" to="/cpd/competences">
          {t('cpd.competences.title')}
        </Link>
        <Link className="button button--secondary" to="/cpd/activities">
          {t('cpd.progress.allActivities')}
        </Link>
      </p>
      {p.cycle === null ? (
        <p className="notice">{t('cpd.progress.noCycle')}</p>
      ) : (
        <>
          <p className="cpd-numbers">{t('cpd.progress.cycle', { from: formatDate(p.cycle.startsOn, lang), until: formatDate(p.cycle.reregistrationOn, lang) })}</p>
          <p className="cpd-numbers">{t('cpd.progress.deadline', { date: formatDate(p.cycle.deadline, lang) })}</p>
          {p.cycle.submittedOn ? <p className="notice">{t('cpd.progress.submittedOn', { date: formatDate(p.cycle.submittedOn, lang) })}</p> : null}
          <Missing progress={p} />
          {p.norms.map((norm) => (
            <section className="cpd-norm" key={norm.variantCode} aria-labelledby={`norm-${norm.variantCode}`}>
              <h2 id={`norm-${norm.variantCode}`}>
                {t(norm.specialist ? 'cpd.progress.normSpecialist' : 'cpd.progress.normGeneralist', { name: lang === 'en' ? norm.variantNameEn : norm.variantName })}
              </h2>
              {norm.categories.map((c) => (
                <Category key={c.code} category={c} progress={p} normKey={norm.variantCode} />
              ))}
            </section>
          ))}
          {p.unplaced.length > 0 ? (
            <section aria-labelledby="unplaced">
              <h2 id="unplaced">{t('cpd.progress.unplacedTitle')}</h2>
              <Items items={p.unplaced} category={{ unit: 'points', caps: [], minSessionMinutes: null }} progress={p} />
            </section>
          ) : null}
        </>
      )}
      <PortfolioBlock />
    </>
  );
}

function Missing({ progress }: { progress: CpdProgress }) {
  const { t, i18n } = useTranslation();
  if (progress.complete) return <p className="notice notice--success">{t('cpd.progress.complete')}</p>;
  return (
    <div className="cpd-missing" role="region" aria-labelledby="missing-heading">
      <h2 id="missing-heading" className="notice__title">
        {t('cpd.progress.missingTitle')}
      </h2>
      {progress.missing.length === 0 ? (
        <p>{t('cpd.progress.nothingMissing')}</p>
      ) : (
        <ul>
          {progress.missing.map((m, i) => (
            <li key={i}>{missingText(m, progress, t, i18n.language)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Category({ category: c, progress, normKey }: { category: CategoryProgress; progress: CpdProgress; normKey: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const unit = t(`cpd.unit.${c.unit}`);
  const shares = barShares(c);
  const n = (v: number) => formatNumber(v, lang);
  const id = `cat-${normKey}-${c.code}`;
  return (
    <section className="cpd-category" aria-labelledby={id}>
      <div className="cpd-category__head">
        <h3 id={id}>{c.name[lang]}</h3>
        {c.complete ? <span className="cpd-badge cpd-badge--approved">{t('cpd.progress.categoryComplete')}</span> : null}
      </div>
      <div className="cpd-bar" aria-hidden="true">
        <span className="cpd-bar__counted" style={{ width: `${shares.counted}%` }} />
        <span className="cpd-bar__pending" style={{ width: `${shares.pending}%` }} />
      </div>
      <p className="cpd-numbers">
        {t('cpd.progress.counted', { counted: n(c.counted), required: n(c.required), unit: t(`cpd.unit.${c.unit}`, { count: c.required }), count: c.counted })}
        {c.pending > 0 ? <span className="cpd-numbers__pending"> · {t('cpd.progress.pending', { pending: n(c.pending), unit })}</span> : null}
      </p>
      {c.caps.length + c.floors.length > 0 || c.minSessionMinutes !== null ? (
        <ul className="cpd-rules">
          {c.floors.map((f) => (
            <li key={`f-${f.code}`}>{t('cpd.progress.floor', { name: f.name[lang], minimum: n(f.minimum), counted: n(f.counted), unit })}</li>
          ))}
          {c.caps.map((cap) => (
            <li key={`c-${cap.code}`}>
              {t('cpd.progress.cap', { name: cap.name[lang], maximum: n(cap.maximum), counted: n(cap.counted), unit })}
              {cap.above > 0 ? ` — ${t('cpd.progress.capAbove', { above: n(cap.above), unit: t(`cpd.unit.${c.unit}`, { count: cap.above }), count: cap.above })}` : null}
            </li>
          ))}
          {c.minSessionMinutes !== null ? <li>{t('cpd.progress.minSession', { minutes: c.minSessionMinutes })}</li> : null}
        </ul>
      ) : null}
      <h4>{t('cpd.progress.activitiesTitle')}</h4>
      {c.items.length === 0 ? <p>{t('cpd.progress.noActivities')}</p> : <Items items={c.items} category={c} progress={progress} />}
    </section>
  );
}

function Items({ items, category, progress }: { items: CategoryProgress['items']; category: Pick<CategoryProgress, 'unit' | 'caps' | 'minSessionMinutes'>; progress: CpdProgress }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="cpd-items">
      {items.map((item) => {
        const a = progress.activities.find((x) => x.id === item.activityId);
        const why = explainItem(item, category, t, i18n.language);
        return (
          <li className="cpd-item" key={item.activityId}>
            <div className="cpd-item__head">
              <Link className="cpd-item__title" to={`/cpd/activities/${item.activityId}`}>
                {a?.title ?? item.activityId}
              </Link>
              {a ? <CpdStatusBadge status={a.status} /> : null}
            </div>
            <p className="cpd-item__meta">
              {a ? `${formatDate(a.completedOn, i18n.language)} · ` : null}
              {t('cpd.progress.itemCounted', {
                counted: formatNumber(item.counted, i18n.language),
                points: formatNumber(item.points, i18n.language),
                unit: t(`cpd.unit.${category.unit}`, { count: item.points }),
                count: item.counted,
              })}
            </p>
            {why.length > 0 ? (
              <ul className="cpd-item__why">
                {why.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
