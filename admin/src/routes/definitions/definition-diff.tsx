import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Empty, List, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';

import { ErrorResult } from '../../components/error-result';
import { useLocalize } from '../../components/localized-text';
import { designerApi, type DiffResult } from '../../designer/api';
import { useDefinitions } from '../../hooks/use-reference-data';

const CHANGE_COLOR = { added: 'green', removed: 'red', changed: 'blue', renamed: 'purple', moved: 'orange' } as const;

/** 版本对比: what changed between this version and the previous published one (or any other of the key). */
export function DefinitionDiff() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const localize = useLocalize();
  const navigate = useNavigate();
  const [against, setAgainst] = useState<string | undefined>();
  const [diff, setDiff] = useState<DiffResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const all = useDefinitions();
  useEffect(() => {
    setDiff(null);
    designerApi.diff(id, against).then(setDiff, setError);
  }, [id, against]);
  if (error) return <ErrorResult error={error} />;
  if (!diff) return <Skeleton active />;
  const siblings = all.rows
    .filter((d) => d.key === diff.to.key && d.id !== id)
    .map((d) => ({ value: d.id, label: `v${d.version} · ${t(`definitions.filter.${d.status}`)}` }));
  return (
    <Card
      data-testid="designer-diff"
      title={
        <Space>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            onClick={() => navigate(-1)}
            aria-label={t('designer.back')}
          />
          {t('designer.diffPage.title', { name: localize(diff.to.name), version: diff.to.version })}
        </Space>
      }
      extra={
        <Space>
          <Typography.Text>{t('designer.diffPage.against')}</Typography.Text>
          <Select
            style={{ width: 200 }}
            value={against ?? diff.from?.id}
            options={siblings}
            onChange={setAgainst}
            placeholder={t('designer.diffPage.none')}
          />
        </Space>
      }
    >
      {!diff.from ? (
        <Empty description={t('designer.diffPage.first')} />
      ) : diff.changes.length === 0 ? (
        <Empty description={t('designer.diffPage.same')} />
      ) : (
        <List
          size="small"
          header={t('designer.diffPage.summary', {
            from: diff.from.version,
            to: diff.to.version,
            count: diff.changes.length,
          })}
          dataSource={diff.changes}
          renderItem={(c) => (
            <List.Item>
              <Space>
                <Tag color={CHANGE_COLOR[c.change]}>{t(`designer.diffPage.change.${c.change}`)}</Tag>
                <Tag>{t(`designer.diffPage.kind.${c.kind}`)}</Tag>
                <span>{localize(c.text)}</span>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
