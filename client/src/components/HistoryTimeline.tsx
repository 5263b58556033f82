import { useTranslation } from 'react-i18next';
import type { HistoryItem } from '../api/types.js';
import { formatDate } from '../lib/format.js';
import { StatusBadge } from './StatusBadge.js';

/** Status history, oldest first, with the reason staff gave. */
export function HistoryTimeline({ history }: { history: HistoryItem[] }) {
  const { t, i18n } = useTranslation();
  if (history.length === 0) return <p>{t('history.empty')}</p>;
  const sorted = [...history].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  return (
    <ol className="timeline">
      {sorted.map((h, i) => (
        <li key={`${h.occurredAt}-${i}`} className="timeline__item timeline__item--done">
          <span className="timeline__date">{formatDate(h.occurredAt, i18n.language)}</span>{' '}
          <span className="timeline__title">
            {h.fromStatus ? (
              <>
                <StatusBadge status={h.fromStatus} /> <span aria-hidden="true">→</span>{' '}
                <span className="visually-hidden">{t('history.to')}</span>{' '}
              </>
            ) : null}
            <StatusBadge status={h.toStatus} />
          </span>
          {h.reason ? <p className="timeline__reason">{t('history.reason', { reason: h.reason })}</p> : null}
        </li>
      ))}
    </ol>
  );
}
