import { useTranslation } from 'react-i18next';
import { ACCREDITATION_STATUSES } from '../../api/accreditations.js';

/** The request's status as text and colour (never colour alone), in the colours of the registration statuses. */
const BADGE: Record<(typeof ACCREDITATION_STATUSES)[number], string> = {
  submitted: 'badge--submitted',
  approved: 'badge--registered',
  rejected: 'badge--rejected',
  objection: 'badge--in_review',
  withdrawn: 'badge--withdrawn',
};

export function AccreditationBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const known = (ACCREDITATION_STATUSES as readonly string[]).includes(status);
  return (
    <span className={`badge ${known ? BADGE[status as keyof typeof BADGE] : 'badge--unknown'}`} data-status={status}>
      {known ? t(`accreditation.status.${status}`) : status}
    </span>
  );
}

/** A named form (training, e-learning, …) in the reader's language. */
export const named = (n: { nl: string; en: string }, lang: string) => (lang === 'en' ? n.en : n.nl);
