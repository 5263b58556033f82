import { useTranslation } from 'react-i18next';
import type { PublicEntry, PublicMeasure } from '../api/types.js';
import { isMeasureType } from '../api/types.js';
import { DetailRow } from '../components/DetailRow.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { formatDate } from '../lib/format.js';

/** level: heading level of the name (1 on its own page, 2 below another title); largeStatus: a big status badge. */
export function EntryDetails({
  entry,
  level = 1,
  largeStatus = false,
}: {
  entry: PublicEntry;
  level?: 1 | 2;
  largeStatus?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const NameHeading = level === 1 ? 'h1' : 'h2';
  const SectionHeading = level === 1 ? 'h2' : 'h3';
  const lang = i18n.language;
  const date = (value: string | null) => (value ? formatDate(value, lang) : t('detail.notKnown'));

  return (
    <article className="entry">
      <NameHeading className="entry__name">{entry.name}</NameHeading>
      <dl className="details">
        <DetailRow label={t('detail.number')} mono>{entry.registrationNumber}</DetailRow>
        <DetailRow label={t('detail.status')}>
          <StatusBadge status={entry.status} size={largeStatus ? 'large' : undefined} />
        </DetailRow>
        <DetailRow label={t('detail.register')}>{entry.register.name}</DetailRow>
        <DetailRow label={t('detail.variants')}>
          {entry.variants.length === 0 ? (
            t('detail.noVariants')
          ) : (
            <ul className="plain-list">
              {entry.variants.map((v) => (
                <li key={v.code}>
                  {v.name} <span className={`kind kind--${v.kind}`}>{t(`variantKind.${v.kind}`)}</span>
                </li>
              ))}
            </ul>
          )}
        </DetailRow>
        <DetailRow label={t('detail.registeredSince')}>{date(entry.registeredSince)}</DetailRow>
        <DetailRow label={t('detail.validUntil')}>{date(entry.validUntil)}</DetailRow>
      </dl>

      <section className="measures" aria-labelledby="measures-heading">
        <SectionHeading id="measures-heading" className="measures__heading">{t('detail.measures')}</SectionHeading>
        {entry.measures.length === 0 ? (
          <p>{t('detail.noMeasures')}</p>
        ) : (
          <ul className="plain-list measures__list">
            {entry.measures.map((m, i) => (
              <li key={`${m.type}-${m.decisionDate}-${i}`}>
                <MeasureCard measure={m} lang={lang} level={level} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

function MeasureCard({ measure, lang, level }: { measure: PublicMeasure; lang: string; level: 1 | 2 }) {
  const { t } = useTranslation();
  const TypeHeading = level === 1 ? 'h3' : 'h4';
  const typeLabel = isMeasureType(measure.type) ? t(`measureType.${measure.type}`) : measure.type;
  const from = measure.startsOn ? formatDate(measure.startsOn, lang) : null;
  const to = measure.endsOn ? formatDate(measure.endsOn, lang) : null;
  const period =
    from && to
      ? t('detail.measure.periodFromTo', { from, to })
      : from
        ? t('detail.measure.periodFrom', { from })
        : to
          ? t('detail.measure.periodUntil', { to })
          : null;

  return (
    <div className="measure">
      <TypeHeading className="measure__type">{typeLabel}</TypeHeading>
      <dl className="details details--compact">
        <DetailRow label={t('detail.measure.body')}>{measure.body}</DetailRow>
        <DetailRow label={t('detail.measure.decisionDate')}>{formatDate(measure.decisionDate, lang)}</DetailRow>
        {period ? (
          <DetailRow label={t('detail.measure.period')}>{period}</DetailRow>
        ) : null}
        <DetailRow label={t('detail.measure.finality')}>
          {measure.final ? t('detail.measure.final') : t('detail.measure.notFinal')}
        </DetailRow>
        {measure.publicUntil ? (
          <DetailRow label={t('detail.measure.publicUntil')}>{formatDate(measure.publicUntil, lang)}</DetailRow>
        ) : null}
      </dl>
    </div>
  );
}
