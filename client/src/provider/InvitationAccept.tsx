import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { invitationSecret } from '../../../server/contract/organisations.js';
import { useMe } from '../api/me.js';
import { useAcceptInvitation, useInvitationPreview } from '../api/organisations.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { RequireLogin } from '../components/RequireLogin.js';
import { formatDate } from '../lib/format.js';
import { useDocumentTitle } from '../lib/hooks.js';

/** /invitations/:secret: what the invitation is for, and accepting it (logged in, with any account). */
export function InvitationAccept() {
  const { t } = useTranslation();
  useDocumentTitle(t('organisations.invitation.title'));
  const { secret = '' } = useParams();
  const valid = invitationSecret.safeParse(secret).success;
  // The login lands on the account page: say so, so the invitee comes back through the mail's link.
  const anonymous = useMe().state.status === 'anonymous';
  return (
    <>
      <h1>{t('organisations.invitation.title')}</h1>
      {valid ? (
        <>
          {anonymous ? <p className="lead">{t('organisations.invitation.loginFirst')}</p> : null}
          <RequireLogin>{() => <InvitationView secret={secret} />}</RequireLogin>
        </>
      ) : (
        <div className="notice notice--error" role="alert">
          <p>{t('organisations.invitation.badLink')}</p>
        </div>
      )}
    </>
  );
}

function InvitationView({ secret }: { secret: string }) {
  const { t, i18n } = useTranslation();
  const preview = useInvitationPreview(secret, true);
  const accept = useAcceptInvitation();
  if (preview.isPending) return <p className="notice notice--loading">{t('organisations.loading')}</p>;
  if (preview.isError) return <ErrorMessage error={preview.error} />;
  const p = preview.data;
  if (accept.isSuccess || p.alreadyMember) {
    return (
      <div className="notice notice--success" role="status">
        <p className="notice__title">{t('organisations.invitation.member', { name: p.organisation.name })}</p>
        <Link className="button" to={`/provider?org=${encodeURIComponent(accept.data?.organisationId ?? '')}`}>
          {t('organisations.invitation.toOrganisation')}
        </Link>
      </div>
    );
  }
  return (
    <>
      <p className="lead">
        {t('organisations.invitation.intro', { name: p.organisation.name, role: t(`organisations.role.${p.role}`), kind: t(`organisations.kind.${p.organisation.kind}`) })}
      </p>
      <p>{t('organisations.invitation.sentTo', { email: p.email, date: formatDate(p.expiresAt, i18n.language) })}</p>
      {p.state === 'open' ? (
        <>
          <div aria-live="polite">{accept.isError ? <ErrorMessage error={accept.error} /> : null}</div>
          <button type="button" className="button" disabled={accept.isPending} onClick={() => accept.mutate(secret)}>
            {t('organisations.invitation.accept')}
          </button>
        </>
      ) : (
        <div className="notice notice--error" role="alert">
          <p>{t(`organisations.invitation.state.${p.state}`)}</p>
        </div>
      )}
    </>
  );
}
