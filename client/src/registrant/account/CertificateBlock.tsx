import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { MY_CERTIFICATE_URL } from '../../api/client.js';
import { useCertificateStatus } from '../../api/registrations.js';
import { useMe } from '../../api/me.js';
import { formatDate } from '../../lib/format.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { DetailRow } from '../../components/DetailRow.js';

/** Certificate status and download; polls every 3 s while the PDF is being made. */
export function CertificateBlock() {
  const { t, i18n } = useTranslation();
  const { state: meState } = useMe();
  const query = useCertificateStatus();
  const pending = query.data?.newest?.status === 'pending';

  const registrationNumber = meState.status === 'authenticated' ? meState.me.person?.registrationNumber : null;
  const newest = query.data?.newest ?? null;

  return (
    <section aria-labelledby="certificate-heading" className="certificate">
      <h2 id="certificate-heading">{t('certificate.title')}</h2>
      <div aria-live="polite" aria-busy={query.isPending || pending}>
        {query.isPending ? <p className="notice notice--loading">{t('certificate.loading')}</p> : null}
        {query.isSuccess && !newest ? <p>{t('certificate.none')}</p> : null}
        {newest?.status === 'pending' ? <p className="notice notice--loading">{t('certificate.pending')}</p> : null}
        {newest?.status === 'failed' ? (
          <div className="notice notice--error">
            <p className="notice__title">{t('certificate.failedTitle')}</p>
            <p>{t('certificate.failed')}</p>
          </div>
        ) : null}
        {newest?.status === 'rendered' ? (
          <div className="notice">
            <p className="notice__title">{t('certificate.ready')}</p>
            <dl className="details details--compact">
              {newest.issuedOn ? (
                <DetailRow label={t('certificate.issuedOn')}>{formatDate(newest.issuedOn, i18n.language)}</DetailRow>
              ) : null}
              <DetailRow label={t('certificate.revision')}>{newest.revision}</DetailRow>
              {newest.verificationCode ? (
                <DetailRow label={t('certificate.verificationCode')} mono>{newest.verificationCode}</DetailRow>
              ) : null}
            </dl>
            <p>
              <a className="button" href={MY_CERTIFICATE_URL} download>
                {t('certificate.download')}
              </a>
            </p>
            {registrationNumber && newest.verificationCode ? (
              <p>
                <Link
                  to={`/verify/${encodeURIComponent(registrationNumber)}?${new URLSearchParams({ code: newest.verificationCode }).toString()}`}
                >
                  {t('certificate.verifyLink')}
                </Link>
              </p>
            ) : null}
          </div>
        ) : null}
      </div>
      {query.isError ? <ErrorMessage error={query.error} /> : null}
    </section>
  );
}
