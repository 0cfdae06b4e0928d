import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { StatutoryDay } from '../../types/contract';
import { festivalsOf } from './festivals';

const md = (date: string) => date.slice(5);

/** A year's arrangement as the notice reads: 国庆节 10-01 至 10-07 · 09-26、10-09 上班. */
export function FestivalLines({ holidays, workdays }: { holidays: StatutoryDay[]; workdays: StatutoryDay[] }) {
  const { t } = useTranslation();
  return (
    <div>
      {festivalsOf(holidays, workdays).map((f) => (
        <div key={f.name}>
          <Typography.Text strong>{f.name}</Typography.Text>{' '}
          {f.ranges
            .map(([from, to]) => (from === to ? md(from) : t('statutory.range', { from: md(from), to: md(to) })))
            .join(t('common.listSeparator'))}
          {f.makeUp.length > 0 && (
            <Typography.Text type="secondary">{` · ${t('statutory.makeUp', { dates: f.makeUp.map(md).join(t('common.listSeparator')) })}`}</Typography.Text>
          )}
        </div>
      ))}
    </div>
  );
}
