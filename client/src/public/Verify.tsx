import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useVerify } from '../api/public.js';
import { isNotFound } from '../api/query-client.js';
import type { VerifyResult } from '../api/types.js';
import { verifyQuerySchema } from '../api/schemas.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { formatDate } from '../lib/format.js';
import { useDocumentTitle } from '../lib/hooks.js';
import { EntryDetails } from './EntryDetails.js';

/** The form needs a code: the server's schema, where an empty field ("no code") is refused here. */
const codeFormSchema = z.object({
  code: verifyQuerySchema.shape.code
    .unwrap()
    .refine((code) => code !== null, 'Type the verification code.')
    .transform((code) => code ?? ''),
});

/** Public page the certificate's QR code opens: live status, plus whether the certificate's code is current. */
export function Verify() {
  const { t } = useTranslation();
  const { registrationNumber = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const code = params.get('code')?.trim() || null;
  const query = useVerify(registrationNumber, code);
  const notFound = query.isError && isNotFound(query.error);
  useDocumentTitle(t('verify.title'));

  const onCode = (value: string) => setParams({ code: value });

  return (
    <>
      <p className="back-link">
        <Link to="/register">{t('detail.backToSearch')}</Link>
      </p>
      <h1>{t('verify.title')}</h1>
      <div aria-live="polite" aria-busy={query.isPending}>
        {query.isPending ? <p className="notice notice--loading">{t('verify.loading')}</p> : null}
      </div>
      {notFound ? (
        <div className="notice notice--error" role="alert">
          <p className="notice__title">{t('detail.notFoundTitle')}</p>
          <p>{t('detail.notFoundText', { number: registrationNumber })}</p>
        </div>
      ) : null}
      {query.isError && !notFound ? <ErrorMessage error={query.error} /> : null}
      {query.data ? (
        <>
          {query.data.malformedCode ? (
            <div className="notice notice--error verify-banner" role="alert">
              <p className="notice__title">{t('verify.malformedTitle')}</p>
              <p>{t('verify.malformedText')}</p>
            </div>
          ) : null}
          {query.data.result.code ? <CodeBanner code={query.data.result.code} /> : null}
          {!query.data.result.code ? <CodeForm onCode={onCode} initial={query.data.malformedCode ? (code ?? '') : ''} /> : null}
          <EntryDetails entry={query.data.result.entry} level={2} largeStatus />
        </>
      ) : null}
    </>
  );
}

function CodeBanner({ code }: { code: NonNullable<VerifyResult['code']> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const meta =
    code.revision !== null && code.issuedOn
      ? t('verify.codeMeta', { revision: code.revision, date: formatDate(code.issuedOn, lang) })
      : null;
  if (code.status === 'current') {
    return (
      <div className="notice notice--success verify-banner" role="status">
        <p className="notice__title verify-banner__title">{t('verify.current')}</p>
        {meta ? <p>{meta}</p> : null}
        <p className="notice__meta">{t('verify.codeValue', { code: code.value })}</p>
      </div>
    );
  }
  if (code.status === 'superseded') {
    return (
      <div className="notice notice--attention verify-banner" role="status">
        <p className="notice__title verify-banner__title">{t('verify.superseded')}</p>
        {meta ? <p>{meta}</p> : null}
        {code.newestRevision !== null ? <p>{t('verify.newestRevision', { revision: code.newestRevision })}</p> : null}
        <p className="notice__meta">{t('verify.codeValue', { code: code.value })}</p>
      </div>
    );
  }
  return (
    <div className="notice notice--error verify-banner" role="status">
      <p className="notice__title verify-banner__title">{t('verify.unknown')}</p>
      <p>{t('verify.unknownHelp')}</p>
      <p className="notice__meta">{t('verify.codeValue', { code: code.value })}</p>
    </div>
  );
}

function CodeForm({ onCode, initial }: { onCode: (code: string) => void; initial: string }) {
  const { t } = useTranslation();
  const { register, handleSubmit, formState } = useForm<{ code: string }, unknown, { code: string }>({
    resolver: zodResolver(codeFormSchema),
    defaultValues: { code: initial },
  });
  const invalid = formState.errors.code !== undefined;
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();

  const onSubmit = handleSubmit(({ code }) => onCode(code));

  return (
    <form className="search-form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <label className="label" htmlFor={inputId}>
        {t('verify.codeLabel')}
      </label>
      <p className="hint" id={hintId}>
        {t('verify.codeHint')}
      </p>
      {invalid ? (
        <p className="field-error" id={errorId} role="alert">
          {t('verify.codeInvalid')}
        </p>
      ) : null}
      <div className="search-form__row">
        <input
          id={inputId}
          className="input mono"
          type="text"
          {...register('code')}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={20}
          aria-describedby={invalid ? `${hintId} ${errorId}` : hintId}
          aria-invalid={invalid ? true : undefined}
        />
        <button type="submit" className="button">
          {t('verify.codeSubmit')}
        </button>
      </div>
    </form>
  );
}
