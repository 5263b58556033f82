import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cycle } from '../api/types.js';
import { cycleProgress, todayInAmsterdam } from '../lib/applications.js';
import { formatDate, formatNumber } from '../lib/format.js';

/**
 * The registration period: a <progress> of elapsed days, then its start, the last day to request reregistration
 * (deadline) and the herregistratiedatum, as Dutch readers write dates ("14 maart 2031").
 */
export function CycleTimeline({ cycle }: { cycle: Cycle }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const labelId = useId();
  const today = todayInAmsterdam();
  const progress = cycleProgress(cycle, today);
  const reregistration = cycle.reregistrationOn;
  const milestones = [
    { key: 'start', label: t('cycle.start'), date: cycle.startsOn, passed: today >= cycle.startsOn },
    { key: 'deadline', label: t('cycle.deadline'), date: cycle.deadline, passed: today > cycle.deadline },
    { key: 'reregistration', label: t('cycle.reregistration'), date: reregistration, passed: today >= reregistration },
  ];

  return (
    <div className="cycle">
      {progress ? (
        <>
          <p className="cycle__label" id={labelId}>
            {t('cycle.progressLabel')}
          </p>
          <progress className="progress" max={progress.totalDays} value={progress.elapsedDays} aria-labelledby={labelId} />
          <p className="cycle__text">
            {t('cycle.elapsed', {
              elapsed: formatNumber(progress.elapsedDays, lang),
              total: formatNumber(progress.totalDays, lang),
            })}{' '}
            {progress.deadlinePassed
              ? t('cycle.deadlinePassed')
              : t('cycle.daysToDeadline', { count: progress.daysToDeadline })}
          </p>
        </>
      ) : null}
      <ol className="timeline timeline--cycle">
        {milestones.map((m) => (
          <li key={m.key} className={m.passed ? 'timeline__item timeline__item--done' : 'timeline__item'}>
            <span className="timeline__title">{m.label}</span>{' '}
            <span className="timeline__date">{formatDate(m.date, lang)}</span>{' '}
            <span className="timeline__state">{m.passed ? t('cycle.passed') : t('cycle.upcoming')}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
