import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PORTFOLIO_JSON_URL, portfolioPdfUrl, usePortfolioExport, useRequestPortfolio } from '../../api/cpd.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';

/** Portfolio downloads: the PDF is made by a worker (polled while "wordt gemaakt"), the JSON is immediate. */
export function PortfolioBlock() {
  const { t, i18n } = useTranslation();
  const [exportId, setExportId] = useState<string | null>(null);
  const request = useRequestPortfolio();
  const status = usePortfolioExport(exportId);
  const state = status.data?.status ?? (request.isPending ? 'pending' : null);
  const ask = () => request.mutate(i18n.language === 'en' ? 'en' : 'nl', { onSuccess: (e) => setExportId(e.id) });
  return (
    <section aria-labelledby="portfolio-heading">
      <h2 id="portfolio-heading">{t('cpd.portfolio.title')}</h2>
      <p>{t('cpd.portfolio.intro')}</p>
      <p className="actions">
        <button type="button" className="button" onClick={ask} disabled={state === 'pending'}>
          {t('cpd.portfolio.pdf')}
        </button>
        <a className="button button--secondary" href={PORTFOLIO_JSON_URL} download="portfolio.json">
          {t('cpd.portfolio.json')}
        </a>
      </p>
      <div aria-live="polite" aria-busy={state === 'pending'}>
        {state === 'pending' ? <p className="notice notice--loading">{t('cpd.portfolio.pending')}</p> : null}
        {state === 'rendered' && exportId ? (
          <p className="notice notice--success">
            {t('cpd.portfolio.ready')}{' '}
            <a className="button button--small" href={portfolioPdfUrl(exportId)} download>
              {t('cpd.portfolio.download')}
            </a>
          </p>
        ) : null}
        {state === 'failed' ? <p className="notice notice--error">{t('cpd.portfolio.failed')}</p> : null}
      </div>
      {request.isError ? <ErrorMessage error={request.error} /> : null}
      {status.isError ? <ErrorMessage error={status.error} /> : null}
    </section>
  );
}
