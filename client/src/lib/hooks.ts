import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Keep document.title in sync with the current page ("<page> – Vakregister"). */
export function useDocumentTitle(page: string | null): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = page ? t('app.documentTitle', { page }) : t('app.name');
  }, [page, t]);
}

/** A `page` URL parameter: a whole number from 1, else 1. */
export function parsePage(value: string | null): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}
