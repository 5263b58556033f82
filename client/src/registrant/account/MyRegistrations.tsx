import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMyRegistrations } from '../../api/registrations.js';
import type { MyRegistration, MyRegistrations as MyRegistrationsData } from '../../api/types.js';
import { isNextStep } from '../../api/types.js';
import { formatDate } from '../../lib/format.js';
import { CertificateBlock } from './CertificateBlock.js';
import { CycleTimeline } from '../../components/CycleTimeline.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { DetailRow } from '../../components/DetailRow.js';
import { variantName } from '../../lib/names.js';

/** "Mijn registraties" on the account page: cards per registration, apply buttons and the certificate. */
export function MyRegistrations() {
  const { t } = useTranslation();
  const query = useMyRegistrations();

  return (
    <>
      <section aria-labelledby="my-registrations-heading" aria-busy={query.isPending}>
        <h2 id="my-registrations-heading">{t('myRegistrations.title')}</h2>
        {query.isPending ? (
          <p className="notice notice--loading" role="status">
            {t('myRegistrations.loading')}
          </p>
        ) : null}
        {query.isError ? <ErrorMessage error={query.error} /> : null}
        {query.isSuccess ? <RegistrationList data={query.data} /> : null}
      </section>
      {query.isSuccess && hasCertificate(query.data) ? <CertificateBlock /> : null}
    </>
  );
}

/** Someone who was ever registered has a number, and with it a certificate (its block says when it is not ready). */
function hasCertificate(data: MyRegistrationsData): boolean {
  return data.person?.registrationNumber != null;
}

function RegistrationList({ data }: { data: MyRegistrationsData }) {
  const { t } = useTranslation();
  // What may be applied for is the server's answer, never a status list of our own.
  const canApplyGeneralist = data.can.apply.some((a) => a.kind === 'generalist');
  const canApplySpecialist = data.can.apply.some((a) => a.kind === 'specialist');

  return (
    <>
      {data.items.length === 0 ? <p>{t('myRegistrations.none')}</p> : null}
      {canApplyGeneralist || canApplySpecialist ? (
        <p className="actions">
          {canApplyGeneralist ? (
            <Link className="button" to="/apply">
              {t('myRegistrations.apply')}
            </Link>
          ) : null}
          {canApplySpecialist ? (
            <Link className="button button--secondary" to="/apply?kind=specialist">
              {t('myRegistrations.applySpecialist')}
            </Link>
          ) : null}
        </p>
      ) : null}
      {data.items.length > 0 ? (
        <ul className="plain-list cards">
          {data.items.map((r) => (
            <li key={r.id}>
              <RegistrationCard registration={r} />
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

export function NextStepText({ step }: { step: string }) {
  const { t } = useTranslation();
  return <>{isNextStep(step) ? t(`nextStep.${step}`) : step}</>;
}

/** The rows a registrant reads about one application or registration: next step, number and dates. */
export function RegistrationFacts({ registration: r }: { registration: MyRegistration }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <>
      <DetailRow label={t('myRegistrations.nextStep')}>
        <NextStepText step={r.nextStep} />
      </DetailRow>
      {r.registrationNumber ? (
        <DetailRow label={t('account.registrationNumber')} mono>{r.registrationNumber}</DetailRow>
      ) : null}
      {r.submittedAt ? (
        <DetailRow label={t('myRegistrations.submittedAt')}>{formatDate(r.submittedAt, lang)}</DetailRow>
      ) : null}
      {r.registeredOn ? (
        <DetailRow label={t('myRegistrations.registeredOn')}>{formatDate(r.registeredOn, lang)}</DetailRow>
      ) : null}
    </>
  );
}

function RegistrationCard({ registration: r }: { registration: MyRegistration }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const headingId = `reg-${r.id}`;
  return (
    <article className="card" aria-labelledby={headingId}>
      <div className="card__header">
        <h3 id={headingId} className="card__title">
          {variantName(r.variant, lang)} <span className={`kind kind--${r.variant.kind}`}>{t(`variantKind.${r.variant.kind}`)}</span>
        </h3>
        <StatusBadge status={r.status} />
      </div>
      {r.staffQuestion && r.status === 'concept' ? (
        <div className="notice notice--attention">
          <p className="notice__title">{t('application.staffQuestionTitle')}</p>
          <p className="prewrap">{r.staffQuestion}</p>
        </div>
      ) : null}
      <dl className="details details--compact">
        <RegistrationFacts registration={r} />
        {r.conceptExpiresOn && r.status === 'concept' ? (
          <DetailRow label={t('myRegistrations.conceptExpiresOn')}>{formatDate(r.conceptExpiresOn, lang)}</DetailRow>
        ) : null}
      </dl>
      {r.cycle ? (
        <>
          <h4 className="card__subtitle">{t('cycle.title')}</h4>
          <CycleTimeline cycle={r.cycle} />
        </>
      ) : null}
      <p className="card__actions">
        <Link to={`/applications/${encodeURIComponent(r.id)}`}>
          {r.status === 'concept'
            ? t('myRegistrations.continue', { variant: variantName(r.variant, lang) })
            : t('myRegistrations.view', { variant: variantName(r.variant, lang) })}
        </Link>
      </p>
    </article>
  );
}
