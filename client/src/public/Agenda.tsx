import { useId, useState, type FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useAgenda, type AgendaFilter } from '../api/accreditations.js';
import { useVariants } from '../api/variants.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { SelectField } from '../components/form/SelectField.js';
import { TextField } from '../components/form/TextField.js';
import { formatDate, formatNumber } from '../lib/format.js';
import { useDocumentTitle } from '../lib/hooks.js';

const PAGE_SIZE = 20;

/** The filter fields as the form holds them ('' when not chosen). */
type AgendaFields = Record<'q' | 'variant' | 'competence' | 'place' | 'from' | 'to', string>;

/** /agenda — accredited activities with upcoming runs, by text, variant, competence, place and dates. No login. */
export function Agenda() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  useDocumentTitle(t('accreditation.agenda.title'));
  const { register, handleSubmit } = useForm<AgendaFields>({ defaultValues: { q: '', variant: '', competence: '', place: '', from: '', to: '' } });
  const [filter, setFilter] = useState<AgendaFilter>({ page: 1, pageSize: PAGE_SIZE });
  const query = useAgenda(filter);
  const variants = useVariants();
  const ids = { q: useId(), variant: useId(), competence: useId(), place: useId(), from: useId(), to: useId() };
  // Empty fields are left out of the filter (and so out of the query key and the address of the request).
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    void handleSubmit((fields) => {
      const chosen = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== '')) as Partial<AgendaFields>;
      setFilter({ ...chosen, page: 1, pageSize: PAGE_SIZE });
    })(event);
  };
  const page = Number(filter.page ?? 1);
  const total = query.data?.total ?? 0;
  return (
    <>
      <h1>{t('accreditation.agenda.title')}</h1>
      <p className="lead">{t('accreditation.agenda.intro')}</p>
      <form className="filters" role="search" onSubmit={onSubmit}>
        <div className="filters__row">
          <TextField id={ids.q} label={t('accreditation.agenda.q')} type="search" maxLength={100} registration={register('q')} error={null} />
          <SelectField id={ids.variant} label={t('accreditation.agenda.variant')} registration={register('variant')} error={null}>
            <option value="">{t('accreditation.agenda.any')}</option>
            {(variants.data ?? []).map((v) => (
              <option key={v.code} value={v.code}>
                {lang === 'en' ? v.nameEn : v.name}
              </option>
            ))}
          </SelectField>
          <SelectField id={ids.competence} label={t('accreditation.agenda.competence')} registration={register('competence')} error={null}>
            <option value="">{t('accreditation.agenda.any')}</option>
            {(query.data?.competences ?? []).map((c) => (
              <option key={c.code} value={c.code}>
                {lang === 'en' ? c.nameEn : c.name}
              </option>
            ))}
          </SelectField>
          <TextField id={ids.place} label={t('accreditation.agenda.place')} maxLength={100} registration={register('place')} error={null} />
          <TextField id={ids.from} label={t('accreditation.agenda.from')} type="date" registration={register('from')} error={null} />
          <TextField id={ids.to} label={t('accreditation.agenda.to')} type="date" registration={register('to')} error={null} />
        </div>
        <button type="submit" className="button filters__submit">
          {t('accreditation.agenda.search')}
        </button>
      </form>
      {query.isError ? <ErrorMessage error={query.error} /> : null}
      {query.data ? (
        <>
          <p className="results__summary" role="status">
            {t('accreditation.agenda.count', { count: total })}
          </p>
          <ul className="cards plain-list">
            {query.data.items.map((item) => (
              <li key={item.code} className="card">
                <h2 className="card__title">{item.title}</h2>
                <p className="card__subtitle">
                  {item.provider} · {lang === 'en' ? item.form.name.en : item.form.name.nl} · {t('accreditation.agenda.points', { points: formatNumber(item.points, lang) })}
                </p>
                <p>
                  {t('accreditation.fields.code')}: <span className="mono">{item.code}</span> · {item.variants.map((v) => v.name).join(', ')}
                </p>
                {item.competences.length ? <p className="hint">{item.competences.map((c) => (lang === 'en' ? c.nameEn : c.name)).join(' · ')}</p> : null}
                <ul>
                  {item.runs.map((r, i) => (
                    <li key={i}>
                      {r.startsOn === r.endsOn ? formatDate(r.startsOn, lang) : `${formatDate(r.startsOn, lang)} – ${formatDate(r.endsOn, lang)}`}, {r.place}
                      {r.online ? ` (${t('accreditation.fields.online')})` : ''}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          {total > PAGE_SIZE ? (
            <nav className="pagination" aria-label={t('accreditation.agenda.pages')}>
              <button type="button" className="button button--secondary" disabled={page <= 1} onClick={() => setFilter({ ...filter, page: page - 1 })}>
                {t('accreditation.agenda.previous')}
              </button>
              <span className="pagination__status">{t('accreditation.agenda.pageOf', { page, pages: Math.ceil(total / PAGE_SIZE) })}</span>
              <button type="button" className="button button--secondary" disabled={page * PAGE_SIZE >= total} onClick={() => setFilter({ ...filter, page: page + 1 })}>
                {t('accreditation.agenda.next')}
              </button>
            </nav>
          ) : null}
        </>
      ) : null}
    </>
  );
}
