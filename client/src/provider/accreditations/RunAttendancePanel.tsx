import { useId, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { accreditationKeys, attendanceCsvUrl, uploadAttendanceCsv, useAttendanceNumbers, useRunAttendance, type AttendanceUpload } from '../../api/accreditations.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { formatDate, formatNumber } from '../../lib/format.js';

/** One run: upload the attendance (a CSV file or pasted numbers), see every row's outcome, and who got points. */
export function RunAttendancePanel({ runId }: { runId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const queryClient = useQueryClient();
  const attendance = useRunAttendance(runId);
  const numbers = useAttendanceNumbers(runId);
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState('');
  const [progress, setProgress] = useState<number | null | undefined>(undefined);
  const [result, setResult] = useState<AttendanceUpload | null>(null);
  const [error, setError] = useState<unknown>(null);
  const ids = { file: useId(), paste: useId(), progress: useId(), results: useId() };

  const done = (r: AttendanceUpload) => {
    setResult(r);
    setProgress(undefined);
    void queryClient.invalidateQueries({ queryKey: accreditationKeys.all });
  };
  const onFile = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setError(null);
    setResult(null);
    setProgress(0);
    try {
      done(await uploadAttendanceCsv(runId, file, setProgress));
    } catch (err) {
      setProgress(undefined);
      setError(err);
    }
  };
  const onPaste = (e: FormEvent) => {
    e.preventDefault();
    const list = pasted
      .split(/[\s,;]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (!list.length) return;
    setError(null);
    setResult(null);
    numbers.mutate(list, { onSuccess: done, onError: setError });
  };

  return (
    <div className="upload">
      <h4>{t('accreditation.attendance.title')}</h4>
      <p className="hint">{t('accreditation.attendance.intro')}</p>
      <form className="form" onSubmit={(e) => void onFile(e)} noValidate>
        <div className="field">
          <label className="label" htmlFor={ids.file}>
            {t('accreditation.attendance.file')}
          </label>
          <input id={ids.file} className="input input--file" style={{ maxWidth: '100%' }} type="file" accept=".csv,text/csv,text/plain" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <button type="submit" className="button" disabled={!file || progress !== undefined}>
          {t('accreditation.attendance.upload')}
        </button>
      </form>
      {progress !== undefined ? (
        <div className="upload__progress">
          <label className="label" htmlFor={ids.progress}>
            {progress === null || progress >= 1 ? t('accreditation.attendance.processing') : t('accreditation.attendance.uploading', { percent: Math.round(progress * 100) })}
          </label>
          <progress id={ids.progress} className="progress" max={1} value={progress === null || progress >= 1 ? undefined : progress} />
        </div>
      ) : null}
      <form className="form" onSubmit={onPaste} noValidate>
        <div className="field">
          <label className="label" htmlFor={ids.paste}>
            {t('accreditation.attendance.paste')}
          </label>
          <textarea id={ids.paste} className="textarea" rows={4} value={pasted} onChange={(e) => setPasted(e.target.value)} spellCheck={false} />
        </div>
        <button type="submit" className="button button--secondary" disabled={numbers.isPending || !pasted.trim()}>
          {t('accreditation.attendance.sendNumbers')}
        </button>
      </form>
      {error ? <ErrorMessage error={error} /> : null}
      {result ? <Results upload={result} /> : null}

      {attendance.data ? (
        <>
          <h5>{t('accreditation.attendance.booked', { count: attendance.data.booked.length })}</h5>
          {attendance.data.booked.length ? (
            <div data-scroll="" style={{ overflowX: 'auto' }}>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('accreditation.attendance.number')}</th>
                    <th scope="col">{t('accreditation.attendance.name')}</th>
                    <th scope="col">{t('accreditation.fields.points')}</th>
                    <th scope="col">{t('accreditation.attendance.bookedAt')}</th>
                  </tr>
                </thead>
                <tbody>
                  {attendance.data.booked.map((b) => (
                    <tr key={b.registrationNumber}>
                      <td className="mono">{b.registrationNumber}</td>
                      <td>{b.name}</td>
                      <td>{formatNumber(b.points, lang)}</td>
                      <td>{formatDate(b.bookedAt, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {attendance.data.uploads.length ? (
            <ul className="plain-list">
              {attendance.data.uploads.map((u) => (
                <li key={u.id}>
                  {t('accreditation.attendance.uploadLine', { date: formatDate(u.createdAt, lang), rows: formatNumber(u.rowCount, lang), booked: formatNumber(u.counts.booked, lang) })}{' '}
                  <a href={attendanceCsvUrl(u.id)} download>
                    {t('accreditation.attendance.download')}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : attendance.isError ? (
        <ErrorMessage error={attendance.error} />
      ) : null}
    </div>
  );
}

/** The refused rows shown on screen; the downloadable outcome has every row. */
export const REFUSED_ROWS_SHOWN = 500;

function Results({ upload }: { upload: AttendanceUpload }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatNumber(v, i18n.language);
  const refused = upload.rows.filter((r) => r.outcome !== 'booked' && r.outcome !== 'already_booked');
  return (
    <section className="notice notice--success" role="status" aria-live="polite">
      <p className="notice__title">{t('accreditation.attendance.resultTitle', { booked: n(upload.counts.booked), rows: n(upload.rowCount) })}</p>
      <ul>
        {Object.entries(upload.counts)
          .filter(([, n]) => n > 0)
          .map(([outcome, n]) => (
            <li key={outcome}>{t(`accreditation.outcome.${outcome}`, { count: n })}</li>
          ))}
      </ul>
      <p>
        <a href={attendanceCsvUrl(upload.id)} download>
          {t('accreditation.attendance.download')}
        </a>
      </p>
      {refused.length ? (
        <div data-scroll="" style={{ overflowX: 'auto' }}>
          <table className="table">
            <caption>{t('accreditation.attendance.refusedRows')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('accreditation.attendance.row')}</th>
                <th scope="col">{t('accreditation.attendance.input')}</th>
                <th scope="col">{t('accreditation.attendance.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {refused.slice(0, REFUSED_ROWS_SHOWN).map((r) => (
                <tr key={r.rowNumber}>
                  <td>{r.rowNumber}</td>
                  <td className="mono">{r.raw}</td>
                  <td>{t(`accreditation.reason.${r.outcome}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {refused.length > REFUSED_ROWS_SHOWN ? <p className="hint">{t('accreditation.attendance.refusedShown', { shown: n(REFUSED_ROWS_SHOWN), total: n(refused.length) })}</p> : null}
        </div>
      ) : null}
    </section>
  );
}
