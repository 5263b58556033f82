import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMyOrganisations } from '../api/organisations.js';
import type { MyOrganisation } from '../api/organisation-types.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { RequireLogin } from '../components/RequireLogin.js';
import { useDocumentTitle } from '../lib/hooks.js';
import { ApiTokens } from './ApiTokens.js';
import { Members } from './Members.js';
import { OrganisationDetails } from './OrganisationDetails.js';
import { OrganisationRequestForm } from './OrganisationRequestForm.js';
import { OrganisationStatusBadge, OrganisationStatusNotice } from './OrganisationStatus.js';

/**
 * /provider: the provider's organisation (status, details, members, API tokens, and the areas other parts add), or
 * the form to ask for one. Any organisation of the account can be shown with ?org=<id> (employers use the same page).
 */
export function ProviderHome() {
  const { t } = useTranslation();
  useDocumentTitle(t('organisations.home.title'));
  return <RequireLogin>{() => <HomeView />}</RequireLogin>;
}

function HomeView() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const organisations = useMyOrganisations();
  if (organisations.isPending) {
    return (
      <p className="notice notice--loading" role="status" aria-busy="true">
        {t('organisations.loading')}
      </p>
    );
  }
  if (organisations.isError) return <ErrorMessage error={organisations.error} />;
  const items = organisations.data.items;
  if (items.length === 0) {
    return (
      <>
        <h1>{t('organisations.request.title')}</h1>
        <OrganisationRequestForm />
      </>
    );
  }
  const chosen = items.find((o) => o.id === params.get('org')) ?? items.find((o) => o.kind === 'provider') ?? items[0]!;
  return (
    <>
      {items.length > 1 ? <OrganisationSwitch items={items} current={chosen.id} /> : null}
      <OrganisationPage organisation={chosen} />
    </>
  );
}

function OrganisationSwitch({ items, current }: { items: MyOrganisation[]; current: string }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('organisations.home.switch')} className="org-switch">
      <ul className="plain-list">
        {items.map((o) => (
          <li key={o.id}>
            {o.id === current ? (
              <span aria-current="page">{o.name}</span>
            ) : (
              <Link to={`/provider?org=${encodeURIComponent(o.id)}`}>{o.name}</Link>
            )}{' '}
            <OrganisationStatusBadge status={o.status} />
          </li>
        ))}
      </ul>
    </nav>
  );
}

function OrganisationPage({ organisation: o }: { organisation: MyOrganisation }) {
  const { t } = useTranslation();
  const isAdmin = o.role === 'admin';
  return (
    <>
      <h1>
        {o.name} <OrganisationStatusBadge status={o.status} />
      </h1>
      <p className="lead">{t(`organisations.home.intro.${o.role}`, { kind: t(`organisations.kind.${o.kind}`) })}</p>
      <OrganisationStatusNotice status={o.status} refusalReason={o.refusalReason} requestedAt={o.requestedAt} />
      <nav aria-label={t('organisations.home.sections')}>
        <ul className="section-list">
          <li>
            <a href="#details">{t('organisations.details.heading')}</a>
          </li>
          <li>
            <a href="#members">{t('organisations.members.heading')}</a>
          </li>
          {isAdmin ? (
            <li>
              <a href="#tokens">{t('organisations.tokens.heading')}</a>
            </li>
          ) : null}
          {o.kind === 'provider' ? (
            <li>
              <Link to="/provider/accreditations">{t('accreditation.nav.accreditations')}</Link>
            </li>
          ) : null}
        </ul>
      </nav>
      <OrganisationDetails organisation={o} />
      <Members organisation={o} />
      {isAdmin ? <ApiTokens organisation={o} /> : null}
    </>
  );
}
