import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { formatDate } from '../../lib/format.js';

/** The error, plus exactly why when the server says it: the variants a code is for, its term, the limit. */
export function CpdError({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  let detail: string | null = null;
  if (error instanceof ApiError && typeof error.details === 'object' && error.details !== null) {
    const d = error.details as { variants?: Array<{ name: string }>; validFrom?: string; validUntil?: string; max?: number };
    if (error.code === 'accreditation_other_variant' && d.variants) detail = t('cpd.errorDetail.otherVariant', { variants: d.variants.map((v) => v.name).join(', ') });
    if (error.code === 'accreditation_outside_term' && d.validFrom && d.validUntil) {
      detail = t('cpd.errorDetail.outsideTerm', { from: formatDate(d.validFrom, i18n.language), until: formatDate(d.validUntil, i18n.language) });
    }
    if (error.code === 'activity_amount_invalid' && typeof d.max === 'number') detail = t('cpd.errorDetail.limit', { max: d.max });
  }
  return (
    <>
      <ErrorMessage error={error} />
      {detail ? <p className="field-error">{detail}</p> : null}
    </>
  );
}
