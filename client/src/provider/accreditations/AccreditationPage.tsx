import { useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { runInput } from '../../../../server/contract/accreditations.js';
import { useAccreditation, useAddRun, useObjectAccreditation, useSetAgenda, useWithdrawAccreditation, type AccreditationDetail } from '../../api/accreditations.js';
import { DetailRow } from '../../components/DetailRow.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { FieldFrame } from '../../components/form/FieldFrame.js';
import { RequireLogin } from '../../components/RequireLogin.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { useDocumentTitle } from '../../lib/hooks.js';
import { AccreditationFacts, AccreditationQueryState, ObjectionList } from './parts.js';
import { RunAttendancePanel } from './RunAttendancePanel.js';

/** /provider/accreditations/:id — status, decision and reason, code, validity, objection, runs and attendance. */
export function AccreditationPage() {
  const { t } = useTranslation();
  return (
    <>
      <p className="back-link">
        <Link to="/provider/accreditations">{t('accreditation.backToList')}</Link>
      </p>
      <RequireLogin role="provider">{() => <Detail />}</RequireLogin>
    </>
  );
}

function Detail() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { id = '' } = useParams();
  const query = useAccreditation(id);
  const [lodged, setLodged] = useState(false);
  useDocumentTitle(query.data?.title ?? t('accreditation.detail.title'));
  if (query.isPending || query.isError) return <AccreditationQueryState query={query} />;
  const a = query.data;
  const lastDecision = a.decisions.at(-1);
  return (
    <article>
      <h1>{a.title}</h1>
      <AccreditationFacts
        a={a}
        points={
          <DetailRow label={t('accreditation.fields.points')}>
            {a.points === null ? t('accreditation.detail.expectedPoints', { points: formatNumber(a.computedPoints, lang) }) : formatNumber(a.points, lang)}
          </DetailRow>
        }
      />
      <p className="prewrap">{a.description}</p>

      {a.rejectionReason && (a.status === 'rejected' || a.status === 'objection') ? (
        <div className="notice notice--attention">
          <p className="notice__title">{lastDecision?.outcome === 'objection_refused' ? t('accreditation.detail.objectionRefused') : t('accreditation.detail.rejected')}</p>
          <p className="prewrap">{a.rejectionReason}</p>
        </div>
      ) : null}
      {a.status === 'objection' ? <p className="notice">{t('accreditation.detail.objectionPending')}</p> : null}
      {a.status === 'approved' && a.objectionOpen ? <p className="notice">{t('accreditation.detail.objectionPendingApproved')}</p> : null}

      <ObjectionList a={a} focus={lodged} />
      <Actions a={a} />
      {a.can.object ? <ObjectionForm a={a} onLodged={() => setLodged(true)} /> : null}
      {a.can.toggleAgenda ? <AgendaToggle a={a} /> : null}

      <section aria-labelledby="runs-heading">
        <h2 id="runs-heading">{t('accreditation.fields.runs')}</h2>
        <ul className="plain-list">
          {a.runs.map((r) => (
            <li key={r.id} className="card">
              <h3 className="card__title">
                {r.startsOn === r.endsOn ? formatDate(r.startsOn, lang) : t('accreditation.detail.period', { from: formatDate(r.startsOn, lang), until: formatDate(r.endsOn, lang) })} · {r.place}
                {r.online ? ` · ${t('accreditation.fields.online')}` : ''}
              </h3>
              <p className="card__subtitle">{t('accreditation.detail.bookedCount', { count: r.bookedCount })}</p>
              {a.can.uploadAttendance ? <RunAttendancePanel runId={r.id} /> : null}
            </li>
          ))}
        </ul>
        {a.can.addRun ? <AddRun a={a} /> : null}
      </section>
    </article>
  );
}

function Actions({ a }: { a: AccreditationDetail }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawAccreditation(a.id);
  if (!a.can.withdraw) return null;
  return (
    <div className="actions">
      {withdraw.isError ? <ErrorMessage error={withdraw.error} /> : null}
      <button
        type="button"
        className="button button--secondary"
        disabled={withdraw.isPending}
        onClick={() => {
          if (window.confirm(t('accreditation.detail.withdrawConfirm'))) withdraw.mutate(undefined);
        }}
      >
        {t('accreditation.detail.withdraw')}
      </button>
    </div>
  );
}

function ObjectionForm({ a, onLodged }: { a: AccreditationDetail; onLodged: () => void }) {
  const { t, i18n } = useTranslation();
  const object = useObjectAccreditation(a.id);
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  const id = useId();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 5) return setInvalid(true);
    setInvalid(false);
    object.mutate(reason.trim(), { onSuccess: onLodged });
  };
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('accreditation.objection.title')}</h2>
      <p>{t('accreditation.objection.intro', { deadline: a.objectionDeadline ? formatDate(a.objectionDeadline, i18n.language) : '' })}</p>
      {a.status === 'approved' ? <p className="hint">{t('accreditation.objection.introApproved')}</p> : null}
      {object.isError ? <ErrorMessage error={object.error} /> : null}
      <form className="form" noValidate onSubmit={onSubmit}>
        <FieldFrame announce id={id} label={t('accreditation.objection.reason')} error={invalid ? t('accreditation.objection.reasonRequired') : null}>
          {(d) => <textarea id={id} className="textarea" rows={5} maxLength={5000} value={reason} onChange={(e) => setReason(e.target.value)} aria-describedby={d} aria-invalid={invalid || undefined} />}
        </FieldFrame>
        <button type="submit" className="button" disabled={object.isPending}>
          {t('accreditation.objection.submit')}
        </button>
      </form>
    </section>
  );
}

function AgendaToggle({ a }: { a: AccreditationDetail }) {
  const { t } = useTranslation();
  const set = useSetAgenda(a.id);
  const id = useId();
  // Shown at once; the answer (or an error) settles it.
  const [shown, setShown] = useState(a.inAgenda);
  return (
    <div className="field">
      <div className="choice">
        <input className="choice__input" type="checkbox" id={id} checked={shown}
          onChange={(e) => {
            const next = e.target.checked;
            setShown(next);
            set.mutate(next, { onError: () => setShown(!next) });
          }} aria-describedby={`${id}-hint`} />
        <label className="choice__label" htmlFor={id}>
          {t('accreditation.agenda.toggle')}
        </label>
      </div>
      <p className="hint" id={`${id}-hint`}>
        {shown ? t('accreditation.agenda.shown') : t('accreditation.agenda.hidden')}
      </p>
      {set.isError ? <ErrorMessage error={set.error} /> : null}
    </div>
  );
}

function AddRun({ a }: { a: AccreditationDetail }) {
  const { t, i18n } = useTranslation();
  const add = useAddRun(a.id);
  const [run, setRun] = useState({ startsOn: '', endsOn: '', place: '', online: false });
  const [invalid, setInvalid] = useState(false);
  const base = useId();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = runInput.safeParse(run);
    if (!parsed.success) return setInvalid(true);
    setInvalid(false);
    add.mutate(parsed.data, { onSuccess: () => setRun({ startsOn: '', endsOn: '', place: '', online: false }) });
  };
  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby={`${base}-h`}>
      <h3 id={`${base}-h`}>{t('accreditation.runs.add')}</h3>
      <p className="hint">{t('accreditation.runs.withinTerm', { from: formatDate(a.validFrom!, i18n.language), until: formatDate(a.validUntil!, i18n.language) })}</p>
      {invalid ? (
        <p className="field-error" role="alert">
          {t('accreditation.new.invalid.runs')}
        </p>
      ) : null}
      {add.isError ? <ErrorMessage error={add.error} /> : null}
      <div className="filters__row">
        <FieldFrame announce id={`${base}-s`} label={t('accreditation.fields.startsOn')} error={null}>
          {(d) => <input id={`${base}-s`} className="input" type="date" min={a.validFrom!} max={a.validUntil!} value={run.startsOn} onChange={(e) => setRun({ ...run, startsOn: e.target.value })} aria-describedby={d} />}
        </FieldFrame>
        <FieldFrame announce id={`${base}-e`} label={t('accreditation.fields.endsOn')} error={null}>
          {(d) => <input id={`${base}-e`} className="input" type="date" min={a.validFrom!} max={a.validUntil!} value={run.endsOn} onChange={(e) => setRun({ ...run, endsOn: e.target.value })} aria-describedby={d} />}
        </FieldFrame>
        <FieldFrame announce id={`${base}-p`} label={t('accreditation.fields.place')} error={null}>
          {(d) => <input id={`${base}-p`} className="input" maxLength={200} value={run.place} onChange={(e) => setRun({ ...run, place: e.target.value })} aria-describedby={d} />}
        </FieldFrame>
        <div className="choice">
          <input className="choice__input" type="checkbox" id={`${base}-o`} checked={run.online} onChange={(e) => setRun({ ...run, online: e.target.checked })} />
          <label className="choice__label" htmlFor={`${base}-o`}>
            {t('accreditation.fields.online')}
          </label>
        </div>
      </div>
      <button type="submit" className="button" disabled={add.isPending}>
        {t('accreditation.runs.addSubmit')}
      </button>
    </form>
  );
}
