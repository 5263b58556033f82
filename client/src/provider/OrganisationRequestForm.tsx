import { useRef, type FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { useRequestOrganisation } from '../api/organisations.js';
import type { RequestOrganisationRequest } from '../api/organisation-types.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { EMPTY_ORGANISATION, requestFormSchema, type OrganisationFormValues } from './organisation-form.js';
import { OrganisationFields } from './OrganisationFields.js';

/** "Organisatie aanmelden": a logged-in user asks for a provider account; staff authorise it before it can act. */
export function OrganisationRequestForm() {
  const { t } = useTranslation();
  const { register, handleSubmit, formState } = useForm<OrganisationFormValues, unknown, RequestOrganisationRequest>({
    resolver: zodResolver(requestFormSchema),
    defaultValues: EMPTY_ORGANISATION,
  });
  const send = useRequestOrganisation();
  const errorRef = useRef<HTMLDivElement>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) =>
    void handleSubmit((body) => send.mutate(body, { onError: () => errorRef.current?.focus() }))(event);
  return (
    <>
      <p className="lead">{t('organisations.request.intro')}</p>
      <ol className="plain-list steps">
        <li>{t('organisations.request.step1')}</li>
        <li>{t('organisations.request.step2')}</li>
        <li>{t('organisations.request.step3')}</li>
      </ol>
      <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="request-heading">
        <h2 id="request-heading">{t('organisations.request.formHeading')}</h2>
        <OrganisationFields idPrefix="request" register={register} errors={formState.errors} />
        <div ref={errorRef} tabIndex={-1}>
          {send.isError ? <ErrorMessage error={send.error} /> : null}
        </div>
        <div className="actions actions--form">
          <button type="submit" className="button" disabled={send.isPending}>
            {send.isPending ? t('organisations.request.sending') : t('organisations.request.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
