import { Alert, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

import { coverageWarnings, useCalendarCoverage } from '../hooks/use-calendar-coverage';
import { useCan } from '../hooks/use-can';
import { formatDateTime } from './date-text';

// A year not covered yet but with no deadline in it may be set aside for the session; a deadline may not.
const DISMISSED_KEY = 'eduflow.calendarCoverage.dismissed';
function readDismissed(): number[] {
  try {
    const v: unknown = JSON.parse(sessionStorage.getItem(DISMISSED_KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((y): y is number => typeof y === 'number') : [];
  } catch {
    return [];
  }
}

/**
 * For bureau admins, at the top of every page: deadlines that fall in a year whose statutory holidays
 * nobody has loaded (counted Monday–Friday, holidays not skipped), or this / next year not covered yet.
 */
export function CalendarCoverageBanner() {
  const { t } = useTranslation();
  const canEdit = useCan('update', 'Calendar');
  const { pathname } = useLocation();
  const { data } = useCalendarCoverage(canEdit);
  const [dismissed, setDismissed] = useState(() => new Set(readDismissed()));
  const warnings = coverageWarnings(data);
  const deadlines = warnings.deadlines;
  const uncoveredYears = warnings.uncoveredYears.filter((y) => !dismissed.has(y));
  if (!canEdit || (deadlines.length === 0 && uncoveredYears.length === 0)) return null;
  const dismiss = (year: number) => {
    const next = new Set(dismissed).add(year);
    sessionStorage.setItem(DISMISSED_KEY, JSON.stringify([...next]));
    setDismissed(next);
  };
  const link = pathname === '/calendar' ? null : <Link to="/calendar">{t('statutory.goToCalendar')}</Link>;
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }} data-testid="calendar-coverage-banner">
      {deadlines.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message={t('statutory.uncoveredDeadlines', {
            years: deadlines.map((d) => d.year).join('、'),
            first: formatDateTime(deadlines[0]?.firstDueAt, 'YYYY-MM-DD'),
          })}
          action={link}
        />
      )}
      {uncoveredYears.map((year) =>
        // This year uncovered is urgent; next year may wait for the State Council's notice.
        year === data?.years[0]?.year ? (
          <Alert key={year} type="warning" showIcon message={t('statutory.yearUncovered', { year })} action={link} />
        ) : (
          <Alert
            key={year}
            type="info"
            showIcon
            closable
            onClose={() => dismiss(year)}
            message={t('statutory.yearUncovered', { year })}
            action={link}
          />
        ),
      )}
    </Space>
  );
}
