import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { CPD_EVIDENCE_KINDS, type CpdEvidenceKind } from '../../api/cpd-types.js';
import { formatBytes } from '../../lib/format.js';

export const EVIDENCE_ACCEPT = 'image/*,application/pdf';

/**
 * A failed evidence upload as navigation state carries it to the activity's page (a plain object: history state is
 * cloned, so the ApiError class would not survive), and back into an error to show there.
 */
interface EvidenceErrorState {
  status: number;
  code: string;
  message: string;
  requestId?: string | undefined;
  details?: unknown;
}

export function evidenceErrorState(error: unknown): EvidenceErrorState {
  if (error instanceof ApiError) return { status: error.status, code: error.code, message: error.message, requestId: error.requestId, details: error.details };
  return { status: 0, code: '', message: '' };
}

export function evidenceErrorFrom(state: unknown): ApiError | null {
  if (typeof state !== 'object' || state === null || !('evidenceError' in state)) return null;
  const e = (state as { evidenceError: Partial<EvidenceErrorState> | null }).evidenceError;
  if (!e || typeof e.code !== 'string') return null;
  return new ApiError(e.status ?? 0, e.code, e.message ?? '', e.requestId, e.details);
}

/**
 * The evidence of an activity: the kind, and a file chosen from the device or a photo taken straight from the
 * camera (a second input with capture="environment"). Both inputs are real, labelled and keyboard reachable.
 */
export function EvidencePicker({
  maxBytes,
  kind,
  onKind,
  file,
  onFile,
}: {
  maxBytes: number;
  kind: CpdEvidenceKind;
  onKind: (k: CpdEvidenceKind) => void;
  file: File | null;
  onFile: (f: File | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [key, setKey] = useState(0);
  const pick = (list: FileList | null) => {
    onFile(list?.[0] ?? null);
    setKey((k) => k + 1);
  };
  return (
    <fieldset className="fieldset">
      <legend className="legend">{t('cpd.form.evidence')}</legend>
      <p className="hint" id={`${id}-hint`}>
        {t('cpd.form.evidenceHint', { size: formatBytes(maxBytes, i18n.language) })}
      </p>
      <div className="field">
        <label className="label" htmlFor={`${id}-kind`}>
          {t('cpd.form.evidenceKind')}
        </label>
        <select id={`${id}-kind`} className="input select" value={kind} onChange={(e) => onKind(e.target.value as CpdEvidenceKind)}>
          {CPD_EVIDENCE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`cpd.evidenceKind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="cpd-files" key={key}>
        <input id={`${id}-file`} className="cpd-file-input" type="file" accept={EVIDENCE_ACCEPT} aria-describedby={`${id}-hint`} onChange={(e) => pick(e.target.files)} />
        <label className="button button--secondary" htmlFor={`${id}-file`}>
          {t('cpd.form.chooseFile')}
        </label>
        <input id={`${id}-camera`} className="cpd-file-input" type="file" accept={EVIDENCE_ACCEPT} capture="environment" aria-describedby={`${id}-hint`} onChange={(e) => pick(e.target.files)} />
        <label className="button button--secondary" htmlFor={`${id}-camera`}>
          {t('cpd.form.takePhoto')}
        </label>
      </div>
      {file ? (
        <p role="status">
          {t('cpd.form.chosenFile', { name: file.name })} ({formatBytes(file.size, i18n.language)})
        </p>
      ) : null}
    </fieldset>
  );
}
