import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

import type { InstanceStatus } from '../types/contract';

const OUTCOME_COLORS: Record<string, string> = {
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
  closed: 'default',
};

/** 进行中 / 已办结, with the outcome when the instance is finished. */
export function StatusTag({ status, outcome }: { status: InstanceStatus; outcome?: string | null }) {
  const { t } = useTranslation();
  if (status === 'running') return <Tag color="gold">{t('status.running')}</Tag>;
  return (
    <Tag color={outcome ? (OUTCOME_COLORS[outcome] ?? 'default') : 'default'}>
      {outcome ? t(`outcome.${outcome}`, { defaultValue: t('status.completed') }) : t('status.completed')}
    </Tag>
  );
}

export function StateTag({ name, current = true }: { name: string; current?: boolean }) {
  return <Tag color={current ? 'blue' : 'default'}>{name}</Tag>;
}
