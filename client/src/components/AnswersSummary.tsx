import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answers, EntryCriteria, Evidence, PersonDetails } from '../api/types.js';
import { EVC_ROUTE } from '../lib/applications.js';
import { isFixedEvidenceKind } from '../api/types.js';
import { formatBytes, formatDate, formatNumber } from '../lib/format.js';
import { DetailRow } from './DetailRow.js';
import { personName } from '../lib/names.js';

interface AnswersSummaryProps {
  person: (PersonDetails & { registrationNumber?: string | null }) | null;
  application: Answers;
  criteria: EntryCriteria;
  evidence: Evidence[];
  evidenceUrl: (evidenceId: string) => string;
  /** Staff: show images and PDFs on the page. */
  inlineEvidence?: boolean;
  headingLevel?: 2 | 3;
}

/** Read-only view of everything in an application: personal details, answers, declarations and evidence. */
export function AnswersSummary({
  person,
  application,
  criteria,
  evidence,
  evidenceUrl,
  inlineEvidence = false,
  headingLevel = 2,
}: AnswersSummaryProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const reqLang = lang === 'en' ? 'en' : 'nl';
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const notFilled = t('summary.notFilled');

  const diplomaText = (() => {
    const code = application.diplomaCode;
    if (!code) return notFilled;
    if (code === EVC_ROUTE) return t('form.diploma.evc');
    return criteria.diplomas.find((d) => d.code === code)?.name ?? code;
  })();

  const kindLabel = (kind: string) => {
    if (isFixedEvidenceKind(kind)) return t(`evidence.kind.${kind}`);
    return criteria.requirements.find((r) => r.code === kind)?.name[reqLang] ?? kind;
  };
  const kinds = [...new Set(evidence.map((e) => e.kind))];

  return (
    <div className="summary">
      <H>{t('form.person.legend')}</H>
      <dl className="details">
        <DetailRow label={t('summary.name')}>{person ? personName(person) : notFilled}</DetailRow>
        <DetailRow label={t('form.person.email')}>{person?.email ?? notFilled}</DetailRow>
        {person?.registrationNumber ? (
          <DetailRow label={t('account.registrationNumber')} mono>{person.registrationNumber}</DetailRow>
        ) : null}
      </dl>

      <H>{t('summary.answers')}</H>
      <dl className="details">
        {criteria.diplomas.length > 0 || criteria.evcRouteAllowed ? (
          <>
            <DetailRow label={t('form.diploma.code')}>{diplomaText}</DetailRow>
            <DetailRow label={t('form.diploma.year')}>{application.diplomaYear ?? notFilled}</DetailRow>
          </>
        ) : null}
        <DetailRow label={t('form.vog.issuedOn')}>
          {application.vogIssuedOn ? formatDate(application.vogIssuedOn, lang) : notFilled}
        </DetailRow>
        {criteria.declarations.map((code) => (
          <DetailRow key={code} label={t(`declaration.${code}.title`)}>
            {application.declarations?.[code] ? t('summary.accepted') : t('summary.notAccepted')}
          </DetailRow>
        ))}
        {criteria.requirements
          .filter((r) => r.kind === 'hours')
          .map((r) => {
            const hours = application.requirements?.[r.code]?.hours;
            return (
              <DetailRow key={r.code} label={r.name[reqLang]}>
                {hours === undefined ? notFilled : t('summary.hours', { hours: formatNumber(hours, lang) })}
                {r.minimum !== undefined ? (
                  <span className="hint-inline"> {t('form.requirements.minimum', { minimum: formatNumber(r.minimum, lang) })}</span>
                ) : null}
              </DetailRow>
            );
          })}
      </dl>

      <H>{t('summary.evidence')}</H>
      {evidence.length === 0 ? (
        <p>{t('evidence.none')}</p>
      ) : (
        <ul className="plain-list evidence-groups">
          {kinds.map((kind) => (
            <li key={kind} className="evidence-group">
              <p className="evidence-group__title">{kindLabel(kind)}</p>
              <ul className="plain-list">
                {evidence
                  .filter((e) => e.kind === kind)
                  .map((e) => (
                    <li key={e.id} className="evidence-item">
                      <a href={evidenceUrl(e.id)} target="_blank" rel="noopener">
                        {e.originalName}
                        <span className="visually-hidden"> {t('common.opensInNewWindow')}</span>
                      </a>{' '}
                      <span className="file-list__meta">
                        {t('evidence.meta', { size: formatBytes(e.sizeBytes, lang), date: formatDate(e.createdAt, lang) })}
                      </span>
                      {inlineEvidence ? <EvidencePreview evidence={e} url={evidenceUrl(e.id)} /> : null}
                    </li>
                  ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function EvidencePreview({ evidence, url }: { evidence: Evidence; url: string }) {
  const { t } = useTranslation();
  // PDFs load only on request: an embedded PDF viewer can take keyboard focus when it loads.
  const [showPdf, setShowPdf] = useState(false);
  const frameId = useId();
  if (evidence.contentType.startsWith('image/')) {
    return (
      <img className="evidence-preview evidence-preview--image" src={url} alt={t('evidence.previewAlt', { name: evidence.originalName })} loading="lazy" />
    );
  }
  if (evidence.contentType === 'application/pdf') {
    return (
      <div className="evidence-preview">
        <button
          type="button"
          className="button button--secondary button--small"
          aria-expanded={showPdf}
          aria-controls={frameId}
          onClick={() => setShowPdf((v) => !v)}
        >
          {showPdf ? t('evidence.hidePreview', { name: evidence.originalName }) : t('evidence.showPreview', { name: evidence.originalName })}
        </button>
        <div id={frameId}>
          {showPdf ? (
            <>
              <iframe className="evidence-preview__frame" src={url} title={t('evidence.previewTitle', { name: evidence.originalName })} />
              <p className="hint">
                {t('evidence.previewFallback')}{' '}
                <a href={url} target="_blank" rel="noopener">
                  {t('evidence.openFile', { name: evidence.originalName })}
                  <span className="visually-hidden"> {t('common.opensInNewWindow')}</span>
                </a>
              </p>
            </>
          ) : null}
        </div>
      </div>
    );
  }
  return null;
}
