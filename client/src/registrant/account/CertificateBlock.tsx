import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, getCertificateStatus, isAbortError, MY_CERTIFICATE_URL, type CertificateStatus } from '../../api/client.js';
import { useMe } from '../../api/me.js';
import { formatDate } from '../../lib/format.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { DetailRow } from '../../components/DetailRow.js';

export const CERTIFICATE_POLL_MS = 3000;

type State = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'success'; data: CertificateStatus };

/** Certificate status and download; polls every 3 s while the PDF is being made. */
export function CertificateBlock() {
  const { t, i18n } = useTranslation();
  const { state: meState } = useMe();
  const [state, setState] = useState<State>({ status: 'loading' });
  const pending = state.status === 'success' && state.data.newest?.status === 'pending';

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      getCertificateStatus(controller.signal).then(
        (data) => {
          setState({ status: 'success', data });
          if (data.newest?.status === 'pending') timer = setTimeout(load, CERTIFICATE_POLL_MS);
        },
        (error: unknown) => {
          if (isAbortError(error)) return;
          if (error instanceof ApiError && error.status === 404) setState({ status: 'success', data: { newest: null } });
          else setState({ status: 'error', error });
        },
      );
    };
    load();
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
  }, []);

  const registrationNumber = meState.status === 'authenticated' ? meState.me.person?.registrationNumber : null;
  const newest = state.status === 'success' ? state.data.newest : null;

  return (
    <section aria-labelledby="certificate-heading" className="certificate">
      <h2 id="certificate-heading">{t('certificate.title')}</h2>
      <div aria-live="polite" aria-busy={state.status === 'loading' || pending}>
        {state.status === 'loading' ? <p className="notice notice--loading">{t('certificate.loading')}</p> : null}
        {state.status === 'success' && !newest ? <p>{t('certificate.none')}</p> : null}
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
      {state.status === 'error' ? <ErrorMessage error={state.error} /> : null}
    </section>
  );
}
