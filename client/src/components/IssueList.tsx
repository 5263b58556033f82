import { forwardRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntryCriteria, Issue } from '../api/types.js';
import { fieldDomId, normalizeField } from '../lib/applications.js';
import { isFixedEvidenceKind, isIssueCode } from '../api/types.js';

/** Label of the thing an issue is about, and the translated issue (by code; the server's text for unknown codes). */
export function useIssueText(criteria: EntryCriteria | null) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';

  const fieldLabel = (rawField: string): string => {
    const field = normalizeField(rawField);
    if (field === 'person') return t('form.person.legend');
    if (field.startsWith('person.')) {
      const name = field.slice('person.'.length);
      return i18n.exists(`form.person.${name}`) ? t(`form.person.${name}`) : t('form.person.legend');
    }
    if (field === 'variant') return t('issueField.variant');
    if (field === 'diplomaCode') return t('form.diploma.code');
    if (field === 'diplomaYear') return t('form.diploma.year');
    if (field === 'vogIssuedOn') return t('form.vog.issuedOn');
    if (field.startsWith('declarations.')) {
      const code = field.slice('declarations.'.length);
      return i18n.exists(`declaration.${code}.title`) ? t(`declaration.${code}.title`) : code;
    }
    const [head, code = ''] = field.split('.');
    if (head === 'evidence' || head === 'requirements') {
      if (isFixedEvidenceKind(code)) return t(`evidence.kind.${code}`);
      const req = criteria?.requirements.find((r) => r.code === code);
      if (req) return req.name[lang];
      return code;
    }
    return field;
  };

  const issueMessage = (issue: Issue): string => {
    if (isIssueCode(issue.code)) {
      if (issue.code === 'vog_too_old' && criteria?.vogMaxAgeMonths == null) return issue.message || t('issue.vog_too_old_generic');
      return t(`issue.${issue.code}`, { count: criteria?.vogMaxAgeMonths ?? 0 });
    }
    return issue.message || issue.code;
  };

  return { fieldLabel, issueMessage };
}

/** Move focus to a form control (used by links in issue lists). */
export function focusField(event: MouseEvent<HTMLAnchorElement>, id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  event.preventDefault();
  el.scrollIntoView({ block: 'center' });
  el.focus();
}

interface IssueListProps {
  issues: Issue[];
  criteria: EntryCriteria | null;
  title: string;
  intro?: string;
  /** Render links to the form controls (only when the form is on the page). */
  linkToFields?: boolean;
}

/** Error summary: a focusable box listing issues, each linked to its field. */
export const IssueList = forwardRef<HTMLDivElement, IssueListProps>(function IssueList(
  { issues, criteria, title, intro, linkToFields = true },
  ref,
) {
  const { fieldLabel, issueMessage } = useIssueText(criteria);
  return (
    <div className="notice notice--error issue-summary" role="alert" tabIndex={-1} ref={ref}>
      <p className="notice__title">{title}</p>
      {intro ? <p>{intro}</p> : null}
      <ul className="issue-summary__list">
        {issues.map((issue, i) => {
          const id = criteria && linkToFields ? fieldDomId(issue.field, criteria) : null;
          const text = `${fieldLabel(issue.field)}: ${issueMessage(issue)}`;
          return (
            <li key={`${issue.field}-${issue.code}-${i}`}>
              {id ? (
                <a href={`#${id}`} onClick={(e) => focusField(e, id)}>
                  {text}
                </a>
              ) : (
                text
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
});
