import dayjs from 'dayjs';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export const DATE_TIME = 'YYYY-MM-DD HH:mm';
export const DATE = 'YYYY-MM-DD';

export function formatDateTime(iso: string | null | undefined, format = DATE_TIME): string {
  return iso ? dayjs(iso).format(format) : '';
}

/** A timestamp in local time; red and marked when `overdue`. */
export function DateText({ value, overdue, format = DATE_TIME }: { value: string | null | undefined; overdue?: boolean; format?: string }) {
  const { t } = useTranslation();
  if (!value) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <Typography.Text type={overdue ? 'danger' : undefined} strong={overdue} title={dayjs(value).format('YYYY-MM-DD HH:mm:ss')}>
      {dayjs(value).format(format)}
      {overdue ? ` · ${t('tasks.overdue')}` : ''}
    </Typography.Text>
  );
}
