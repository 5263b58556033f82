import { useTranslation } from 'react-i18next';
import type { StaffApplicationDetail } from '../../api/types.js';
import { useIssueText } from '../../components/IssueList.js';

/** What the registrant's application still lacks, as staff read it. */
export function CompletenessNotes({ detail }: { detail: StaffApplicationDetail }) {
  const { t } = useTranslation();
  const { fieldLabel, issueMessage } = useIssueText(detail.criteria);
  if (detail.completeness.complete || detail.completeness.issues.length === 0) {
    return <p className="notice notice--success">{t('staff.dossier.complete')}</p>;
  }
  return (
    <div className="notice notice--attention">
      <p className="notice__title">{t('staff.dossier.incomplete')}</p>
      <ul>
        {detail.completeness.issues.map((issue, i) => (
          <li key={`${issue.field}-${i}`}>
            {fieldLabel(issue.field)}: {issueMessage(issue)}
          </li>
        ))}
      </ul>
    </div>
  );
}
