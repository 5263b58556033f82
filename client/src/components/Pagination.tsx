import { useTranslation } from 'react-i18next';

/** Previous / next with "page n of m" for a paged list; `range` is the already translated "1–20 of 143". */
export function Pagination({ page, pages, range, onPage }: { page: number; pages: number; range: string; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  return (
    <nav className="pagination" aria-label={t('search.pagination.label')}>
      <button type="button" className="button button--secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('search.pagination.previous')}
      </button>
      <p className="pagination__status">
        <span>{range}</span>
        <span className="pagination__pages">{t('search.pagination.page', { page, pages })}</span>
      </p>
      <button type="button" className="button button--secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('search.pagination.next')}
      </button>
    </nav>
  );
}
