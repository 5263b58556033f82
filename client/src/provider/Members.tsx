import { useId, useRef, useState, type FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { inviteBody } from '../../../server/contract/organisations.js';
import { useMe } from '../api/me.js';
import { useInvitations, useInvite, useMembers, useRemoveMember, useRevokeInvitation, useUpdateMember } from '../api/organisations.js';
import type { InviteRequest, MyOrganisation } from '../api/organisation-types.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { TextField } from '../components/form/TextField.js';
import { formatDate } from '../lib/format.js';
import { useInlineConfirm } from './use-inline-confirm.js';

/** Members (admins may remove them, never the last admin), and the admin's invitations by e-mail. */
export function Members({ organisation: o }: { organisation: MyOrganisation }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const isAdmin = o.role === 'admin';
  const members = useMembers(o.id);
  const remove = useRemoveMember(o.id);
  const changeRole = useUpdateMember(o.id);
  const { state } = useMe();
  const myId = state.status === 'authenticated' ? state.me.account.id : null;
  const { confirming, setConfirming, cancelRef, triggerRef, fallbackRef } = useInlineConfirm();
  return (
    <section id="members" aria-labelledby="members-heading" className="section">
      <h2 id="members-heading" tabIndex={-1} ref={fallbackRef}>{t('organisations.members.heading')}</h2>
      {members.isPending ? <p className="notice notice--loading">{t('organisations.loading')}</p> : null}
      {members.isError ? <ErrorMessage error={members.error} /> : null}
      {members.isSuccess ? (
        <table className="table">
          <caption className="visually-hidden">{t('organisations.members.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('organisations.members.columns.name')}</th>
              <th scope="col">{t('organisations.members.columns.role')}</th>
              <th scope="col">{t('organisations.members.columns.since')}</th>
              {isAdmin ? <th scope="col">{t('organisations.members.columns.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {members.data.items.map((m) => (
              <tr key={m.accountId}>
                <th scope="row" data-label={t('organisations.members.columns.name')}>
                  {m.displayName}
                  {m.accountId === myId ? ` ${t('organisations.members.you')}` : ''}
                  {m.email ? <span className="cell__sub">{m.email}</span> : null}
                </th>
                <td data-label={t('organisations.members.columns.role')}>{t(`organisations.role.${m.role}`)}</td>
                <td data-label={t('organisations.members.columns.since')}>{formatDate(m.since, lang)}</td>
                {isAdmin ? (
                  <td data-label={t('organisations.members.columns.actions')}>
                    {m.role === 'admin' && members.data.items.filter((x) => x.role === 'admin').length === 1 ? (
                      <span className="hint-inline">{t('organisations.members.lastAdmin')}</span>
                    ) : confirming === m.accountId ? (
                      <span role="group" aria-label={t('organisations.members.confirmRemove', { name: m.displayName })}>
                        <span className="hint-inline">{t('organisations.members.confirmRemove', { name: m.displayName })}</span>{' '}
                        <button type="button" className="button button--small" disabled={remove.isPending} onClick={() => remove.mutate(m.accountId, { onSettled: () => setConfirming(null) })}>
                          {t('organisations.members.remove')}
                        </button>{' '}
                        <button type="button" className="button button--small button--secondary" ref={cancelRef} onClick={() => setConfirming(null)}>
                          {t('organisations.cancel')}
                        </button>
                      </span>
                    ) : (
                      <span className="member-actions">
                        <button
                          type="button"
                          className="button button--small button--secondary"
                          disabled={changeRole.isPending}
                          onClick={() => changeRole.mutate({ accountId: m.accountId, role: m.role === 'admin' ? 'member' : 'admin' })}
                        >
                          {t(m.role === 'admin' ? 'organisations.members.makeMember' : 'organisations.members.makeAdmin', { name: m.displayName })}
                        </button>{' '}
                        <button type="button" className="button button--small button--secondary" ref={triggerRef(m.accountId)} onClick={() => setConfirming(m.accountId)}>
                          {t('organisations.members.removeNamed', { name: m.displayName })}
                        </button>
                      </span>
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div aria-live="polite">
        {remove.isError ? <ErrorMessage error={remove.error} /> : null}
        {changeRole.isError ? <ErrorMessage error={changeRole.error} /> : null}
      </div>
      {isAdmin ? <Invitations organisation={o} /> : null}
    </section>
  );
}

function Invitations({ organisation: o }: { organisation: MyOrganisation }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const invitations = useInvitations(o.id, true);
  const revoke = useRevokeInvitation(o.id);
  return (
    <>
      <h3>{t('organisations.invitations.heading')}</h3>
      {o.can.manageMembers ? <InviteForm organisationId={o.id} /> : <p className="notice">{t('organisations.invitations.notYet')}</p>}
      {invitations.isSuccess && invitations.data.items.length > 0 ? (
        <ul className="plain-list invitation-list">
          {invitations.data.items.map((i) => (
            <li key={i.id}>
              <strong>{i.email}</strong> – {t(`organisations.role.${i.role}`)} ·{' '}
              {i.expired ? (
                <span className="tag tag--warning">{t('organisations.invitations.expired')}</span>
              ) : (
                t('organisations.invitations.validUntil', { date: formatDate(i.expiresAt, lang) })
              )}{' '}
              <button type="button" className="button button--small button--secondary" disabled={revoke.isPending} onClick={() => revoke.mutate(i.id)}>
                {t('organisations.invitations.revokeNamed', { email: i.email })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {invitations.isSuccess && invitations.data.items.length === 0 ? <p>{t('organisations.invitations.none')}</p> : null}
      <div aria-live="polite">{revoke.isError ? <ErrorMessage error={revoke.error} /> : null}</div>
    </>
  );
}

function InviteForm({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const roleId = useId();
  const invite = useInvite(organisationId);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const { register, handleSubmit, formState, reset } = useForm<InviteRequest, unknown, InviteRequest>({
    resolver: zodResolver(inviteBody),
    defaultValues: { email: '', role: 'member' },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) =>
    void handleSubmit((body) =>
    invite.mutate(body, {
      onSuccess: (created) => {
        setSentTo(created.email);
        reset();
      },
      onError: () => errorRef.current?.focus(),
    }),
  )(event);
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={t('organisations.invitations.formLabel')}>
      <TextField
        id="invite-email"
        label={t('organisations.invitations.email')}
        hint={t('organisations.invitations.emailHint')}
        type="email"
        autoComplete="off"
        maxLength={254}
        registration={register('email')}
        error={formState.errors.email ? t('organisations.fields.contactEmail.error') : null}
      />
      <div className="field">
        <label className="label" htmlFor={roleId}>
          {t('organisations.invitations.role')}
        </label>
        <select id={roleId} className="input select" {...register('role')}>
          <option value="member">{t('organisations.role.member')}</option>
          <option value="admin">{t('organisations.role.admin')}</option>
        </select>
      </div>
      <div ref={errorRef} tabIndex={-1} aria-live="polite">
        {invite.isError ? <ErrorMessage error={invite.error} /> : null}
        {sentTo && !invite.isError ? <p className="notice notice--success">{t('organisations.invitations.sent', { email: sentTo })}</p> : null}
      </div>
      <div className="actions actions--form">
        <button type="submit" className="button" disabled={invite.isPending}>
          {t('organisations.invitations.send')}
        </button>
      </div>
    </form>
  );
}
