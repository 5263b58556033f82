import { useTranslation } from 'react-i18next';
import type { MyRegistrationDetail } from '../../api/types.js';
import { variantName } from '../../lib/names.js';

const APPLICATION_STATUSES = ['concept', 'submitted', 'in_review', 'rejected'];

/** "Aanvraag <variant>" while it is an application, "Registratie <variant>" once registered. */
export function usePageTitle() {
  const { t, i18n } = useTranslation();
  return (detail: MyRegistrationDetail) => {
    const variant = variantName(detail.variant, i18n.language);
    return APPLICATION_STATUSES.includes(detail.status)
      ? t('application.title', { variant })
      : t('application.titleRegistration', { variant });
  };
}
