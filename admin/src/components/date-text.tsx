import { useTranslation } from 'react-i18next';

import { inDistrict } from '../config/time';
import { CellText } from './cell-text';

export const DATE_TIME = 'YYYY-MM-DD HH:mm';

export function formatDateTime(iso: string | null | undefined, format = DATE_TIME): string {
  return iso ? inDistrict(iso).format(format) : '';
}

/** A timestamp in the district's time zone; red and marked when `overdue`. */
export function DateText({
  value,
  overdue,
  format = DATE_TIME,
}: {
  value: string | null | undefined;
  overdue?: boolean;
  format?: string;
}) {
  const { t } = useTranslation();
  if (!value) return <CellText tone="secondary">{t('common.none')}</CellText>;
  const at = inDistrict(value); // once for both texts: the zone's offset is the costly part
  return (
    <CellText tone={overdue ? 'danger' : undefined} strong={overdue} title={at.format('YYYY-MM-DD HH:mm:ss Z')}>
      {at.format(format)}
      {overdue ? ` · ${t('tasks.overdue')}` : ''}
    </CellText>
  );
}
