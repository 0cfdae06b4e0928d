import { Alert, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { useLocalize } from '../../../components/localized-text';
import { RuleReasons } from '../../../components/rule-reasons';
import type { InstanceView } from '../../../types/contract';

/** 未通过: the automatic step that refused the request and each of its rules that was not met, with why. */
export function RefusalCard({ view }: { view: InstanceView }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const refusal = view.refusal;
  if (!refusal) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="refusal"
      message={t('refusal.title')}
      description={
        <Space direction="vertical" size={4}>
          <Typography.Text>
            {t('refusal.intro', { step: localize(refusal.stateName), count: refusal.reasons.length })}
          </Typography.Text>
          <RuleReasons reasons={refusal.reasons} schoolName={(id) => view.refs?.[id]?.name} />
          {view.status === 'completed' && <Typography.Text type="secondary">{t('refusal.whatNext')}</Typography.Text>}
        </Space>
      }
    />
  );
}
