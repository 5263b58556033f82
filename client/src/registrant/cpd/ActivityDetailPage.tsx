import { useEffect, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { cpdEvidenceUrl, useCpdActivity, useCpdForm, useDeleteCpdEvidence, useUploadCpdEvidence, useWithdrawActivity } from '../../api/cpd.js';
import type { CpdActivity, CpdEvidenceKind } from '../../api/cpd-types.js';
import { DetailRow } from '../../components/DetailRow.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { formatBytes, formatDate, formatNumber } from '../../lib/format.js';
import { CpdStatusBadge } from './CpdStatusBadge.js';
import { EvidencePicker, evidenceErrorFrom } from './EvidencePicker.js';
import { CpdSubpage } from './CpdSubpage.js';
import './cpd.css';

/** /cpd/activities/:id: status, decision and staff's reason, competences, evidence; a pending one can get evidence or be withdrawn. */
export function ActivityDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  return (
    <CpdSubpage title={t('cpd.detail.title')} heading={false}>
      {() => <DetailBody id={id} />}
    </CpdSubpage>
  );
}

function DetailBody({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const query = useCpdActivity(id);
  if (query.isPending) return <p className="notice notice--loading">{t('cpd.detail.loading')}</p>;
  if (query.isError) return <ErrorMessage error={query.error} />;
  const a = query.data;
  const lang = i18n.language;
  const n = (v: number) => formatNumber(v, lang);
  return (
    <>
      <h1>{a.title}</h1>
      <p>
        <CpdStatusBadge status={a.status} />
      </p>
      {a.status === 'pending' ? <p className="notice">{t('cpd.detail.waiting')}</p> : null}
      {a.staffReason ? (
        <div className={`notice ${a.status === 'rejected' ? 'notice--error' : 'notice--attention'}`}>
          <p className="notice__title">{t('cpd.detail.reason')}</p>
          <p className="prewrap">{a.staffReason}</p>
        </div>
      ) : null}
      <dl className="details">
        <DetailRow label={t('cpd.detail.completedOn')}>{formatDate(a.completedOn, lang)}</DetailRow>
        {a.periodStartsOn ? <DetailRow label={t('cpd.detail.period')}>{`${formatDate(a.periodStartsOn, lang)} – ${formatDate(a.completedOn, lang)}`}</DetailRow> : null}
        <DetailRow label={t('cpd.detail.kind')}>
          <KindName kind={a.kind} />
        </DetailRow>
        {a.accreditation ? (
          <DetailRow label={t('cpd.detail.code')} mono>
            {a.accreditation.code}
          </DetailRow>
        ) : null}
        {a.providerName ? <DetailRow label={t('cpd.detail.provider')}>{a.providerName}</DetailRow> : null}
        {a.employerName ? <DetailRow label={t('cpd.detail.employer')}>{a.employerName}</DetailRow> : null}
        <DetailRow label={t('cpd.detail.claimed')}>{claimed(a, t, n)}</DetailRow>
        {a.approvedPoints !== null && a.status !== 'pending' ? <DetailRow label={t('cpd.detail.approved')}>{n(a.approvedPoints)}</DetailRow> : null}
        {a.decidedAt ? <DetailRow label={t('cpd.detail.decision')}>{t('cpd.detail.decidedOn', { date: formatDate(a.decidedAt, lang) })}</DetailRow> : null}
        <DetailRow label={t('cpd.detail.competences')}>
          {a.competences.length === 0 ? (
            t('cpd.detail.noCompetences')
          ) : (
            <ul className="plain-list">
              {a.competences.map((c) => (
                <li key={c.code}>{lang === 'en' ? c.nameEn : c.name}</li>
              ))}
            </ul>
          )}
        </DetailRow>
      </dl>
      <Evidence activity={a} />
      {a.can.withdraw ? <Withdraw id={a.id} /> : null}
    </>
  );
}

/** The register's name of the activity kind (from the form data), or "geaccrediteerde activiteit". */
function KindName({ kind }: { kind: string }) {
  const { t, i18n } = useTranslation();
  const form = useCpdForm();
  if (kind === 'accredited') return <>{t('cpd.detail.accredited')}</>;
  const found = form.data?.kinds.find((k) => k.code === kind);
  return <>{found ? found.name[i18n.language === 'en' ? 'en' : 'nl'] : kind}</>;
}

function claimed(a: CpdActivity, t: (k: string, o?: Record<string, unknown>) => string, n: (v: number) => string): string {
  const parts: string[] = [];
  if (a.points !== null) parts.push(`${n(a.points)} ${t('cpd.unit.points')}`);
  if (a.supervisees !== null && a.hours !== null) parts.push(t('cpd.detail.supervision', { hours: n(a.hours), supervisees: a.supervisees }));
  else if (a.hours !== null) parts.push(`${n(a.hours)} ${t('cpd.unit.hours')}`);
  if (a.sessionMinutes !== null) parts.push(t('cpd.detail.session', { minutes: a.sessionMinutes }));
  return parts.join(' · ');
}

function Evidence({ activity: a }: { activity: CpdActivity }) {
  const { t, i18n } = useTranslation();
  const form = useCpdForm();
  const upload = useUploadCpdEvidence(a.id);
  const remove = useDeleteCpdEvidence(a.id);
  const [kind, setKind] = useState<CpdEvidenceKind>(a.kind === 'work_experience' ? 'employer-statement' : 'certificate');
  const [file, setFile] = useState<File | null>(null);
  // The log form saved the activity but its file did not arrive: said here, once (the state is dropped from history,
  // so a reload does not repeat it), until a file is uploaded.
  const location = useLocation();
  const navigate = useNavigate();
  const [failedOnLog, setFailedOnLog] = useState(() => evidenceErrorFrom(location.state));
  useEffect(() => {
    if (evidenceErrorFrom(location.state)) void navigate(location.pathname, { replace: true, state: null });
  }, [location.state, location.pathname, navigate]);
  return (
    <section aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">{t('cpd.detail.evidence')}</h2>
      {failedOnLog ? <ErrorMessage error={failedOnLog} title={t('cpd.detail.evidenceFailed')} /> : null}
      {a.evidence.length === 0 ? (
        <p>{t('cpd.detail.noEvidence')}</p>
      ) : (
        <ul className="file-list">
          {a.evidence.map((e) => (
            <li className="file-list__item" key={e.id}>
              <a href={cpdEvidenceUrl(a.id, e.id)} target="_blank" rel="noreferrer">
                {e.originalName}
              </a>{' '}
              <span className="file-list__meta">
                {t(`cpd.evidenceKind.${e.kind}`)} · {formatBytes(e.sizeBytes, i18n.language)}
              </span>
              {a.can.upload ? (
                <button type="button" className="button button--small button--secondary" onClick={() => remove.mutate(e.id)} disabled={remove.isPending}>
                  {t('cpd.detail.remove')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {a.can.upload && form.data ? (
        <form
          className="form"
          onSubmit={(ev) => {
            ev.preventDefault();
            if (file) {
              upload.mutate(
                { kind, file },
                {
                  onSuccess: () => {
                    setFile(null);
                    setFailedOnLog(null);
                  },
                },
              );
            }
          }}
        >
          <EvidencePicker maxBytes={form.data.evidenceMaxBytes} kind={kind} onKind={setKind} file={file} onFile={setFile} />
          <p className="actions">
            <button type="submit" className="button" disabled={!file || upload.isPending}>
              {upload.isPending ? t('cpd.form.uploading') : t('cpd.detail.addEvidence')}
            </button>
          </p>
        </form>
      ) : null}
      {upload.isError ? <ErrorMessage error={upload.error} /> : null}
      {remove.isError ? <ErrorMessage error={remove.error} /> : null}
    </section>
  );
}

function Withdraw({ id }: { id: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const withdraw = useWithdrawActivity(id);
  const onClick = () => {
    if (!window.confirm(t('cpd.detail.withdrawConfirm'))) return;
    withdraw.mutate(undefined, { onSuccess: () => void navigate('/cpd') });
  };
  return (
    <section>
      <p className="actions">
        <button type="button" className="button button--secondary" onClick={onClick} disabled={withdraw.isPending}>
          {t('cpd.detail.withdraw')}
        </button>
      </p>
      {withdraw.isError ? <ErrorMessage error={withdraw.error} /> : null}
    </section>
  );
}
