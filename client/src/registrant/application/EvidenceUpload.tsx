import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isAbortError, myEvidenceUrl } from '../../api/client.js';
import { useDeleteEvidence, useUploadEvidence } from '../../api/registrations.js';
import type { Evidence } from '../../api/types.js';
import { ACCEPT_ATTRIBUTE, checkFile, type FileProblem } from '../../lib/applications.js';
import { formatBytes, formatDate } from '../../lib/format.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';

interface EvidenceUploadProps {
  registrationId: string;
  kind: string;
  inputId: string;
  title: string;
  hint?: string | undefined;
  files: Evidence[];
  /** The register's largest accepted upload, in bytes. */
  maxBytes: number;
}

type UploadState =
  | { status: 'idle' }
  | { status: 'uploading'; name: string; fraction: number | null }
  | { status: 'clientError'; problem: FileProblem }
  | { status: 'error'; error: unknown };

/** One evidence kind: the files uploaded so far (open, delete) and a file input with upload progress. */
export function EvidenceUpload({ registrationId, kind, inputId, title, hint, files, maxBytes }: EvidenceUploadProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const inputRef = useRef<HTMLInputElement>(null);
  const uploadRef = useRef<AbortController | null>(null);
  const [state, setState] = useState<UploadState>({ status: 'idle' });
  const [announcement, setAnnouncement] = useState('');
  const upload = useUploadEvidence(registrationId);
  const remove = useDeleteEvidence(registrationId);
  const deleting = remove.isPending ? remove.variables : null;
  const hintId = useId();
  const errorId = useId();
  const progressId = useId();

  useEffect(() => () => uploadRef.current?.abort(), []);

  const onUpload = (event: FormEvent) => {
    event.preventDefault();
    const file = inputRef.current?.files?.[0];
    if (!file) {
      setState({ status: 'clientError', problem: 'empty' });
      inputRef.current?.focus();
      return;
    }
    const problem = checkFile(file, maxBytes);
    if (problem) {
      setState({ status: 'clientError', problem });
      inputRef.current?.focus();
      return;
    }
    setAnnouncement(t('evidence.uploading', { name: file.name }));
    setState({ status: 'uploading', name: file.name, fraction: 0 });
    const controller = new AbortController();
    uploadRef.current = controller;
    const onProgress = (fraction: number | null) => setState({ status: 'uploading', name: file.name, fraction });
    upload.mutate(
      { kind, file, onProgress, signal: controller.signal },
      {
        onSuccess: (evidence) => {
          uploadRef.current = null;
          setState({ status: 'idle' });
          setAnnouncement(t('evidence.uploaded', { name: evidence.originalName }));
          if (inputRef.current) inputRef.current.value = '';
        },
        onError: (error) => {
          uploadRef.current = null;
          if (isAbortError(error)) {
            setState({ status: 'idle' });
            setAnnouncement(t('evidence.cancelled'));
            return;
          }
          setAnnouncement('');
          setState({ status: 'error', error });
          inputRef.current?.focus();
        },
      },
    );
  };

  const onDelete = (evidence: Evidence) =>
    remove.mutate(evidence.id, {
      onSuccess: () => {
        setAnnouncement(t('evidence.deleted', { name: evidence.originalName }));
        inputRef.current?.focus();
      },
    });

  const clientProblem = state.status === 'clientError' ? state.problem : null;
  const describedBy = [hintId, clientProblem || state.status === 'error' ? errorId : null].filter(Boolean).join(' ');

  return (
    <fieldset className="fieldset fieldset--nested upload">
      <legend className="legend legend--small">{title}</legend>
      {files.length > 0 ? (
        <ul className="file-list" aria-label={t('evidence.listLabel', { title })}>
          {files.map((f) => (
            <li key={f.id} className="file-list__item">
              <a href={myEvidenceUrl(registrationId, f.id)} target="_blank" rel="noopener">
                {f.originalName}
                <span className="visually-hidden"> {t('common.opensInNewWindow')}</span>
              </a>{' '}
              <span className="file-list__meta">
                {t('evidence.meta', { size: formatBytes(f.sizeBytes, lang), date: formatDate(f.createdAt, lang) })}
              </span>{' '}
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => onDelete(f)}
                disabled={deleting !== null || state.status === 'uploading'}
                aria-label={t('evidence.deleteNamed', { name: f.originalName })}
              >
                {deleting === f.id ? t('evidence.deleting') : t('evidence.delete')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="upload__empty">{t('evidence.none')}</p>
      )}
      {remove.isError ? <ErrorMessage error={remove.error} /> : null}

      <div className="upload__controls">
        <label className="label" htmlFor={inputId}>
          {t('evidence.chooseFile')}
        </label>
        <p className="hint" id={hintId}>
          {hint ? `${hint} ` : ''}
          {t('evidence.hint', { max: formatBytes(maxBytes, lang) })}
        </p>
        {clientProblem ? (
          <p className="field-error" id={errorId} role="alert">
            {t(`evidence.problem.${clientProblem}`, { max: formatBytes(maxBytes, lang) })}
          </p>
        ) : null}
        {state.status === 'error' ? (
          <div id={errorId}>
            <UploadError error={state.error} maxBytes={maxBytes} />
          </div>
        ) : null}
        <div className="upload__row">
          <input
            ref={inputRef}
            id={inputId}
            className="input input--file"
            type="file"
            accept={ACCEPT_ATTRIBUTE}
            aria-describedby={describedBy}
            aria-invalid={clientProblem || state.status === 'error' ? true : undefined}
            disabled={state.status === 'uploading'}
            onChange={() => {
              if (state.status === 'clientError' || state.status === 'error') setState({ status: 'idle' });
            }}
          />
          <button
            type="button"
            className="button button--secondary"
            onClick={onUpload}
            disabled={state.status === 'uploading'}
          >
            {t('evidence.upload')}
          </button>
        </div>
        {state.status === 'uploading' ? (
          <div className="upload__progress">
            <label htmlFor={progressId}>{t('evidence.progressLabel', { name: state.name })}</label>
            {state.fraction === null ? (
              <progress id={progressId} className="progress" />
            ) : (
              <progress id={progressId} className="progress" max={1} value={state.fraction} />
            )}
            <button type="button" className="button button--secondary button--small" onClick={() => uploadRef.current?.abort()}>
              {t('evidence.cancel')}
            </button>
          </div>
        ) : null}
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </fieldset>
  );
}

function UploadError({ error, maxBytes }: { error: unknown; maxBytes: number }) {
  const { t, i18n } = useTranslation();
  if (error instanceof ApiError && (error.code === 'file_too_large' || error.status === 413)) {
    return (
      <p className="field-error" role="alert">
        {t('evidence.problem.file_too_large', { max: formatBytes(maxBytes, i18n.language) })}
      </p>
    );
  }
  if (error instanceof ApiError && (error.code === 'unsupported_file_type' || error.status === 415)) {
    return (
      <p className="field-error" role="alert">
        {t('evidence.problem.unsupported_file_type')}
      </p>
    );
  }
  return <ErrorMessage error={error} />;
}
