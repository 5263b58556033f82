import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { createTokenBody } from '../../../server/contract/organisations.js';
import { useApiTokens, useCreateToken, useRevokeToken } from '../api/organisations.js';
import type { CreatedToken, MyOrganisation } from '../api/organisation-types.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { TextField } from '../components/form/TextField.js';
import { formatDate } from '../lib/format.js';
import { useInlineConfirm } from './use-inline-confirm.js';

const formatInstant = (iso: string, lang: string) =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(new Date(iso));

/** The organisation's API tokens (admins): create one (shown once), see when each was last used, revoke. */
export function ApiTokens({ organisation: o }: { organisation: MyOrganisation }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const tokens = useApiTokens(o.id, true);
  const revoke = useRevokeToken(o.id);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const { confirming, setConfirming, cancelRef, triggerRef, fallbackRef } = useInlineConfirm();
  const active = tokens.data?.items.filter((x) => !x.revokedAt) ?? [];
  return (
    <section id="tokens" aria-labelledby="tokens-heading" className="section">
      <h2 id="tokens-heading" tabIndex={-1} ref={fallbackRef}>{t('organisations.tokens.heading')}</h2>
      <p>{t('organisations.tokens.intro')}</p>
      {o.can.manageTokens ? (
        <CreateTokenForm organisationId={o.id} onCreated={setCreated} />
      ) : (
        <p className="notice">{t('organisations.tokens.notYet')}</p>
      )}
      {created ? <ShownOnceDialog created={created} onClose={() => setCreated(null)} /> : null}
      {tokens.isError ? <ErrorMessage error={tokens.error} /> : null}
      {tokens.isSuccess ? (
        <>
          <p>{t('organisations.tokens.count', { active: active.length, max: tokens.data.maxActive })}</p>
          {tokens.data.items.length === 0 ? (
            <p>{t('organisations.tokens.none')}</p>
          ) : (
            <table className="table">
              <caption className="visually-hidden">{t('organisations.tokens.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('organisations.tokens.columns.name')}</th>
                  <th scope="col">{t('organisations.tokens.columns.prefix')}</th>
                  <th scope="col">{t('organisations.tokens.columns.created')}</th>
                  <th scope="col">{t('organisations.tokens.columns.lastUsed')}</th>
                  <th scope="col">{t('organisations.tokens.columns.status')}</th>
                </tr>
              </thead>
              <tbody>
                {tokens.data.items.map((token) => (
                  <tr key={token.id}>
                    <th scope="row" data-label={t('organisations.tokens.columns.name')}>
                      {token.name}
                    </th>
                    <td data-label={t('organisations.tokens.columns.prefix')}>
                      <code className="mono">{token.prefix}_…</code>
                    </td>
                    <td data-label={t('organisations.tokens.columns.created')}>
                      {formatDate(token.createdAt, lang)}
                      <span className="cell__sub">{t('organisations.tokens.by', { name: token.createdBy })}</span>
                    </td>
                    <td data-label={t('organisations.tokens.columns.lastUsed')}>{token.lastUsedAt ? formatInstant(token.lastUsedAt, lang) : t('organisations.tokens.neverUsed')}</td>
                    <td data-label={t('organisations.tokens.columns.status')}>
                      {token.revokedAt ? (
                        <span className="badge badge--withdrawn">{t('organisations.tokens.revokedOn', { date: formatDate(token.revokedAt, lang) })}</span>
                      ) : confirming === token.id ? (
                        <span role="group" aria-label={t('organisations.tokens.confirmRevoke', { name: token.name })}>
                          <span className="hint-inline">{t('organisations.tokens.confirmRevoke', { name: token.name })}</span>{' '}
                          <button type="button" className="button button--small" disabled={revoke.isPending} onClick={() => revoke.mutate(token.id, { onSettled: () => setConfirming(null) })}>
                            {t('organisations.tokens.revoke')}
                          </button>{' '}
                          <button type="button" className="button button--small button--secondary" ref={cancelRef} onClick={() => setConfirming(null)}>
                            {t('organisations.cancel')}
                          </button>
                        </span>
                      ) : (
                        <>
                          <span className="badge badge--registered">{t('organisations.tokens.active')}</span>{' '}
                          <button type="button" className="button button--small button--secondary" ref={triggerRef(token.id)} onClick={() => setConfirming(token.id)}>
                            {t('organisations.tokens.revokeNamed', { name: token.name })}
                          </button>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ) : null}
      <div aria-live="polite">{revoke.isError ? <ErrorMessage error={revoke.error} /> : null}</div>
    </section>
  );
}

function CreateTokenForm({ organisationId, onCreated }: { organisationId: string; onCreated: (created: CreatedToken) => void }) {
  const { t } = useTranslation();
  const create = useCreateToken(organisationId);
  const errorRef = useRef<HTMLDivElement>(null);
  const { register, handleSubmit, formState, reset } = useForm<{ name: string }, unknown, { name: string }>({ resolver: zodResolver(createTokenBody), defaultValues: { name: '' } });
  const onSubmit = (event: FormEvent<HTMLFormElement>) =>
    void handleSubmit(({ name }) =>
    create.mutate(name, {
      onSuccess: (made) => {
        reset();
        onCreated(made);
      },
      onError: () => errorRef.current?.focus(),
    }),
  )(event);
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={t('organisations.tokens.formLabel')}>
      <TextField
        id="token-name"
        label={t('organisations.tokens.name')}
        hint={t('organisations.tokens.nameHint')}
        maxLength={100}
        autoComplete="off"
        registration={register('name')}
        error={formState.errors.name ? t('organisations.tokens.nameError') : null}
      />
      <div ref={errorRef} tabIndex={-1} aria-live="polite">
        {create.isError ? <ErrorMessage error={create.error} /> : null}
      </div>
      <div className="actions actions--form">
        <button type="submit" className="button" disabled={create.isPending}>
          {t('organisations.tokens.create')}
        </button>
      </div>
    </form>
  );
}

/** The only time the token is shown: a modal dialog with a copy button and the warning that it will not come back. */
function ShownOnceDialog({ created, onClose }: { created: CreatedToken; onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const copy = () => {
    navigator.clipboard.writeText(created.token).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} aria-describedby={textId} onClose={onClose}>
      <h2 id={titleId}>{t('organisations.tokens.dialog.title', { name: created.item.name })}</h2>
      <div className="notice notice--attention" id={textId}>
        <p className="notice__title">{t('organisations.tokens.dialog.onceTitle')}</p>
        <p>{t('organisations.tokens.dialog.once')}</p>
      </div>
      <label className="label" htmlFor="created-token">
        {t('organisations.tokens.dialog.label')}
      </label>
      <input id="created-token" className="input mono token-value" readOnly value={created.token} onFocus={(e) => e.currentTarget.select()} spellCheck={false} />
      <p className="hint">{t('organisations.tokens.dialog.usage')}</p>
      <p aria-live="polite">{copied === 'yes' ? t('organisations.tokens.dialog.copied') : copied === 'failed' ? t('organisations.tokens.dialog.copyFailed') : ''}</p>
      <div className="actions">
        <button type="button" className="button" onClick={copy}>
          {t('organisations.tokens.dialog.copy')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => ref.current?.close()}>
          {t('organisations.tokens.dialog.done')}
        </button>
      </div>
    </dialog>
  );
}
