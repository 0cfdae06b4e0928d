import { Alert, List } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { useLocalize } from '../components/localized-text';
import type { PublishCheck } from './api';

/** What the 发布 confirmation says: publishing is final, and what it drops or strands (with the way to 迁移实例). */
export function PublishConfirmContent({ check, definitionId }: { check: PublishCheck; definitionId: string }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  return (
    <div data-testid="publish-risks">
      {check.droppedBlocks.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          message={t('designer.publishConfirm.blocks')}
          description={
            <List
              size="small"
              dataSource={check.droppedBlocks}
              renderItem={(c) => <List.Item data-testid="publish-confirm-block">{localize(c.text)}</List.Item>}
            />
          }
        />
      )}
      {check.strandedSteps.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message={t('designer.publishConfirm.stranded')}
          description={
            <>
              <List
                size="small"
                dataSource={check.strandedSteps}
                renderItem={(s) => (
                  <List.Item data-testid="publish-confirm-step">
                    {t('designer.publishConfirm.step', { name: localize(s.name), count: s.running })}
                  </List.Item>
                )}
              />
              <Link to={`/definitions/${definitionId}/migrate`}>{t('designer.publishConfirm.migrate')}</Link>
            </>
          }
        />
      )}
    </div>
  );
}
