import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyRegistrationDetail } from '../../api/types.js';
import { focusField, useIssueText } from '../../components/IssueList.js';
import { buildChecklist, fieldDomId, type ChecklistItem } from '../../lib/applications.js';

/** What the saved application still lacks, item by item, each linked to its form control. */
export function Checklist({ detail }: { detail: MyRegistrationDetail }) {
  const { t, i18n } = useTranslation();
  const reqLang = i18n.language === 'en' ? 'en' : 'nl';
  const { fieldLabel, issueMessage } = useIssueText(detail.criteria);
  const items = buildChecklist(detail.criteria, detail.completeness.issues, detail.evidence.map((e) => e.kind));
  const satisfied = items.filter((i) => i.issues.length === 0).length;
  const progressId = useId();

  const label = (item: ChecklistItem): string => {
    switch (item.key.kind) {
      case 'person':
        return t('checklist.person');
      case 'diploma':
        return t('checklist.diploma');
      case 'diplomaEvidence':
        return t('checklist.diplomaEvidence');
      case 'vog':
        return t('checklist.vog');
      case 'vogEvidence':
        return t('checklist.vogEvidence');
      case 'declaration':
        return t(`declaration.${item.key.code}.title`);
      case 'requirement': {
        const code = item.key.code;
        return detail.criteria.requirements.find((r) => r.code === code)?.name[reqLang] ?? code;
      }
      case 'other':
        return fieldLabel(item.key.field);
    }
  };

  return (
    <section className="checklist" aria-labelledby="checklist-heading">
      <h2 id="checklist-heading">{t('checklist.title')}</h2>
      <label className="label" htmlFor={progressId}>
        {t('checklist.progress', { satisfied, total: items.length })}
      </label>
      <progress id={progressId} className="progress" max={items.length} value={satisfied} />
      <p className="hint">
        {detail.completeness.complete ? t('checklist.complete') : t('checklist.basedOnSaved')}
      </p>
      <ul className="plain-list checklist__list">
        {items.map((item) => {
          const done = item.issues.length === 0;
          const first = item.issues[0];
          const target = first ? fieldDomId(first.field, detail.criteria) : null;
          return (
            <li key={item.id} className={done ? 'checklist__item checklist__item--done' : 'checklist__item checklist__item--todo'}>
              <span className="checklist__mark" aria-hidden="true">
                {done ? '✓' : '○'}
              </span>
              <span className="checklist__label">{label(item)}</span>{' '}
              <span className="checklist__state">{done ? t('checklist.done') : t('checklist.todo')}</span>
              {first ? (
                <span className="checklist__issue">
                  {' '}
                  {target ? (
                    <a href={`#${target}`} onClick={(e) => focusField(e, target)}>
                      {issueMessage(first)}
                    </a>
                  ) : (
                    issueMessage(first)
                  )}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
